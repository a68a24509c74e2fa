import type { Permission, Role } from './roles.ts';
import { roleCan } from './roles.ts';

/**
 * One record from application to licence (docs/decisions/0003): it is born a draft
 * application, becomes a licence when granted (it then has a number, issue and expiry
 * dates) and keeps its whole history. DOMAIN.md's "Granted" is the `grant` action, which
 * puts the licence straight into `active`.
 */
export const LICENCE_STATES = [
  'draft',
  'submitted',
  'information_requested',
  'pre_licence_inspection',
  'refused',
  'active',
  'renewal_filed',
  'suspended',
  'revoked',
  'expired',
  'surrendered',
] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];

/** States in which the record is still an application (the processing clock applies). */
export const APPLICATION_STATES: readonly LicenceState[] = ['draft', 'submitted', 'information_requested', 'pre_licence_inspection'];
/** States in which the company may operate under the licence. A pending renewal filed in time keeps it valid. */
export const VALID_LICENCE_STATES: readonly LicenceState[] = ['active', 'renewal_filed'];

export const LICENCE_ACTIONS = [
  'submit',
  'request_information',
  'receive_information',
  'start_inspection',
  'grant',
  'refuse',
  'file_renewal',
  'renew',
  'suspend',
  'reinstate',
  'revoke',
  'expire',
  'surrender',
] as const;
export type LicenceAction = (typeof LICENCE_ACTIONS)[number];

/** Guards the service evaluates against the record; the UI uses them to explain a disabled action. */
export type LicenceGuard =
  /** every required document ticked in the checklist */
  | 'checklistComplete'
  /** an officer's recommendation is on record, by someone other than the decider (four eyes) */
  | 'recommended'
  /** today is inside the renewal window before expiry */
  | 'inRenewalWindow'
  /** the expiry date has passed */
  | 'pastExpiry';

export interface LicenceTransition {
  from: LicenceState;
  to: LicenceState;
  action: LicenceAction;
  permission: Permission;
  /** A decision: legal basis and reason are required and stored with the decider. */
  decision: boolean;
  guard?: LicenceGuard;
}

const t = (from: LicenceState, action: LicenceAction, to: LicenceState, permission: Permission, decision: boolean, guard?: LicenceGuard): LicenceTransition => ({
  from, to, action, permission, decision, ...(guard ? { guard } : {}),
});

/** The lifecycle, once. The service, the UI's buttons and the generated tests all read this table. */
export const LICENCE_TRANSITIONS: readonly LicenceTransition[] = [
  t('draft', 'submit', 'submitted', 'licensing.write', false),
  t('submitted', 'request_information', 'information_requested', 'licensing.write', false),
  t('information_requested', 'receive_information', 'submitted', 'licensing.write', false),
  t('submitted', 'start_inspection', 'pre_licence_inspection', 'licensing.write', false, 'checklistComplete'),
  t('pre_licence_inspection', 'grant', 'active', 'licensing.decide', true, 'recommended'),
  t('pre_licence_inspection', 'refuse', 'refused', 'licensing.decide', true, 'recommended'),
  t('active', 'file_renewal', 'renewal_filed', 'licensing.write', false, 'inRenewalWindow'),
  t('renewal_filed', 'renew', 'active', 'licensing.decide', true),
  t('active', 'suspend', 'suspended', 'licensing.decide', true),
  t('renewal_filed', 'suspend', 'suspended', 'licensing.decide', true),
  t('suspended', 'reinstate', 'active', 'licensing.decide', true),
  t('active', 'revoke', 'revoked', 'licensing.decide', true),
  t('renewal_filed', 'revoke', 'revoked', 'licensing.decide', true),
  t('suspended', 'revoke', 'revoked', 'licensing.decide', true),
  t('active', 'expire', 'expired', 'licensing.write', false, 'pastExpiry'),
  t('active', 'surrender', 'surrendered', 'licensing.decide', true),
];

/** Actions taken with `licensing.decide`, answered by the `licensing.decide` command. */
export const DECISION_ACTIONS = [...new Set(LICENCE_TRANSITIONS.filter((x) => x.permission === 'licensing.decide').map((x) => x.action))] as LicenceAction[];
/** Actions of the officer's daily work, answered by `licensing.advance`. */
export const ADVANCE_ACTIONS = [...new Set(LICENCE_TRANSITIONS.filter((x) => x.permission === 'licensing.write').map((x) => x.action))] as LicenceAction[];

export function findLicenceTransition(from: LicenceState, action: LicenceAction): LicenceTransition | undefined {
  return LICENCE_TRANSITIONS.find((x) => x.from === from && x.action === action);
}

/** What this role may do now in this state (before guards), in table order. */
export function availableLicenceActions(state: LicenceState, role: Role): LicenceTransition[] {
  return LICENCE_TRANSITIONS.filter((x) => x.from === state && roleCan(role, x.permission));
}

/** Recommendations an officer can record before a supervisor decides. */
export const RECOMMENDATIONS = ['grant', 'refuse'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
