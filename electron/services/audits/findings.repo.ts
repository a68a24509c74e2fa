import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Role } from '../../../shared/model/roles.ts';
import { availableActions } from '../../../shared/model/lifecycle.ts';
import {
  ESCALATE_AFTER_OVERDUE_DAYS, FINDING_TRANSITIONS, severityFor,
  type FindingAction, type FindingSeverity, type FindingState,
} from '../../../shared/model/findingLifecycle.ts';
import type { Finding } from '../../../shared/commands/inspections.ts';
import { addDays, checkTransition, daysBetween } from './lifecycle.ts';

interface FindingRow {
  id: string; inspection_id: string; inspection_reference: string; company_id: string; company_name: string; item_id: string | null;
  item_key: string | null; reference: string | null; title: string; severity: FindingSeverity; status: FindingState; root_cause: string | null;
  corrective_action: string | null; due_date: string | null; recurrence: number; sanction_id: string | null; status_changed_at: string; closed_at: string | null;
  version: number; created_at: string; updated_at: string;
}

const SELECT = `SELECT f.*, i.reference AS inspection_reference, c.legal_name AS company_name
  FROM findings f JOIN inspections i ON i.id = f.inspection_id JOIN companies c ON c.id = f.company_id`;

/** Guard of `mark_overdue`: only a finding whose due date has passed can be overdue. */
const isPastDue = (due: string | null, now: string) => due !== null && due < now.slice(0, 10);

export function hydrateFinding(r: FindingRow, now: string, role: Role | null): Finding {
  return {
    id: r.id, inspectionId: r.inspection_id, inspectionReference: r.inspection_reference, companyId: r.company_id, companyName: r.company_name,
    itemId: r.item_id, itemKey: r.item_key, reference: r.reference, title: r.title, severity: r.severity, status: r.status,
    rootCause: r.root_cause, correctiveAction: r.corrective_action, dueDate: r.due_date, recurrence: r.recurrence, sanctionId: r.sanction_id,
    daysOpen: daysBetween(r.created_at, r.closed_at ?? now), statusChangedAt: r.status_changed_at, version: r.version,
    createdAt: r.created_at, updatedAt: r.updated_at,
    actions: role ? availableActions(FINDING_TRANSITIONS, r.status, role).filter((a) => a !== 'mark_overdue' || isPastDue(r.due_date, now)) : [],
  };
}

export function loadFinding(db: Db, id: string, now: string, role: Role | null): Finding | null {
  const r = db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FindingRow | undefined;
  return r ? hydrateFinding(r, now, role) : null;
}

export function listFindings(db: Db, q: { companyId?: string | null; inspectionId?: string | null; status?: FindingState | null; severity?: FindingSeverity | null; offset: number; limit: number }, now: string, role: Role | null): { rows: Finding[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.companyId) { where.push('f.company_id = ?'); args.push(q.companyId); }
  if (q.inspectionId) { where.push('f.inspection_id = ?'); args.push(q.inspectionId); }
  if (q.status) { where.push('f.status = ?'); args.push(q.status); }
  if (q.severity) { where.push('f.severity = ?'); args.push(q.severity); }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM findings f ${w}`).get(...args) as { n: number }).n;
  const order = `ORDER BY CASE f.severity WHEN 'major' THEN 0 WHEN 'minor' THEN 1 ELSE 2 END, coalesce(f.due_date, '9999'), f.id`;
  const rows = (db.prepare(`${SELECT} ${w} ${order} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as FindingRow[]).map((r) => hydrateFinding(r, now, role));
  return { rows, total };
}

/**
 * How many inspections of this company (this one included) found the same checklist item
 * wanting. Matched by item key, so it survives new template versions.
 */
export function recurrenceOf(db: Db, companyId: string, itemKey: string, inspectionId: string): number {
  const r = db.prepare(`SELECT count(DISTINCT inspection_id) AS n FROM findings WHERE company_id = ? AND item_key = ? AND inspection_id <> ?`).get(companyId, itemKey, inspectionId) as { n: number };
  return r.n + 1;
}

