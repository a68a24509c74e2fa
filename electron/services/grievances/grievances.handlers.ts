import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { roleCan } from '../../../shared/model/roles.ts';
import { grievanceTransition } from '../../../shared/model/grievanceLifecycle.ts';
import { makeReferenceCode, normalizeReferenceCode } from '../../../shared/model/referenceCode.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { readDeadlines } from '../accountability/deadlines.repo.ts';
import { loadGrievance, loadGrievanceByCode, loadGrievanceEvents } from './grievances.repo.ts';
import { listGrievances, retaliationFlags } from './grievances.query.ts';
import { linkPersons, requirePersons } from '../accountability/people.repo.ts';

type GrievancesCommand = 'grievances.create' | 'grievances.get' | 'grievances.findByReference' | 'grievances.list'
  | 'grievances.transition' | 'grievances.getIdentity' | 'grievances.retaliationFlags';

function mustLoad(ctx: Ctx, id: string) {
  const g = loadGrievance(ctx.db, id, readDeadlines(ctx.db), ctx.nowIso());
  if (!g) throw new AppError('NOT_FOUND', 'errors.grievanceNotFound', {}, 'id');
  return g;
}

function event(ctx: Ctx, grievanceId: string, action: string, from: string | null, to: string, note: string | null, target: string | null) {
  ctx.db.prepare(`INSERT INTO grievance_events (id, grievance_id, at, action, from_status, to_status, note, referral_target, user_id, username)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(uuidv7(), grievanceId, ctx.nowIso(), action, from, to, note, target, ctx.user?.id ?? null, ctx.user?.username ?? null);
}

/** A new unguessable code; a collision (55 bits) is practically impossible but still retried. */
function freshCode(ctx: Ctx): string {
  for (let i = 0; i < 5; i++) {
    const code = makeReferenceCode(randomBytes(7));
    if (!ctx.db.prepare('SELECT 1 FROM grievances WHERE reference_code = ?').get(code)) return code;
  }
  throw new Error('could not make a unique grievance reference code');
}

/**
 * Grievances (ICoC ¶66-68). The complainant's identity lives in its own table and leaves the
 * main process only through `grievances.getIdentity` (own permission, journaled per view).
 */
export const grievancesHandlers: Handlers<GrievancesCommand> = {
  'grievances.create': (ctx, input) => {
    if (input.companyId && !ctx.db.prepare('SELECT 1 FROM companies WHERE id = ?').get(input.companyId)) {
      throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'companyId');
    }
    if (input.receivedAt > ctx.nowIso().slice(0, input.receivedAt.length)) throw AppError.validation('receivedAt', 'validation.dateInFuture');
    requirePersons(ctx.db, input.personIds);
    const id = uuidv7();
    const now = ctx.nowIso();
    const code = freshCode(ctx);
    ctx.db.prepare(`INSERT INTO grievances (id, reference_code, received_at, channel, anonymous, category, company_id, personnel_concerned,
        summary, retaliation_concern, status, stage_entered_at, version, created_at, updated_at, created_by, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, 1, ?, ?, ?, ?)`)
      .run(id, code, input.receivedAt, input.channel, input.anonymous ? 1 : 0, input.category, input.companyId,
        JSON.stringify(input.personnelConcerned), input.summary, input.retaliationConcern ? 1 : 0, now, now, now, ctx.user!.id, ctx.user!.id);
    if (!input.anonymous && input.complainant) {
      const k = input.complainant;
      ctx.db.prepare(`INSERT INTO grievance_complainants (grievance_id, full_name, national_id, contact, address, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, k.fullName, k.nationalId, k.contact, k.address, now, ctx.user!.id);
    }
    linkPersons(ctx.db, 'grievance', id, input.personIds, now, ctx.user!.id);
    event(ctx, id, 'receive', null, 'received', null, null);
    const after = mustLoad(ctx, id);
    // The journal keeps a digest of the input; the identity is left out so not even its hash is kept.
    ctx.audit({ entityType: 'grievance', entityId: id, payload: { after, complainant: input.anonymous ? null : '[identity withheld]' } });
    return after;
  },

  'grievances.get': (ctx, input) => ({ ...mustLoad(ctx, input.id), events: loadGrievanceEvents(ctx.db, input.id) }),

  'grievances.findByReference': (ctx, input) => {
    const code = normalizeReferenceCode(input.referenceCode);
    if (!code) throw AppError.validation('referenceCode', 'validation.referenceCode');
    const g = loadGrievanceByCode(ctx.db, code, readDeadlines(ctx.db), ctx.nowIso());
    if (!g) throw new AppError('NOT_FOUND', 'errors.grievanceNotFound', {}, 'referenceCode');
    return g;
  },

  'grievances.list': (ctx, input) => listGrievances(ctx.db, input, readDeadlines(ctx.db), ctx.nowIso()),

  'grievances.transition': (ctx, input) => {
    const before = mustLoad(ctx, input.id);
    const t = grievanceTransition(before.status, input.action);
    if (!t) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition', { from: before.status, action: input.action });
    if (!roleCan(ctx.user!.role, t.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `grievances.${input.action}` });
    if (t.needs.includes('note') && !input.note) throw AppError.validation('note', 'validation.reasonRequired');
    if (t.needs.includes('referralTarget') && !input.referralTarget) throw AppError.validation('referralTarget', 'validation.referralTarget');
    const now = ctx.nowIso();
    const final = t.to === 'closed' || t.to === 'referred';
    const r = ctx.db.prepare(`UPDATE grievances SET status = ?, stage_entered_at = ?, referral_target = COALESCE(?, referral_target),
        outcome_note = CASE WHEN ? THEN ? ELSE outcome_note END, closed_at = CASE WHEN ? THEN ? ELSE closed_at END,
        version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`)
      .run(t.to, now, t.needs.includes('referralTarget') ? input.referralTarget : null, final ? 1 : 0, input.note, final ? 1 : 0, now, now, ctx.user!.id, input.id, input.version);
    if (r.changes === 0) throw new AppError('CONFLICT', 'errors.staleRecord', {}, 'version');
    event(ctx, input.id, input.action, before.status, t.to, input.note, input.referralTarget);
    const after = mustLoad(ctx, input.id);
    ctx.audit({ entityType: 'grievance', entityId: input.id, payload: { action: input.action, from: before.status, to: t.to } });
    return after;
  },

  'grievances.getIdentity': (ctx, input) => {
    const g = mustLoad(ctx, input.id);
    const k = ctx.db.prepare('SELECT full_name, national_id, contact, address FROM grievance_complainants WHERE grievance_id = ?').get(input.id) as
      { full_name: string; national_id: string | null; contact: string | null; address: string | null } | undefined;
    ctx.audit({ entityType: 'grievance', entityId: input.id, payload: { viewedIdentity: true, purpose: input.purpose, referenceCode: g.referenceCode } });
    return { anonymous: g.anonymous, complainant: k ? { fullName: k.full_name, nationalId: k.national_id, contact: k.contact, address: k.address } : null };
  },

  'grievances.retaliationFlags': (ctx, input) => retaliationFlags(ctx.db, input.companyId ?? null),
};
