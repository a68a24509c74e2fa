/** Incidents a company must report (ICoC ¶63). Lifecycle in `incidentLifecycle.ts`. */
export const INCIDENT_TYPES = [
  'use_of_force', 'firearm_discharge', 'firearm_loss', 'firearm_theft', 'injury', 'death', 'property_damage', 'detention', 'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** What happened to a firearm in the incident; `lost`/`stolen` move it to that status in the firearms register. */
export const FIREARM_OUTCOMES = ['involved', 'discharged', 'lost', 'stolen', 'seized'] as const;
export type FirearmOutcome = (typeof FIREARM_OUTCOMES)[number];

export const INCIDENT_STATUSES = ['reported', 'under_review', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_FOLLOW_UPS = ['none', 'inspection', 'sanction_proposal', 'referral_prosecutor'] as const;
export type IncidentFollowUp = (typeof INCIDENT_FOLLOW_UPS)[number];
