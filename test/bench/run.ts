/**
 * `npm run bench [-- area ...]`: each area's benchmark on one encrypted national-scale
 * workspace. Prints timings and ratios against the raw limit measured in the same run,
 * never pass/fail thresholds: these machines are shared and noisy.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentinela } from '../../electron/core/app.ts';
import type { Bench, BenchContext } from './harness.ts';
import { bench as companies } from './companies.bench.ts';
import { bench as returns } from './returns.bench.ts';
import { bench as personnel } from './personnel.bench.ts';
import { bench as licensing } from './licensing.bench.ts';
import { bench as fieldwork } from './fieldwork.bench.ts';
import { bench as firearms } from './firearms.bench.ts';
import { bench as audits } from './audits.bench.ts';
import { bench as accountability } from './accountability.bench.ts';

/** In order: later areas may rely on what earlier ones seeded (companies first). */
const BENCHES: [string, Bench][] = [
  ['companies', companies],
  ['personnel', personnel],
  ['licensing', licensing],
  ['fieldwork', fieldwork],
  ['firearms', firearms],
  ['audits', audits],
  ['returns', returns],
  ['accountability', accountability],
];

const only = process.argv.slice(2);
const root = mkdtempSync(join(tmpdir(), 'centinela-bench-'));
const password = 'Banco-De-Pruebas-2026!';
const app = createCentinela({ root, idleCheckMs: 0 });
try {
  const setup = await app.call('session.setup', { agencyName: 'Banco de pruebas', country: 'GT', language: 'es', adminUsername: 'admin', adminDisplayName: 'Admin', password });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const workspaceId = (setup.value as { session: { workspace: { id: string } } }).session.workspace.id;
  const tmp = join(root, 'scratch');
  mkdirSync(tmp);
  const ctx: BenchContext = { app, workspaceId, password, now: new Date('2026-11-23T00:00:00Z'), tmp };
  for (const [name, run] of BENCHES) {
    // Earlier benches seed what later ones need, so a filtered run still runs them, quietly.
    const quiet = only.length > 0 && !only.includes(name) && name !== 'companies';
    if (quiet) continue;
    console.log(`\n=== ${name} ===`);
    await run(ctx);
  }
} finally {
  app.close();
  rmSync(root, { recursive: true, force: true });
}
