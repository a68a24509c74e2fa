import { existsSync } from 'node:fs';
import type { Db } from '../../store/db.ts';
import type { BackupRecord, BackupSettings } from '../../../shared/commands/backups.ts';

/** Backup settings are rows of the agency's `settings` table (inside the encrypted database). */
const KEYS = { folder: 'backup.folder', enabled: 'backup.enabled', intervalHours: 'backup.interval_hours', keep: 'backup.keep' } as const;

export function readBackupSettings(db: Db): BackupSettings {
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'backup.%'`).all() as { key: string; value: string }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return {
    folder: m.get(KEYS.folder) || null,
    enabled: m.get(KEYS.enabled) === '1',
    intervalHours: Number(m.get(KEYS.intervalHours) ?? 24),
    keep: Number(m.get(KEYS.keep) ?? 14),
  };
}

export function writeBackupSettings(db: Db, s: BackupSettings): void {
  const up = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  up.run(KEYS.folder, s.folder ?? '');
  up.run(KEYS.enabled, s.enabled ? '1' : '0');
  up.run(KEYS.intervalHours, String(s.intervalHours));
  up.run(KEYS.keep, String(s.keep));
}

interface Row { id: string; kind: 'manual' | 'scheduled'; path: string; size_bytes: number; db_sha256: string; journal_seq: number; created_at: string; created_by: string | null }

const toRecord = (r: Row): BackupRecord => ({
  id: r.id, kind: r.kind, path: r.path, sizeBytes: r.size_bytes, dbSha256: r.db_sha256, journalSeq: r.journal_seq,
  createdAt: r.created_at, createdBy: r.created_by, present: existsSync(r.path),
});

export function insertBackup(db: Db, r: Omit<BackupRecord, 'present'>): BackupRecord {
  db.prepare(`INSERT INTO backups (id, kind, path, size_bytes, db_sha256, journal_seq, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.kind, r.path, r.sizeBytes, r.dbSha256, r.journalSeq, r.createdAt, r.createdAt, r.createdBy);
  return getBackup(db, r.id)!;
}

export function getBackup(db: Db, id: string): BackupRecord | null {
  const r = db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as Row | undefined;
  return r ? toRecord(r) : null;
}

/** The last 200 backups, newest first (older ones are history only; their folders are usually gone). */
export function listBackups(db: Db): BackupRecord[] {
  return (db.prepare('SELECT * FROM backups ORDER BY created_at DESC, id DESC LIMIT 200').all() as Row[]).map(toRecord);
}

export function lastBackupAt(db: Db): string | null {
  return (db.prepare('SELECT max(created_at) AS at FROM backups').get() as { at: string | null }).at;
}
