import { performance } from 'node:perf_hooks';
import { seedPersonnel, PERSONNEL_SCALES } from '../../electron/services/seed/personnel.ts';
import { listSql } from '../../electron/services/personnel/persons.query.ts';
import { PERSON_SORT_COLUMNS } from '../../shared/model/personnel.ts';
import { fmt, must, p95, time, type Bench } from './harness.ts';

/**
 * The personnel register at national scale (600,000 people over the 2,500 companies the
 * companies bench seeded): list pages over every sort, ratio to the same page as bare SQL,
 * search by name and by national id, filters by company and by expiry, and the query plans.
 */
export const bench: Bench = async (ctx) => {
  const { app } = ctx;
  const db = app.workspaces.db;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const n = seedPersonnel(db, PERSONNEL_SCALES.national, { now: ctx.now, userId: null, username: null });
  const seedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time too: on a shared, overloaded machine the wall clock says more about the neighbours.
  console.log(`seeded ${n.toLocaleString('en')} people in ${fmt(seedMs / 1000)} s wall, ${fmt((cpu.user + cpu.system) / 1e6)} s CPU (with employment, qualifications, FTS)`);
  const total = (db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;

  const today = '2026-11-23';
  for (const sort of ['name', 'credentialExpiresOn'] as const) {
    const s = listSql({ sort, dir: 'asc' }, today);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${s.page}`).all(...s.params, 100, 0) as { detail: string }[]).map((r) => r.detail).join(' | ');
    console.log(`plan (${sort}): ${plan}`);
  }

  const RUNS = 100;
  let i = 0;
  // Offsets spread over the whole register, including the far half (the pager's last pages).
  const offsetAt = (k: number) => (k * 7919 * 97) % (total - 100);
  const mixed = await time(() => {
    const sort = PERSON_SORT_COLUMNS[i % PERSON_SORT_COLUMNS.length];
    const r = must(ctx, 'personnel.list', { sort, dir: i % 2 ? 'asc' : 'desc', offset: offsetAt(i), limit: 100 });
    i++;
    return r;
  }, RUNS);

  // The raw limit: the same first pages by name as bare prepared statements (page + count), no gate, no zod, no mapping.
  const s = listSql({ sort: 'name', dir: 'asc' }, today);
  const rawPage = db.prepare(s.page);
  const rawCount = db.prepare(s.count);
  const firstOffsets = (k: number) => (k % 50) * 100;
  i = 0;
  const raw = await time(() => { rawPage.all(100, firstOffsets(i++)); rawCount.get(); }, RUNS);
  i = 0;
  const named = await time(() => must(ctx, 'personnel.list', { sort: 'name', offset: firstOffsets(i++), limit: 100 }), RUNS);
  const last = await time(() => must(ctx, 'personnel.list', { sort: 'name', dir: 'asc', offset: total - 50, limit: 50 }), 50);

  const names = ['pérez', 'maría josé', 'ajú tzoc', 'cifuentes morales', 'byron', 'de león', 'xicara', 'juan carlos lópez', 'quiñonez', 'velasquez barrios'];
  i = 0;
  const byName = await time(() => must(ctx, 'personnel.list', { search: names[i++ % names.length], limit: 100 }), RUNS);
  const ids = (db.prepare('SELECT national_id_norm AS n, national_id AS f FROM persons ORDER BY rowid LIMIT 100 OFFSET 250000').all() as { n: string; f: string }[]);
  i = 0;
  const byId = await time(() => { const x = ids[i % ids.length]; return must(ctx, 'personnel.list', { search: i++ % 2 ? x.n : x.f, limit: 100 }); }, RUNS);
  i = 0;
  const byIdPrefix = await time(() => must(ctx, 'personnel.list', { search: ids[i++ % ids.length].n.slice(0, 6), limit: 100 }), RUNS);

  const companies = (db.prepare('SELECT id FROM companies ORDER BY id LIMIT 50').all() as { id: string }[]).map((c) => c.id);
  i = 0;
  const byCompany = await time(() => must(ctx, 'personnel.list', { companyId: companies[i++ % companies.length], sort: 'name', limit: 100 }), RUNS);
  const expiring = await time(() => must(ctx, 'personnel.list', { expiringWithinDays: 30, sort: 'credentialExpiresOn', limit: 100 }), 50);
  const expiring90 = (await must(ctx, 'personnel.list', { expiringWithinDays: 90, limit: 1 }) as { total: number }).total;

  console.log(`\nPersonnel benchmark (${total.toLocaleString('en')} people, encrypted SQLCipher workspace, 100-row pages)`);
  console.log(`list page, mixed sorts and offsets p95:  ${fmt(p95(mixed))} ms`);
  console.log(`list page by name p95:                   ${fmt(p95(named))} ms; raw SQL same page + count p95: ${fmt(p95(raw))} ms; ratio ${fmt(p95(named) / p95(raw))}x`);
  console.log(`last page by name p95:                   ${fmt(p95(last))} ms`);
  console.log(`search by name p95:                      ${fmt(p95(byName))} ms`);
  console.log(`search by national id (full) p95:        ${fmt(p95(byId))} ms`);
  console.log(`search by national id prefix p95:        ${fmt(p95(byIdPrefix))} ms`);
  console.log(`filter by company, by name p95:          ${fmt(p95(byCompany))} ms`);
  console.log(`credentials expiring in 30 days p95:     ${fmt(p95(expiring))} ms (${expiring90.toLocaleString('en')} expire within 90 days)`);
};
