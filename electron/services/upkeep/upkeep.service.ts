import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../../core/clock.ts';
import type { WorkspaceManager } from '../../core/workspaces.ts';
import { localDate } from '../personnel/credentials.ts';
import { isFieldCopy } from '../field/field.mode.ts';
import { expireDue, type ExpiryCounts, type ExpiryPass } from './expiry.ts';

/** What the calendar changed in a workspace on one day (since this process started). */
export interface UpkeepDay extends ExpiryCounts {
  day: string;
  lastRunAt: string;
  failed: ExpiryPass['failed'];
}

/** Records per transaction: small enough that commands waiting for the database get in between. */
export const UPKEEP_PASS_SIZE = 500;

const days = new Map<string, UpkeepDay>();
const skips = new Map<string, Set<string>>();
const running = new Set<string>();

/** Today's automatic changes in the open workspace, or null when none ran yet today. */
export function upkeepToday(ws: WorkspaceManager, clock: Clock): UpkeepDay | null {
  if (!ws.user) return null;
  const d = days.get(ws.keyring.file.workspaceId);
  return d && d.day === localDate(clock.now()) ? d : null;
}

/**
 * The daily upkeep: once per workstation day, and at once after the workspace is opened, moves
 * what has passed its expiry date to Expired (see {@link expireDue}). Runs only while a workspace
 * is open (the data key exists only then) and never in a field copy (the office decides there).
 * Works in passes of {@link UPKEEP_PASS_SIZE} records, each its own transaction, yielding in
 * between, so a backlog of thousands never holds the database for long; a pass is complete in
 * itself, so a crash between passes loses nothing and the next run goes on. Never throws.
 */
export async function runDailyUpkeep(ws: WorkspaceManager, clock: Clock): Promise<UpkeepDay | null> {
  if (!ws.user) return null;
  const wsId = ws.keyring.file.workspaceId;
  const today = localDate(clock.now());
  if (running.has(wsId) || days.get(wsId)?.day === today) return null;
  running.add(wsId);
  try {
    const day: UpkeepDay = { day: today, lastRunAt: clock.now().toISOString(), credentials: 0, licences: 0, certifications: 0, failed: [] };
    if (isFieldCopy(ws.db)) {
      days.set(wsId, day);
      return day;
    }
    const skip = skips.get(`${wsId}:${today}`) ?? new Set<string>();
    skips.clear();
    skips.set(`${wsId}:${today}`, skip);
    for (;;) {
      // Locked, or another workspace opened, while we yielded: stop; the next unlock goes on.
      if (!ws.user || ws.keyring.file.workspaceId !== wsId) return null;
      const pass = expireDue(ws.db, { today, now: clock.now().toISOString(), limit: UPKEEP_PASS_SIZE, skip });
      day.credentials += pass.credentials;
      day.licences += pass.licences;
      day.certifications += pass.certifications;
      day.failed.push(...pass.failed);
      if (!pass.more) break;
      await nextTurn();
    }
    day.lastRunAt = clock.now().toISOString();
    days.set(wsId, day);
    return day;
  } catch (e) {
    // A database error (disk full, busy for long): tried again at the next check.
    console.error('[centinela] daily upkeep failed:', e);
    return null;
  } finally {
    running.delete(wsId);
  }
}
