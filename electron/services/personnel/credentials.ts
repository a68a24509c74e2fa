import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { roleCan, type Role } from '../../../shared/model/roles.ts';
import { addDays, addMonths } from '../../../shared/model/personnel.ts';
import {
  transitionsFor, type CredentialAction, type CredentialGuard, type CredentialState, type CredentialTransition,
} from '../../../shared/model/credentialLifecycle.ts';
import type { AuditNote, Ctx } from '../../core/context.ts';
import { cachedStatement, type Db } from '../../store/db.ts';
import { nextPatternNumber } from '../../store/sequences.ts';
import { isKnownCalibre, normaliseCalibre } from '../../../shared/model/calibres.ts';
import { calibreList } from '../firearms/calibres.repo.ts';
import { currentEmployment, loadPersonRow, type PersonSqlRow } from './persons.repo.ts';
import { readPersonnelSettings } from './personnel.settings.ts';
import { touchPerson } from './persons.write.ts';

/** The calendar date (YYYY-MM-DD) of `d` on this workstation: deadlines are local days, not UTC ones. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What a credential transition needs from the caller. */
export interface CredentialTransitionInput {
  personId: string;
  action: CredentialAction;
  /** Required for suspend, reinstate and revoke (decisions against the person). */
  reason?: string | null;
  legalBasis?: string | null;
  /** What caused it, e.g. `{ type: 'sanction', id }`; stored on the event. */
  ref?: { type: string; id: string } | null;
  /**
   * Skip the acting user's permission check for the transition. Only for callers whose own
   * command already carries the authority (a final sanction executed by the sanctions service).
   */
  skipPermission?: boolean;
}

/** The refusal for a guard that does not hold, with the reason an officer can act on. */
function guardProblem(db: Db, p: PersonSqlRow, guard: CredentialGuard, today: string): AppError | null {
  switch (guard) {
    case 'employed':
      return currentEmployment(db, p.id) ? null : new AppError('INVALID_TRANSITION', 'errors.credentialNeedsEmployer');
    case 'notEmployed':
      return currentEmployment(db, p.id) ? new AppError('INVALID_TRANSITION', 'errors.credentialHasEmployer') : null;
    case 'pastExpiry':
      return p.credential_expires_on && p.credential_expires_on < today
        ? null
        : new AppError('INVALID_TRANSITION', 'errors.credentialNotPastExpiry', { date: p.credential_expires_on ?? '—' });
    case 'vetting':
      return vettingProblem(db, p, today);
  }
}

/**
 * Why this person cannot be credentialed on `today`, or null when vetting is complete:
 * a clear criminal-record check no older than the agency's limit, a health/psychological
 * certificate valid today, and the right to work. The message names what is missing.
 */
export function vettingProblem(db: Db, p: PersonSqlRow, today: string): AppError | null {
  const maxAge = readPersonnelSettings(db).criminalCheckMaxAgeDays;
  const fail = (key: string, field: string, params: Record<string, string | number> = {}) => {
    const e = new AppError('INVALID_TRANSITION', key, params, field);
    e.data.issues = [{ field, messageKey: key, params }];
    return e;
  };
  if (!p.criminal_check_date || !p.criminal_check_result) return fail('errors.vettingCriminalMissing', 'criminalCheckDate');
  if (p.criminal_check_result !== 'clear') return fail('errors.vettingCriminalRecord', 'criminalCheckResult', { date: p.criminal_check_date });
  if (addDays(p.criminal_check_date, maxAge) < today) {
    return fail('errors.vettingCriminalStale', 'criminalCheckDate', { date: p.criminal_check_date, days: maxAge });
  }
  if (!p.health_cert_date || !p.health_cert_expiry) return fail('errors.vettingHealthMissing', 'healthCertDate');
  if (p.health_cert_expiry < today) return fail('errors.vettingHealthExpired', 'healthCertExpiry', { date: p.health_cert_expiry });
  if (p.right_to_work !== 1) return fail('errors.vettingNoRightToWork', 'rightToWork');
  return null;
}

/** Who takes a transition, when, and where its journal note goes. */
interface Env {
  db: Db;
  today: string;
  now: string;
  actor: { id: string | null; role: Role | null };
  audit: (note: AuditNote) => void;
}

const envOf = (ctx: Ctx): Env => ({
  db: ctx.db, today: localDate(ctx.clock.now()), now: ctx.nowIso(),
  actor: { id: ctx.user?.id ?? null, role: ctx.user?.role ?? null }, audit: (n) => ctx.audit(n),
});

