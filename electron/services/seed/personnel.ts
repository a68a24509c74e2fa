import { uuidv7 } from '../../../shared/ids.ts';
import { gtCuiCheck, GT_MUNICIPALITIES, formatNationalId } from '../../../shared/model/nationalId.ts';
import { addMonths, addDays, type PersonRole } from '../../../shared/model/personnel.ts';
import type { CredentialState } from '../../../shared/model/credentialLifecycle.ts';
import { formatNumber, sequenceScope } from '../../../shared/model/numberPattern.ts';
import type { Db } from '../../store/db.ts';
import { appendJournal } from '../../store/journal.ts';
import { localDate } from '../personnel/credentials.ts';
import { readPersonnelSettings } from '../personnel/personnel.settings.ts';
import { prng } from './companies.data.ts';

/** How many people each seed scale adds (national: the 600,000 of a national register). */
export const PERSONNEL_SCALES = { small: 400, medium: 2000, national: 600_000 } as const;

const GIVEN_M = ['José', 'Juan Carlos', 'Luis Fernando', 'Carlos Enrique', 'Marvin', 'Édgar', 'Byron', 'Otto René', 'Selvin', 'Wilson', 'Mynor', 'Erick', 'Óscar', 'Héctor', 'Julio César', 'Mario Roberto', 'Fredy', 'Walter', 'Rony', 'Kevin', 'Nery', 'Elmer', 'Hugo', 'Víctor Manuel', 'Andrés', 'Sebastián', 'Ramón', 'Esteban', 'Gerson', 'Cristian'];
const GIVEN_F = ['María José', 'Ana Lucía', 'Rosa Elena', 'Carmen', 'Sofía', 'Gabriela', 'Mónica', 'Beatriz', 'Lucía', 'Karla', 'Ingrid', 'Brenda', 'Sandra Patricia', 'Wendy', 'Glenda', 'Silvia', 'Mayra', 'Evelyn', 'Heidy', 'Dulce María'];
const FAMILY = ['García', 'Hernández', 'López', 'Martínez', 'Pérez', 'González', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cifuentes', 'Ajú', 'Xicará', 'Peña', 'Muñoz', 'Castañeda', 'Morales', 'Méndez', 'Orellana', 'Tzoc', 'Batz', 'Cux', 'Coyoy', 'Tum', 'Chávez', 'Barrios', 'Estrada', 'Monterroso', 'Marroquín', 'Juárez', 'Quiñónez', 'Velásquez', 'De León', 'Son', 'Yax', 'Chocooj', 'Pop', 'Caal', 'Ixcot', 'Gómez', 'Aguilar'];
const CITIES = ['Ciudad de Guatemala', 'Mixco', 'Villa Nueva', 'Quetzaltenango', 'Escuintla', 'Cobán', 'Chimaltenango', 'Huehuetenango', 'Antigua Guatemala', 'Puerto Barrios', 'Flores', 'Zacapa'];
const PROVIDERS = ['Academia de Seguridad Privada DIGESSP', 'Centro de Capacitación Kaibil Civil', 'Instituto Técnico de Capacitación (INTECAP)', 'Academia Centinela del Sur'];
/** Calibre codes of the shipped list (`shared/model/calibres.ts`). */
const CALIBRES = ['9x19', '38spl', '12ga', '40sw'];

const ROLE_WEIGHTS: [PersonRole, number][] = [['guard', 0.62], ['armed_guard', 0.25], ['escort', 0.05], ['supervisor', 0.06], ['manager', 0.02]];
const STATE_WEIGHTS: [CredentialState, number][] = [
  ['active', 0.78], ['inactive', 0.07], ['vetting', 0.04], ['applicant', 0.03], ['suspended', 0.02], ['revoked', 0.01], ['expired', 0.05],
];

function weighted<T>(r: () => number, xs: [T, number][]): T {
  let x = r();
  for (const [v, w] of xs) { if ((x -= w) < 0) return v; }
  return xs[xs.length - 1][0];
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** From this many rows a load drops and rebuilds the indexes instead of maintaining them row by row. */
const BULK_FROM = 50_000;

/**
 * Drops the secondary indexes of `persons` and `employments` and the FTS triggers, returning a
 * function that recreates them from their own stored SQL and rebuilds the search index.
 * Unique indexes stay: they are what refuses a duplicate.
 */
function suspendIndexes(db: Db): () => void {
  const saved = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('persons', 'employments') AND sql IS NOT NULL
    AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' AND name LIKE 'persons_a_'))`).all() as { type: string; name: string; sql: string }[];
  for (const x of saved) db.exec(`DROP ${x.type === 'index' ? 'INDEX' : 'TRIGGER'} "${x.name}"`);
  return () => {
    for (const x of saved) db.exec(x.sql);
    db.exec(`INSERT INTO persons_fts(persons_fts) VALUES ('rebuild')`);
  };
}

export interface SeedPersonnelOptions {
  now: Date;
  userId: string | null;
  username: string | null;
  seed?: number;
  /** Trainings, earlier employers and credential events too (the demo); the national bench skips them for speed. */
  details?: boolean;
  /** Rebuild indexes at the end instead of row by row (default: from 50,000 rows). */
  bulk?: boolean;
}

/**
 * Adds `n` people with valid Guatemalan CUIs (real check digits and municipality codes), names,
 * roles, vetting, credentials in realistic states (most Active with an employer, some Inactive,
 * in vetting, suspended, revoked or expired, some expiring within 90 days), employment rows
 * mirrored on `persons.current_company_id`, and firearm qualifications for armed guards. One
 * transaction, prepared inserts; the credential counters end where the numbers used stop, so
 * the next credential issued in the app continues the sequence. Needs companies to exist.
 * Deterministic for a given seed, and skips CUIs already registered.
 */
export function seedPersonnel(db: Db, n: number, opts: SeedPersonnelOptions): number {
  const r = prng(opts.seed ?? 4242);
  const nowIso = opts.now.toISOString();
  const today = localDate(opts.now);
  const companies = (db.prepare('SELECT id FROM companies ORDER BY id').all() as { id: string }[]).map((c) => c.id);
  if (companies.length === 0) return 0;
  const settings = readPersonnelSettings(db);
  const pattern = settings.credentialNumberPattern;
  const counters = new Map<string, number>();
  for (const row of db.prepare(`SELECT scope, last FROM number_sequences WHERE name = 'credential'`).all() as { scope: string; last: number }[]) counters.set(row.scope, row.last);

  const insPerson = db.prepare(`INSERT INTO persons (id, id_country, national_id, national_id_norm, given_names, family_names, birth_date, nationality,
    right_to_work, role, address, city, phone, criminal_check_date, criminal_check_result, criminal_check_reference, health_cert_date, health_cert_expiry,
    credential_status, credential_number, credential_issued_on, credential_expires_on, current_company_id, notes, version, created_at, updated_at, created_by, updated_by)
    VALUES (?, 'GT', ?, ?, ?, ?, ?, 'GT', 1, ?, ?, ?, ?, ?, 'clear', ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?, ?, ?)`);
  const insJob = db.prepare(`INSERT INTO employments (id, person_id, company_id, position, start_date, end_date, end_reason, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insQual = db.prepare(`INSERT INTO person_qualifications (id, person_id, calibre, qualified_on, requalify_by, instructor, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`);
  const insTraining = db.prepare(`INSERT INTO person_trainings (id, person_id, course, hours, provider, completed_on, kind, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = db.prepare(`INSERT INTO credential_events (id, person_id, action, from_status, to_status, credential_number, issued_on, expires_on,
    reason, legal_basis, ref_type, ref_id, at, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`);
  const exists = db.prepare('SELECT 1 FROM persons WHERE id_country = ? AND national_id_norm = ?');
  const maxSerial = (db.prepare(`SELECT max(substr(national_id_norm, 1, 8)) AS m FROM persons WHERE id_country = 'GT'`).get() as { m: string | null }).m;

  // Serials climb by small random steps from above any CUI already there, so they never repeat.
  let serial = Math.max(10_000_000, maxSerial ? Number(maxSerial) + 1 : 0) + Math.floor(r() * 1000);
  let added = 0;
  const ty = Number(today.slice(0, 4));
  db.transaction(() => {
    // A national-scale load builds the secondary indexes and the search index once at the end
    // (sorted builds) instead of updating them 600,000 times; same definitions, same transaction.
    const rebuild = (opts.bulk ?? n >= BULK_FROM) ? suspendIndexes(db) : null;
    for (let i = 0; i < n; i++) {
      let check: number;
      do { serial += 1 + Math.floor(r() * 7); check = gtCuiCheck(String(serial)); } while (check === 10);
      if (serial > 99_999_999) break;
      const dept = 1 + Math.floor(r() * GT_MUNICIPALITIES.length);
      const muni = 1 + Math.floor(r() * GT_MUNICIPALITIES[dept - 1]);
      const norm = `${serial}${check}${String(dept).padStart(2, '0')}${String(muni).padStart(2, '0')}`;
      if (exists.get('GT', norm)) continue;
      const female = r() < 0.18;
      const given = pick(r, female ? GIVEN_F : GIVEN_M);
      const family = `${pick(r, FAMILY)} ${pick(r, FAMILY)}`;
      const birth = `${ty - 19 - Math.floor(r() * 42)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const role = weighted(r, ROLE_WEIGHTS);
      const state = weighted(r, STATE_WEIGHTS);
      // Issued within the last two years (validity from settings), so some expire within 30/60/90 days.
      const issued = addDays(today, -Math.floor(r() * 720) - 1);
      const holds = state !== 'applicant' && state !== 'vetting';
      let expires = holds ? addMonths(issued, settings.credentialValidityMonths) : null;
      if (state === 'expired') expires = addDays(today, -1 - Math.floor(r() * 200));
      // One active credential in 400 lapsed in the last days and is still Active: what the daily
      // upkeep finds when the office next opens the workspace (chosen by position, not by a draw,
      // so the rest of the seeded data stays as it was).
      const lapsed = state === 'active' && i % 400 === 7;
      if (lapsed) expires = addDays(today, -1 - (i % 3));
      const issuedOn = state === 'expired' || lapsed ? addMonths(expires!, -settings.credentialValidityMonths) : issued;
      let number: string | null = null;
      if (holds) {
        const scope = sequenceScope(pattern, issuedOn);
        const seq = (counters.get(scope) ?? 0) + 1;
        counters.set(scope, seq);
        number = formatNumber(pattern, issuedOn, seq);
      }
      const criminal = addDays(holds ? issuedOn : today, -10 - Math.floor(r() * 60));
      const health = addDays(holds ? issuedOn : today, -5 - Math.floor(r() * 40));
      const healthExpiry = addMonths(health, 12);
      const employed = state === 'active' || state === 'suspended' || ((state === 'applicant' || state === 'vetting') && r() < 0.5);
      const company = employed ? companies[Math.floor(Math.pow(r(), 1.6) * companies.length)] : null;
      const id = uuidv7(opts.now.getTime() - (n - i));
      const city = pick(r, CITIES);
      insPerson.run(id, formatNationalId('GT', norm), norm, given, family, birth, role, `${1 + Math.floor(r() * 30)}a. calle ${1 + Math.floor(r() * 40)}-${10 + Math.floor(r() * 89)}, zona ${1 + Math.floor(r() * 21)}`,
        city, `+502 ${3 + Math.floor(r() * 3)}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`, criminal, `AP-${criminal.slice(0, 4)}-${Math.floor(r() * 900000) + 100000}`,
        health, healthExpiry, state, number, holds ? issuedOn : null, expires, company, nowIso, nowIso, opts.userId, opts.userId);
      const start = holds ? issuedOn : addDays(today, -Math.floor(r() * 90));
      if (opts.details && r() < 0.15) {
        // An earlier employer, left for the current one (or for none).
        const before = addMonths(start, -6 - Math.floor(r() * 30));
        insJob.run(uuidv7(), id, companies[Math.floor(r() * companies.length)], 'Agente de seguridad', before, start, 'transfer', nowIso, nowIso, opts.userId);
      }
      if (company) insJob.run(uuidv7(), id, company, role === 'supervisor' ? 'Supervisor de turno' : role === 'manager' ? 'Gerente de operaciones' : 'Agente de seguridad', start, null, null, nowIso, nowIso, opts.userId);
      else if (state === 'inactive' || (opts.details && holds && state !== 'expired')) {
        const end = addDays(start, 30 + Math.floor(r() * 300));
        if (end <= today) insJob.run(uuidv7(), id, companies[Math.floor(r() * companies.length)], 'Agente de seguridad', start, end, 'Renuncia', nowIso, nowIso, opts.userId);
      }
      if (role === 'armed_guard' || role === 'escort') {
        const q = addDays(holds ? issuedOn : today, -Math.floor(r() * 60));
        insQual.run(uuidv7(), id, pick(r, CALIBRES), q, addMonths(q, 12), nowIso, nowIso, opts.userId);
      }
      if (opts.details) {
        insTraining.run(uuidv7(), id, 'Curso básico de formación para agentes de seguridad privada', 40, pick(r, PROVIDERS), addDays(criminal, -20), 'initial', nowIso, nowIso, opts.userId);
        if (holds && r() < 0.5) insTraining.run(uuidv7(), id, 'Uso de la fuerza y derechos humanos (Código de Conducta Internacional)', 8, pick(r, PROVIDERS), addDays(issuedOn, 200), 'recurrent', nowIso, nowIso, opts.userId);
        if (holds) {
          insEvent.run(uuidv7(), id, 'issue', 'vetting', 'credentialed', number, issuedOn, expires, null, null, `${issuedOn}T15:00:00.000Z`, nowIso, nowIso, opts.userId);
          if (state === 'suspended') insEvent.run(uuidv7(), id, 'suspend', 'active', 'suspended', number, issuedOn, expires, 'Portación de arma fuera de servicio', 'Decreto 52-2010, art. 60', nowIso, nowIso, nowIso, opts.userId);
          if (state === 'revoked') insEvent.run(uuidv7(), id, 'revoke', 'suspended', 'revoked', number, issuedOn, expires, 'Sentencia condenatoria firme', 'Decreto 52-2010, art. 61', nowIso, nowIso, nowIso, opts.userId);
        }
      }
      added++;
    }
    rebuild?.();
    const up = db.prepare(`INSERT INTO number_sequences (name, scope, last) VALUES ('credential', ?, ?) ON CONFLICT(name, scope) DO UPDATE SET last = max(last, excluded.last)`);
    for (const [scope, last] of counters) up.run(scope, last);
    appendJournal(db, { at: nowIso, userId: opts.userId, username: opts.username, command: 'seed.personnel', entityType: 'person', entityId: null, payload: { requested: n, added } });
  })();
  return added;
}
