import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createCentinela } from '../../electron/core/app.ts';
import { runImport } from '../../electron/services/returns/importer.ts';
import { ADMIN_PASSWORD, FAST_SCRYPT } from './workspace.ts';

/**
 * Run as a child process by the tests: opens the workspace in argv[2], imports argv[3] and
 * kills itself with SIGKILL in the middle of the commit transaction, as a power cut would.
 */
const [dir, file] = process.argv.slice(2);
const app = createCentinela({ dir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
const ws = app.workspaces.list()[0];
const r = await app.call('session.unlock', { workspaceId: ws.id, username: 'admin', password: ADMIN_PASSWORD });
if (!r.ok) throw new Error(JSON.stringify(r.error));
const b = readFileSync(file);
await runImport(app.workspaces.db, {
  files: [{ name: basename(file), bytes: new Uint8Array(b) }], year: 2026, dryRun: false, answers: {}, dateOrder: {}, language: 'es',
  user: { id: null, username: 'admin' }, now: new Date().toISOString(),
}, {
  progress: (phase, done) => { if (phase === 'committing' && done >= 4000) process.kill(process.pid, 'SIGKILL'); },
});
process.stdout.write('NOT KILLED\n');