/**
 * Applies one credential transition inside the caller's transaction: checks the transition
 * table (INVALID_TRANSITION for any pair it does not list), the acting user's permission for
 * the transition (FORBIDDEN), reasons for decisions (VALIDATION), and the guard (vetting,
 * employment, expiry: INVALID_TRANSITION with the reason). Issuing gives the next number from
 * the agency's pattern and the expiry date. Writes the new state and a `credential_events` row and
 * adds a journal note through `ctx.audit`. After issuing, the state follows employment at once
 * (an employed guard goes straight on to Active).
 *
 * Other areas change a credential only through this (or {@link applyCredentialTransitionInDb}),
 * never by UPDATE on `persons.credential_status`. Throws (rolling the caller's transaction back)
 * on any refusal.
 *
 * @returns the state the credential ended in.
 */
export function applyCredentialTransition(ctx: Ctx, input: CredentialTransitionInput): CredentialState {
  return transition(envOf(ctx), input);
}

/**
 * The same for callers that hold a database handle rather than a handler context (the sanctions
 * service executing a final suspension or revocation): the caller names the actor and the day and
 * journals the change in its own entry. The credential is the person's: `personId` is its id.
 */
export function applyCredentialTransitionInDb(db: Db, input: CredentialTransitionInput & { actor: { id: string; role: Role }; today: string; now: string }): CredentialState {
  return transition({ db, today: input.today, now: input.now, actor: input.actor, audit: () => {} }, input);
}