/**
 * Keeps the finding of one answered item in step with its answer, inside the answer's
 * transaction: partial / non-compliant raise one (or change its severity while untouched);
 * compliant / n.a. withdraw it while it is still open and untouched. Returns its id or null.
 */
export function syncFindingForAnswer(db: Db, a: {
  inspectionId: string; companyId: string; item: { id: string; itemKey: string; ref: string; level: number; text: string };
  answer: string; note: string | null; now: string; userId: string | null;
}): string | null {
  const existing = db.prepare('SELECT id, status, version, raised_by_answer FROM findings WHERE inspection_id = ? AND item_id = ?').get(a.inspectionId, a.item.id) as
    { id: string; status: FindingState; version: number; raised_by_answer: number } | undefined;
  if (a.answer === 'partial' || a.answer === 'non_compliant') {
    const severity = severityFor(a.answer, a.item.level);
    if (existing) {
      if (existing.status === 'open' && existing.version === 1) {
        db.prepare('UPDATE findings SET severity = ?, root_cause = coalesce(root_cause, ?), updated_at = ?, updated_by = ? WHERE id = ?').run(severity, a.note, a.now, a.userId, existing.id);
      }
      return existing.id;
    }
    const id = uuidv7();
    db.prepare(`INSERT INTO findings (id, inspection_id, company_id, item_id, item_key, reference, title, severity, status, root_cause, corrective_action, due_date,
        recurrence, raised_by_answer, sanction_id, status_changed_at, closed_at, version, created_at, updated_at, created_by, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, NULL, NULL, ?, 1, NULL, ?, NULL, 1, ?, ?, ?, ?)`).run(
      id, a.inspectionId, a.companyId, a.item.id, a.item.itemKey, a.item.ref, a.item.text, severity, a.note,
      recurrenceOf(db, a.companyId, a.item.itemKey, a.inspectionId), a.now, a.now, a.now, a.userId, a.userId,
    );
    return id;
  }
  if (existing && existing.status === 'open' && existing.version === 1 && existing.raised_by_answer === 1) {
    // Still untouched: the answer was corrected during fieldwork, so the finding never was.
    if (db.prepare(`SELECT 1 FROM attachments WHERE owner_type = 'finding' AND owner_id = ?`).get(existing.id)) return existing.id;
    db.prepare('DELETE FROM findings WHERE id = ?').run(existing.id);
    return null;
  }
  return existing?.id ?? null;
}

/** Officer's edit of a finding (severity, wording, root cause, action, due date); optimistic version. */
export function updateFinding(db: Db, id: string, version: number, f: { severity: FindingSeverity; title: string; rootCause: string | null; correctiveAction: string | null; dueDate: string | null }, now: string, userId: string | null): void {
  const cur = db.prepare('SELECT status FROM findings WHERE id = ?').get(id) as { status: FindingState } | undefined;
  if (!cur) throw new AppError('NOT_FOUND', 'errors.findingNotFound', {}, 'id');
  if (cur.status === 'closed' || cur.status === 'escalated') throw new AppError('INVALID_TRANSITION', 'errors.findingFrozen', { status: cur.status });
  const r = db.prepare(`UPDATE findings SET severity = ?, title = ?, root_cause = ?, corrective_action = ?, due_date = ?, version = version + 1, updated_at = ?, updated_by = ?
    WHERE id = ? AND version = ?`).run(f.severity, f.title, f.rootCause, f.correctiveAction, f.dueDate, now, userId, id, version);
  if (r.changes === 0) throw new AppError('CONFLICT', 'errors.recordChanged', {}, 'version');
}

/**
 * An escalated finding becomes a sanction proposal (licensing area's `sanctions`, state
 * `proposed`, a warning against the company's licence in force) for a supervisor to decide.
 * Returns the sanction id, or null when the company has no licence in force to target.
 */
