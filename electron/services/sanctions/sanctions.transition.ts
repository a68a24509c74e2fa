import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { roleCan } from '../../../shared/model/roles.ts';
import { addDays } from '../../../shared/model/due.ts';
import { findSanctionTransition, type AppealOutcome, type SanctionAction, type SanctionState } from '../../../shared/model/sanctionLifecycle.ts';
import type { Actor } from '../licensing/licences.transition.ts';
import { loadSanctionRow } from './sanctions.repo.ts';
import { SANCTION_TARGET_ADAPTERS } from './targets.ts';

export interface SanctionTransitionRequest {
  sanctionId: string;
  action: SanctionAction;
  version: number;
  note: string | null;
  appealOutcome?: AppealOutcome | null;
  reducedAmount?: number | null;
  actor: Actor;
  today: string;
  now: string;
}

/**
 * The sanction state machine, enforced, inside the caller's transaction. Finalising a
 * suspension or revocation moves the target (licence or credential) through its own machine
 * here, so both change together or neither does; an extra condition is attached to the licence.
 */
export function applySanctionTransition(ctx: Ctx, req: SanctionTransitionRequest): { from: SanctionState; to: SanctionState } {
  const db = ctx.db;
  const s = loadSanctionRow(db, req.sanctionId);
  if (!s) throw new AppError('NOT_FOUND', 'errors.sanctionNotFound', {}, 'id');
  const tr = findSanctionTransition(s.state, req.action);
  if (!tr) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition', { from: s.state, action: req.action });
  if (!roleCan(req.actor.role, tr.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `sanctions:${req.action}` });
  if (req.version !== s.version) throw new AppError('CONFLICT', 'errors.sanctionStale', {}, 'version');
  if (tr.guard === 'isFine' && s.kind !== 'fine') throw new AppError('CONFLICT', 'errors.onlyFinesArePaid');
  if (tr.guard === 'notFine' && s.kind === 'fine') throw new AppError('CONFLICT', 'errors.finesArePaid');

  const set: Record<string, unknown> = {};
  switch (req.action) {
    case 'notify':
      set.notified_on = req.today;
      break;
    case 'open_appeal_window':
      set.appeal_deadline = addDays(req.today, s.appeal_days);
      break;
    case 'finalize': {
      const outcome = req.appealOutcome;
      if (!outcome) throw AppError.validation('appealOutcome', 'validation.required');
      if (outcome === 'upheld') throw AppError.validation('appealOutcome', 'errors.upheldAnnuls');
      // Without an appeal on record, the sanction becomes final only once the window has closed.
      if (outcome === 'none' && s.appeal_deadline && req.today <= s.appeal_deadline) {
        throw new AppError('CONFLICT', 'errors.appealWindowOpen', { deadline: s.appeal_deadline });
      }
      if (outcome === 'reduced') {
        if (s.kind !== 'fine') throw AppError.validation('appealOutcome', 'errors.onlyFinesReduced');
        if (!req.reducedAmount || req.reducedAmount >= (s.amount ?? 0)) throw AppError.validation('reducedAmount', 'errors.reducedAmount', { amount: s.amount ?? 0 });
        set.amount = req.reducedAmount;
      }
      set.appeal_outcome = outcome;
      set.appeal_note = req.note;
      set.final_on = req.today;
      const adapter = SANCTION_TARGET_ADAPTERS[s.target_type];
      if (s.kind === 'suspension' || s.kind === 'revocation') {
        adapter.apply(ctx, {
          targetId: s.target_id, action: s.kind === 'suspension' ? 'suspend' : 'revoke', sanctionId: s.id,
          legalBasis: s.legal_basis, reason: s.reason, actor: req.actor, today: req.today, now: req.now,
        });
      }
      if (s.kind === 'extra_condition' && s.target_type === 'licence') {
        db.prepare('INSERT INTO licence_conditions (id, licence_id, text, due_on, sanction_id, created_at, created_by) VALUES (?, ?, ?, NULL, ?, ?, ?)')
          .run(uuidv7(), s.target_id, s.condition_text, s.id, req.now, req.actor.id);
      }
      break;
    }
    case 'annul':
      if (s.state === 'appeal_window') set.appeal_outcome = 'upheld';
      set.appeal_note = req.note;
      set.closed_on = req.today;
      break;
    case 'execute':
    case 'pay':
      set.closed_on = req.today;
      break;
    default:
      break;
  }
  const cols = Object.keys(set);
  db.prepare(`UPDATE sanctions SET state = @state, ${cols.map((c) => `${c} = @${c}, `).join('')}version = version + 1, updated_at = @now WHERE id = @id`)
    .run({ ...set, state: tr.to, now: req.now, id: s.id });
  db.prepare('INSERT INTO sanction_events (id, sanction_id, action, from_state, to_state, note, at, user_id, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(uuidv7(), s.id, req.action, s.state, tr.to, req.note, req.now, req.actor.id, req.actor.username);
  return { from: s.state, to: tr.to };
}
