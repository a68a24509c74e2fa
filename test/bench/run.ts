/**
 * `npm run bench`: the company register at national scale (2,500 companies).
 * Prints p95 timings and ratios against the raw limit measured in the same run, never
 * pass/fail thresholds: these machines are shared and noisy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCentinela } from '../../electron/core/app.ts';
import { seedCompanies, SCALES } from '../../electron/services/seed/seed.ts';
import { COMPANY_SORT_COLUMNS } from '../../shared/model/company.ts';

const PASSWORD = 'Banco-De-Pruebas-2026!';
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const fmt = (n: number) => n.toFixed(2);

async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const root = mkdtempSync(join(tmpdir(), 'centinela-bench-'));
const app = createCentinela({ root, idleCheckMs: 0 });
try {
  const setup = await app.call('session.setup', { agencyName: 'Banco de pruebas', country: 'GT', language: 'es', adminUsername: 'admin', adminDisplayName: 'Admin', password: PASSWORD });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const workspaceId = (setup.value as { session: { workspace: { id: string } } }).session.workspace.id;
  const t0 = performance.now();
  const n = seedCompanies(app.workspaces.db, SCALES.national, { now: new Date('2026-11-23T00:00:00Z'), userId: null, username: null });
  console.log(`seeded ${n} companies in ${fmt(performance.now() - t0)} ms`);

  const RUNS = 200;
  const sorts = COMPANY_SORT_COLUMNS;
  let i = 0;
  const page = await time(async () => {
    const sort = sorts[i++ % sorts.length];
    const r = await app.call('companies.list', { sort, dir: i % 2 ? 'asc' : 'desc', offset: (i * 97) % 2400, limit: 100 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }, RUNS);
  // The raw limit: the same page as a bare prepared statement, no gate, no validation, no mapping.
  const db = app.workspaces.db;
  const raw = db.prepare('SELECT * FROM companies ORDER BY legal_name COLLATE NOCASE, id LIMIT ? OFFSET ?');
  const rawCount = db.prepare('SELECT count(*) FROM companies');
  i = 0;
  const rawPage = await time(() => { raw.all(100, (i++ * 97) % 2400); rawCount.get(); }, RUNS);
  i = 0;
  const nameOnly = await time(async () => { await app.call('companies.list', { sort: 'legalName', offset: (i++ * 97) % 2400, limit: 100 }); }, RUNS);

  const terms = ['quetzal', 'seguridad petén', 'cóndor', 'bogota', 'jaguar 1', 'vigilancia', 'maya', '900', 'sociedad anonima', 'custodia ceiba'];
  i = 0;
  const search = await time(async () => { await app.call('companies.list', { search: terms[i++ % terms.length], limit: 100 }); }, RUNS);

  app.workspaces.lock();
  const c0 = performance.now();
  const u = await app.call('session.unlock', { workspaceId, username: 'admin', password: PASSWORD });
  const c1 = performance.now();
  const first = await app.call('companies.list', { limit: 100 });
  const c2 = performance.now();
  if (!u.ok || !first.ok) throw new Error('cold open failed');

  console.log('\nCompany register benchmark (2,500 companies, encrypted SQLCipher workspace)');
  console.log(`list page (100 rows, mixed sorts) p95: ${fmt(p95(page))} ms`);
  console.log(`list page sorted by name p95:          ${fmt(p95(nameOnly))} ms; raw SQL same page p95: ${fmt(p95(rawPage))} ms; ratio ${fmt(p95(nameOnly) / p95(rawPage))}x`);
  console.log(`full-text search (100 rows) p95:       ${fmt(p95(search))} ms`);
  console.log(`cold open: unlock ${fmt(c1 - c0)} ms (scrypt N=2^17 by design) + first page ${fmt(c2 - c1)} ms = ${fmt(c2 - c0)} ms`);
} finally {
  app.close();
  rmSync(root, { recursive: true, force: true });
}
