import { parentPort, workerData } from 'node:worker_threads';
import { openEncrypted } from '../../store/db.ts';
import { runImport, type ImportRequest } from './importer.ts';
import { ImportCancelled } from './problems.ts';
import { startPipelinedWriter } from './batchWriter.ts';

/**
 * The import job's thread: its own connection to the encrypted workspace (so the window stays
 * responsive and a crash here cannot leave the main connection mid-transaction), progress
 * messages to the main thread, and a shared flag for cancel checked between rows.
 */
interface WorkerInput { dbFile: string; keyHex: string; request: ImportRequest; cancel: SharedArrayBuffer }

const input = workerData as WorkerInput;
const flag = new Int32Array(input.cancel);
const key = Buffer.from(input.keyHex, 'hex');
const db = openEncrypted(input.dbFile, key);
key.fill(0);
let lastPost = 0;
runImport(db, { ...input.request, releaseFiles: true }, {
  cancelled: () => Atomics.load(flag, 0) === 1,
  // The commit's inserts run in a second thread while this one reads and checks (batchWriter.ts).
  pipeline: (header, onWritten) => startPipelinedWriter({ dbFile: input.dbFile, keyHex: input.keyHex, header, cancel: input.cancel, onWritten }),
  progress: (phase, done, total) => {
    const now = Date.now();
    if (now - lastPost < 100 && phase !== 'finished' && done !== 0) return;
    lastPost = now;
    parentPort!.postMessage({ type: 'progress', phase, done, total });
  },
}).then((report) => {
  parentPort!.postMessage({ type: 'done', report });
}).catch((e: unknown) => {
  if (e instanceof ImportCancelled) parentPort!.postMessage({ type: 'cancelled' });
  else parentPort!.postMessage({ type: 'failed', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
}).finally(() => {
  db.close();
});
