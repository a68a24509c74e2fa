import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCentinela } from '../../electron/core/app.ts';
import { runImport } from '../../electron/services/returns/importer.ts';

/**
 * One import in its own process, so its peak RSS is its own: argv = workspace dir, year,
 * dry-run flag, files. Prints one JSON line: rows, milliseconds, phase times, peak RSS.
 */
const [dir, year, dry, ...files] = process.argv.slice(2);
const app = createCentinela({ dir, idleCheckMs: 0 });
const ws = app.workspaces.list()[0];
const u = await app.call('session.unlock', { workspaceId: ws.id, username: 'admin', password: process.env.CENTINELA_PASSWORD! });
if (!u.ok) throw new Error(JSON.stringify(u.error));
const phases: Record<string, number> = {};
const t0 = performance.now();
const report = await runImport(app.workspaces.db, {
  files: files.map((f) => { const b = readFileSync(f); return { name: basename(f), bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }; }),
  year: Number(year), dryRun: dry === 'dry', answers: {}, dateOrder: {}, language: 'es', user: { id: null, username: 'admin' }, now: new Date().toISOString(),
}, { progress: (phase) => { phases[phase] ??= performance.now() - t0; } });
const ms = performance.now() - t0;
app.close();
const rows = Object.values(report.counts).reduce((n, c) => n + c.read, 0);
process.stdout.write(`${JSON.stringify({
  rows, ms, phases, committed: report.committed, errors: report.errors.length, firstErrors: report.errors.slice(0, 3), flags: report.flags.length,
  counts: report.counts, maxRssMb: process.resourceUsage().maxRSS / 1024,
})}\n`);
