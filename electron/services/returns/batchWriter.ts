import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchHeader, BatchTotals } from './commit.ts';
import type { PackedContext } from './records.ts';
import type { WriterMessage, WriterProgress, WriterReply } from './batchWriter.thread.ts';

/**
 * A pipelined commit: rows go to a writer thread, which inserts them inside its open transaction
 * while this thread goes on reading and checking; at the end the writer either commits the batch
 * with its totals or rolls everything back. On two cores reading and writing overlap, so a
 * national return takes about as long as its inserts alone instead of reading plus inserts.
 * Used by the import worker and the bench; tests and the seed call the sequential `commitBatch`.
 */
export interface PipelinedWriter {
  context(index: number, c: PackedContext): void;
  row(packed: string): void;
  /** Sends the totals and waits for the commit; rejects (nothing written) if the writer failed. */
  finish(totals: BatchTotals): Promise<void>;
  /** Rolls back and waits until the writer has let go of the database. */
  abort(): Promise<void>;
}

/** The import threads' young generation (V8 makes it three semi-spaces: `--max-semi-space-size=4` for a child process). */
export const IMPORT_YOUNG_GENERATION_MB = 12;

const SEND_EVERY = 2000;
/**
 * Rows sent but not yet taken by the writer, at most: reading is faster than inserting, and rows
 * waiting in the writer's inbox are memory (a national return's backlog was over 100 MB).
 */
const MAX_BACKLOG = 40_000;

function threadFile(): URL | string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const bundled = join(here, 'returns-writer.cjs');
  if (existsSync(bundled)) return bundled;
  return new URL('./batchWriter.thread.ts', import.meta.url);
}

/** `cancel`: the import job's cancel flag; the writer checks it too and rolls back rather than commit. */
export function startPipelinedWriter(o: { dbFile: string; keyHex: string; header: BatchHeader; cancel?: SharedArrayBuffer; onWritten?: (rows: number) => void }): PipelinedWriter {
  const onWritten = o.onWritten ?? (() => {});
  // How many rows the writer has taken from its inbox (written, or skipped after a failure).
  const taken = new Int32Array(new SharedArrayBuffer(4));
  let sent = 0;
  let patient = true;
  /** Blocks this (reading) thread while the writer is too far behind; gives up on a writer that stopped taking rows. */
  const keepPace = () => {
    let last = Atomics.load(taken, 0);
    let since = Date.now();
    while (patient && sent - last > MAX_BACKLOG) {
      Atomics.wait(taken, 0, last, 100);
      const now = Atomics.load(taken, 0);
      if (now !== last) { last = now; since = Date.now(); } else if (Date.now() - since > 10_000) patient = false;
    }
  };
  const worker = new Worker(threadFile(), {
    workerData: { dbFile: o.dbFile, keyHex: o.keyHex, header: o.header, cancel: o.cancel ?? new SharedArrayBuffer(4), taken: taken.buffer },
    resourceLimits: { maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB },
  });
  let pending: string[] = [];
  let ended: Promise<WriterReply> | null = null;
  let exitError: string | null = null;
  const reply = new Promise<WriterReply>((resolve) => {
    worker.on('message', (m: WriterReply | WriterProgress) => { if (m.type === 'progress') onWritten(m.written); else resolve(m); });
    worker.once('error', (e) => { exitError = e.message; resolve({ type: 'failed', error: e.message }); });
    worker.once('exit', (code) => resolve({ type: 'failed', error: exitError ?? `writer exited (${code})` }));
  });
  const send = (m: WriterMessage) => worker.postMessage(m);
  const flush = () => {
    if (!pending.length) return;
    send({ type: 'rows', rows: pending });
    sent += pending.length;
    pending = [];
    keepPace();
  };
  const end = (m: WriterMessage): Promise<WriterReply> => {
    if (!ended) { flush(); send(m); ended = reply.then(async (r) => { await worker.terminate(); return r; }); }
    return ended;
  };
  return {
    context: (index, context) => { flush(); send({ type: 'context', index, context }); },
    row: (packed) => { pending.push(packed); if (pending.length >= SEND_EVERY) flush(); },
    finish: async (totals) => {
      const r = await end({ type: 'finish', totals });
      if (r.type !== 'committed') throw new Error(r.type === 'failed' ? r.error : 'the import was cancelled');
    },
    abort: async () => { await end({ type: 'abort' }); },
  };
}
