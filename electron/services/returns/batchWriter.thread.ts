import { parentPort, workerData } from 'node:worker_threads';
import { openEncrypted } from '../../store/db.ts';
import { batchWriter, COMMIT_CACHE_PRAGMA, type BatchHeader, type BatchTotals } from './commit.ts';
import { Unpacker, type PackedContext } from './records.ts';

/**
 * The writer thread of a pipelined import (see batchWriter.ts): its own connection, one IMMEDIATE
 * transaction opened at once, lines inserted as the reading thread sends them, and at the end
 * either the totals and the commit, or a rollback. Nothing is visible to anyone before the commit;
 * a crash or a kill of the process leaves the database as it was.
 */
export type WriterMessage =
  | { type: 'context'; index: number; context: PackedContext }
  | { type: 'rows'; rows: string[] }
  | { type: 'finish'; totals: BatchTotals }
  | { type: 'abort' };
export type WriterReply = { type: 'committed' } | { type: 'aborted' } | { type: 'failed'; error: string };
export type WriterProgress = { type: 'progress'; written: number };

interface Input { dbFile: string; keyHex: string; header: BatchHeader; cancel: SharedArrayBuffer; taken: SharedArrayBuffer }

const input = workerData as Input;
const port = parentPort!;
const cancelled = new Int32Array(input.cancel);
const isCancelled = () => Atomics.load(cancelled, 0) === 1;
// Rows taken from the inbox, written or not: the reading thread keeps pace with it.
const taken = new Int32Array(input.taken);
const took = (n: number) => { Atomics.add(taken, 0, n); Atomics.notify(taken, 0); };
const key = Buffer.from(input.keyHex, 'hex');
const db = openEncrypted(input.dbFile, key);
key.fill(0);
db.pragma(COMMIT_CACHE_PRAGMA);
const rows = new Unpacker();
const writer = batchWriter(db, input.header);
const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
// The first failure (a constraint, a full disk) is kept: the reading thread learns it at the end,
// after its own checks, which usually say more about the row in plain words.
let failure: string | null = null;
let written = 0;
try {
  db.exec('BEGIN IMMEDIATE');
  writer.open();
} catch (e) {
  failure = describe(e);
}

const done = (reply: WriterReply) => {
  if (db.inTransaction) db.exec('ROLLBACK');
  db.close();
  port.postMessage(reply);
  port.close();
};

port.on('message', (m: WriterMessage) => {
  if (m.type === 'context') rows.context(m.index, m.context);
  else if (m.type === 'rows') {
    if (!failure && isCancelled()) failure = 'cancelled';
    if (!failure) {
      try {
        for (const packed of m.rows) writer.line(rows.read(packed));
        written += m.rows.length;
        port.postMessage({ type: 'progress', written } satisfies WriterProgress);
      } catch (e) {
        failure = describe(e);
      }
    }
    took(m.rows.length);
  } else if (m.type === 'finish') {
    if (failure || isCancelled()) { done(failure && failure !== 'cancelled' ? { type: 'failed', error: failure } : { type: 'aborted' }); return; }
    try {
      writer.close(m.totals);
      if (isCancelled()) { done({ type: 'aborted' }); return; }
      db.exec('COMMIT');
      done({ type: 'committed' });
    } catch (e) {
      done({ type: 'failed', error: describe(e) });
    }
  } else done({ type: 'aborted' });
});