function transition(env: Env, input: CredentialTransitionInput): CredentialState {
  const { db, today, now } = env;
  const p = loadPersonRow(db, input.personId);
  if (!p) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'personId');
  const rows = transitionsFor(p.credential_status, input.action);
  if (rows.length === 0) {
    throw new AppError('INVALID_TRANSITION', 'errors.invalidCredentialTransition', { from: p.credential_status, action: input.action });
  }
  const first = rows[0];
  if (!input.skipPermission && !(env.actor.role && roleCan(env.actor.role, first.permission))) {
    throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `credential.${input.action}` });
  }
  if (first.needsReason) {
    if (!input.reason?.trim()) throw AppError.validation('reason', 'validation.required');
    if (!input.legalBasis?.trim()) throw AppError.validation('legalBasis', 'validation.required');
  }
  let chosen: CredentialTransition | null = null;
  let refusal: AppError | null = null;
  for (const t of rows) {
    const problem = t.guard ? guardProblem(db, p, t.guard, today) : null;
    if (!problem) { chosen = t; break; }
    refusal ??= problem;
  }
  if (!chosen) throw refusal!;

  const userId = env.actor.id;
  let number = p.credential_number;
  let issued = p.credential_issued_on;
  let expires = p.credential_expires_on;
  if (chosen.action === 'issue') {
    const s = readPersonnelSettings(db);
    const taken = db.prepare(`SELECT 1 FROM persons WHERE credential_number = ? UNION ALL SELECT 1 FROM credential_events WHERE credential_number = ? LIMIT 1`);
    number = nextPatternNumber(db, 'credential', s.credentialNumberPattern, today, (c) => taken.get(c, c) !== undefined);
    issued = today;
    expires = addMonths(today, s.credentialValidityMonths);
  } else if (chosen.action === 'renew') {
    // The old number stays in the history; a new one is issued once vetting is done again.
    number = null;
    issued = null;
    expires = null;
  }
  // The number is written only when it changes: writing it re-indexes the person's search entry
  // (an FTS trigger on that column), which at national scale costs more than the rest together.
  if (number !== p.credential_number) db.prepare('UPDATE persons SET credential_number = ? WHERE id = ?').run(number, p.id);
  cachedStatement(db, 'UPDATE persons SET credential_status = ?, credential_issued_on = ?, credential_expires_on = ? WHERE id = ?')
    .run(chosen.to, issued, expires, p.id);
  touchPerson(db, p.id, now, userId);
  const eventId = uuidv7();
  cachedStatement(db, `INSERT INTO credential_events (id, person_id, action, from_status, to_status, credential_number, issued_on, expires_on, reason,
      legal_basis, ref_type, ref_id, at, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(eventId, p.id, chosen.action, chosen.from, chosen.to, number, issued, expires, input.reason ?? null, input.legalBasis ?? null,
      input.ref?.type ?? null, input.ref?.id ?? null, now, now, now, userId);
  env.audit({
    entityType: 'person', entityId: p.id,
    payload: { credential: { action: chosen.action, from: chosen.from, to: chosen.to, number, expires, reason: input.reason ?? null, legalBasis: input.legalBasis ?? null, ref: input.ref ?? null } },
  });
  if (chosen.to === 'credentialed') return follow(env, p.id);
  return chosen.to;
}

/**
 * Brings the credential in line with employment: Credentialed or Inactive with a current
 * employer becomes Active; Active without one becomes Inactive. Other states are left alone.
 */
export function followEmployment(ctx: Ctx, personId: string): CredentialState {
  return follow(envOf(ctx), personId);
}

function follow(env: Env, personId: string): CredentialState {
  const p = loadPersonRow(env.db, personId)!;
  const employed = currentEmployment(env.db, personId) !== undefined;
  if (employed && (p.credential_status === 'credentialed' || p.credential_status === 'inactive')) {
    return transition(env, { personId, action: 'activate', skipPermission: true });
  }
  if (!employed && p.credential_status === 'active') {
    return transition(env, { personId, action: 'deactivate', skipPermission: true });
  }
  return p.credential_status;
}

/**
 * Moves every credential whose expiry date has passed to Expired, each through the transition
 * table with its own event and journal note. Returns how many expired.
 */
export function expireCredentials(ctx: Ctx): number {
  const env = envOf(ctx);
  const due = credentialsPastExpiry(ctx.db, env.today, Number.MAX_SAFE_INTEGER);
  for (const id of due) transition(env, { personId: id, action: 'expire', skipPermission: true });
  return due.length;
}

/** People whose credential is still live (or suspended) after its expiry date: oldest expiry first, at most `limit`. */
export function credentialsPastExpiry(db: Db, today: string, limit: number): string[] {
  // Pinned to the Due view's partial index (same condition, ordered by date and id): left to
  // itself the planner takes the status index and sorts a national register's actives.
  return (db.prepare(`SELECT id FROM persons INDEXED BY persons_due_credential_id
    WHERE credential_expires_on IS NOT NULL AND credential_expires_on < ? AND credential_status IN ('credentialed','active','inactive','suspended')
    ORDER BY credential_expires_on, id LIMIT ?`).all(today, limit) as { id: string }[]).map((r) => r.id);
}

/** The calendar's part (daily upkeep): one credential to Expired, with no user on its event; `audit` receives the note. */
export function expireCredentialByCalendar(db: Db, personId: string, o: { today: string; now: string; audit: (n: AuditNote) => void }): void {
  transition({ db, today: o.today, now: o.now, actor: { id: null, role: null }, audit: o.audit }, { personId, action: 'expire', skipPermission: true });
}

/**
 * True when the person holds a credential that is in force on `date` (YYYY-MM-DD): state
 * Credentialed, Active or Inactive (not Suspended, Revoked or Expired) and `date` within its
 * issue and expiry dates. Answers from the credential the person holds now, so a past `date`
 * does not see a credential that was later suspended. Firearms call it before issuing a weapon;
 * returns (reconciliation) before accepting a guard on a roster.
 */
export function credentialValidOn(db: Db, personId: string, date: string): boolean {
  const r = db.prepare(`SELECT 1 FROM persons WHERE id = ? AND credential_status IN ('credentialed','active','inactive')
    AND credential_issued_on <= ? AND credential_expires_on >= ?`).get(personId, date, date);
  return r !== undefined;
}

/**
 * The calibre code for what a caller passes: a code of the workspace's calibre list as is, or a
 * written spelling resolved through the list (null when unknown or ambiguous: never guessed).
 */
function calibreCodeOf(db: Db, calibre: string): string | null {
  const list = calibreList(db);
  if (list.some((c) => c.code === calibre)) return calibre;
  const m = normaliseCalibre(calibre, list);
  return isKnownCalibre(m) && m.components.length === 1 ? m.code : null;
}

/**
 * True when the person has a firearm qualification for `calibre` (a calibre code such as
 * `9x19`, or a spelling the calibre list resolves, such as "9 mm") in force on `date`:
 * qualified on or before it and not past its requalification date. It says nothing about the
 * credential: a caller issuing a weapon checks {@link credentialValidOn} too (or uses
 * `personnelEligibility`, which checks both).
 */
export function qualifiedFor(db: Db, personId: string, calibre: string, date: string): boolean {
  const code = calibreCodeOf(db, calibre);
  if (!code) return false;
  return db.prepare(`SELECT 1 FROM person_qualifications WHERE person_id = ? AND calibre = ? AND qualified_on <= ? AND (requalify_by IS NULL OR requalify_by >= ?)`)
    .get(personId, code, date, date) !== undefined;
}
