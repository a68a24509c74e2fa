import { uuidv7 } from '../../../shared/ids.ts';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_CHANNELS, type GrievanceStatus } from '../../../shared/model/grievance.ts';
import type { IncidentType } from '../../../shared/model/incident.ts';
import { makeReferenceCode } from '../../../shared/model/referenceCode.ts';
import { reportingDelay } from '../../../shared/model/accountabilityDeadlines.ts';
import type { Db } from '../../store/db.ts';
import { appendJournal } from '../../store/journal.ts';
import { readDeadlines } from '../accountability/deadlines.repo.ts';

/** Guatemala's departments (the demo agency's country); incidents are placed in them. */
const REGIONS = ['Guatemala', 'Escuintla', 'Quetzaltenango', 'Petén', 'Izabal', 'Alta Verapaz', 'Huehuetenango', 'San Marcos', 'Chimaltenango', 'Sacatepéquez', 'Retalhuleu', 'Zacapa'];
const WEIGHT = [30, 12, 9, 5, 6, 5, 4, 4, 5, 6, 3, 3];
const MUNIS: Record<string, string[]> = {
  Guatemala: ['Guatemala', 'Mixco', 'Villa Nueva', 'San Miguel Petapa'], Escuintla: ['Escuintla', 'Santa Lucía Cotzumalguapa', 'Puerto San José'],
  Quetzaltenango: ['Quetzaltenango', 'Coatepeque'], Petén: ['Flores', 'San Benito'], Izabal: ['Puerto Barrios', 'Morales'],
};
const ARMS = [['pistol', 'Jericho', '9mm'], ['pistol', 'Taurus', '9mm'], ['revolver', 'Smith & Wesson', '.38 Special'], ['shotgun', 'Mossberg', '12 GA'], ['shotgun', 'Maverick', '12 GA']];
const FIRST = ['Marvin', 'José', 'Edgar', 'Byron', 'Carlos', 'Wilson', 'Juan', 'Mario', 'Erick', 'Selvin'];
const LAST = ['López', 'Pérez', 'García', 'Xicará', 'Ajú', 'Tzul', 'Coc', 'Morales', 'Hernández', 'Chávez'];
const DESCRIPTIONS: Record<string, string> = {
  firearm_theft: 'Sujetos armados redujeron al agente en el puesto y sustrajeron el arma de dotación.',
  firearm_loss: 'El agente reportó el extravío del arma al finalizar el turno; no se localizó tras la búsqueda.',
  firearm_discharge: 'El agente efectuó disparos disuasivos durante un intento de asalto al vehículo blindado.',
  use_of_force: 'Altercado en la garita de ingreso; el agente sujetó a una persona que intentó ingresar por la fuerza.',
  injury: 'Un agente resultó herido durante el intento de robo.',
  property_damage: 'Daños a la garita y al portón por un vehículo que evadió el control.',
  detention: 'Aprehensión de un sospechoso hasta la llegada de la Policía Nacional Civil.',
};

/** Deterministic generator (mulberry32), so the demo and the bench see the same data every time. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Demo incidents and grievances over the last five years for the companies in the register:
 * ~12 incidents and ~4 grievances per company, thefts and losses with serials, some late
 * reports, grievances at every stage. Inserted directly in one transaction (the same rules as
 * the commands: delay computed by the shared function, identity in its own table).
 */
