import { performance } from 'node:perf_hooks';
import { seedAccountability } from '../../electron/services/seed/accountability.ts';
import { computeFigures } from '../../electron/services/statistics/statistics.handlers.ts';
import { buildAnnualReport } from '../../electron/services/accountability/annualReport.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { fmt, must, p95, time, type Bench } from './harness.ts';
import type { Db } from '../../electron/store/db.ts';

const count = (db: Db, t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

/**
 * Registers of other areas at national scale when their own benches have not filled them:
 * 300,000 firearms and 600,000 personnel, as bare rows (only the columns the figures read).
 */
function fillRegisters(db: Db, now: string): void {
  const companies = (db.prepare('SELECT id, city FROM companies').all() as { id: string; city: string | null }[]);
  const types = ['pistol', 'pistol', 'pistol', 'revolver', 'shotgun', 'shotgun', 'rifle', 'carbine'];
  const cals = ['9x19', '9x19', '38spl', '12ga', '380acp', '556nato', '45acp', '22lr'];
  const states = ['in_armory', 'in_armory', 'issued', 'issued', 'issued', 'under_repair', 'lost', 'stolen', 'recovered', 'destroyed', 'surplus'];
  if (count(db, 'firearms') === 0) {
    const ins = db.prepare(`INSERT INTO firearms (id, company_id, type, make, make_norm, calibre_code, calibre_written, serial, serial_norm, condition, state, created_at, updated_at)
      VALUES (?, ?, ?, 'Jericho', 'JERICHO', ?, ?, ?, ?, 'serviceable', ?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 300_000; i++) {
        const s = `BN${String(i).padStart(7, '0')}`;
        ins.run(uuidv7(), companies[i % companies.length]!.id, types[i % 8], cals[(i * 7) % 8], cals[(i * 7) % 8], s, s, states[(i * 13) % 11], now, now);
      }
    })();
  }
  if (count(db, 'persons') === 0) {
    const st = ['active', 'active', 'active', 'credentialed', 'inactive', 'applicant', 'vetting', 'suspended', 'expired', 'revoked'];
    const ins = db.prepare(`INSERT INTO persons (id, id_country, national_id, national_id_norm, given_names, family_names, birth_date, nationality, role, city, credential_status, current_company_id, created_at, updated_at)
      VALUES (?, 'GT', ?, ?, 'José', ?, '1990-01-01', 'GT', 'guard', ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 600_000; i++) {
        const c = companies[i % companies.length]!;
        const nid = String(1_000_000_000_000 + i);
        ins.run(uuidv7(), nid, nid, `Apellido${i % 997}`, c.city, st[(i * 7) % 10], c.id, now, now);
      }
    })();
  }
}

/** National statistics page (every figure) and the signed annual sector report, at national scale. */
export const bench: Bench = async (ctx) => {
  const db = ctx.app.workspaces.db;
  const nowIso = ctx.now.toISOString();
  let t = performance.now();
  const seeded = seedAccountability(db, { now: ctx.now, userId: null, username: null });
  console.log(`seeded ${seeded.incidents} incidents and ${seeded.grievances} grievances in ${fmt(performance.now() - t)} ms`);
  t = performance.now();
  // In a full run the personnel and firearms benches have filled their registers already; a
  // standalone run fills them only when asked (900,000 rows take minutes on a loaded machine).
  if (process.env.CENTINELA_BENCH_FILL === '1') fillRegisters(db, nowIso);
  console.log(`registers: ${count(db, 'companies')} companies, ${count(db, 'persons')} personnel, ${count(db, 'firearms')} firearms, ${count(db, 'incidents')} incidents (${fmt(performance.now() - t)} ms to fill)`);
  db.exec('ANALYZE');

  const filters = { from: null, to: null, region: null };
  const RUNS = 8;
  const page = await time(() => must(ctx, 'statistics.figures', { filters }), RUNS);
  const direct = await time(() => computeFigures(db, filters, nowIso.slice(0, 10)), RUNS);
  const yearRegion = await time(() => must(ctx, 'statistics.figures', { filters: { from: '2025-01-01', to: '2025-12-31', region: 'Escuintla' } }), RUNS);
  // The raw limit: one bare full count of every table the page reads (what any figure must at least touch).
  const rawStmts = ['companies', 'incidents', 'incident_firearms', 'grievances', 'firearms', 'persons', 'licences', 'sanctions'].map((x) => db.prepare(`SELECT count(*) FROM ${x}`));
  const raw = await time(() => rawStmts.forEach((s) => s.get()), RUNS);
  let i = 0;
  const cats = ['firearm_theft', 'use_of_force', 'firearm_loss', 'detention'];
  const drill = await time(() => must(ctx, 'statistics.drill', { figure: 'incidentsByType', category: cats[i++ % 4], offset: (i * 50) % 1000, limit: 50 }), 40);
  const drillFirearm = await time(() => must(ctx, 'statistics.drill', { figure: 'firearmsByState', category: 'stolen', offset: 0, limit: 50 }), 10);

  // Annual report: generation and signing through the command (the agency identity of the signed-documents service).
  if (!(await ctx.app.call('signing.get', {}) as { ok: boolean; value?: unknown }).value) {
    await must(ctx, 'signing.createSelfSigned', { commonName: 'Banco de pruebas', organization: 'Banco de pruebas', country: 'GT' });
  }
  const report = await time(() => must(ctx, 'accountability.annualReport', { year: 2025, language: 'es' }), 3);
  const gen = await time(() => buildAnnualReport(db, { year: 2025, language: 'es', issuedAt: ctx.now }), 3);
  const pub = await time(() => must(ctx, 'accountability.exportPublicRegister', { language: 'es' }), 3);

  console.log('\nAccountability benchmark (national register, encrypted SQLCipher workspace)');
  console.log(`statistics page, all ${(await must(ctx, 'statistics.figures', { filters }) as { figures: unknown[] }).figures.length} figures p95: ${fmt(p95(page))} ms (direct, no gate: ${fmt(p95(direct))} ms); raw limit (bare count of each table read) p95: ${fmt(p95(raw))} ms; ratio ${fmt(p95(page) / p95(raw))}x`);
  console.log(`statistics page, one year + one region p95: ${fmt(p95(yearRegion))} ms`);
  console.log(`drill-down page (50 incidents) p95: ${fmt(p95(drill))} ms; drill-down firearms by state p95: ${fmt(p95(drillFirearm))} ms`);
  console.log(`annual sector report, generated and signed (command) p95 of 3: ${fmt(p95(report))} ms; same report built and signed without the gate: ${fmt(p95(gen))} ms`);
  console.log(`public register export (CSV+JSON+HTML, signed manifest, zip) p95 of 3: ${fmt(p95(pub))} ms`);
};
