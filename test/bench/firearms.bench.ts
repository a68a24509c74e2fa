import { performance } from 'node:perf_hooks';
import { FIREARM_SCALES, seedFirearms } from '../../electron/services/seed/firearms.ts';
import { samplePerson, VALID_VETTING } from '../helpers/personnel.ts';
import { fmt, must, p95, time, type Bench } from './harness.ts';

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The firearms register at national scale (300,000 weapons, a decade of movements): trace search
 * by exact and partial serial against the raw SQL of the same query, and the timeline of a weapon
 * with 200 movements.
 */
export const bench: Bench = async (ctx) => {
  const { app } = ctx;
  const db = app.workspaces.db;
  const today = ctx.now.toISOString().slice(0, 10);

  // Credentialed guards for 400 armed companies, through the personnel commands, so issues have holders.
  const g0 = performance.now();
  const armed = db.prepare('SELECT id FROM companies WHERE armed = 1 ORDER BY id LIMIT 400').all() as { id: string }[];
  let guard = '';
  for (const c of armed) {
    const p = (await must(ctx, 'personnel.create', samplePerson({ ...VALID_VETTING, role: 'armed_guard' }))) as { id: string };
    await must(ctx, 'personnel.transitionCredential', { personId: p.id, action: 'startVetting' });
    await must(ctx, 'personnel.transitionCredential', { personId: p.id, action: 'issue' });
    await must(ctx, 'personnel.setEmployer', { personId: p.id, companyId: c.id, startDate: '2026-11-01' });
    guard ||= p.id;
  }
  console.log(`${armed.length} guards through the personnel commands in ${fmt(performance.now() - g0)} ms`);

  const t0 = performance.now();
  // BENCH_FIREARMS=N runs a smaller register (smoke run); the default is the national 300,000.
  const r = seedFirearms(db, Number(process.env.BENCH_FIREARMS ?? FIREARM_SCALES.national), { now: ctx.now, userId: null, username: null, maxIssues: 6 });
  console.log(`seeded ${r.firearms} firearms, ${r.events} movements, ${r.issues} issues, ${r.lossReports} loss/theft reports, ${r.lots} lots in ${fmt(performance.now() - t0)} ms`);

  const RUNS = 200;
  // The floor of any command on this machine (gate, session check, zod in/out, one trivial read).
  const floor = await time(() => must(ctx, 'firearms.settings', {}), RUNS);
  const serials = (db.prepare('SELECT serial, serial_norm FROM firearms ORDER BY random() LIMIT ?').all(RUNS) as { serial: string; serial_norm: string }[]);
  let i = 0;
  // Exact: typed the way officers type (lower case, dashes turned into spaces).
  const exact = await time(() => must(ctx, 'firearms.list', { serial: serials[i++ % RUNS].serial.toLowerCase().replace(/-/g, ' '), serialMode: 'exact', limit: 50 }), RUNS);
  const rawExact = db.prepare('SELECT * FROM firearms WHERE serial_norm = ? ORDER BY serial_norm, id LIMIT 50');
  const rawExactCount = db.prepare('SELECT count(*) FROM firearms WHERE serial_norm = ?');
  i = 0;
  const exactRaw = await time(() => { const s = serials[i++ % RUNS].serial_norm; rawExact.all(s); rawExactCount.get(s); }, RUNS);

  // Partial: a 5-character fragment from the middle of a serial ("contains", trigram index).
  const frag = (s: string) => s.slice(Math.max(0, Math.floor(s.length / 2) - 2), Math.max(0, Math.floor(s.length / 2) - 2) + 5);
  i = 0;
  const partial = await time(() => must(ctx, 'firearms.list', { serial: frag(serials[i++ % RUNS].serial_norm), serialMode: 'contains', limit: 50 }), RUNS);
  const rawPartial = db.prepare(`SELECT * FROM firearms WHERE rowid IN (SELECT rowid FROM firearms_serial_fts WHERE firearms_serial_fts MATCH ?) ORDER BY serial_norm, id LIMIT 50`);
  const rawPartialCount = db.prepare('SELECT count(*) FROM firearms WHERE rowid IN (SELECT rowid FROM firearms_serial_fts WHERE firearms_serial_fts MATCH ?)');
  i = 0;
  const partialRaw = await time(() => { const q = `"${frag(serials[i++ % RUNS].serial_norm)}"`; rawPartial.all(q); rawPartialCount.get(q); }, RUNS);
  // Unindexed baseline for the same fragments: what "contains" would cost without the trigram table.
  i = 0;
  const scan = db.prepare('SELECT count(*) FROM firearms WHERE instr(serial_norm, ?) > 0');
  const partialScan = await time(() => scan.get(frag(serials[i++ % RUNS].serial_norm)), 20);
  i = 0;
  const prefix = await time(() => must(ctx, 'firearms.list', { serial: serials[i++ % RUNS].serial_norm.slice(0, 4), serialMode: 'prefix', limit: 50 }), RUNS);

  // A weapon with 200 movements, made through the commands (100 issue/return cycles to a qualified guard).
  const companyId = (db.prepare('SELECT current_company_id AS c FROM persons WHERE id = ?').get(guard) as { c: string }).c;
  await must(ctx, 'personnel.addQualification', { personId: guard, calibre: '9mm', qualifiedOn: '2026-10-01', requalifyBy: '2027-10-01' });
  let f = (await must(ctx, 'firearms.register', { companyId, type: 'pistol', make: 'Jericho', model: '941', calibre: '9 mm', serial: 'BENCH-200-MOVES' })) as { id: string; version: number };
  const m0 = performance.now();
  for (let k = 0; k < 100; k++) {
    const at = (min: number) => `${today}T${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    f = (await must(ctx, 'firearms.transition', { id: f.id, version: f.version, action: 'issue', personId: guard, post: 'Garita norte', issuedAt: at(k * 14), shiftEndsAt: at(k * 14 + 10) })) as typeof f;
    f = (await must(ctx, 'firearms.transition', { id: f.id, version: f.version, action: 'return', returnedAt: at(k * 14 + 5) })) as typeof f;
  }
  const moves = performance.now() - m0;
  const timeline = await time(() => must(ctx, 'firearms.timeline', { id: f.id }), RUNS);
  const rawTl = db.prepare('SELECT * FROM firearm_events WHERE firearm_id = ? ORDER BY substr(occurred_at, 1, 10), rowid');
  const timelineRaw = await time(() => rawTl.all(f.id), RUNS);
  const page = await time(() => must(ctx, 'firearms.get', { id: f.id }), RUNS);

  console.log(`\nFirearms register benchmark (${r.firearms.toLocaleString('en')} firearms, ${r.events.toLocaleString('en')} movements, encrypted SQLCipher workspace)`);
  console.log(`command floor (firearms.settings, trivial read) p95: ${fmt(p95(floor))} ms — the fixed cost every command pays over raw SQL`);
  console.log(`serial search exact (50 rows) p50 ${fmt(p50(exact))} ms, p95:      ${fmt(p95(exact))} ms; raw SQL same query p95: ${fmt(p95(exactRaw))} ms; ratio ${fmt(p95(exact) / p95(exactRaw))}x`);
  console.log(`serial search contains, 5 chars p50 ${fmt(p50(partial))} ms, p95:    ${fmt(p95(partial))} ms; raw SQL same query p95: ${fmt(p95(partialRaw))} ms; ratio ${fmt(p95(partial) / p95(partialRaw))}x (full scan without the trigram index p95: ${fmt(p95(partialScan))} ms)`);
  console.log(`serial search prefix, 4 chars p95:      ${fmt(p95(prefix))} ms`);
  console.log(`timeline of a weapon with 200 movements p50 ${fmt(p50(timeline))} ms, p95: ${fmt(p95(timeline))} ms; raw SQL p95: ${fmt(p95(timelineRaw))} ms; ratio ${fmt(p95(timeline) / p95(timelineRaw))}x; firearm page p95: ${fmt(p95(page))} ms`);
  console.log(`200 lifecycle commands (issue/return with credential and qualification check): ${fmt(moves)} ms, ${fmt(moves / 200)} ms each`);
};
