import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { roleCan, type Role } from '../../../shared/model/roles.ts';
import { findLicenceTransition, type LicenceAction, type LicenceState } from '../../../shared/model/licenceLifecycle.ts';
import { addDays, addMonths, daysBetween } from '../../../shared/model/due.ts';
import { nextPatternNumber } from '../../store/sequences.ts';
import { loadLicenceRow, type LicenceSqlRow } from './licences.repo.ts';
import { openCustodyForCompany } from '../firearms/custody.ts';
import { CALENDAR, CALENDAR_ACTION, type Calendar } from '../../core/calendar.ts';

export interface Actor {
  id: string;
  username: string;
  role: Role;
}


export interface LicenceTransitionRequest {
  licenceId: string;
  action: LicenceAction;
  /** The version the officer loaded; omitted only by internal callers (a sanction being finalised). */
  version?: number;
  legalBasis?: string | null;
  reason?: string | null;
  /** The sanction that orders this change: its own decision was checked, so the licence permission is not re-checked. */
  sanctionId?: string | null;
  actor: Actor | Calendar;
  today: string;
  now: string;
}

export interface LicenceTransitionResult {
  before: LicenceSqlRow;
  from: LicenceState;
  to: LicenceState;
  eventId: string;
}

/**
 * Four eyes: the supervisor who decides is never the officer who recommended. A typed error
 * so callers (and tests) can tell it from a missing permission.
 */
export class FourEyesError extends AppError {
  constructor(recommendedBy: string) {
    super('FORBIDDEN', 'errors.fourEyes', { recommendedBy });
  }
}

/**
 * The licence state machine, enforced. Every change of a licence's state goes through here
 * (officer steps, supervisor decisions, finalised sanctions), inside the caller's transaction:
 * pair checked against the table (INVALID_TRANSITION), permission, decision fields, guards,
 * four eyes; then the state, its side effects (clock, number, dates) and one event row.
 * Nothing is written before every check has passed.
 */
export function applyLicenceTransition(db: Db, req: LicenceTransitionRequest): LicenceTransitionResult {
  const row = loadLicenceRow(db, req.licenceId);
  if (!row) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'id');
  const tr = findLicenceTransition(row.state, req.action);
  if (!tr) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition', { from: row.state, action: req.action });
  const actor = req.actor === CALENDAR ? null : req.actor;
  if (!actor && req.action !== CALENDAR_ACTION) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `licensing:${req.action}` });
  if (actor && !req.sanctionId && !roleCan(actor.role, tr.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `licensing:${req.action}` });
  if (req.version !== undefined && req.version !== row.version) throw new AppError('CONFLICT', 'errors.licenceStale', {}, 'version');
  if (tr.decision) {
    if (!req.legalBasis?.trim()) throw AppError.validation('legalBasis', 'validation.required');
    if (!req.reason?.trim()) throw AppError.validation('reason', 'validation.required');
  }
  if (req.action === 'request_information' && !req.reason?.trim()) throw AppError.validation('note', 'validation.required');

  const set: Record<string, unknown> = {};
  switch (tr.guard) {
    case 'checklistComplete': {
      const missing = (db.prepare('SELECT count(*) AS n FROM licence_checklist WHERE licence_id = ? AND received_on IS NULL').get(row.id) as { n: number }).n;
      if (missing > 0) throw new AppError('CONFLICT', 'errors.checklistIncomplete', { missing });
      break;
    }
    case 'recommended':
      if (!row.recommendation || !row.recommended_by) throw new AppError('CONFLICT', 'errors.noRecommendation');
      if (row.recommended_by === actor?.id) throw new FourEyesError(actor.username);
      break;
    case 'inRenewalWindow': {
      const opens = addDays(row.expires_on!, -row.renewal_window_days);
      if (req.today < opens || req.today > row.expires_on!) throw new AppError('CONFLICT', 'errors.outsideRenewalWindow', { opens, expires: row.expires_on! });
      break;
    }
    case 'pastExpiry':
      if (!row.expires_on || req.today <= row.expires_on) throw new AppError('CONFLICT', 'errors.notExpiredYet', { expires: row.expires_on ?? '' });
      break;
    default:
      break;
  }

  switch (req.action) {
    case 'submit':
      set.submitted_on = req.today;
      set.processing_days = row.type_processing_days;
      break;
    case 'request_information':
      set.paused_since = req.today;
      break;
    case 'receive_information':
      set.paused_days = row.paused_days + Math.max(0, daysBetween(row.paused_since ?? req.today, req.today));
      set.paused_since = null;
      break;
    case 'grant':
      set.number = nextLicenceNumber(db, row.number_pattern, req.today);
      set.issued_on = req.today;
      set.expires_on = addMonths(req.today, row.validity_months);
      set.decided_on = req.today;
      break;
    case 'refuse':
      set.decided_on = req.today;
      break;
    case 'file_renewal':
      set.renewal_filed_on = req.today;
      break;
    case 'renew':
      // From the old expiry, so a renewal decided late leaves no gap and gains no days.
      set.expires_on = addMonths(row.expires_on!, row.validity_months);
      set.renewal_filed_on = null;
      break;
    default:
      break;
  }

  const cols = Object.keys(set);
  db.prepare(`UPDATE licences SET state = @state, ${cols.map((c) => `${c} = @${c}, `).join('')}version = version + 1, updated_at = @now WHERE id = @id`)
    .run({ ...set, state: tr.to, now: req.now, id: row.id });
  const eventId = uuidv7();
  db.prepare(`INSERT INTO licence_events (id, licence_id, action, from_state, to_state, legal_basis, reason, sanction_id, at, user_id, username)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    eventId, row.id, req.action, row.state, tr.to, req.legalBasis ?? null, req.reason ?? null, req.sanctionId ?? null, req.now, actor?.id ?? null, actor?.username ?? null,
  );
  // Firearms hook: a company left with no licence in force must account for its weapons (custody list).
  if ((tr.to === 'suspended' || tr.to === 'revoked' || tr.to === 'expired' || tr.to === 'surrendered') &&
    !db.prepare("SELECT 1 FROM licences WHERE company_id = ? AND id <> ? AND state IN ('active','renewal_filed')").get(row.company_id, row.id)) {
    openCustodyForCompany(db, row.company_id, tr.to, req.now, actor?.id ?? null);
  }
  return { before: row, from: row.state, to: tr.to, eventId };
}

/**
 * The next free number for a licence type's pattern on `date`, from the shared counters
 * (`electron/store/sequences.ts`): one counter per pattern, restarting as the pattern says
 * (per year with `{year}`). A number already held by a licence (an import, an old pattern)
 * is skipped; the unique index on `licences.number` is the last line of defence.
 */
export function nextLicenceNumber(db: Db, pattern: string, date: string): string {
  const taken = db.prepare('SELECT 1 FROM licences WHERE number = ?');
  return nextPatternNumber(db, `licence:${pattern}`, pattern, date, (c) => taken.get(c) !== undefined);
}
