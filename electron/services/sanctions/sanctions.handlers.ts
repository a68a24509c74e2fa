import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { actorOf, today } from '../licensing/licensing.handlers.ts';
import { listSanctions, loadSanctionDetail } from './sanctions.repo.ts';
import { applySanctionTransition } from './sanctions.transition.ts';
import { SANCTION_TARGET_ADAPTERS } from './targets.ts';

type SanctionsCommand = 'sanctions.propose' | 'sanctions.list' | 'sanctions.get' | 'sanctions.advance' | 'sanctions.decide';

function detail(ctx: Ctx, id: string) {
  const d = loadSanctionDetail(ctx.db, id);
  if (!d) throw new AppError('NOT_FOUND', 'errors.sanctionNotFound', {}, 'id');
  return d;
}

/** Sanctions against companies (licences) and persons (credentials). */
export const sanctionsHandlers: Handlers<SanctionsCommand> = {
  'sanctions.propose': (ctx, input) => {
    const adapter = SANCTION_TARGET_ADAPTERS[input.targetType];
    const target = adapter.describe(ctx.db, input.targetId);
    if (!target) throw AppError.validation('targetId', input.targetType === 'licence' ? 'errors.licenceNotFound' : 'errors.personNotFound', {}, 'NOT_FOUND');
    if (!target.sanctionable) throw AppError.validation('targetId', 'errors.targetNotSanctionable', { label: target.label ?? '' }, 'CONFLICT');
    if (input.kind === 'extra_condition' && !adapter.takesConditions) throw AppError.validation('kind', 'errors.conditionNeedsLicence');
    const id = uuidv7();
    const now = ctx.nowIso();
    ctx.db.prepare(`INSERT INTO sanctions (id, kind, target_type, target_id, company_id, state, amount, currency, condition_text, legal_basis, reason, appeal_days, created_at, updated_at, created_by)
      VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id, input.kind, input.targetType, input.targetId, target.companyId, input.amount, input.currency,
      input.kind === 'extra_condition' ? input.conditionText : null, input.legalBasis, input.reason, input.appealDays, now, now, ctx.user!.id,
    );
    ctx.db.prepare(`INSERT INTO sanction_events (id, sanction_id, action, from_state, to_state, note, at, user_id, username) VALUES (?, ?, 'propose', NULL, 'proposed', NULL, ?, ?, ?)`)
      .run(uuidv7(), id, now, ctx.user!.id, ctx.user!.username);
    const after = detail(ctx, id);
    ctx.audit({ entityType: 'sanction', entityId: id, payload: { after } });
    return after;
  },

  'sanctions.list': (ctx, input) => listSanctions(ctx.db, input, input.offset, input.limit),

  'sanctions.get': (ctx, input) => detail(ctx, input.id),

  'sanctions.advance': (ctx, input) => {
    const r = applySanctionTransition(ctx, { sanctionId: input.id, action: input.action, version: input.version, note: input.note, actor: actorOf(ctx), today: today(ctx), now: ctx.nowIso() });
    ctx.audit({ entityType: 'sanction', entityId: input.id, payload: { action: input.action, ...r, note: input.note } });
    return detail(ctx, input.id);
  },

  'sanctions.decide': (ctx, input) => {
    const before = detail(ctx, input.id);
    const r = applySanctionTransition(ctx, {
      sanctionId: input.id, action: input.action, version: input.version, note: input.note, appealOutcome: input.appealOutcome,
      reducedAmount: input.reducedAmount, actor: actorOf(ctx), today: today(ctx), now: ctx.nowIso(),
    });
    ctx.audit({ entityType: 'sanction', entityId: input.id, payload: { action: input.action, ...r, appealOutcome: input.appealOutcome, note: input.note } });
    // The licence the sanction moved gets its own journal entry, so its history reads whole.
    if (input.action === 'finalize' && before.targetType === 'licence' && (before.kind === 'suspension' || before.kind === 'revocation' || before.kind === 'extra_condition')) {
      ctx.audit({ entityType: 'licence', entityId: before.targetId, payload: { sanctionId: input.id, kind: before.kind } });
    }
    return detail(ctx, input.id);
  },
};
