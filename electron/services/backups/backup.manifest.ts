import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { canonicalJson } from '../../store/journal.ts';

/**
 * Every backup folder carries `manifest.json`: what files it holds, their sizes and SHA-256, and
 * an HMAC over all of that under a key derived from the workspace's data key. The checksums let
 * anyone see that a copy on a USB drive is intact; the HMAC lets whoever can open the workspace
 * see that nobody rebuilt the manifest around altered files. It names no record and holds no data.
 */
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_DB_FILE = 'centinela.db';
export const BACKUP_KEYRING_FILE = 'keyring.json';
export const BACKUP_PREFIX = 'centinela-backup-';

export interface ManifestFile { name: string; size: number; sha256: string }
export interface BackupManifest {
  format: 'centinela-backup';
  version: 1;
  workspaceId: string;
  label: string;
  createdAt: string;
  kind: 'manual' | 'scheduled';
  schemaVersion: number;
  files: ManifestFile[];
  mac: string;
}

function macKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'centinela backup manifest v1', 32));
}

export function manifestMac(m: Omit<BackupManifest, 'mac'>, dataKey: Buffer): string {
  const { mac: _mac, ...body } = m as BackupManifest;
  return createHmac('sha256', macKey(dataKey)).update(canonicalJson(body)).digest('hex');
}

export function macMatches(m: BackupManifest, dataKey: Buffer): boolean {
  const expected = Buffer.from(manifestMac(m, dataKey), 'hex');
  const got = Buffer.from(typeof m.mac === 'string' ? m.mac : '', 'hex');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Streams the file: a national workspace does not fit comfortably in memory twice. */
export function fileSha256(path: string): Promise<{ sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    let size = 0;
    createReadStream(path)
      .on('data', (c) => { h.update(c); size += c.length; })
      .on('error', reject)
      .on('end', () => resolve({ sha256: h.digest('hex'), size }));
  });
}

/** Parses the manifest; anything unexpected is a damaged backup, named as such. */
export function readManifest(dir: string): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch {
    throw new AppError('INTEGRITY', 'errors.backupNoManifest', {}, 'path');
  }
  const filesOk = Array.isArray(m.files) && m.files.every((f) => typeof f?.name === 'string' && /^[a-z.]+$/.test(f.name) && Number.isInteger(f.size) && /^[0-9a-f]{64}$/.test(f.sha256));
  if (m.format !== 'centinela-backup' || m.version !== 1 || typeof m.workspaceId !== 'string' || !filesOk) {
    throw new AppError('INTEGRITY', 'errors.backupNoManifest', {}, 'path');
  }
  for (const need of [BACKUP_DB_FILE, BACKUP_KEYRING_FILE]) {
    if (!m.files.some((f) => f.name === need)) throw new AppError('INTEGRITY', 'errors.backupCorrupt', { file: need }, 'path');
  }
  return m;
}

/** Every listed file present with its size and checksum; the first that is not is named. */
export async function checkFiles(dir: string, m: BackupManifest): Promise<void> {
  for (const f of m.files) {
    let got: { sha256: string; size: number };
    try {
      got = await fileSha256(join(dir, f.name));
    } catch {
      throw new AppError('INTEGRITY', 'errors.backupCorrupt', { file: f.name }, 'path');
    }
    if (got.size !== f.size || got.sha256 !== f.sha256) throw new AppError('INTEGRITY', 'errors.backupCorrupt', { file: f.name }, 'path');
  }
}
