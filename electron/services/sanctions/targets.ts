import type { Db } from '../../store/db.ts';
import type { Ctx } from '../../core/context.ts';
import type { SanctionTarget } from '../../../shared/model/sanctionLifecycle.ts';
import { applyLicenceTransition, type Actor } from '../licensing/licences.transition.ts';
import { applyCredentialTransition } from '../personnel/credentials.ts';

export interface TargetChange {
  targetId: string;
  action: 'suspend' | 'revoke';
  sanctionId: string;
  legalBasis: string;
  reason: string;
  actor: Actor;
  today: string;
  now: string;
}

/**
 * What a sanction can be aimed at. `describe` finds the target (null when it does not exist)
 * and the company it belongs to; `apply` moves it through its own state machine, inside the
 * caller's transaction, so a sanction never changes a licence or credential by hand.
 */
export interface SanctionTargetAdapter {
  describe(db: Db, id: string): { companyId: string | null; label: string | null; sanctionable: boolean } | null;
  apply(ctx: Ctx, change: TargetChange): void;
  /** Whether an extra licence condition makes sense for this target. */
  takesConditions: boolean;
}

const licence: SanctionTargetAdapter = {
  describe(db, id) {
    const r = db.prepare('SELECT company_id, number, state FROM licences WHERE id = ?').get(id) as { company_id: string; number: string | null; state: string } | undefined;
    // Only a licence in force (or suspended) can be sanctioned; an application is refused instead.
    return r ? { companyId: r.company_id, label: r.number, sanctionable: ['active', 'renewal_filed', 'suspended'].includes(r.state) } : null;
  },
  apply(ctx, c) {
    applyLicenceTransition(ctx.db, {
      licenceId: c.targetId, action: c.action, legalBasis: c.legalBasis, reason: c.reason, sanctionId: c.sanctionId,
      actor: c.actor, today: c.today, now: c.now,
    });
  },
  takesConditions: true,
};

/**
 * A person's credential (personnel area): the target id is the person's id. Suspension and
 * revocation go through personnel's `applyCredentialTransition` with the sanction as reference;
 * the sanction's own decision carries the authority, so the credential permission is not re-checked.
 */
const credential: SanctionTargetAdapter = {
  describe(db, id) {
    const r = db.prepare('SELECT current_company_id, credential_number, credential_status, given_names, family_names FROM persons WHERE id = ?').get(id) as
      | { current_company_id: string | null; credential_number: string | null; credential_status: string; given_names: string; family_names: string }
      | undefined;
    return r ? {
      companyId: r.current_company_id, label: r.credential_number ?? `${r.given_names} ${r.family_names}`,
      sanctionable: ['credentialed', 'active', 'inactive', 'suspended'].includes(r.credential_status),
    } : null;
  },
  apply(ctx, c) {
    applyCredentialTransition(ctx, {
      personId: c.targetId, action: c.action, reason: c.reason, legalBasis: c.legalBasis, ref: { type: 'sanction', id: c.sanctionId }, skipPermission: true,
    });
  },
  takesConditions: false,
};

export const SANCTION_TARGET_ADAPTERS: Record<SanctionTarget, SanctionTargetAdapter> = { licence, credential };
