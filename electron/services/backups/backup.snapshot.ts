import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A consistent copy of the live database taken while the app keeps writing.
 *
 * Why not the SQLite backup API: better-sqlite3's `backup()` opens the destination without a key,
 * and SQLite3 Multiple Ciphers refuses to copy an encrypted database into a plaintext one (good:
 * it can never leak). `VACUUM INTO` on a connection keyed like the source writes a destination
 * encrypted with the same cipher and key, from one read transaction: a point-in-time snapshot.
 * It runs on its own read-only connection in a worker thread, so in WAL mode the app's connection
 * keeps reading and committing while the copy is made, and the window never freezes.
 */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const key = Buffer.from(workerData.key);
let db;
try {
  db = new Database(workerData.source, { readonly: true, fileMustExist: true });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + key.toString('hex') + '\\'"');
  db.pragma('busy_timeout=10000');
  db.prepare("SELECT count(*) FROM sqlite_master").get();
  db.prepare('VACUUM INTO ?').run(workerData.dest);
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message || e), code: e && e.code });
} finally {
  try { db && db.close(); } catch {}
  key.fill(0);
}
`;

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** Writes an encrypted, consistent copy of `source` to `dest` (which must not exist). */
export function snapshotDatabase(source: string, dest: string, key: Buffer): Promise<void> {
  const copy = new Uint8Array(key); // the worker gets its own copy and zeroes it
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { modulePath, source, dest, key: copy } });
    let settled = false;
    w.once('message', (m: { ok: boolean; message?: string; code?: string }) => {
      settled = true;
      if (m.ok) resolve();
      else reject(Object.assign(new Error(`snapshot failed: ${m.message}`), { code: m.code }));
    });
    w.once('error', (e) => { if (!settled) { settled = true; reject(e); } });
    w.once('exit', (code) => {
      copy.fill(0);
      if (!settled) reject(new Error(`snapshot worker exited with ${code}`));
    });
  });
}
