import { isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { BackupRecord } from '../../../shared/commands/backups.ts';
import { appendJournal } from '../../store/journal.ts';
import type { Clock } from '../../core/clock.ts';
import { DB_FILE, type WorkspaceManager } from '../../core/workspaces.ts';
import { insertBackup, lastBackupAt, readBackupSettings } from './backups.repo.ts';
import { applyRetention, writeBackup, type WrittenBackup } from './backup.write.ts';

/** A folder the user typed: absolute, so it cannot silently land somewhere relative to the app. */
export function checkFolder(folder: string, field: string): string {
  if (!isAbsolute(folder)) throw AppError.validation(field, 'validation.absolutePath');
  return resolve(folder);
}

/** The slow part (snapshot, copy, checksums, retention), outside any transaction. */
export async function makeBackupFiles(ws: WorkspaceManager, clock: Clock, folder: string, kind: 'manual' | 'scheduled'): Promise<WrittenBackup> {
  const dir = ws.dir;
  if (!dir) throw new AppError('LOCKED', 'errors.locked');
  const keyring = ws.keyring;
  const settings = readBackupSettings(ws.db);
  const written = await writeBackup({
    dbFile: join(dir, DB_FILE), keyringFile: keyring.path, key: ws.dataKey, folder, workspaceId: keyring.file.workspaceId,
    label: keyring.file.label, now: clock.now(), kind,
  });
  applyRetention(folder, keyring.file.workspaceId, settings.keep);
  return written;
}

export function recordOf(w: WrittenBackup, kind: 'manual' | 'scheduled', at: string, userId: string | null): Omit<BackupRecord, 'present'> {
  return { id: uuidv7(), kind, path: w.path, sizeBytes: w.sizeBytes, dbSha256: w.dbSha256, journalSeq: w.journalSeq, createdAt: at, createdBy: userId };
}

/** When the next scheduled backup is due (null when scheduling is off or no folder is set). */
export function nextDueAt(ws: WorkspaceManager, clock: Clock): string | null {
  const s = readBackupSettings(ws.db);
  if (!s.enabled || !s.folder) return null;
  const last = lastBackupAt(ws.db);
  if (!last) return clock.now().toISOString();
  return new Date(new Date(last).getTime() + s.intervalHours * 3_600_000).toISOString();
}

const lastErrors = new Map<string, string>();
const running = new Set<string>();

/** The last scheduled-backup failure for this workspace (e.g. the USB drive was not plugged in). */
export function lastScheduledError(ws: WorkspaceManager): string | null {
  return ws.user ? lastErrors.get(ws.keyring.file.workspaceId) ?? null : null;
}

/**
 * Called by a timer: makes the scheduled backup when one is due. Runs only while the workspace is
 * unlocked (the data key exists only then); a backup missed while locked is made at the next
 * unlock. Journaled as the system, whoever is signed in. Never throws: a failure is kept for
 * the backups page and retried at the next tick.
 */
export async function runScheduledBackup(ws: WorkspaceManager, clock: Clock): Promise<BackupRecord | null> {
  if (!ws.user) return null;
  const wsId = ws.keyring.file.workspaceId;
  if (running.has(wsId)) return null;
  const due = nextDueAt(ws, clock);
  if (!due || new Date(due).getTime() > clock.now().getTime()) return null;
  running.add(wsId);
  try {
    const folder = readBackupSettings(ws.db).folder!;
    const w = await makeBackupFiles(ws, clock, folder, 'scheduled');
    const db = ws.db;
    const at = clock.now().toISOString();
    const rec = db.transaction(() => {
      const r = insertBackup(db, recordOf(w, 'scheduled', at, null));
      appendJournal(db, { at, userId: null, username: null, command: 'backups.scheduled', entityType: 'backup', entityId: r.id, payload: { path: r.path, dbSha256: r.dbSha256 } });
      return r;
    })();
    lastErrors.delete(wsId);
    return rec;
  } catch (e) {
    lastErrors.set(wsId, e instanceof AppError ? e.data.messageKey : String((e as Error).message ?? e).slice(0, 300));
    return null;
  } finally {
    running.delete(wsId);
  }
}
