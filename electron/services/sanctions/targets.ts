import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import type { SanctionTarget } from '../../../shared/model/sanctionLifecycle.ts';
import { applyLicenceTransition, type Actor } from '../licensing/licences.transition.ts';

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
  describe(db: Db, id: string): { companyId: string | null; label: string | null } | null;
  apply(db: Db, change: TargetChange): void;
  /** Whether an extra licence condition makes sense for this target. */
  takesConditions: boolean;
}

const licence: SanctionTargetAdapter = {
  describe(db, id) {
    const r = db.prepare('SELECT company_id, number FROM licences WHERE id = ?').get(id) as { company_id: string; number: string | null } | undefined;
    return r ? { companyId: r.company_id, label: r.number } : null;
  },
  apply(db, c) {
    applyLicenceTransition(db, {
      licenceId: c.targetId, action: c.action, legalBasis: c.legalBasis, reason: c.reason, sanctionId: c.sanctionId,
      actor: c.actor, today: c.today, now: c.now,
    });
  },
  takesConditions: true,
};

/**
 * Credentials belong to the personnel area (`applyCredentialTransition`). Until that area is
 * part of this build, a sanction against a credential is refused with a clear message rather
 * than half-applied.
 */
const credential: SanctionTargetAdapter = {
  describe() {
    return null;
  },
  apply() {
    throw new AppError('CONFLICT', 'errors.credentialSanctionsUnavailable');
  },
  takesConditions: false,
};

export const SANCTION_TARGET_ADAPTERS: Record<SanctionTarget, SanctionTargetAdapter> = { licence, credential };
