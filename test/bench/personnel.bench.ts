import { performance } from 'node:perf_hooks';
import { seedPersonnel, PERSONNEL_SCALES } from '../../electron/services/seed/personnel.ts';
import { listSql } from '../../electron/services/personnel/persons.query.ts';
import { PERSON_SORT_COLUMNS } from '../../shared/model/personnel.ts';
import { fmt, must, p95, time, type Bench } from './harness.ts';
import { expireDue } from '../../electron/services/upkeep/expiry.ts';
import { UPKEEP_PASS_SIZE } from '../../electron/services/upkeep/upkeep.service.ts';
import { uuidv7 } from '../../shared/ids.ts';

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

  // 30 runs a figure: enough for a p95 on a shared 2-core machine, short enough to finish there.
  const RUNS = 30;
  let i = 0;

  // Where time goes: the pager's count alone, then pages by name in three bands of the register
  // (first pages, the middle just before the half, deep pages in the far half read backwards),
  // each against the raw limit of the same band: the exact statements listPersons runs (count +
  // page, reversed in the far half), prepared once, no gate, no zod, no mapping.
  const s = listSql({ sort: 'name', dir: 'asc' }, today);
  const back = listSql({ sort: 'name', dir: 'asc' }, today, true);
  const rawCount = db.prepare(s.count);
  const rawFwd = db.prepare(s.page);
  const rawBack = db.prepare(back.page);
  const rawPage = (offset: number) => {
    const n = (rawCount.get() as { n: number }).n;
    if (offset > n / 2) { const take = Math.min(100, n - offset); return rawBack.all(take, n - offset - take); }
    return rawFwd.all(100, offset);
  };
  const countOnly = await time(() => rawCount.get(), RUNS);
  const bands: [string, (k: number) => number][] = [
    ['first pages (1-30)', (k) => k * 100],
    ['mid pages (~40-50%)', (k) => Math.floor(total * 0.4) + k * 1009 * 97 % Math.floor(total * 0.1)],
    ['deep pages (far half, to the last)', (k) => Math.min(total - 100, Math.floor(total * 0.75) + k * 1009 * 97 % Math.floor(total * 0.25))],
  ];
  const banded: { label: string; api: number; raw: number }[] = [];
  for (const [label, at] of bands) {
    // Warm both paths on this band first: otherwise whichever runs first pays the cold page cache.
    for (let k = 0; k < 3; k++) { rawPage(at(k)); await must(ctx, 'personnel.list', { sort: 'name', dir: 'asc', offset: at(k), limit: 100 }); }
    i = 0;
    const raw = await time(() => rawPage(at(i++)), RUNS);
    i = 0;
    const api = await time(() => must(ctx, 'personnel.list', { sort: 'name', dir: 'asc', offset: at(i++), limit: 100 }), RUNS);
    banded.push({ label, api: p95(api), raw: p95(raw) });
    console.log(`  (${label}: done, ${fmt(p95(api))} ms p95)`); // progress: deep bands are slow on a loaded machine
  }

  // Every sort key in both directions, first page and a mid page (each walks its own index).
  i = 0;
  const sorts = await time(() => {
    const sort = PERSON_SORT_COLUMNS[i % PERSON_SORT_COLUMNS.length];
    const offset = i % 3 === 2 ? Math.floor(total * 0.3) : (i % 10) * 100;
    const r = must(ctx, 'personnel.list', { sort, dir: i % 2 ? 'asc' : 'desc', offset, limit: 100 });
    i++;
    return r;
  }, RUNS);

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
  const expiring = await time(() => must(ctx, 'personnel.list', { expiringWithinDays: 30, sort: 'credentialExpiresOn', limit: 100 }), 20);
  const expiring90 = (await must(ctx, 'personnel.list', { expiringWithinDays: 90, limit: 1 }) as { total: number }).total;

  console.log(`\nPersonnel benchmark (${total.toLocaleString('en')} people, encrypted SQLCipher workspace, 100-row pages, ${RUNS} runs a figure)`);
  console.log(`pager count(*) alone, raw p95:           ${fmt(p95(countOnly))} ms`);
  for (const b of banded) console.log(`list by name, ${b.label.padEnd(35)} p95 ${fmt(b.api)} ms; raw SQL same page + count p95 ${fmt(b.raw)} ms; ratio ${fmt(b.api / b.raw)}x`);
  console.log(`list, every sort both ways, first+mid p95: ${fmt(p95(sorts))} ms`);
  console.log(`search by name p95:                      ${fmt(p95(byName))} ms`);
  console.log(`search by national id (full) p95:        ${fmt(p95(byId))} ms`);
  console.log(`search by national id prefix p95:        ${fmt(p95(byIdPrefix))} ms`);
  console.log(`filter by company, by name p95:          ${fmt(p95(byCompany))} ms`);
  console.log(`credentials expiring in 30 days p95:     ${fmt(p95(expiring))} ms (${expiring90.toLocaleString('en')} expire within 90 days)`);

  // The daily upkeep after a long weekend with the office closed, at national scale: 20,000
  // credentials lapsed. Raw limit: the same two writes per record (state, event row) as bare
  // prepared statements in transactions of the same size, on another 20,000.
  const LAPSED = 20_000;
  const lapse = db.prepare(`UPDATE persons SET credential_expires_on = '2026-11-20' WHERE id IN
    (SELECT id FROM persons WHERE credential_status = 'active' AND credential_expires_on > '2026-11-23' ORDER BY id LIMIT ? OFFSET ?)`);
  db.transaction(() => { lapse.run(LAPSED, 0); lapse.run(LAPSED, 100_000); })();
  const due = (db.prepare(`SELECT id FROM persons WHERE credential_expires_on = '2026-11-20' AND credential_status = 'active' ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const rawSet = due.slice(LAPSED);
  const setState = db.prepare(`UPDATE persons SET credential_status = 'expired', updated_at = ? WHERE id = ?`);
  const addEvent = db.prepare(`INSERT INTO credential_events (id, person_id, action, from_status, to_status, at, created_at, updated_at) VALUES (?, ?, 'expire', 'active', 'expired', ?, ?, ?)`);
  const nowIso = ctx.now.toISOString();
  const r0 = performance.now();
  for (let k = 0; k < rawSet.length; k += UPKEEP_PASS_SIZE) {
    db.transaction(() => { for (const id of rawSet.slice(k, k + UPKEEP_PASS_SIZE)) { setState.run(nowIso, id); addEvent.run(uuidv7(), id, nowIso, nowIso, nowIso); } })();
  }
  const rawMs = performance.now() - r0;
  const u0 = performance.now();
  let expired = 0;
  const skip = new Set<string>();
  for (;;) {
    const pass = expireDue(db, { today: today, now: nowIso, limit: UPKEEP_PASS_SIZE, skip });
    expired += pass.credentials;
    if (!pass.more) break;
  }
  const upkeepMs = performance.now() - u0;
  const perSec = (n: number, ms: number) => n / (ms / 1000);
  console.log(`daily upkeep, ${expired.toLocaleString('en')} lapsed credentials expired in passes of ${UPKEEP_PASS_SIZE}: ${fmt(upkeepMs / 1000)} s = ${perSec(expired, upkeepMs).toFixed(0)}/s; raw state + event writes ${perSec(rawSet.length, rawMs).toFixed(0)}/s; ratio ${fmt(perSec(expired, upkeepMs) / perSec(rawSet.length, rawMs))}x`);
};
