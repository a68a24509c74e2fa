import type { Db } from '../../store/db.ts';
import type { Grievance, GrievanceRow } from '../../../shared/commands/grievances.ts';
import { GRIEVANCE_OPEN_STAGES, type GrievanceOpenStage } from '../../../shared/model/grievance.ts';
import { stageClock, type AccountabilityDeadlines } from '../../../shared/model/accountabilityDeadlines.ts';
import { loadPersons } from '../accountability/people.repo.ts';

/** A grievance row joined with its company's name and whether an identity is on file; never the identity itself. */
export interface GrievanceSqlRow {
  id: string; reference_code: string; received_at: string; channel: string; anonymous: number; identity_on_file: number;
  category: string; company_id: string | null; company_name: string | null; personnel_concerned: string; summary: string;
  retaliation_concern: number; status: string; stage_entered_at: string; referral_target: string | null; outcome_note: string | null;
  closed_at: string | null; version: number; created_at: string; updated_at: string;
}

/** The SELECT every grievance read uses; the complainants table is touched only to say whether a row exists. */
export const GRIEVANCE_SELECT = `SELECT g.id, g.reference_code, g.received_at, g.channel, g.anonymous,
  EXISTS (SELECT 1 FROM grievance_complainants k WHERE k.grievance_id = g.id) AS identity_on_file,
  g.category, g.company_id, c.legal_name AS company_name, g.personnel_concerned, g.summary, g.retaliation_concern, g.status,
  g.stage_entered_at, g.referral_target, g.outcome_note, g.closed_at, g.version, g.created_at, g.updated_at
  FROM grievances g LEFT JOIN companies c ON c.id = g.company_id`;

export function hydrateGrievance(r: GrievanceSqlRow, d: AccountabilityDeadlines, now: string): GrievanceRow {
  const open = (GRIEVANCE_OPEN_STAGES as readonly string[]).includes(r.status);
  const clock = open ? stageClock(r.stage_entered_at, d.grievanceDays[r.status as GrievanceOpenStage], now) : null;
  return {
    id: r.id, referenceCode: r.reference_code, receivedAt: r.received_at, channel: r.channel as Grievance['channel'],
    anonymous: r.anonymous === 1, identityOnFile: r.identity_on_file === 1, category: r.category as Grievance['category'],
    companyId: r.company_id, companyName: r.company_name, personnelConcerned: JSON.parse(r.personnel_concerned) as string[],
    summary: r.summary, retaliationConcern: r.retaliation_concern === 1, status: r.status as Grievance['status'],
    stageEnteredAt: r.stage_entered_at, dueAt: clock?.dueAt ?? null, daysLeft: clock?.daysLeft ?? null, overdue: clock?.overdue ?? false,
    referralTarget: r.referral_target as Grievance['referralTarget'], outcomeNote: r.outcome_note, closedAt: r.closed_at,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** A whole grievance: the row plus the registered persons it concerns. */
function full(db: Db, r: GrievanceSqlRow | undefined, d: AccountabilityDeadlines, now: string): Grievance | null {
  return r ? { ...hydrateGrievance(r, d, now), people: loadPersons(db, 'grievance', r.id) } : null;
}

export function loadGrievance(db: Db, id: string, d: AccountabilityDeadlines, now: string): Grievance | null {
  return full(db, db.prepare(`${GRIEVANCE_SELECT} WHERE g.id = ?`).get(id) as GrievanceSqlRow | undefined, d, now);
}

export function loadGrievanceByCode(db: Db, code: string, d: AccountabilityDeadlines, now: string): Grievance | null {
  return full(db, db.prepare(`${GRIEVANCE_SELECT} WHERE g.reference_code = ?`).get(code) as GrievanceSqlRow | undefined, d, now);
}

export function loadGrievanceEvents(db: Db, id: string) {
  return (db.prepare(`SELECT id, at, action, from_status, to_status, note, referral_target, username FROM grievance_events
    WHERE grievance_id = ? ORDER BY at, id`).all(id) as { id: string; at: string; action: string; from_status: string | null; to_status: string; note: string | null; referral_target: string | null; username: string | null }[])
    .map((e) => ({ id: e.id, at: e.at, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, referralTarget: e.referral_target, username: e.username }));
}
