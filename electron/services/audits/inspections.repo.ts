import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import { roleCan, type Role } from '../../../shared/model/roles.ts';
import { availableActions } from '../../../shared/model/lifecycle.ts';
import { scoreChecklist, type Answer } from '../../../shared/model/checklist.ts';
import {
  INSPECTION_ACTIONS_WITH_OWN_COMMAND, INSPECTION_TRANSITIONS,
  type InspectionAction, type InspectionSite, type InspectionState, type InspectionType,
} from '../../../shared/model/inspectionLifecycle.ts';
import type { AnswerRow, Inspection, InspectionRow } from '../../../shared/commands/inspections.ts';
import { loadItems, loadTemplate } from './checklists.repo.ts';
import { listFindings } from './findings.repo.ts';
import { checkTransition } from './lifecycle.ts';

interface Row {
  id: string; reference: string; company_id: string; company_name: string; type: InspectionType; site: InspectionSite; site_label: string | null;
  armory_id: string | null; licence_id: string | null; template_id: string; template_title: string; status: InspectionState; planned_date: string;
  scheduled_date: string | null; lead_inspector_id: string; lead_name: string; summary: string | null; score: number | null; capped: number;
  issued_at: string | null; issued_document_id: string | null; version: number; created_at: string; updated_at: string; open_findings: number;
}

const SELECT = (lang: 'es' | 'en') => `SELECT i.*, c.legal_name AS company_name, u.display_name AS lead_name, t.title_${lang} AS template_title,
  (SELECT count(*) FROM findings f WHERE f.inspection_id = i.id AND f.status NOT IN ('closed','escalated')) AS open_findings
  FROM inspections i JOIN companies c ON c.id = i.company_id JOIN users u ON u.id = i.lead_inspector_id JOIN checklist_templates t ON t.id = i.template_id`;

function hydrateRow(r: Row): InspectionRow {
  return {
    id: r.id, reference: r.reference, companyId: r.company_id, companyName: r.company_name, type: r.type, site: r.site, siteLabel: r.site_label,
    status: r.status, plannedDate: r.planned_date, scheduledDate: r.scheduled_date, leadInspectorId: r.lead_inspector_id, leadInspectorName: r.lead_name,
    templateId: r.template_id, templateTitle: r.template_title, score: r.score, capped: r.capped === 1, openFindings: r.open_findings, updatedAt: r.updated_at,
  };
}

export function loadAnswers(db: Db, inspectionId: string): AnswerRow[] {
  return (db.prepare('SELECT id, item_id, answer, note, updated_at, updated_by FROM inspection_answers WHERE inspection_id = ? ORDER BY item_id').all(inspectionId) as
    { id: string; item_id: string; answer: Answer; note: string | null; updated_at: string; updated_by: string | null }[])
    .map((a) => ({ id: a.id, itemId: a.item_id, answer: a.answer, note: a.note, updatedAt: a.updated_at, updatedBy: a.updated_by }));
}

/** The live score of an inspection from its stored answers (same arithmetic as the screen). */
export function scoreOf(db: Db, templateId: string, inspectionId: string) {
  const items = db.prepare('SELECT id, level FROM checklist_items WHERE template_id = ?').all(templateId) as { id: string; level: number }[];
  const answers = new Map(loadAnswers(db, inspectionId).map((a) => [a.itemId, a.answer]));
  return scoreChecklist(items, answers);
}

/** An inspection with everything its screen and report need; `actions` for `role`. */
export function loadInspection(db: Db, id: string, now: string, role: Role | null, lang: 'es' | 'en' = 'es'): Inspection | null {
  const r = db.prepare(`${SELECT(lang)} WHERE i.id = ?`).get(id) as Row | undefined;
  if (!r) return null;
  const items = loadItems(db, r.template_id);
  const answers = loadAnswers(db, id);
  const team = (db.prepare(`SELECT it.user_id, it.role, u.display_name FROM inspection_team it JOIN users u ON u.id = it.user_id WHERE it.inspection_id = ?
    ORDER BY it.role = 'lead' DESC, u.display_name`).all(id) as { user_id: string; role: 'lead' | 'member'; display_name: string }[])
    .map((m) => ({ userId: m.user_id, displayName: m.display_name, role: m.role }));
  const actions = role
    ? availableActions(INSPECTION_TRANSITIONS, r.status, role).filter((a) => !INSPECTION_ACTIONS_WITH_OWN_COMMAND.includes(a) || roleCan(role, 'inspections.review'))
    : [];
  return {
    ...hydrateRow(r), armoryId: r.armory_id, licenceId: r.licence_id, summary: r.summary, version: r.version, issuedAt: r.issued_at,
    issuedDocumentId: r.issued_document_id, team, template: loadTemplate(db, r.template_id)!, items, answers,
    findings: listFindings(db, { inspectionId: id, offset: 0, limit: 500 }, now, role).rows,
    liveScore: scoreChecklist(items, new Map(answers.map((a) => [a.itemId, a.answer]))), actions, createdAt: r.created_at,
  };
}

