import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { BackupCredential, RestoreReport } from '../../../shared/commands/backups.ts';
import { openEncrypted, type Db } from '../../store/db.ts';
import { Keyring } from '../../store/keyring.ts';
import { verifyJournal } from '../../store/journal.ts';
import { DB_FILE, KEYRING_FILE } from '../../core/workspaces.ts';
import { BACKUP_DB_FILE, BACKUP_KEYRING_FILE, checkFiles, macMatches, readManifest, type BackupManifest } from './backup.manifest.ts';

/** Row counts of every table (full-text index shadow tables left out), for "what was restored". */
export function tableCounts(db: Db): { table: string; rows: number }[] {
  const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  return names.map((t) => ({ table: t, rows: (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n }));
}

/**
 * Checks a backup before anything is written: manifest readable, every file's size and SHA-256,
 * keyring of the same workspace, the credential opens the data key, and the manifest's HMAC holds
 * under that key. Returns the key (the caller zeroes it).
 */
export async function openBackup(path: string, credential: BackupCredential): Promise<{ manifest: BackupManifest; key: Buffer }> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'errors.backupNotFound', {}, 'path');
  const manifest = readManifest(path);
  await checkFiles(path, manifest);
  let keyring: Keyring;
  try {
    keyring = Keyring.load(join(path, BACKUP_KEYRING_FILE));
  } catch {
    throw new AppError('INTEGRITY', 'errors.backupCorrupt', { file: BACKUP_KEYRING_FILE }, 'path');
  }
  if (keyring.file.workspaceId !== manifest.workspaceId) throw new AppError('INTEGRITY', 'errors.backupCorrupt', { file: BACKUP_KEYRING_FILE }, 'path');
  const key = credential.method === 'recoveryKey'
    ? keyring.unwrapWithRecovery(credential.recoveryKey)
    : await keyring.unwrapForUser(credential.username, credential.password);
  if (!key) {
    throw new AppError('UNAUTHENTICATED', credential.method === 'recoveryKey' ? 'errors.backupWrongRecoveryKey' : 'errors.backupWrongPassword', {}, 'credential');
  }
  if (!macMatches(manifest, key)) {
    key.fill(0);
    throw new AppError('INTEGRITY', 'errors.backupTampered', {}, 'path');
  }
  return { manifest, key };
}

/** Opens the restored copy and proves it: integrity_check, journal chain, counts, last entry. */
function inspect(dir: string, key: Buffer, manifest: BackupManifest, restoredTo: string | null): RestoreReport {
  const db = openEncrypted(join(dir, DB_FILE), key);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0].integrity_check !== 'ok') throw new AppError('INTEGRITY', 'errors.backupIntegrity', { detail: String(rows[0]?.integrity_check ?? '').slice(0, 200) }, 'path');
    const journal = verifyJournal(db);
    if (!journal.ok) throw new AppError('INTEGRITY', 'errors.backupJournalBroken', { seq: journal.firstBrokenSeq ?? 0 }, 'path');
    const last = db.prepare('SELECT seq, at, username, command FROM journal ORDER BY seq DESC LIMIT 1').get() as RestoreReport['lastJournal'] | undefined;
    return {
      workspaceId: manifest.workspaceId, label: manifest.label, backupCreatedAt: manifest.createdAt,
      files: manifest.files.map((f) => ({ name: f.name, sizeBytes: f.size, sha256: f.sha256 })),
      integrity: 'ok', journal: { ok: journal.ok, checked: journal.checked, headHash: journal.headHash },
      lastJournal: last ?? null, counts: tableCounts(db), restoredTo,
    };
  } finally {
    db.close();
  }
}

function emptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restores (or, with `target` null, only checks) a backup. The files are copied into a hidden
 * folder beside the target, checked there, and renamed into place only when every check passed:
 * a refused or interrupted restore leaves no workspace behind. The target must be new or empty;
 * nothing is ever restored over an existing workspace.
 */
export async function restoreBackup(o: { path: string; target: string | null; credential: BackupCredential; clashes?: (workspaceId: string, target: string) => boolean }): Promise<RestoreReport> {
  const source = resolve(o.path);
  const target = o.target ? resolve(o.target) : null;
  if (target && !emptyOrMissing(target)) throw AppError.validation('target', 'errors.restoreTargetNotEmpty', { folder: basename(target) });
  const { manifest, key } = await openBackup(source, o.credential);
  try {
    if (target && o.clashes?.(manifest.workspaceId, target)) throw AppError.validation('target', 'errors.restoreSameWorkspace');
    const work = target ? join(dirname(target), `.${basename(target)}.restoring-${randomBytes(3).toString('hex')}`) : mkdtempSync(join(tmpdir(), 'centinela-verify-'));
    mkdirSync(work, { recursive: true, mode: 0o700 });
    try {
      copyFileSync(join(source, BACKUP_DB_FILE), join(work, DB_FILE));
      copyFileSync(join(source, BACKUP_KEYRING_FILE), join(work, KEYRING_FILE));
      const report = inspect(work, key, manifest, target);
      if (target) {
        if (existsSync(target)) rmdirSync(target); // empty, checked above
        mkdirSync(dirname(target), { recursive: true });
        renameSync(work, target);
      }
      return report;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    key.fill(0);
  }
}