export function seedAccountability(db: Db, opts: { now: Date; userId: string | null; username: string | null; seed?: number; perCompany?: number }): { incidents: number; grievances: number; linkedPeople: number } {
  const r = rng(opts.seed ?? 9);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const region = () => { let x = r() * WEIGHT.reduce((s, w) => s + w, 0); for (let i = 0; i < REGIONS.length; i++) { x -= WEIGHT[i]!; if (x < 0) return REGIONS[i]!; } return REGIONS[0]!; };
  const companies = (db.prepare('SELECT id FROM companies ORDER BY id').all() as { id: string }[]).map((c) => c.id);
  if (companies.length === 0) return { incidents: 0, grievances: 0, linkedPeople: 0 };
  const d = readDeadlines(db);
  const nowIso = opts.now.toISOString();
  const nIncidents = Math.round(companies.length * (opts.perCompany ?? 12));
  const nGrievances = Math.round(companies.length * (opts.perCompany ?? 12) / 3);
  const pad = (n: number) => String(n).padStart(2, '0');
  const localAt = (ms: number) => { const x = new Date(ms); return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}T${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}`; };
  const span = 5 * 365 * 86_400_000;
  const seqByYear = new Map<string, number>();
  const seeded = { incidents: [] as string[], grievances: [] as string[] };
  let linked = 0;
  db.transaction(() => {
    const insI = db.prepare(`INSERT INTO incidents (id, number, occurred_at, reported_at, region, municipality, company_id, types, primary_type, description, personnel_involved,
      shots_fired, use_of_force, injuries, deaths, police_report_number, report_hours, report_limit_hours, late, status, review_note, follow_up, follow_up_ref, version, created_at, updated_at, created_by, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
    const insF = db.prepare('INSERT INTO incident_firearms (id, incident_id, position, serial, serial_norm, firearm_type, make, calibre, outcome, firearm_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)');
    const insE = db.prepare('INSERT INTO incident_events (id, incident_id, at, action, from_status, to_status, note, user_id, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < nIncidents; i++) {
      const occurred = opts.now.getTime() - Math.floor(r() * span) - 86_400_000;
      const x = r();
      const types: IncidentType[] = x < 0.22 ? ['firearm_theft'] : x < 0.32 ? ['firearm_loss'] : x < 0.5 ? ['firearm_discharge'] : x < 0.7 ? ['use_of_force'] : x < 0.82 ? ['property_damage'] : x < 0.92 ? ['detention'] : ['other'];
      if (types[0] === 'firearm_theft' && r() < 0.3) types.push('injury');
      const delayH = r() < 0.8 ? 2 + r() * 60 : 72 + r() * 400;
      const reported = Math.min(occurred + delayH * 3_600_000, opts.now.getTime());
      const occ = localAt(occurred);
      const rep = localAt(reported);
      const delay = reportingDelay(occ, rep, types, d);
      const year = rep.slice(0, 4);
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const id = uuidv7();
      const reg = region();
      const age = opts.now.getTime() - occurred;
      const status = age > 120 * 86_400_000 ? 'closed' : age > 20 * 86_400_000 ? 'under_review' : 'reported';
      const follow = status === 'closed' && (types[0] === 'firearm_theft' || types[0] === 'firearm_loss') && r() < 0.4 ? 'inspection' : 'none';
      const guard = `${pick(FIRST)} ${pick(LAST)}`;
      insI.run(id, `INC-${year}-${String(seq).padStart(6, '0')}`, occ, rep, reg, pick(MUNIS[reg] ?? [reg]), pick(companies), JSON.stringify(types), types[0]!,
        DESCRIPTIONS[types[0]!] ?? 'Incidente reportado por la empresa.', JSON.stringify([`Agente ${guard}`]), types[0] === 'firearm_discharge' ? 1 + Math.floor(r() * 4) : 0,
        types[0] === 'use_of_force' || types[0] === 'detention' ? 1 : 0, types.includes('injury') ? 1 : 0, r() < 0.01 ? 1 : 0,
        r() < 0.7 ? `MP-${year}-${Math.floor(r() * 90000) + 10000}` : null, delay.hours, delay.limitHours, delay.late ? 1 : 0, status,
        status === 'closed' ? 'Revisado: la empresa adoptó medidas correctivas.' : null, follow, follow === 'none' ? null : `INSP-${year}-${String(seq).padStart(4, '0')}`,
        nowIso, nowIso, opts.userId, opts.userId);
      insE.run(uuidv7(), id, nowIso, 'report', null, 'reported', null, opts.userId, opts.username);
      seeded.incidents.push(id);
      if (types[0] === 'firearm_theft' || types[0] === 'firearm_loss' || types[0] === 'firearm_discharge') {
        const [ft, make, cal] = pick(ARMS);
        const serial = `${make!.slice(0, 2).toUpperCase()}${Math.floor(r() * 900000) + 100000}`;
        const outcome = types[0] === 'firearm_theft' ? 'stolen' : types[0] === 'firearm_loss' ? 'lost' : 'discharged';
        insF.run(uuidv7(), id, 0, serial, serial, ft!, make!, cal!, outcome);
      }
    }

    const insG = db.prepare(`INSERT INTO grievances (id, reference_code, received_at, channel, anonymous, category, company_id, personnel_concerned, summary, retaliation_concern,
      status, stage_entered_at, referral_target, outcome_note, closed_at, version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
    const insK = db.prepare('INSERT INTO grievance_complainants (grievance_id, full_name, national_id, contact, address, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insGE = db.prepare('INSERT INTO grievance_events (id, grievance_id, at, action, from_status, to_status, note, referral_target, user_id, username) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)');
    for (let i = 0; i < nGrievances; i++) {
      const received = opts.now.getTime() - Math.floor(r() * span * 0.6) - 3_600_000;
      const age = (opts.now.getTime() - received) / 86_400_000;
      const y = r();
      const status: GrievanceStatus = age < 4 ? 'received' : age < 15 ? 'admissibility' : age < 70 ? (y < 0.7 ? 'investigation' : 'closed') : y < 0.15 ? 'remedy' : y < 0.75 ? 'closed' : 'referred';
      const stageAt = new Date(Math.min(opts.now.getTime(), received + (status === 'received' ? 0 : age * 0.6 * 86_400_000))).toISOString();
      const anonymous = r() < 0.35;
      const bytes = new Uint8Array(7).map(() => Math.floor(r() * 256));
      const id = uuidv7();
      const final = status === 'closed' || status === 'referred';
      insG.run(id, makeReferenceCode(bytes), localAt(received), pick(GRIEVANCE_CHANNELS), anonymous ? 1 : 0, pick(GRIEVANCE_CATEGORIES), r() < 0.92 ? pick(companies) : null,
        JSON.stringify(r() < 0.5 ? [`Agente ${pick(FIRST)} ${pick(LAST)}`] : []), 'Relato recibido por el oficial de atención; se adjuntan los datos aportados por la persona.',
        r() < 0.08 ? 1 : 0, status, stageAt, status === 'referred' ? pick(['prosecutor', 'company_mechanism', 'icoca'] as const) : null,
        final ? 'Resolución comunicada a la persona denunciante.' : null, final ? stageAt : null, nowIso, nowIso, opts.userId, opts.userId);
      if (!anonymous) insK.run(id, `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`, `${Math.floor(r() * 9e12) + 1e12}`, `+502 ${Math.floor(r() * 9e7) + 1e7}`, null, nowIso, opts.userId);
      insGE.run(uuidv7(), id, nowIso, 'receive', null, 'received', null, opts.userId, opts.username);
      seeded.grievances.push(id);
    }
    linked = linkSeededPeople(db, seeded, nowIso, opts.userId);
    appendJournal(db, { at: nowIso, userId: opts.userId, username: opts.username, command: 'seed.accountability', entityType: 'incident', entityId: null, payload: { incidents: nIncidents, grievances: nGrievances } });
  })();
  return { incidents: nIncidents, grievances: nGrievances, linkedPeople: linked };
}

/**
 * Links the seeded incidents and grievances to staff of the same company, after everything else
 * is drawn: the choice comes from the loop index and the register's order (national id), never
 * from the random generator, so the rest of the demo data is the same with or without links.
 * Three incidents in four name one guard, one in five a second; every other grievance names one.
 * Companies without staff in the register keep their free-text names only.
 */
function linkSeededPeople(db: Db, seeded: { incidents: string[]; grievances: string[] }, at: string, userId: string | null): number {
  const staffOf = new Map<string, string[]>();
  const staffQuery = db.prepare(`SELECT id FROM persons WHERE current_company_id = ? AND role <> 'manager' ORDER BY national_id_norm LIMIT 40`);
  const staff = (companyId: string | null) => {
    if (!companyId) return [];
    if (!staffOf.has(companyId)) staffOf.set(companyId, (staffQuery.all(companyId) as { id: string }[]).map((p) => p.id));
    return staffOf.get(companyId)!;
  };
  let n = 0;
  const link = (table: 'incident_persons' | 'grievance_persons', column: 'incident_id' | 'grievance_id', owner: 'incidents' | 'grievances', ids: string[], people: (i: number) => number) => {
    const companyOf = db.prepare(`SELECT company_id AS c FROM ${owner} WHERE id = ?`);
    const ins = db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, person_id, position, created_at, created_by) VALUES (?, ?, ?, ?, ?)`);
    ids.forEach((id, i) => {
      const want = people(i);
      if (want === 0) return;
      const list = staff((companyOf.get(id) as { c: string | null }).c);
      for (let k = 0; k < Math.min(want, list.length); k++) n += ins.run(id, list[(i * 7 + k) % list.length]!, k, at, userId).changes;
    });
  };
  link('incident_persons', 'incident_id', 'incidents', seeded.incidents, (i) => (i % 4 === 3 ? 0 : i % 5 === 0 ? 2 : 1));
  link('grievance_persons', 'grievance_id', 'grievances', seeded.grievances, (i) => (i % 2 === 0 ? 1 : 0));
  return n;
}
