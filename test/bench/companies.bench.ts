import { performance } from 'node:perf_hooks';
import { seedCompanies, SCALES } from '../../electron/services/seed/seed.ts';
import { COMPANY_SORT_COLUMNS } from '../../shared/model/company.ts';
import { fmt, must, p95, time, type Bench } from './harness.ts';

/** The company register at national scale (2,500 companies): list, sort, search, cold open. */
export const bench: Bench = async (ctx) => {
  const { app } = ctx;
  const t0 = performance.now();
  const n = seedCompanies(app.workspaces.db, SCALES.national, { now: ctx.now, userId: null, username: null });
  console.log(`seeded ${n} companies in ${fmt(performance.now() - t0)} ms`);

  const RUNS = 200;
  const sorts = COMPANY_SORT_COLUMNS;
  let i = 0;
  const page = await time(() => {
    const sort = sorts[i++ % sorts.length];
    return must(ctx, 'companies.list', { sort, dir: i % 2 ? 'asc' : 'desc', offset: (i * 97) % 2400, limit: 100 });
  }, RUNS);
  // The raw limit: the same page as a bare prepared statement, no gate, no validation, no mapping.
  const db = app.workspaces.db;
  const raw = db.prepare('SELECT * FROM companies ORDER BY legal_name COLLATE NOCASE, id LIMIT ? OFFSET ?');
  const rawCount = db.prepare('SELECT count(*) FROM companies');
  i = 0;
  const rawPage = await time(() => { raw.all(100, (i++ * 97) % 2400); rawCount.get(); }, RUNS);
  i = 0;
  const nameOnly = await time(() => must(ctx, 'companies.list', { sort: 'legalName', offset: (i++ * 97) % 2400, limit: 100 }), RUNS);

  const terms = ['quetzal', 'seguridad petén', 'cóndor', 'bogota', 'jaguar 1', 'vigilancia', 'maya', '900', 'sociedad anonima', 'custodia ceiba'];
  i = 0;
  const search = await time(() => must(ctx, 'companies.list', { search: terms[i++ % terms.length], limit: 100 }), RUNS);

  app.workspaces.lock();
  const c0 = performance.now();
  await must(ctx, 'session.unlock', { workspaceId: ctx.workspaceId, username: 'admin', password: ctx.password });
  const c1 = performance.now();
  await must(ctx, 'companies.list', { limit: 100 });
  const c2 = performance.now();

  console.log('\nCompany register benchmark (2,500 companies, encrypted SQLCipher workspace)');
  console.log(`list page (100 rows, mixed sorts) p95: ${fmt(p95(page))} ms`);
  console.log(`list page sorted by name p95:          ${fmt(p95(nameOnly))} ms; raw SQL same page p95: ${fmt(p95(rawPage))} ms; ratio ${fmt(p95(nameOnly) / p95(rawPage))}x`);
  console.log(`full-text search (100 rows) p95:       ${fmt(p95(search))} ms`);
  console.log(`cold open: unlock ${fmt(c1 - c0)} ms (scrypt N=2^17 by design) + first page ${fmt(c2 - c1)} ms = ${fmt(c2 - c0)} ms`);
};
