import { AppError } from '../../../shared/errors.ts';
import { isFieldCopy } from '../field/field.mode.ts';
import { roleCan, type Role } from '../../../shared/model/roles.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { listTemplates, loadItems, loadTemplate, saveTemplateVersion } from './checklists.repo.ts';
import { listInspections, loadInspection, planInspection, transitionInspection } from './inspections.repo.ts';
import { recordAnswer } from './answers.ts';
import { listFindings, loadFinding, sweepOverdue, transitionFinding, updateFinding } from './findings.repo.ts';

type AuditsCommand =
  | 'checklists.list' | 'checklists.get' | 'checklists.saveVersion'
  | 'inspections.plan' | 'inspections.list' | 'inspections.listInspectors' | 'inspections.get' | 'inspections.transition' | 'inspections.answer'
  | 'findings.list' | 'findings.update' | 'findings.transition' | 'findings.sweepOverdue';

const lang = (ctx: Ctx) => readSettings(ctx.db).language;
const today = (ctx: Ctx) => ctx.nowIso().slice(0, 10);

function mustInspection(ctx: Ctx, id: string) {
  const i = loadInspection(ctx.db, id, ctx.nowIso(), ctx.user!.role, lang(ctx));
  if (!i) throw new AppError('NOT_FOUND', 'errors.inspectionNotFound', {}, 'id');
  return i;
}
function mustFinding(ctx: Ctx, id: string) {
  const f = loadFinding(ctx.db, id, ctx.nowIso(), ctx.user!.role);
  if (!f) throw new AppError('NOT_FOUND', 'errors.findingNotFound', {}, 'id');
  return f;
}

/** Checklists, inspections and findings. */
export const auditsHandlers: Handlers<AuditsCommand> = {
  'checklists.list': (ctx) => listTemplates(ctx.db),
  'checklists.get': (ctx, input) => {
    const t = loadTemplate(ctx.db, input.id);
    if (!t) throw new AppError('NOT_FOUND', 'errors.templateNotFound', {}, 'id');
    return { ...t, items: loadItems(ctx.db, t.id) };
  },
  'checklists.saveVersion': (ctx, input) => {
    const id = saveTemplateVersion(ctx.db, input, ctx.nowIso(), ctx.user!.id);
    const after = loadTemplate(ctx.db, id)!;
    ctx.audit({ entityType: 'checklist_template', entityId: id, payload: { after, items: loadItems(ctx.db, id) } });
    return after;
  },

  'inspections.plan': (ctx, input) => {
    const id = planInspection(ctx.db, input, ctx.nowIso(), ctx.user!.id);
    const after = mustInspection(ctx, id);
    ctx.audit({ entityType: 'inspection', entityId: id, payload: { after: { ...after, items: undefined } } });
    return after;
  },
  'inspections.list': (ctx, input) => listInspections(ctx.db, input, lang(ctx)),
  'inspections.listInspectors': (ctx) => (ctx.db.prepare('SELECT id, display_name, role FROM users WHERE active = 1 ORDER BY display_name').all() as { id: string; display_name: string; role: Role }[])
    .filter((u) => roleCan(u.role, 'inspections.write')).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role })),
  'inspections.get': (ctx, input) => mustInspection(ctx, input.id),
  'inspections.transition': (ctx, input) => {
    const move = transitionInspection(ctx.db, input.id, input.version, input.action, ctx.user!.role, { date: input.date, now: ctx.nowIso(), userId: ctx.user!.id });
    ctx.audit({ entityType: 'inspection', entityId: input.id, payload: { ...move, action: input.action, date: input.date ?? null, note: input.note } });
    return mustInspection(ctx, input.id);
  },
  'inspections.answer': (ctx, input) => {
    // The checklist is the team's record of what it saw: only its lead and members answer it (the
    // role allows answering; the record says who may). A field copy's one user was chosen for the
    // package by whoever exported it, and its answers are checked again when they come back.
    const onTeam = ctx.db.prepare('SELECT 1 FROM inspection_team WHERE inspection_id = ? AND user_id = ?').get(input.inspectionId, ctx.user!.id);
    if (!onTeam && !isFieldCopy(ctx.db) && ctx.db.prepare('SELECT 1 FROM inspections WHERE id = ?').get(input.inspectionId)) {
      throw new AppError('FORBIDDEN', 'errors.notOnInspectionTeam', {}, 'inspectionId');
    }
    const r = recordAnswer(ctx.db, { ...input, now: ctx.nowIso(), userId: ctx.user!.id, lang: lang(ctx) });
    ctx.audit({ entityType: 'inspection', entityId: input.inspectionId, payload: { answer: r.answer, findingId: r.findingId } });
    return { answer: r.answer, score: r.score, finding: r.findingId ? loadFinding(ctx.db, r.findingId, ctx.nowIso(), ctx.user!.role) : null };
  },

  'findings.list': (ctx, input) => listFindings(ctx.db, input, ctx.nowIso(), ctx.user!.role),
  'findings.update': (ctx, input) => {
    const before = mustFinding(ctx, input.id);
    updateFinding(ctx.db, input.id, input.version, input, ctx.nowIso(), ctx.user!.id);
    const after = mustFinding(ctx, input.id);
    ctx.audit({ entityType: 'finding', entityId: input.id, payload: { before, after } });
    return after;
  },
  'findings.transition': (ctx, input) => {
    const move = transitionFinding(ctx.db, input.id, input.version, input.action, ctx.user!.role, ctx.nowIso(), ctx.user!.id);
    ctx.audit({ entityType: 'finding', entityId: input.id, payload: { ...move, action: input.action, note: input.note } });
    if (move.sanctionId) ctx.audit({ entityType: 'sanction', entityId: move.sanctionId, payload: { proposedFor: { finding: input.id } } });
    return mustFinding(ctx, input.id);
  },
  'findings.sweepOverdue': (ctx) => {
    const r = sweepOverdue(ctx.db, today(ctx), ctx.user!.role, ctx.nowIso(), ctx.user!.id);
    for (const id of r.overdue) ctx.audit({ entityType: 'finding', entityId: id, payload: { from: 'open', to: 'overdue', action: 'mark_overdue', rule: 'due date passed' } });
    for (const id of r.escalated) {
      const sanctionId = (ctx.db.prepare('SELECT sanction_id FROM findings WHERE id = ?').get(id) as { sanction_id: string | null }).sanction_id;
      ctx.audit({ entityType: 'finding', entityId: id, payload: { from: 'overdue', to: 'escalated', action: 'escalate', rule: 'overdue too long', sanctionId } });
      if (sanctionId) ctx.audit({ entityType: 'sanction', entityId: sanctionId, payload: { proposedFor: { finding: id } } });
    }
    return { markedOverdue: r.overdue.length, escalated: r.escalated.length };
  },
};
