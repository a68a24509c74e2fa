import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { appendJournal } from '../../store/journal.ts';
import { normaliseMake } from '../../../shared/model/firearms.ts';
import { normaliseSerial } from '../../../shared/model/serial.ts';
import type { FirearmState } from '../../../shared/model/firearmLifecycle.ts';

/**
 * Demo and national-scale firearms: armories per armed company, weapons with ITI marking fields,
 * a history of movements (issues/returns to guards of the personnel register when it holds people,
 * repairs, losses and thefts with police reports — some late —, seizures, transfers between companies)
 * and ammunition lots. Written straight into the tables with the same normalisation as the
 * commands (serial, make, calibre codes), deterministic for a given seed.
 */
const MODELS: { make: string; model: string; type: string; calibre: string; written: string; prefix: string; country: string; manufacturer: string }[] = [
  { make: 'Taurus', model: 'PT 917', type: 'pistol', calibre: '9x19', written: '9mm', prefix: 'TKS', country: 'Brasil', manufacturer: 'Taurus Armas S.A.' },
  { make: 'Taurus', model: '82S', type: 'revolver', calibre: '38spl', written: '.38 SPL', prefix: 'ABC', country: 'Brasil', manufacturer: 'Taurus Armas S.A.' },
  { make: 'Jericho', model: '941 FS', type: 'pistol', calibre: '9x19', written: '9 mm Parabellum', prefix: '3', country: 'Israel', manufacturer: 'Israel Weapon Industries' },
  { make: 'Glock', model: '17', type: 'pistol', calibre: '9x19', written: '9x19', prefix: 'BKR', country: 'Austria', manufacturer: 'Glock GmbH' },
  { make: 'Bersa', model: 'Thunder 380', type: 'pistol', calibre: '380acp', written: '.380 ACP', prefix: '', country: 'Argentina', manufacturer: 'Bersa S.A.' },
  { make: 'Smith & Wesson', model: '686', type: 'revolver', calibre: '357mag', written: '.357 Mag', prefix: 'CFR', country: 'Estados Unidos', manufacturer: 'Smith & Wesson' },
  { make: 'Rossi', model: 'R461', type: 'revolver', calibre: '38spl+357mag', written: '38 SPL / 357 MAG', prefix: 'F', country: 'Brasil', manufacturer: 'Amadeo Rossi' },
  { make: 'Mossberg', model: '500', type: 'shotgun', calibre: '12ga', written: '12 GA', prefix: 'U', country: 'Estados Unidos', manufacturer: 'O.F. Mossberg & Sons' },
  { make: 'Remington', model: '870', type: 'shotgun', calibre: '12ga', written: 'calibre 12', prefix: 'RS', country: 'Estados Unidos', manufacturer: 'Remington Arms' },
  { make: 'Beretta', model: '92FS', type: 'pistol', calibre: '9x19', written: '9 mm', prefix: 'BER', country: 'Italia', manufacturer: 'Fabbrica d’Armi Pietro Beretta' },
  { make: 'CZ', model: '75 B', type: 'pistol', calibre: '9x19', written: '9mm Luger', prefix: 'A', country: 'República Checa', manufacturer: 'Česká zbrojovka' },
  { make: 'Hatsan', model: 'Escort', type: 'shotgun', calibre: '12ga', written: '12', prefix: '', country: 'Turquía', manufacturer: 'Hatsan Arms' },
];
const POSTS = ['Agencia bancaria zona 1', 'Centro comercial Miraflores', 'Planta industrial km 17', 'Residencial Los Álamos', 'Bodega fiscal Puerto Quetzal', 'Hospital privado zona 10', 'Transporte de valores ruta CA-9', 'Embajada, garita norte'];
const WITNESSES = ['Lic. Marta Pérez (DIGECAM)', 'Cap. Óscar Morales (Ministerio Público)', 'Insp. Carla Sandoval (PNC)'];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoLocal = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export interface FirearmSeedResult { armories: number; firearms: number; events: number; issues: number; lossReports: number; lots: number }

/**
 * Adds about `count` firearms spread over the armed companies (each gets one or two armories),
 * with up to `maxIssues` issue/return cycles each over the last ten years. One transaction.
 */
