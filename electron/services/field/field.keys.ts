import type { Db } from '../../store/db.ts';
import { fingerprint, newSigningKey, type SigningKey } from './field.crypto.ts';

/**
 * The agency's package-signing key (Ed25519), kept inside the encrypted database. Field copies
 * pin its fingerprint; return packages must name it. Created with the first export.
 */
export function agencyKey(db: Db): SigningKey | null {
  const r = db.prepare(`SELECT public_key, private_key FROM field_keys WHERE id = 'agency'`).get() as { public_key: string; private_key: string } | undefined;
  return r ? { publicKey: r.public_key, privateKey: r.private_key } : null;
}

/** The stored key, or a new one to store in the same transaction as the export that uses it. */
export function agencyKeyOrNew(db: Db): { key: SigningKey; isNew: boolean } {
  const k = agencyKey(db);
  return k ? { key: k, isNew: false } : { key: newSigningKey(), isNew: true };
}

export function storeAgencyKey(db: Db, key: SigningKey, now: string, userId: string | null): void {
  db.prepare(`INSERT INTO field_keys (id, public_key, private_key, created_at, updated_at, created_by) VALUES ('agency', ?, ?, ?, ?, ?)`).run(key.publicKey, key.privateKey, now, now, userId);
}

export function agencyFingerprint(db: Db): string | null {
  const k = agencyKey(db);
  return k ? fingerprint(k.publicKey) : null;
}
