import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.ts';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on this connection, prepared once. For statements on hot
 * paths that run per record (journal append, state transitions): preparing costs more than
 * running them. Only for `get`, `all` and `run`: a cached statement must not be iterated, since
 * a second caller would find it busy.
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

/**
 * Opens (or creates) the workspace database in SQLCipher v4 format keyed with the raw
 * 256-bit data key (the `x'..'` form skips SQLCipher's own password KDF: the key is already
 * random). WAL for crash safety, temp tables in memory so no plaintext temp file is written.
 * A wrong key surfaces as SQLITE_NOTADB on the first read; we turn it into INTEGRITY.
 */
export function openEncrypted(file: string, key: Buffer): Db {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  const db = new Database(file);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.pragma('temp_store=MEMORY');
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=NORMAL');
    db.pragma('foreign_keys=ON');
    db.pragma('busy_timeout=5000');
    // Page cache of up to 128 MiB (SQLite's default is 2 MiB). Every page read past the cache is
    // decrypted again (AES + HMAC); at national scale (600,000 people) the pager's count(*) and an
    // OFFSET page each walk a 30-50 MB index, so with 2 MiB every list page re-decrypts it all.
    // Kept decrypted in process memory only (like temp_store=MEMORY), never on disk; grows on use.
    db.pragma('cache_size=-131072');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('INTEGRITY', 'errors.wrongDataKey');
    throw e;
  }
}
