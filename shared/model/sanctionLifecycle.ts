import type { Permission, Role } from './roles.ts';
import { roleCan } from './roles.ts';

/** DOMAIN.md: warning, fine, seizure, suspension, revocation, extra licence condition. */
export const SANCTION_KINDS = ['warning', 'fine', 'seizure', 'suspension', 'revocation', 'extra_condition'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** Against a company (through one of its licences) or a person (through their credential). */
export const SANCTION_TARGETS = ['licence', 'credential'] as const;
export type SanctionTarget = (typeof SANCTION_TARGETS)[number];

export const SANCTION_STATES = ['proposed', 'notified', 'appeal_window', 'final', 'executed', 'paid', 'annulled'] as const;
export type SanctionState = (typeof SANCTION_STATES)[number];

export const SANCTION_ACTIONS = ['notify', 'open_appeal_window', 'finalize', 'annul', 'execute', 'pay'] as const;
export type SanctionAction = (typeof SANCTION_ACTIONS)[number];

/** How an appeal ended; `none` when no appeal was lodged before the window closed. */
export const APPEAL_OUTCOMES = ['none', 'dismissed', 'reduced', 'upheld'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export type SanctionGuard =
  /** a fine is paid; every other kind is executed */
  | 'isFine'
  | 'notFine'
  /** finalising without an appeal outcome waits for the window to close */
  | 'appealSettled';

export interface SanctionTransition {
  from: SanctionState;
  to: SanctionState;
  action: SanctionAction;
  permission: Permission;
  guard?: SanctionGuard;
}

const t = (from: SanctionState, action: SanctionAction, to: SanctionState, permission: Permission, guard?: SanctionGuard): SanctionTransition => ({
  from, to, action, permission, ...(guard ? { guard } : {}),
});

/**
 * Proposed → Notified → Appeal window → Final → Executed | Paid. An appeal that succeeds
 * (`upheld`) annuls the sanction instead of making it final. Finalising a suspension or a
 * revocation moves the licence (or credential) through its own machine in the same transaction.
 */
export const SANCTION_TRANSITIONS: readonly SanctionTransition[] = [
  t('proposed', 'notify', 'notified', 'sanctions.write'),
  t('notified', 'open_appeal_window', 'appeal_window', 'sanctions.write'),
  t('appeal_window', 'finalize', 'final', 'sanctions.decide', 'appealSettled'),
  t('appeal_window', 'annul', 'annulled', 'sanctions.decide'),
  t('proposed', 'annul', 'annulled', 'sanctions.decide'),
  t('final', 'execute', 'executed', 'sanctions.write', 'notFine'),
  t('final', 'pay', 'paid', 'sanctions.write', 'isFine'),
];

export const SANCTION_DECISION_ACTIONS = [...new Set(SANCTION_TRANSITIONS.filter((x) => x.permission === 'sanctions.decide').map((x) => x.action))] as SanctionAction[];
export const SANCTION_ADVANCE_ACTIONS = [...new Set(SANCTION_TRANSITIONS.filter((x) => x.permission === 'sanctions.write').map((x) => x.action))] as SanctionAction[];

export function findSanctionTransition(from: SanctionState, action: SanctionAction): SanctionTransition | undefined {
  return SANCTION_TRANSITIONS.find((x) => x.from === from && x.action === action);
}

export function availableSanctionActions(state: SanctionState, role: Role): SanctionTransition[] {
  return SANCTION_TRANSITIONS.filter((x) => x.from === state && roleCan(role, x.permission));
}

/** Default appeal window in days when the proposal does not set one. */
export const DEFAULT_APPEAL_DAYS = 10;
