import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../../core/clock.ts';
import type { WorkspaceManager } from '../../core/workspaces.ts';
import type { Db } from '../../store/db.ts';
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

/** What the calendar changed today, per workspace (kept across locks and unlocks of the day). */
const days = new Map<string, UpkeepDay>();
/**
 * The day each open connection was last brought up to date. Per connection, not per workspace:
 * every opening (each unlock, e.g. after a backup was restored) is checked again.
 */
const doneFor = new WeakMap<Db, string>();
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
  const db = ws.db;
  const today = localDate(clock.now());
  if (running.has(wsId) || doneFor.get(db) === today) return null;
  running.add(wsId);
  try {
    let day = days.get(wsId);
    if (!day || day.day !== today) days.set(wsId, (day = { day: today, lastRunAt: clock.now().toISOString(), credentials: 0, licences: 0, certifications: 0, failed: [] }));
    if (isFieldCopy(db)) {
      doneFor.set(db, today);
      return day;
    }
    const key = `${wsId}:${today}`;
    let skip = skips.get(key);
    if (!skip) {
      skips.clear(); // yesterday's refusals are tried again today
      skips.set(key, (skip = new Set()));
    }
    for (;;) {
      // Locked, or another workspace opened, while we yielded: stop; the next opening goes on.
      if (!ws.user || ws.db !== db) return null;
      const pass = expireDue(db, { today, now: clock.now().toISOString(), limit: UPKEEP_PASS_SIZE, skip });
      day.credentials += pass.credentials;
      day.licences += pass.licences;
      day.certifications += pass.certifications;
      day.failed.push(...pass.failed);
      day.lastRunAt = clock.now().toISOString();
      if (!pass.more) break;
      await nextTurn();
    }
    doneFor.set(db, today);
    return day;
  } catch (e) {
    // A database error (disk full, busy for long): tried again at the next check.
    console.error('[centinela] daily upkeep failed:', e);
    return null;
  } finally {
    running.delete(wsId);
  }
}
