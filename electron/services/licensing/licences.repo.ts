import { AppError } from '../../../shared/errors.ts';
import type { Db } from '../../store/db.ts';
import type { LicenceDetail, LicenceRow } from '../../../shared/commands/licensing.ts';
import type { ServiceType } from '../../../shared/model/company.ts';
import type { LicenceState, Recommendation } from '../../../shared/model/licenceLifecycle.ts';
import { computeClock } from '../../../shared/model/processingClock.ts';

/** A licence row joined with its company and type, as every read selects it. */
export interface LicenceSqlRow {
  id: string; company_id: string; type_id: string; state: LicenceState; service_types: string; number: string | null;
  issued_on: string | null; expires_on: string | null; submitted_on: string | null; processing_days: number | null;
  paused_days: number; paused_since: string | null; decided_on: string | null; renewal_filed_on: string | null;
  recommendation: Recommendation | null; recommendation_basis: string | null; recommendation_reason: string | null;
  recommended_by: string | null; recommended_at: string | null; notes: string | null; version: number;
  created_at: string; updated_at: string; created_by: string | null;
  company_name: string; company_tax_id: string; type_name: string; type_processing_days: number;
  renewal_window_days: number; validity_months: number; number_pattern: string;
}

export const LICENCE_SELECT = `SELECT l.*, c.legal_name AS company_name, c.tax_id AS company_tax_id, t.name AS type_name,
  t.processing_days AS type_processing_days, t.renewal_window_days, t.validity_months, t.number_pattern
  FROM licences l JOIN companies c ON c.id = l.company_id JOIN licence_types t ON t.id = l.type_id`;

export function hydrateLicenceRow(r: LicenceSqlRow, today: string): LicenceRow {
  return {
    id: r.id, companyId: r.company_id, companyName: r.company_name, companyTaxId: r.company_tax_id, typeId: r.type_id,
    typeName: r.type_name, state: r.state, serviceTypes: JSON.parse(r.service_types) as ServiceType[], number: r.number,
    issuedOn: r.issued_on, expiresOn: r.expires_on, submittedOn: r.submitted_on, decidedOn: r.decided_on,
    clock: computeClock({
      state: r.state, submittedOn: r.submitted_on, decidedOn: r.decided_on, processingDays: r.processing_days ?? r.type_processing_days,
      pausedDays: r.paused_days, pausedSince: r.paused_since,
    }, today),
    recommendation: r.recommendation, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function loadLicenceRow(db: Db, id: string): LicenceSqlRow | null {
  return (db.prepare(`${LICENCE_SELECT} WHERE l.id = ?`).get(id) as LicenceSqlRow | undefined) ?? null;
}

/** The record with its checklist, conditions and history, for the detail screen and command answers. */
export function loadLicenceDetail(db: Db, id: string, today: string): LicenceDetail | null {
  const r = loadLicenceRow(db, id);
  if (!r) return null;
  const checklist = db.prepare('SELECT position, label, received_on, received_by FROM licence_checklist WHERE licence_id = ? ORDER BY position').all(id) as {
    position: number; label: string; received_on: string | null; received_by: string | null;
  }[];
  const conditions = db.prepare('SELECT id, text, due_on, sanction_id, created_at FROM licence_conditions WHERE licence_id = ? ORDER BY created_at, id').all(id) as {
    id: string; text: string; due_on: string | null; sanction_id: string | null; created_at: string;
  }[];
  const events = db.prepare('SELECT * FROM licence_events WHERE licence_id = ? ORDER BY at, id').all(id) as {
    id: string; action: string; from_state: LicenceState | null; to_state: LicenceState; legal_basis: string | null; reason: string | null;
    sanction_id: string | null; at: string; user_id: string | null; username: string | null;
  }[];
  // The audits area links its pre-licence inspections here (`inspections.licence_id`).
  const inspections = db.prepare('SELECT id, reference, type, status, score, capped, issued_at FROM inspections WHERE licence_id = ? ORDER BY created_at, id').all(id) as {
    id: string; reference: string; type: string; status: string; score: number | null; capped: 0 | 1; issued_at: string | null;
  }[];
  const recommender = r.recommended_by
    ? (db.prepare('SELECT display_name FROM users WHERE id = ?').get(r.recommended_by) as { display_name: string } | undefined)?.display_name ?? null
    : null;
  return {
    ...hydrateLicenceRow(r, today),
    notes: r.notes, renewalFiledOn: r.renewal_filed_on, renewalWindowDays: r.renewal_window_days, validityMonths: r.validity_months,
    recommendationBasis: r.recommendation_basis, recommendationReason: r.recommendation_reason, recommendedBy: r.recommended_by,
    recommendedByName: recommender, recommendedAt: r.recommended_at,
    checklist: checklist.map((c) => ({ position: c.position, label: c.label, receivedOn: c.received_on, receivedBy: c.received_by })),
    conditions: conditions.map((c) => ({ id: c.id, text: c.text, dueOn: c.due_on, sanctionId: c.sanction_id, createdAt: c.created_at })),
    events: events.map((e) => ({
      id: e.id, action: e.action, fromState: e.from_state, toState: e.to_state, legalBasis: e.legal_basis, reason: e.reason,
      sanctionId: e.sanction_id, at: e.at, userId: e.user_id, username: e.username,
    })),
    inspections: inspections.map((i) => ({ id: i.id, reference: i.reference, type: i.type, status: i.status, score: i.score, capped: i.capped === 1, issuedAt: i.issued_at })),
    version: r.version,
  };
}

/** Optimistic concurrency: a stale version (someone acted meanwhile) is refused, never merged. */
export function bumpVersion(db: Db, id: string, version: number, now: string): void {
  const r = db.prepare('UPDATE licences SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(now, id, version);
  if (r.changes === 0) throw new AppError('CONFLICT', 'errors.licenceStale', {}, 'version');
}
