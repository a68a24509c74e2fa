import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { findLicenceTransition } from '../../../shared/model/licenceLifecycle.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { listLicenceTypes, loadLicenceType, saveLicenceType } from './licenceTypes.repo.ts';
import { bumpVersion, loadLicenceDetail, loadLicenceRow } from './licences.repo.ts';
import { listLicences } from './licences.query.ts';
import { applyLicenceTransition, type Actor } from './licences.transition.ts';

type LicensingCommand =
  | 'licensing.listTypes' | 'licensing.saveType' | 'licensing.createApplication' | 'licensing.list' | 'licensing.get'
  | 'licensing.advance' | 'licensing.decide' | 'licensing.recommend' | 'licensing.setChecklistItem' | 'licensing.addCondition';

/** The agency's calendar day, from the gate's clock (tests fix it). */
export const today = (ctx: Ctx) => ctx.nowIso().slice(0, 10);
export const actorOf = (ctx: Ctx): Actor => ({ id: ctx.user!.id, username: ctx.user!.username, role: ctx.user!.role });

function detail(ctx: Ctx, id: string) {
  const d = loadLicenceDetail(ctx.db, id, today(ctx));
  if (!d) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'id');
  return d;
}

/** Loads the row for an edit that is not a state change, checking the loaded version. */
function forEdit(ctx: Ctx, id: string, version: number) {
  const row = loadLicenceRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'id');
  bumpVersion(ctx.db, id, version, ctx.nowIso());
  return row;
}

function transition(ctx: Ctx, input: { id: string; version: number; action: Parameters<typeof applyLicenceTransition>[1]['action']; legalBasis?: string | null; reason?: string | null }) {
  const r = applyLicenceTransition(ctx.db, {
    licenceId: input.id, action: input.action, version: input.version, legalBasis: input.legalBasis, reason: input.reason,
    actor: actorOf(ctx), today: today(ctx), now: ctx.nowIso(),
  });
  const after = detail(ctx, input.id);
  ctx.audit({ entityType: 'licence', entityId: input.id, payload: { action: input.action, from: r.from, to: r.to, legalBasis: input.legalBasis ?? null, reason: input.reason ?? null, number: after.number } });
  return after;
}