export function proposeSanction(db: Db, findingId: string, now: string, userId: string | null): string | null {
  const f = db.prepare(`SELECT f.company_id, f.title, f.reference, f.severity, i.reference AS insp FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.id = ?`).get(findingId) as
    { company_id: string; title: string; reference: string | null; severity: string; insp: string };
  const licence = db.prepare(`SELECT id FROM licences WHERE company_id = ? AND state IN ('active','renewal_filed','suspended') ORDER BY issued_on DESC, id DESC LIMIT 1`).get(f.company_id) as { id: string } | undefined;
  if (!licence) return null;
  const id = uuidv7();
  db.prepare(`INSERT INTO sanctions (id, kind, target_type, target_id, company_id, state, legal_basis, reason, appeal_days, version, created_at, updated_at, created_by)
    VALUES (?, 'warning', 'licence', ?, ?, 'proposed', ?, ?, 10, 1, ?, ?, ?)`).run(
    id, licence.id, f.company_id, f.reference ?? f.insp, `${f.insp}: ${f.title} (${f.severity})`, now, now, userId,
  );
  db.prepare('UPDATE findings SET sanction_id = ? WHERE id = ?').run(id, findingId);
  return id;
}

/** Moves a finding along its lifecycle (the table decides; see `findingLifecycle.ts`). */
export function transitionFinding(db: Db, id: string, version: number, action: FindingAction, role: Role, now: string, userId: string | null): { from: FindingState; to: FindingState; sanctionId: string | null } {
  const cur = db.prepare('SELECT status, version, corrective_action, due_date FROM findings WHERE id = ?').get(id) as { status: FindingState; version: number; corrective_action: string | null; due_date: string | null } | undefined;
  if (!cur) throw new AppError('NOT_FOUND', 'errors.findingNotFound', {}, 'id');
  const t = checkTransition(FINDING_TRANSITIONS, cur.status, action, role, 'finding');
  if (cur.version !== version) throw new AppError('CONFLICT', 'errors.recordChanged', {}, 'version');
  if (action === 'submit_plan' && !cur.corrective_action) throw AppError.validation('correctiveAction', 'errors.planNeedsAction');
  if (action === 'mark_overdue' && !isPastDue(cur.due_date, now)) throw new AppError('INVALID_TRANSITION', 'errors.notOverdue', {}, 'action');
  db.prepare(`UPDATE findings SET status = ?, status_changed_at = ?, closed_at = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(t.to, now, t.to === 'closed' ? now : null, now, userId, id);
  const sanctionId = t.to === 'escalated' ? proposeSanction(db, id, now, userId) : null;
  return { from: t.from, to: t.to, sanctionId };
}

/**
 * The overdue rule, applied now: open findings whose due date has passed become overdue;
 * overdue ones more than {@link ESCALATE_AFTER_OVERDUE_DAYS} days past it are escalated.
 * Each move goes through the transition table with the acting user's role, so a role that
 * may not escalate only marks overdue. Returns the ids moved.
 */
export function sweepOverdue(db: Db, today: string, role: Role, now: string, userId: string | null): { overdue: string[]; escalated: string[] } {
  const overdue: string[] = [];
  const escalated: string[] = [];
  const canMove = (from: FindingState, action: FindingAction) => {
    try {
      checkTransition(FINDING_TRANSITIONS, from, action, role, 'finding');
      return true;
    } catch {
      return false;
    }
  };
  const move = db.prepare(`UPDATE findings SET status = ?, status_changed_at = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`);
  if (canMove('open', 'mark_overdue')) {
    for (const r of db.prepare(`SELECT id FROM findings WHERE status = 'open' AND due_date IS NOT NULL AND due_date < ?`).all(today) as { id: string }[]) {
      move.run('overdue', now, now, userId, r.id);
      overdue.push(r.id);
    }
  }
  if (canMove('overdue', 'escalate')) {
    const limit = addDays(today, -ESCALATE_AFTER_OVERDUE_DAYS);
    for (const r of db.prepare(`SELECT id FROM findings WHERE status = 'overdue' AND due_date IS NOT NULL AND due_date < ?`).all(limit) as { id: string }[]) {
      move.run('escalated', now, now, userId, r.id);
      proposeSanction(db, r.id, now, userId);
      escalated.push(r.id);
    }
  }
  return { overdue, escalated };
}
