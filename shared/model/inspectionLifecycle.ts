import type { Transition } from './lifecycle.ts';

/** Kinds of inspection (DOMAIN: pre-licence, routine, unannounced, follow-up, thematic). */
export const INSPECTION_TYPES = ['pre_licence', 'routine', 'unannounced', 'follow_up', 'thematic'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

/** What is inspected: the company's office or one of its armories. */
export const INSPECTION_SITES = ['office', 'armory'] as const;
export type InspectionSite = (typeof INSPECTION_SITES)[number];

export const INSPECTION_STATES = [
  'planned', 'scheduled', 'fieldwork', 'draft_report', 'quality_review', 'issued',
  'corrective_plan_due', 'corrective_plan_accepted', 'follow_up', 'closed', 'escalated',
] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export const INSPECTION_ACTIONS = [
  'schedule', 'start_fieldwork', 'finish_fieldwork', 'reopen_fieldwork', 'submit_for_review', 'return_to_draft',
  'issue', 'require_corrective_plan', 'accept_corrective_plan', 'start_follow_up', 'close', 'escalate',
] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

/** States in which checklist answers may still change (after that the report is being written). */
export const ANSWERABLE_STATES: readonly InspectionState[] = ['fieldwork'];

/**
 * The inspection lifecycle, the only place it is written down. Quality review and issuing are
 * supervisors' (inspections.review); the team plans and works (inspections.write).
 * `issue` is taken by `audits.issueReport`, which also produces the signed report.
 */
export const INSPECTION_TRANSITIONS: readonly Transition<InspectionState, InspectionAction>[] = [
  { from: 'planned', to: 'scheduled', action: 'schedule', permission: 'inspections.write' },
  { from: 'scheduled', to: 'fieldwork', action: 'start_fieldwork', permission: 'inspections.write' },
  { from: 'fieldwork', to: 'draft_report', action: 'finish_fieldwork', permission: 'inspections.write' },
  { from: 'draft_report', to: 'fieldwork', action: 'reopen_fieldwork', permission: 'inspections.write' },
  { from: 'draft_report', to: 'quality_review', action: 'submit_for_review', permission: 'inspections.write' },
  { from: 'quality_review', to: 'draft_report', action: 'return_to_draft', permission: 'inspections.review' },
  { from: 'quality_review', to: 'issued', action: 'issue', permission: 'inspections.review' },
  { from: 'issued', to: 'corrective_plan_due', action: 'require_corrective_plan', permission: 'inspections.review' },
  { from: 'issued', to: 'closed', action: 'close', permission: 'inspections.review' },
  { from: 'corrective_plan_due', to: 'corrective_plan_accepted', action: 'accept_corrective_plan', permission: 'inspections.review' },
  { from: 'corrective_plan_due', to: 'escalated', action: 'escalate', permission: 'inspections.review' },
  { from: 'corrective_plan_accepted', to: 'follow_up', action: 'start_follow_up', permission: 'inspections.write' },
  { from: 'follow_up', to: 'closed', action: 'close', permission: 'inspections.review' },
  { from: 'follow_up', to: 'escalated', action: 'escalate', permission: 'inspections.review' },
];

/** Actions taken by their own command (not the generic transition command). */
export const INSPECTION_ACTIONS_WITH_OWN_COMMAND: readonly InspectionAction[] = ['issue'];