export interface InspectionQuery {
  search: string; companyId?: string | null; status?: InspectionState | null; type?: InspectionType | null; leadInspectorId?: string | null;
  from?: string | null; to?: string | null; sort: 'date' | 'reference' | 'company' | 'status' | 'score'; dir: 'asc' | 'desc'; offset: number; limit: number;
}

const SORT: Record<InspectionQuery['sort'], string> = {
  date: 'coalesce(i.scheduled_date, i.planned_date)', reference: 'i.reference', company: 'c.legal_name COLLATE NOCASE', status: 'i.status', score: 'i.score',
};

/** The inspection list and scheduling view: filters, search (company via its FTS index) and sort in SQL. */
export function listInspections(db: Db, q: InspectionQuery, lang: 'es' | 'en' = 'es'): { rows: InspectionRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.companyId) { where.push('i.company_id = ?'); args.push(q.companyId); }
  if (q.status) { where.push('i.status = ?'); args.push(q.status); }
  if (q.type) { where.push('i.type = ?'); args.push(q.type); }
  if (q.leadInspectorId) { where.push('i.lead_inspector_id = ?'); args.push(q.leadInspectorId); }
  if (q.from) { where.push('coalesce(i.scheduled_date, i.planned_date) >= ?'); args.push(q.from); }
  if (q.to) { where.push('coalesce(i.scheduled_date, i.planned_date) <= ?'); args.push(q.to); }
  if (q.search) {
    const terms = q.search.replace(/["*^():]/g, ' ').split(/\s+/).filter(Boolean).map((t) => `"${t}"*`).join(' ');
    if (terms) {
      where.push(`(i.reference LIKE ? OR i.company_id IN (SELECT c2.id FROM companies_fts JOIN companies c2 ON c2.rowid = companies_fts.rowid WHERE companies_fts MATCH ?))`);
      args.push(`%${q.search}%`, terms);
    }
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM inspections i JOIN companies c ON c.id = i.company_id ${w}`).get(...args) as { n: number }).n;
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const rows = (db.prepare(`${SELECT(lang)} ${w} ORDER BY ${SORT[q.sort]} ${dir} NULLS LAST, i.id ${dir} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as Row[]).map(hydrateRow);
  return { rows, total };
}

/** The next reference of the year: INSP-2026-0001. */
function nextReference(db: Db, year: string): string {
  const r = db.prepare(`SELECT max(CAST(substr(reference, 11) AS INTEGER)) AS n FROM inspections WHERE reference LIKE ?`).get(`INSP-${year}-%`) as { n: number | null };
  return `INSP-${year}-${String((r.n ?? 0) + 1).padStart(4, '0')}`;
}

export interface PlanInput {
  companyId: string; type: InspectionType; site: InspectionSite; siteLabel: string | null; armoryId: string | null; licenceId: string | null;
  templateId: string; plannedDate: string; leadInspectorId: string; memberIds: string[]; summary: string | null;
}

/** Inserts a planned inspection with its team; checks company, template and inspectors. */
export function planInspection(db: Db, p: PlanInput, now: string, userId: string | null): string {
  if (!db.prepare('SELECT 1 FROM companies WHERE id = ?').get(p.companyId)) throw AppError.validation('companyId', 'errors.companyNotFound', {}, 'NOT_FOUND');
  const tpl = loadTemplate(db, p.templateId);
  if (!tpl) throw AppError.validation('templateId', 'errors.templateNotFound', {}, 'NOT_FOUND');
  if (tpl.status !== 'active') throw AppError.validation('templateId', 'errors.templateRetired', { version: tpl.version });
  if (p.site === 'armory' && tpl.kind !== 'armory') throw AppError.validation('templateId', 'errors.templateNotForArmory');
  if (p.armoryId) {
    const a = db.prepare('SELECT company_id FROM armories WHERE id = ?').get(p.armoryId) as { company_id: string } | undefined;
    if (!a) throw AppError.validation('armoryId', 'errors.armoryNotFound', {}, 'NOT_FOUND');
    if (a.company_id !== p.companyId || p.site !== 'armory') throw AppError.validation('armoryId', 'errors.armoryOfOtherCompany');
  }
  if (p.licenceId) {
    const l = db.prepare('SELECT company_id FROM licences WHERE id = ?').get(p.licenceId) as { company_id: string } | undefined;
    if (!l) throw AppError.validation('licenceId', 'errors.licenceNotFound', {}, 'NOT_FOUND');
    if (l.company_id !== p.companyId) throw AppError.validation('licenceId', 'errors.licenceOfOtherCompany');
  }
  const team = [p.leadInspectorId, ...p.memberIds.filter((m) => m !== p.leadInspectorId)];
  team.forEach((uid, i) => {
    const u = db.prepare('SELECT role, active FROM users WHERE id = ?').get(uid) as { role: Role; active: number } | undefined;
    const field = i === 0 ? 'leadInspectorId' : `memberIds.${p.memberIds.indexOf(uid)}`;
    if (!u) throw AppError.validation(field, 'errors.userNotFound', {}, 'NOT_FOUND');
    if (!u.active || !roleCan(u.role, 'inspections.write')) throw AppError.validation(field, 'errors.notAnInspector');
  });
  const id = uuidv7();
  db.prepare(`INSERT INTO inspections (id, reference, company_id, type, site, site_label, armory_id, licence_id, template_id, status, planned_date, scheduled_date,
      lead_inspector_id, summary, score, raw_score, capped, issued_at, issued_document_id, version, created_at, updated_at, created_by, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, NULL, ?, ?, NULL, NULL, 0, NULL, NULL, 1, ?, ?, ?, ?)`).run(
    id, nextReference(db, p.plannedDate.slice(0, 4)), p.companyId, p.type, p.site, p.siteLabel, p.armoryId, p.licenceId, p.templateId, p.plannedDate,
    p.leadInspectorId, p.summary, now, now, userId, userId,
  );
  const ins = db.prepare('INSERT INTO inspection_team (id, inspection_id, user_id, role, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  team.forEach((uid, i) => ins.run(uuidv7(), id, uid, i === 0 ? 'lead' : 'member', now, now, userId));
  return id;
}

/**
 * Moves an inspection along its lifecycle. Leaving fieldwork stores the score; `issue` is
 * refused here (it belongs to `documents.issueInspectionReport`, which signs the report).
 */
export function transitionInspection(db: Db, id: string, version: number, action: InspectionAction, role: Role, o: { date?: string | null; now: string; userId: string | null }): { from: InspectionState; to: InspectionState } {
  const cur = db.prepare('SELECT status, version, template_id FROM inspections WHERE id = ?').get(id) as { status: InspectionState; version: number; template_id: string } | undefined;
  if (!cur) throw new AppError('NOT_FOUND', 'errors.inspectionNotFound', {}, 'id');
  const t = checkTransition(INSPECTION_TRANSITIONS, cur.status, action, role, 'inspection');
  if (INSPECTION_ACTIONS_WITH_OWN_COMMAND.includes(action)) throw new AppError('INVALID_TRANSITION', 'errors.issueWithReport', {}, 'action');
  if (cur.version !== version) throw new AppError('CONFLICT', 'errors.recordChanged', {}, 'version');
  if (action === 'schedule' && !o.date) throw AppError.validation('date', 'validation.required');
  if (action === 'finish_fieldwork') {
    const s = scoreOf(db, cur.template_id, id);
    if (s.answered < s.total) throw new AppError('INVALID_TRANSITION', 'errors.answersMissing', { answered: s.answered, total: s.total });
    db.prepare('UPDATE inspections SET score = ?, raw_score = ?, capped = ? WHERE id = ?').run(s.score, s.rawScore, s.capped ? 1 : 0, id);
  }
  db.prepare(`UPDATE inspections SET status = ?, scheduled_date = CASE WHEN ? IS NOT NULL THEN ? ELSE scheduled_date END, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(t.to, action === 'schedule' ? o.date : null, o.date ?? null, o.now, o.userId, id);
  return { from: t.from, to: t.to };
}
