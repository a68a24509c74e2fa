import type { Permission } from './roles.ts';
import type { IncidentStatus } from './incident.ts';

/**
 * The regulator's follow-up of a reported incident, declared once: Reported → Under review →
 * Closed (with the review's conclusion and follow-up), and Closed → Under review if new facts appear.
 */
export interface IncidentTransition {
  from: IncidentStatus;
  to: IncidentStatus;
  action: IncidentAction;
  permission: Permission;
  needs: readonly 'note'[];
}
export const INCIDENT_ACTIONS = ['startReview', 'closeReview', 'reopen'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const INCIDENT_TRANSITIONS: readonly IncidentTransition[] = [
  { from: 'reported', to: 'under_review', action: 'startReview', permission: 'incidents.write', needs: [] },
  { from: 'under_review', to: 'closed', action: 'closeReview', permission: 'incidents.review', needs: ['note'] },
  { from: 'closed', to: 'under_review', action: 'reopen', permission: 'incidents.review', needs: ['note'] },
];

export function incidentTransition(from: IncidentStatus, action: IncidentAction): IncidentTransition | undefined {
  return INCIDENT_TRANSITIONS.find((t) => t.from === from && t.action === action);
}

export function incidentActions(from: IncidentStatus, can: (p: Permission) => boolean): IncidentTransition[] {
  return INCIDENT_TRANSITIONS.filter((t) => t.from === from && can(t.permission));
}
