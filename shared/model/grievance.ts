/**
 * Grievances (ICoC ¶66-68): complaints by people affected by a private security company,
 * received by an officer. Vocabulary here; the lifecycle is in `grievanceLifecycle.ts`.
 */
export const GRIEVANCE_CHANNELS = ['phone', 'letter', 'in_person', 'email'] as const;
export type GrievanceChannel = (typeof GRIEVANCE_CHANNELS)[number];

/** Category by the ICoC principle the complaint says was breached. */
export const GRIEVANCE_CATEGORIES = [
  'use_of_force', // ¶29-32
  'detention', // ¶33
  'torture_cruel_treatment', // ¶35-37
  'sexual_exploitation', // ¶38
  'human_trafficking', // ¶39
  'forced_child_labour', // ¶40-41
  'discrimination', // ¶42
  'identification', // ¶43
  'harassment', // ¶64-65
  'weapons_management', // ¶56-58
  'labour_rights', // ¶45-49
  'other',
] as const;
export type GrievanceCategory = (typeof GRIEVANCE_CATEGORIES)[number];

export const GRIEVANCE_STATUSES = ['received', 'admissibility', 'investigation', 'remedy', 'closed', 'referred'] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];

/** Where a grievance can be referred (DOMAIN: Referred). */
export const REFERRAL_TARGETS = ['company_mechanism', 'prosecutor', 'icoca', 'ombudsman', 'labour_ministry'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** Stages with a clock; `closed` and `referred` are final. */
export const GRIEVANCE_OPEN_STAGES = ['received', 'admissibility', 'investigation', 'remedy'] as const;
export type GrievanceOpenStage = (typeof GRIEVANCE_OPEN_STAGES)[number];
