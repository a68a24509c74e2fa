import type { Db } from '../../store/db.ts';
import type { SanctionDetail, SanctionRow } from '../../../shared/commands/sanctions.ts';
import type { AppealOutcome, SanctionKind, SanctionState, SanctionTarget } from '../../../shared/model/sanctionLifecycle.ts';

export interface SanctionSqlRow {
  id: string; kind: SanctionKind; target_type: SanctionTarget; target_id: string; company_id: string | null; state: SanctionState;
  amount: number | null; currency: string | null; condition_text: string | null; legal_basis: string; reason: string; appeal_days: number;
  notified_on: string | null; appeal_deadline: string | null; appeal_outcome: AppealOutcome | null; appeal_note: string | null;
  final_on: string | null; closed_on: string | null; version: number; created_at: string; updated_at: string; created_by: string | null;
  company_name: string | null; target_label: string | null;
}

/** The target's label: the licence number, or the person's credential number (their name before one is issued). */
export const SANCTION_SELECT = `SELECT s.*, c.legal_name AS company_name,
  CASE s.target_type WHEN 'licence' THEN (SELECT number FROM licences WHERE id = s.target_id)
    ELSE (SELECT COALESCE(credential_number, given_names || ' ' || family_names) FROM persons WHERE id = s.target_id) END AS target_label
  FROM sanctions s LEFT JOIN companies c ON c.id = s.company_id`;

export function hydrateSanctionRow(r: SanctionSqlRow): SanctionRow {
  return {
    id: r.id, kind: r.kind, targetType: r.target_type, targetId: r.target_id, targetLabel: r.target_label, companyId: r.company_id,
    companyName: r.company_name, state: r.state, amount: r.amount, currency: r.currency, appealDays: r.appeal_days, notifiedOn: r.notified_on,
    appealDeadline: r.appeal_deadline, appealOutcome: r.appeal_outcome, finalOn: r.final_on, closedOn: r.closed_on, createdAt: r.created_at,
  };
}

export function loadSanctionRow(db: Db, id: string): SanctionSqlRow | null {
  return (db.prepare(`${SANCTION_SELECT} WHERE s.id = ?`).get(id) as SanctionSqlRow | undefined) ?? null;
}

export function loadSanctionDetail(db: Db, id: string): SanctionDetail | null {
  const r = loadSanctionRow(db, id);
  if (!r) return null;
  const events = db.prepare('SELECT id, action, from_state, to_state, note, at, username FROM sanction_events WHERE sanction_id = ? ORDER BY at, id').all(id) as {
    id: string; action: string; from_state: SanctionState | null; to_state: SanctionState; note: string | null; at: string; username: string | null;
  }[];
  return {
    ...hydrateSanctionRow(r),
    conditionText: r.condition_text, legalBasis: r.legal_basis, reason: r.reason, appealNote: r.appeal_note, version: r.version,
    events: events.map((e) => ({ id: e.id, action: e.action, fromState: e.from_state, toState: e.to_state, note: e.note, at: e.at, username: e.username })),
  };
}

const ORDER = { createdAt: 's.created_at', state: 's.state', kind: 's.kind', appealDeadline: 's.appeal_deadline' } as const;

/** One page of sanctions, filtered and sorted in SQL. */
export function listSanctions(db: Db, q: { state?: SanctionState | null; kind?: SanctionKind | null; companyId?: string | null; targetId?: string | null; sort: keyof typeof ORDER; dir: 'asc' | 'desc' }, offset: number, limit: number) {
  const parts: string[] = [];
  const p: Record<string, unknown> = {};
  if (q.state) { parts.push('s.state = @state'); p.state = q.state; }
  if (q.kind) { parts.push('s.kind = @kind'); p.kind = q.kind; }
  if (q.companyId) { parts.push('s.company_id = @companyId'); p.companyId = q.companyId; }
  if (q.targetId) { parts.push('s.target_id = @targetId'); p.targetId = q.targetId; }
  const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const col = ORDER[q.sort];
  const rows = db.prepare(`${SANCTION_SELECT} ${w} ORDER BY ${col} IS NULL, ${col} ${dir}, s.id ${dir} LIMIT @limit OFFSET @offset`).all({ ...p, limit, offset }) as SanctionSqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM sanctions s ${w}`).get(p) as { n: number }).n;
  return { rows: rows.map(hydrateSanctionRow), total };
}
