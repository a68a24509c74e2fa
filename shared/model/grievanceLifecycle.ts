import type { Permission } from './roles.ts';
import type { GrievanceStatus } from './grievance.ts';

/**
 * The grievance lifecycle, declared once: Received → Admissibility → Investigation → Remedy →
 * Closed | Referred. The service checks moves against it, the screen shows only the actions it
 * allows for the user's role, and the tests try every pair.
 * `needs` lists the fields the action requires (a reason for closing, a target for referral).
 */
export interface GrievanceTransition {
  from: GrievanceStatus;
  to: GrievanceStatus;
  action: GrievanceAction;
  permission: Permission;
  needs: readonly ('note' | 'referralTarget')[];
}

export const GRIEVANCE_ACTIONS = [
  'openAdmissibility', 'admit', 'declareInadmissible', 'refer', 'substantiate', 'closeUnsubstantiated', 'closeRemedied',
] as const;
export type GrievanceAction = (typeof GRIEVANCE_ACTIONS)[number];

export const GRIEVANCE_TRANSITIONS: readonly GrievanceTransition[] = [
  { from: 'received', to: 'admissibility', action: 'openAdmissibility', permission: 'grievances.write', needs: [] },
  { from: 'admissibility', to: 'investigation', action: 'admit', permission: 'grievances.write', needs: [] },
  { from: 'admissibility', to: 'closed', action: 'declareInadmissible', permission: 'grievances.decide', needs: ['note'] },
  { from: 'admissibility', to: 'referred', action: 'refer', permission: 'grievances.decide', needs: ['note', 'referralTarget'] },
  { from: 'investigation', to: 'remedy', action: 'substantiate', permission: 'grievances.write', needs: ['note'] },
  { from: 'investigation', to: 'closed', action: 'closeUnsubstantiated', permission: 'grievances.decide', needs: ['note'] },
  { from: 'investigation', to: 'referred', action: 'refer', permission: 'grievances.decide', needs: ['note', 'referralTarget'] },
  { from: 'remedy', to: 'closed', action: 'closeRemedied', permission: 'grievances.decide', needs: ['note'] },
  { from: 'remedy', to: 'referred', action: 'refer', permission: 'grievances.decide', needs: ['note', 'referralTarget'] },
];

/** The transition an action takes from a status, if any. */
export function grievanceTransition(from: GrievanceStatus, action: GrievanceAction): GrievanceTransition | undefined {
  return GRIEVANCE_TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** Actions available from a status to someone holding `can`. */
export function grievanceActions(from: GrievanceStatus, can: (p: Permission) => boolean): GrievanceTransition[] {
  return GRIEVANCE_TRANSITIONS.filter((t) => t.from === from && can(t.permission));
}
