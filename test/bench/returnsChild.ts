import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DB_FILE } from '../../electron/core/workspaces.ts';
import { openEncrypted } from '../../electron/store/db.ts';
import { runImport } from '../../electron/services/returns/importer.ts';
import { startPipelinedWriter } from '../../electron/services/returns/batchWriter.ts';

/**
 * One import in its own process, so its peak RSS is its own, opened the way the app's import
 * worker opens the workspace: its own connection with the data key it is handed (on stdin here),
 * no sign-in, inserts in a writer thread. argv = workspace dir, year, dry-run flag, files. Prints one JSON line: rows,
 * milliseconds, phase start times, peak RSS.
 */
const [dir, year, dry, ...files] = process.argv.slice(2);
const keyHex = readFileSync(0, 'utf8').trim();
const key = Buffer.from(keyHex, 'hex');
const db = openEncrypted(join(dir, DB_FILE), key);
key.fill(0);
const phases: Record<string, number> = {};
const t0 = performance.now();
const report = await runImport(db, {
  files: files.map((f) => { const b = readFileSync(f); return { name: basename(f), bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }; }),
  year: Number(year), dryRun: dry === 'dry', answers: {}, dateOrder: {}, language: 'es', user: { id: null, username: 'admin' }, now: new Date().toISOString(), releaseFiles: true,
}, {
  progress: (phase) => { phases[phase] ??= performance.now() - t0; },
  // As the import worker does: the inserts in a second thread (import.worker.ts).
  pipeline: (header, onWritten) => startPipelinedWriter({ dbFile: join(dir, DB_FILE), keyHex, header, onWritten }),
});
const ms = performance.now() - t0;
db.close();
const rows = Object.values(report.counts).reduce((n, c) => n + c.read, 0);
process.stdout.write(`${JSON.stringify({
  rows, ms, phases, committed: report.committed, errors: report.errors.length, firstErrors: report.errors.slice(0, 3), flags: report.flags.length,
  counts: report.counts, maxRssMb: process.resourceUsage().maxRSS / 1024,
})}\n`);
