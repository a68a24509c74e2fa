import type { Db } from '../../store/db.ts';

/**
 * A field copy remembers where it came from in one settings row (inside its encrypted database):
 * the export, the office workspace, the agency key it trusts, and this inspector's signing key.
 */
export interface FieldCopyInfo {
  exportId: string;
  label: string;
  officeWorkspaceId: string;
  agency: { label: string; publicKey: string; keyFingerprint: string };
  exportHlc: string;
  userId: string;
  username: string;
  signingKey: { privateKey: string; publicKey: string };
  fieldWorkspaceId: string;
  openedAt: string;
}

const KEY = 'field.copy';

export function fieldCopyInfo(db: Db): FieldCopyInfo | null {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as FieldCopyInfo) : null;
}

export function isFieldCopy(db: Db): boolean {
  return !!db.prepare('SELECT 1 FROM settings WHERE key = ?').get(KEY);
}

export function writeFieldCopyInfo(db: Db, info: FieldCopyInfo): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(info));
}