export function seedFirearms(db: Db, count: number, opts: { now: Date; userId: string | null; username: string | null; seed?: number; maxIssues?: number }): FirearmSeedResult {
  const rnd = prng(opts.seed ?? 20261123);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const nowIso = opts.now.toISOString();
  const nowMs = opts.now.getTime();
  const companies = db.prepare('SELECT id, city FROM companies WHERE armed = 1 ORDER BY id').all() as { id: string; city: string | null }[];
  const res: FirearmSeedResult = { armories: 0, firearms: 0, events: 0, issues: 0, lossReports: 0, lots: 0 };
  if (companies.length === 0 || count <= 0) return res;
  const hasPersons = !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'persons'`).get();
  const personsOf = hasPersons ? db.prepare('SELECT id FROM persons WHERE current_company_id = ? LIMIT 50') : null;
  const deadline = 8;

  const insArmory = db.prepare(`INSERT INTO armories (id, company_id, name, address, city, construction, locks, alarm_link, cameras, retention_days, key_custodians,
    last_assessment_score, last_assessment_at, version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, ?, ?, ?, ?)`);
  const insFirearm = db.prepare(`INSERT INTO firearms (id, company_id, armory_id, type, make, make_norm, model, calibre_code, calibre_written, serial, serial_norm,
    manufacturer, country_of_manufacture, year, import_mark, secondary_marks, permit_number, permit_expiry, condition, state, holder_person_id, post, notes,
    version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'serviceable', ?, ?, ?, NULL, 1, ?, ?, ?, ?)`);
  const insEvent = db.prepare(`INSERT INTO firearm_events (id, firearm_id, kind, occurred_at, company_id, counterpart_company_id, from_state, to_state, person_id, post, details, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insIssue = db.prepare(`INSERT INTO firearm_issues (id, firearm_id, company_id, person_id, post, issued_at, shift_ends_at, returned_at, holder_check, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unverified', ?, ?)`);
  const insLoss = db.prepare(`INSERT INTO firearm_loss_reports (id, firearm_id, company_id, kind, event_date, report_date, deadline_days, late, police_report_number, circumstances, recovered_on, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insLot = db.prepare(`INSERT INTO ammo_lots (id, company_id, armory_id, calibre_code, calibre_written, ammo_type, lot_number, manufacturer, balance, last_count_declared, last_count_counted, last_count_register, last_count_on, version, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`);
  const insMove = db.prepare(`INSERT INTO ammo_movements (id, lot_id, kind, reason, quantity, balance_after, counterpart_lot_id, occurred_on, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?)`);

  // Ids in insertion order keep the primary-key b-trees appending; a larger page cache for the bulk load.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
  db.transaction(() => {
    const armoriesOf = new Map<string, string[]>();
    for (const [ci, c] of companies.entries()) {
      const n = 1 + (rnd() < 0.35 ? 1 : 0);
      const ids: string[] = [];
      for (let a = 0; a < n; a++) {
        const id = uuidv7();
        insArmory.run(id, c.id, a === 0 ? 'Armería central' : `Armería sucursal ${a}`, `${1 + (ci % 20)}a Avenida ${10 + (ci % 80)}-${10 + a * 7}, zona ${1 + (ci % 18)}`,
          c.city, pick(['Concreto armado, sin ventanas', 'Bóveda de concreto y puerta metálica', 'Mampostería reforzada']),
          pick(['Puerta metálica con dos cerraduras de alta seguridad', 'Cerradura multipunto y candado', 'Puerta blindada con control de acceso']),
          pick(['police', 'monitoring_centre', 'local', 'none']), Math.floor(rnd() * 6), pick([15, 30, 30, 60, null]),
          JSON.stringify([{ name: pick(['Julio Coj', 'Rosa Tzul', 'Edgar Chávez', 'Ana Lucía Batz']), personId: null }]), nowIso, nowIso, opts.userId, opts.userId);
        ids.push(id);
        res.armories++;
        // Ammunition for the company's calibres.
        for (const [calibre, written, type] of [['9x19', '9 mm', 'fmj'], ['38spl', '.38 SPL', 'fmj'], ['12ga', '12 GA', 'buckshot']] as const) {
          if (rnd() < 0.3) continue;
          const lotId = uuidv7();
          const received = 500 + Math.floor(rnd() * 4500);
          const used = Math.floor(received * rnd() * 0.6);
          const counted = rnd() < 0.1 ? received - used - Math.floor(rnd() * 40) : received - used;
          insLot.run(lotId, c.id, id, calibre, written, type, `${pick(['CBC', 'FIO', 'WIN', 'IMI'])}-${2019 + Math.floor(rnd() * 7)}-${String(Math.floor(rnd() * 900) + 100)}`,
            pick(['CBC', 'Fiocchi', 'Winchester', 'IMI Systems']), received - used, received - used, counted, received - used, isoDay(nowMs - Math.floor(rnd() * 300) * 86_400_000), nowIso, nowIso, opts.userId);
          insMove.run(uuidv7(), lotId, 'receipt', null, received, received, isoDay(nowMs - 400 * 86_400_000), nowIso, opts.userId);
          if (used > 0) insMove.run(uuidv7(), lotId, 'consumption', 'training', -used, received - used, isoDay(nowMs - 100 * 86_400_000), nowIso, opts.userId);
          res.lots++;
        }
      }
      armoriesOf.set(c.id, ids);
    }

    const serialsSeen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const c = companies[Math.floor(rnd() * companies.length)];
      const m = pick(MODELS);
      const num = String(Math.floor(rnd() * 9_000_000) + 100_000);
      // Written the way companies write them: dashes, spaces, lower case now and then.
      // (The separator is drawn for every weapon, so the draws that follow stay the same; a serial
      // without a letter prefix never starts with one: "-1724656" is no serial anybody writes.)
      const sep = rnd() < 0.3 ? '-' : rnd() < 0.2 ? ' ' : '';
      const serial = `${m.prefix}${m.prefix ? sep : ''}${num}`;
      const key = `${normaliseMake(m.make)}|${normaliseSerial(serial)}|${c.id}`;
      if (serialsSeen.has(key)) continue;
      serialsSeen.add(key);
      const id = uuidv7();
      const armory = pick(armoriesOf.get(c.id)!);
      let t = nowMs - Math.floor(rnd() * 3650) * 86_400_000;
      const events: [string, number, string, FirearmState | null, FirearmState, string | null, string | null, string | null, object][] = [];
      events.push(['registered', t, c.id, null, 'in_armory', null, null, null, {}]);
      let state: FirearmState = 'in_armory';
      let owner = c.id;
      const holders = personsOf ? (personsOf.all(c.id) as { id: string }[]).map((p) => p.id) : [];
      const cycles = holders.length ? Math.floor(rnd() * ((opts.maxIssues ?? 4) + 1)) : 0;
      const issues: [string, string, number, number, number | null][] = [];
      for (let k = 0; k < cycles; k++) {
        t += Math.floor(rnd() * 200 + 1) * 86_400_000;
        if (t > nowMs - 86_400_000) break;
        const who = pick(holders);
        const post = pick(POSTS);
        const back = t + 12 * 3600_000;
        events.push(['issue', t, owner, 'in_armory', 'issued', who, post, null, { shiftEndsAt: isoLocal(back) }]);
        events.push(['return', back, owner, 'issued', 'in_armory', who, post, null, {}]);
        issues.push([who, post, t, back, back]);
      }
      const r = rnd();
      t = Math.min(nowMs - 2 * 86_400_000, t + Math.floor(rnd() * 100 + 1) * 86_400_000);
      let loss: { kind: 'lost' | 'stolen'; event: number; report: number; recovered: number | null } | null = null;
      if (r < 0.012) {
        const kind = r < 0.008 ? 'stolen' : 'lost';
        const report = t + Math.floor(rnd() * (rnd() < 0.3 ? 25 : 8)) * 86_400_000;
        const action = kind === 'stolen' ? 'reportStolen' : 'reportLost';
        events.push([action, Math.min(report, nowMs), owner, 'in_armory', kind, null, null, null, { eventDate: isoDay(t), policeReportNumber: `MP-${isoDay(report).slice(0, 4)}-${Math.floor(rnd() * 90000) + 10000}` }]);
        state = kind;
        const recovered = rnd() < 0.25 ? Math.min(nowMs, report + 40 * 86_400_000) : null;
        if (recovered) { events.push(['recover', recovered, owner, kind, 'recovered', null, null, null, {}]); state = 'recovered'; }
        loss = { kind, event: t, report: Math.min(report, nowMs), recovered };
      } else if (r < 0.02) {
        events.push(['seize', t, owner, 'in_armory', 'seized', null, null, null, { note: 'Incautación por inspección: licencia de tenencia vencida' }]);
        state = 'seized';
      } else if (r < 0.03 && companies.length > 1) {
        const to = companies[Math.floor(rnd() * companies.length)].id;
        if (to !== owner) {
          events.push(['transferOut', t, owner, 'in_armory', 'in_armory', null, null, to, {}]);
          events.push(['transferIn', t, to, 'in_armory', 'in_armory', null, null, owner, {}]);
          owner = to;
        }
      } else if (r < 0.035) {
        events.push(['declareSurplus', t, owner, 'in_armory', 'surplus', null, null, null, {}]);
        const destroyed = Math.min(nowMs, t + 30 * 86_400_000);
        events.push(['destroy', destroyed, owner, 'surplus', 'destroyed', null, null, null, { method: 'cutting', witness: pick(WITNESSES), destroyedOn: isoDay(destroyed) }]);
        state = 'destroyed';
      } else if (r < 0.06) {
        events.push(['sendToRepair', t, owner, 'in_armory', 'under_repair', null, null, null, {}]);
        state = 'under_repair';
      }
      const year = 2005 + Math.floor(rnd() * 20);
      insFirearm.run(id, owner, owner === c.id ? armory : (armoriesOf.get(owner)?.[0] ?? null), m.type, m.make, normaliseMake(m.make), m.model, m.calibre, m.written,
        serial, normaliseSerial(serial), m.manufacturer, m.country, year, rnd() < 0.6 ? `GT-DIGECAM ${year + 1}` : null,
        `TEN-${year + 1}-${String(i).padStart(6, '0')}`, isoDay(nowMs + Math.floor(rnd() * 900 - 120) * 86_400_000), state, null, null,
        nowIso, nowIso, opts.userId, opts.userId);
      res.firearms++;
      for (const [kind, at, company, from, to, person, post, counterpart, details] of events) {
        insEvent.run(uuidv7(), id, kind, kind === 'issue' || kind === 'return' ? isoLocal(at) : isoDay(at), company, counterpart, from, to, person, post, JSON.stringify(details), nowIso, opts.userId);
        res.events++;
      }
      for (const [who, post, out, end, back] of issues) {
        insIssue.run(uuidv7(), id, c.id, who, post, isoLocal(out), isoLocal(end), back ? isoLocal(back) : null, nowIso, opts.userId);
        res.issues++;
      }
      if (loss) {
        const late = Math.round((Date.parse(isoDay(loss.report)) - Date.parse(isoDay(loss.event))) / 86_400_000) > deadline;
        insLoss.run(uuidv7(), id, owner, loss.kind, isoDay(loss.event), isoDay(loss.report), deadline, late ? 1 : 0, `MP-${isoDay(loss.report).slice(0, 4)}-${Math.floor(rnd() * 90000) + 10000}`,
          pick(['Asalto a mano armada durante el turno', 'Hurto en el vehículo de patrulla', 'Extravío durante traslado entre sedes']), loss.recovered ? isoDay(loss.recovered) : null, nowIso, opts.userId);
        res.lossReports++;
      }
    }
    appendJournal(db, { at: nowIso, userId: opts.userId, username: opts.username, command: 'seed.firearms', entityType: 'firearm', entityId: null, payload: { requested: count, ...res } });
  })();
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
  return res;
}

/** Firearms per scale: the demo shows a realistic register; national is the 300,000 of DOMAIN.md. */
export const FIREARM_SCALES = { small: 600, medium: 3000, national: 300_000 } as const;
