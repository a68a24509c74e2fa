import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openEncrypted } from '../../store/db.ts';
import {
  BACKUP_DB_FILE, BACKUP_KEYRING_FILE, BACKUP_PREFIX, MANIFEST_FILE, fileSha256, manifestMac, readManifest, type BackupManifest,
} from './backup.manifest.ts';
import { snapshotDatabase } from './backup.snapshot.ts';

export interface WrittenBackup {
  path: string;
  sizeBytes: number;
  dbSha256: string;
  journalSeq: number;
  manifest: BackupManifest;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');

/**
 * Writes one backup folder `centinela-backup-<time>-<random>` under `folder`: the encrypted
 * snapshot, a copy of the keyring (which wraps the same data key for each user and the recovery
 * key), and the manifest. It is built under a `.partial` name and renamed when complete, so a
 * crash or a pulled USB drive never leaves something that looks like a finished backup.
 */
export async function writeBackup(o: {
  dbFile: string; keyringFile: string; key: Buffer; folder: string; workspaceId: string; label: string; now: Date; kind: 'manual' | 'scheduled';
}): Promise<WrittenBackup> {
  mkdirSync(o.folder, { recursive: true });
  const name = `${BACKUP_PREFIX}${stamp(o.now)}-${randomBytes(3).toString('hex')}`;
  const partial = join(o.folder, `${name}.partial`);
  const final = join(o.folder, name);
  mkdirSync(partial, { mode: 0o700 });
  try {
    const dbCopy = join(partial, BACKUP_DB_FILE);
    await snapshotDatabase(o.dbFile, dbCopy, o.key);
    // The copy must open with the key and tells which journal entry it ends with.
    const check = openEncrypted(dbCopy, o.key);
    let journalSeq: number;
    let schemaVersion: number;
    try {
      journalSeq = (check.prepare('SELECT coalesce(max(seq), 0) AS n FROM journal').get() as { n: number }).n;
      schemaVersion = (check.prepare('SELECT coalesce(max(version), 0) AS n FROM schema_migrations').get() as { n: number }).n;
      check.pragma('journal_mode=DELETE'); // one self-contained file, no -wal beside it
    } finally {
      check.close();
    }
    copyFileSync(o.keyringFile, join(partial, BACKUP_KEYRING_FILE));
    const files = [];
    for (const f of [BACKUP_DB_FILE, BACKUP_KEYRING_FILE]) {
      fsyncFile(join(partial, f));
      const h = await fileSha256(join(partial, f));
      files.push({ name: f, size: h.size, sha256: h.sha256 });
    }
    const body = {
      format: 'centinela-backup' as const, version: 1 as const, workspaceId: o.workspaceId, label: o.label,
      createdAt: o.now.toISOString(), kind: o.kind, schemaVersion, files,
    };
    const manifest: BackupManifest = { ...body, mac: manifestMac(body, o.key) };
    const fd = openSync(join(partial, MANIFEST_FILE), 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(manifest, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, final);
    const db = files.find((f) => f.name === BACKUP_DB_FILE)!;
    return { path: final, sizeBytes: files.reduce((a, f) => a + f.size, 0), dbSha256: db.sha256, journalSeq, manifest };
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Keeps the newest `keep` backups of this workspace in `folder` and deletes older ones. Only
 * folders whose manifest names this workspace are touched: other files on the drive are left alone.
 */
export function applyRetention(folder: string, workspaceId: string, keep: number): string[] {
  if (!existsSync(folder)) return [];
  const mine: { path: string; createdAt: string }[] = [];
  for (const d of readdirSync(folder, { withFileTypes: true })) {
    if (!d.isDirectory() || !d.name.startsWith(BACKUP_PREFIX) || d.name.endsWith('.partial')) continue;
    const path = join(folder, d.name);
    try {
      const m = readManifest(path);
      if (m.workspaceId === workspaceId) mine.push({ path, createdAt: m.createdAt });
    } catch {
      // not a readable backup of ours: leave it
    }
  }
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path));
  const removed = mine.slice(keep).map((b) => b.path);
  for (const p of removed) rmSync(p, { recursive: true, force: true });
  return removed;
}

export function folderHoldsBackup(path: string): boolean {
  return existsSync(join(path, MANIFEST_FILE)) && statSync(path).isDirectory();
}
