import { createHash } from 'node:crypto';
import { cachedStatement, type Db } from './db.ts';
import { uuidv7 } from '../../shared/ids.ts';

/**
 * The journal: one row per write, hash-chained. Each row's hash covers its own fields and the
 * previous row's hash, so editing, deleting or reordering any row breaks every link after it.
 * Signed reports embed the head hash, so a later edit to the register is detectable.
 */
export interface JournalAppend {
  at: string;
  userId: string | null;
  username: string | null;
  command: string;
  entityType: string | null;
  entityId: string | null;
  /** Anything describing the change (before/after, input); only its digest is stored. */
  payload: unknown;
}

export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so the digest does not depend on property order. */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Secrets never reach the journal, not even hashed (a password's hash can be brute-forced). */
export function redactSecrets(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(redactSecrets);
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, /password|recovery|passphrase|secret/i.test(k) ? '[redacted]' : redactSecrets(x)]),
  );
}

interface Row {
  seq: number; id: string; at: string; user_id: string | null; username: string | null; command: string;
  entity_type: string | null; entity_id: string | null; digest: string; prev_hash: string; hash: string;
}

function linkHash(r: Omit<Row, 'hash'>): string {
  return sha256([r.prev_hash, r.seq, r.id, r.at, r.user_id ?? '', r.username ?? '', r.command, r.entity_type ?? '', r.entity_id ?? '', r.digest].join('\u001f'));
}

/** Appends one entry. Must run inside the caller's transaction, so the change and its entry commit together. */
export function appendJournal(db: Db, e: JournalAppend): { seq: number; hash: string } {
  const last = cachedStatement(db, 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    id: uuidv7(),
    at: e.at,
    user_id: e.userId,
    username: e.username,
    command: e.command,
    entity_type: e.entityType,
    entity_id: e.entityId,
    digest: sha256(canonicalJson(redactSecrets(e.payload))),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = linkHash(row);
  cachedStatement(
    db,
    `INSERT INTO journal (seq, id, at, user_id, username, command, entity_type, entity_id, digest, prev_hash, hash)
     VALUES (@seq, @id, @at, @user_id, @username, @command, @entity_type, @entity_id, @digest, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  return { seq: row.seq, hash };
}

/** Walks the chain in order; the first row whose link does not hold is reported. */
export function verifyJournal(db: Db): { ok: boolean; checked: number; firstBrokenSeq: number | null; headHash: string | null } {
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (const r of db.prepare('SELECT * FROM journal ORDER BY seq').iterate() as IterableIterator<Row>) {
    if (r.seq !== expectedSeq || r.prev_hash !== prev || linkHash(r) !== r.hash) {
      return { ok: false, checked, firstBrokenSeq: r.seq !== expectedSeq ? expectedSeq : r.seq, headHash: null };
    }
    prev = r.hash;
    expectedSeq++;
    checked++;
  }
  return { ok: true, checked, firstBrokenSeq: null, headHash: checked ? prev : null };
}

export function journalHead(db: Db): string {
  return (db.prepare('SELECT hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS;
}
