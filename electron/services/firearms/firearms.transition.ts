import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { firearmTransitionInput } from '../../../shared/commands/firearms.ts';
import { firearmTransition, type FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import { isLateReport } from '../../../shared/model/firearms.ts';
import { calibreComponents } from '../../../shared/model/calibres.ts';
import { roleCan, type Role } from '../../../shared/model/roles.ts';
import { addEvent, requireArmoryOf, requireCompany } from './firearms.write.ts';
import { checkHolder } from './holderEligibility.ts';
import { lossReportDeadlineDays } from './settings.ts';
import { refreshCustodyForFirearm } from './custody.ts';

type Input = z.output<typeof firearmTransitionInput>;

interface Current { id: string; company_id: string; state: FirearmState; version: number; calibre_code: string; holder_person_id: string | null; post: string | null }

/**
 * Applies one lifecycle action. Order of checks: exists → not stale → the table allows the pair →
 * the role holds the pair's permission → the action's guard. Any refusal throws before the first
 * write, and the gate's transaction rolls back anything else, so a refused action writes nothing.
 */
export function applyFirearmTransition(db: Db, input: Input, role: Role, now: string, userId: string | null): void {
  const f = db.prepare('SELECT id, company_id, state, version, calibre_code, holder_person_id, post FROM firearms WHERE id = ?').get(input.id) as Current | undefined;
  if (!f) throw new AppError('NOT_FOUND', 'errors.firearmNotFound', {}, 'id');
  if (f.version !== input.version) throw new AppError('CONFLICT', 'errors.firearmStale');
  const t = firearmTransition(f.state, input.action);
  if (!t) throw new AppError('INVALID_TRANSITION', 'errors.firearmInvalidTransition', { action: input.action, state: f.state });
  if (!roleCan(role, t.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden');

  const nowLocal = now.slice(0, 19);
  let occurredAt = nowLocal;
  let holder: string | null = f.holder_person_id;
  let post: string | null = f.post;
  let owner = f.company_id;
  let armorySql: { set: boolean; value: string | null } = { set: false, value: null };
  const details: Record<string, unknown> = {};
  let counterpart: string | null = null;

  switch (input.action) {
    case 'issue': {
      const check = checkHolder(db, input.personId, calibreComponents(f.calibre_code), input.issuedAt.slice(0, 10));
      if (!check.ok) throw AppError.validation('personId', check.messageKey, check.params);
      db.prepare(`INSERT INTO firearm_issues (id, firearm_id, company_id, person_id, post, issued_at, shift_ends_at, returned_at, holder_check, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'verified', ?, ?)`).run(uuidv7(), f.id, f.company_id, input.personId, input.post, input.issuedAt, input.shiftEndsAt, now, userId);
      occurredAt = input.issuedAt;
      holder = input.personId;
      post = input.post;
      Object.assign(details, { shiftEndsAt: input.shiftEndsAt });
      break;
    }
    case 'return': {
      const open = db.prepare('SELECT id, issued_at FROM firearm_issues WHERE firearm_id = ? AND returned_at IS NULL ORDER BY issued_at DESC LIMIT 1').get(f.id) as { id: string; issued_at: string } | undefined;
      if (open && input.returnedAt < open.issued_at) throw AppError.validation('returnedAt', 'validation.returnBeforeIssue');
      if (open) db.prepare('UPDATE firearm_issues SET returned_at = ?, returned_by = ? WHERE id = ?').run(input.returnedAt, userId, open.id);
      occurredAt = input.returnedAt;
      holder = null;
      post = null;
      break;
    }
    case 'reportLost':
    case 'reportStolen': {
      if (input.reportDate > nowLocal.slice(0, 10)) throw AppError.validation('reportDate', 'validation.dateInFuture');
      const deadline = lossReportDeadlineDays(db);
      const late = isLateReport(input.eventDate, input.reportDate, deadline);
      db.prepare(`INSERT INTO firearm_loss_reports (id, firearm_id, company_id, kind, event_date, report_date, deadline_days, late, police_report_number,
        circumstances, recovered_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`).run(
        uuidv7(), f.id, f.company_id, input.action === 'reportLost' ? 'lost' : 'stolen', input.eventDate, input.reportDate, deadline, late ? 1 : 0,
        input.policeReportNumber, input.circumstances, now, userId);
      // On the timeline the report sits on the day it was filed; the event date travels in the details.
      occurredAt = input.reportDate;
      holder = null;
      post = null;
      Object.assign(details, { eventDate: input.eventDate, policeReportNumber: input.policeReportNumber, deadlineDays: deadline, late });
      break;
    }
    case 'recover': {
      db.prepare('UPDATE firearm_loss_reports SET recovered_on = ? WHERE firearm_id = ? AND recovered_on IS NULL').run(input.date, f.id);
      occurredAt = input.date;
      break;
    }
    case 'transferToCompany': {
      if (input.toCompanyId === f.company_id) throw AppError.validation('toCompanyId', 'errors.transferToSameCompany');
      requireCompany(db, input.toCompanyId, 'toCompanyId');
      requireArmoryOf(db, input.toArmoryId, input.toCompanyId, 'toArmoryId');
      owner = input.toCompanyId;
      counterpart = input.toCompanyId;
      armorySql = { set: true, value: input.toArmoryId };
      occurredAt = input.date;
      break;
    }
    case 'destroy': {
      Object.assign(details, { method: input.method, witness: input.witness, destroyedOn: input.date });
      occurredAt = input.date;
      break;
    }
    default:
      occurredAt = input.date;
  }
  if ('note' in input && input.note) details.note = input.note;
  // Leaving "issued" by any other way than a return (seized on post, lost, stolen): the issue ends then.
  if (f.state === 'issued' && input.action !== 'return') {
    const end = occurredAt.length === 10 ? `${occurredAt}T00:00:00` : occurredAt;
    db.prepare('UPDATE firearm_issues SET returned_at = max(issued_at, ?), returned_by = ? WHERE firearm_id = ? AND returned_at IS NULL').run(end, userId, f.id);
    holder = null;
    post = null;
  }

  const r = db.prepare(`UPDATE firearms SET state = ?, company_id = ?, holder_person_id = ?, post = ?,
    armory_id = CASE WHEN ? THEN ? ELSE armory_id END, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`).run(
    t.to, owner, holder, post, armorySql.set ? 1 : 0, armorySql.value, now, userId, f.id, f.version);
  if (r.changes !== 1) throw new AppError('CONFLICT', 'errors.firearmStale');

  if (input.action === 'transferToCompany') {
    // Recorded on both sides: the giving company's timeline and the receiving one's.
    addEvent(db, { firearmId: f.id, kind: 'transferOut', occurredAt, companyId: f.company_id, counterpartCompanyId: counterpart, fromState: f.state, toState: t.to, details }, now, userId);
    addEvent(db, { firearmId: f.id, kind: 'transferIn', occurredAt, companyId: owner, counterpartCompanyId: f.company_id, fromState: f.state, toState: t.to, details }, now, userId);
  } else {
    addEvent(db, {
      firearmId: f.id, kind: input.action, occurredAt, companyId: f.company_id, fromState: f.state, toState: t.to,
      personId: input.action === 'issue' || input.action === 'return' ? (input.action === 'issue' ? holder : f.holder_person_id) : null,
      post: input.action === 'issue' ? post : input.action === 'return' ? f.post : null, details,
    }, now, userId);
  }
  refreshCustodyForFirearm(db, f.id, now);
}
