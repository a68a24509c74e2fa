import { performance } from 'node:perf_hooks';
import { seedLicensing } from '../../electron/services/seed/licensing.ts';
import { prng } from '../../electron/services/seed/companies.data.ts';
import { PERSONNEL_SCALES, seedPersonnel } from '../../electron/services/seed/personnel.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { addDays } from '../../shared/model/due.ts';
import type { Db } from '../../electron/store/db.ts';
import { fmt, must, p95, time, type Bench } from './harness.ts';

/** `LICENSING_BENCH_PERSONS_COUNT` measures a smaller register when a shared machine is saturated (say so when quoting it). */
const PERSONS = Number(process.env.LICENSING_BENCH_PERSONS_COUNT ?? PERSONNEL_SCALES.national);
/** `LICENSING_BENCH_PERSONS=stand-in` uses quick synthetic persons instead of personnel's national seed. */
const STAND_IN = process.env.LICENSING_BENCH_PERSONS === 'stand-in';

/**
 * Quick synthetic persons (credential and health-certificate expiries spread over two years) for a
 * busy machine; by default the bench uses the personnel area's national seed instead.
 */
function standInPersons(db: Db, n: number, now: Date): number {
  const have = (db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
  if (have >= n / 2) return 0;
  const r = prng(600);
  const today = now.toISOString().slice(0, 10);
  const companies = (db.prepare('SELECT id FROM companies').all() as { id: string }[]).map((c) => c.id);
  const statuses = ['active', 'active', 'active', 'active', 'inactive', 'credentialed', 'suspended', 'vetting', 'revoked', 'expired'];
  const ins = db.prepare(`INSERT INTO persons (id, id_country, national_id, national_id_norm, given_names, family_names, birth_date, nationality, role,
      health_cert_date, health_cert_expiry, credential_status, credential_number, credential_issued_on, credential_expires_on, current_company_id, created_at, updated_at)
    VALUES (?, 'GT', ?, ?, ?, ?, '1990-01-01', 'GT', 'guard', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const iso = now.toISOString();
  // The Due view never searches persons: the stand-ins skip the full-text trigger (restored after),
  // which would otherwise be most of the seeding time on these shared machines.
  const trigger = (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'persons_ai'").get() as { sql: string } | undefined)?.sql;
  if (trigger) db.exec('DROP TRIGGER persons_ai');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const status = statuses[Math.floor(r() * statuses.length)]!;
      const live = status !== 'vetting';
      const exp = addDays(today, Math.floor(r() * 760) - 30);
      const health = addDays(today, Math.floor(r() * 400) - 20);
      const nid = String(2_000_000_000_000 + i);
      ins.run(uuidv7(), nid, nid, `Nombre${i % 997}`, `Apellido${i % 1499}`, addDays(health, -365), health, status,
        live ? `CRED-B-${String(i).padStart(7, '0')}` : null, live ? addDays(exp, -730) : null, live ? exp : null,
        companies[i % companies.length] ?? null, iso, iso);
    }
  })();
  if (trigger) db.exec(trigger);
  return n;
}

/** The Due view at national scale: every source, each window, first pages and deep pages; counts for the home screen. */
export const bench: Bench = async (ctx) => {
  const db = ctx.app.workspaces.db;
  const t0 = performance.now();
  const lic = seedLicensing(db, { now: ctx.now, userId: null, username: null });
  const t1 = performance.now();
  // The personnel bench (run before this one) seeds the national register; a filtered run seeds it here.
  const have = (db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
  const persons = have >= PERSONS / 2 ? 0
    : STAND_IN ? standInPersons(db, PERSONS, ctx.now)
    : seedPersonnel(db, PERSONS, { now: ctx.now, userId: null, username: null });
  const t2 = performance.now();
  console.log(`seeding took ${fmt(t1 - t0)} ms (licensing) + ${fmt(t2 - t1)} ms (persons)`);
  db.exec('ANALYZE');
  const total = (db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
  console.log(`seeded ${lic.licences} licences/applications and ${lic.sanctions} sanctions in ${fmt(t1 - t0)} ms` +
    (persons ? `; ${persons} persons (${STAND_IN ? 'stand-ins' : 'personnel national seed'}) in ${fmt(t2 - t1)} ms` : `; using ${total} persons already seeded`));

  const RUNS = 100;
  // The raw limit: the busiest source (credential expiries, 90 days) as one bare prepared statement, first page and its count.
  const today = ctx.now.toISOString().slice(0, 10);
  const rawPage = db.prepare(`SELECT p.id, p.credential_expires_on FROM persons p WHERE p.credential_expires_on IS NOT NULL
    AND p.credential_status IN ('credentialed','active','inactive','suspended') AND p.credential_expires_on BETWEEN ? AND ? ORDER BY p.credential_expires_on LIMIT 50`);
  // INDEXED BY: left alone, SQLite counts through personnel's non-covering expiry index and reads the table (~300 ms at 100,000 persons).
  const rawCount = db.prepare(`SELECT count(*) FROM persons p INDEXED BY persons_due_credential_id WHERE p.credential_expires_on IS NOT NULL
    AND p.credential_status IN ('credentialed','active','inactive','suspended') AND p.credential_expires_on BETWEEN ? AND ?`);
  const hi = addDays(today, 90);
  const raw = await time(() => { rawPage.all(today, hi); rawCount.get(today, hi); }, RUNS);
  const windows = ['overdue', '30', '60', '90'] as const;
  const report: string[] = [];
  for (const window of windows) {
    const first = await time(() => must(ctx, 'due.list', { window, limit: 50 }), RUNS);
    let i = 0;
    const deep = await time(() => must(ctx, 'due.list', { window, offset: ((i++ * 7) % 20) * 50, limit: 50 }), RUNS);
    const t = (await must(ctx, 'due.list', { window, limit: 1 })) as { total: number };
    report.push(`window ${window.padEnd(7)} (${String(t.total).padStart(6)} rows): first page p95 ${fmt(p95(first))} ms (${fmt(p95(first) / p95(raw))}x raw), pages 1-20 p95 ${fmt(p95(deep))} ms (${fmt(p95(deep) / p95(raw))}x raw)`);
  }
  const cred = await time(() => must(ctx, 'due.list', { window: '90', kinds: ['credential_expiry'], limit: 50 }), RUNS);
  const counts = await time(() => must(ctx, 'due.counts', {}), 30);
  const queue = await time(() => must(ctx, 'licensing.list', { queue: 'overdue', limit: 50 }), RUNS);
  const exportT = performance.now();
  const ex = (await must(ctx, 'due.export', { window: '30', format: 'csv' })) as { rows: number };
  const exportMs = performance.now() - exportT;

  console.log(`\nDue view benchmark (2,500 companies, ${total.toLocaleString('en')} persons, encrypted workspace)`);
  for (const line of report) console.log(line);
  console.log(`credential expiries, 90 days, first page p95: ${fmt(p95(cred))} ms; raw SQL same page + count p95: ${fmt(p95(raw))} ms; ratio ${fmt(p95(cred) / p95(raw))}x`);
  console.log(`home counts (every source × 4 windows) p95: ${fmt(p95(counts))} ms (${fmt(p95(counts) / p95(raw))}x the raw page + count)`);
  console.log(`overdue applications queue p95: ${fmt(p95(queue))} ms`);
  console.log(`CSV export of the 30-day window: ${ex.rows} rows in ${fmt(exportMs)} ms`);
};