/** Licence types, applications and licences. */
export const licensingHandlers: Handlers<LicensingCommand> = {
  'licensing.listTypes': (ctx, input) => listLicenceTypes(ctx.db, input.includeInactive),

  'licensing.saveType': (ctx, input) => {
    const before = input.id ? loadLicenceType(ctx.db, input.id) : null;
    const id = saveLicenceType(ctx.db, input, ctx.nowIso(), ctx.user!.id);
    const after = loadLicenceType(ctx.db, id)!;
    ctx.audit({ entityType: 'licence_type', entityId: id, payload: { before, after } });
    return after;
  },

  'licensing.createApplication': (ctx, input) => {
    const type = loadLicenceType(ctx.db, input.typeId);
    if (!type || !type.active) throw AppError.validation('typeId', 'errors.licenceTypeNotFound');
    const company = ctx.db.prepare('SELECT legal_name, service_types FROM companies WHERE id = ?').get(input.companyId) as { legal_name: string; service_types: string } | undefined;
    if (!company) throw AppError.validation('companyId', 'errors.companyNotFound', {}, 'NOT_FOUND');
    const outside = input.serviceTypes.filter((s) => !type.serviceTypes.includes(s));
    if (outside.length) throw AppError.validation('serviceTypes', 'errors.serviceNotCovered', { type: type.name });
    // The register is the source of truth for what a company does: update it before applying for more.
    const registered = JSON.parse(company.service_types) as string[];
    if (input.serviceTypes.some((s) => !registered.includes(s))) throw AppError.validation('serviceTypes', 'errors.serviceNotRegistered', { company: company.legal_name });
    const id = uuidv7();
    const now = ctx.nowIso();
    ctx.db.prepare(`INSERT INTO licences (id, company_id, type_id, state, service_types, processing_days, notes, created_at, updated_at, created_by)
      VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)`).run(id, input.companyId, type.id, JSON.stringify(input.serviceTypes), type.processingDays, input.notes, now, now, ctx.user!.id);
    const ins = ctx.db.prepare('INSERT INTO licence_checklist (licence_id, position, label) VALUES (?, ?, ?)');
    type.requiredDocuments.forEach((label, i) => ins.run(id, i, label));
    ctx.db.prepare(`INSERT INTO licence_events (id, licence_id, action, from_state, to_state, at, user_id, username) VALUES (?, ?, 'create', NULL, 'draft', ?, ?, ?)`)
      .run(uuidv7(), id, now, ctx.user!.id, ctx.user!.username);
    const after = detail(ctx, id);
    ctx.audit({ entityType: 'licence', entityId: id, payload: { after } });
    return after;
  },

  'licensing.list': (ctx, input) => listLicences(ctx.db, input, input.offset, input.limit, today(ctx)),

  'licensing.get': (ctx, input) => detail(ctx, input.id),

  'licensing.advance': (ctx, input) => transition(ctx, { id: input.id, version: input.version, action: input.action, reason: input.note }),

  'licensing.decide': (ctx, input) => transition(ctx, input),

  'licensing.recommend': (ctx, input) => {
    const row = loadLicenceRow(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'id');
    // A recommendation belongs to the step before a decision: it is only taken where grant/refuse could follow.
    if (!findLicenceTransition(row.state, 'grant')) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition', { from: row.state, action: 'recommend' });
    forEdit(ctx, input.id, input.version);
    ctx.db.prepare(`UPDATE licences SET recommendation = ?, recommendation_basis = ?, recommendation_reason = ?, recommended_by = ?, recommended_at = ? WHERE id = ?`)
      .run(input.recommendation, input.legalBasis, input.reason, ctx.user!.id, ctx.nowIso(), input.id);
    ctx.db.prepare(`INSERT INTO licence_events (id, licence_id, action, from_state, to_state, legal_basis, reason, at, user_id, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(uuidv7(), input.id, `recommend_${input.recommendation}`, row.state, row.state, input.legalBasis, input.reason, ctx.nowIso(), ctx.user!.id, ctx.user!.username);
    ctx.audit({ entityType: 'licence', entityId: input.id, payload: { recommendation: input.recommendation, legalBasis: input.legalBasis, reason: input.reason } });
    return detail(ctx, input.id);
  },

  'licensing.setChecklistItem': (ctx, input) => {
    const row = loadLicenceRow(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'id');
    // Documents are checked while the application is open; a decided record's checklist is history.
    if (!['draft', 'submitted', 'information_requested'].includes(row.state)) throw new AppError('INVALID_TRANSITION', 'errors.checklistClosed', { state: row.state });
    const item = ctx.db.prepare('SELECT label FROM licence_checklist WHERE licence_id = ? AND position = ?').get(input.id, input.position) as { label: string } | undefined;
    if (!item) throw AppError.validation('position', 'errors.checklistItemNotFound', {}, 'NOT_FOUND');
    forEdit(ctx, input.id, input.version);
    ctx.db.prepare('UPDATE licence_checklist SET received_on = ?, received_by = ? WHERE licence_id = ? AND position = ?')
      .run(input.received ? today(ctx) : null, input.received ? ctx.user!.id : null, input.id, input.position);
    ctx.audit({ entityType: 'licence', entityId: input.id, payload: { checklist: item.label, received: input.received } });
    return detail(ctx, input.id);
  },

  'licensing.addCondition': (ctx, input) => {
    const row = loadLicenceRow(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'errors.licenceNotFound', {}, 'id');
    if (['refused', 'revoked', 'expired', 'surrendered'].includes(row.state)) throw new AppError('INVALID_TRANSITION', 'errors.conditionOnClosed', { state: row.state });
    forEdit(ctx, input.id, input.version);
    const id = uuidv7();
    ctx.db.prepare('INSERT INTO licence_conditions (id, licence_id, text, due_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.id, input.text, input.dueOn, ctx.nowIso(), ctx.user!.id);
    ctx.audit({ entityType: 'licence', entityId: input.id, payload: { condition: { id, text: input.text, dueOn: input.dueOn } } });
    return detail(ctx, input.id);
  },
};
