import type { Transition } from './lifecycle.ts';

export const FINDING_SEVERITIES = ['major', 'minor', 'observation'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATES = ['open', 'plan_submitted', 'remediating', 'verified', 'closed', 'overdue', 'escalated'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

export const FINDING_ACTIONS = ['submit_plan', 'start_remediation', 'verify', 'close', 'mark_overdue', 'escalate'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

/** States in which a finding still counts against the company (not closed, not handed on). */
export const FINDING_OPEN_STATES: readonly FindingState[] = ['open', 'plan_submitted', 'remediating', 'verified', 'overdue'];

/**
 * The finding lifecycle, the only place it is written down (DOMAIN: Open → Plan submitted →
 * Remediating → Verified → Closed; Open → Overdue → Escalated). A late plan can still be
 * submitted from Overdue. `mark_overdue` is also what the overdue sweep takes.
 */
export const FINDING_TRANSITIONS: readonly Transition<FindingState, FindingAction>[] = [
  { from: 'open', to: 'plan_submitted', action: 'submit_plan', permission: 'inspections.write' },
  { from: 'overdue', to: 'plan_submitted', action: 'submit_plan', permission: 'inspections.write' },
  { from: 'plan_submitted', to: 'remediating', action: 'start_remediation', permission: 'inspections.write' },
  { from: 'remediating', to: 'verified', action: 'verify', permission: 'inspections.write' },
  { from: 'verified', to: 'closed', action: 'close', permission: 'inspections.review' },
  { from: 'open', to: 'overdue', action: 'mark_overdue', permission: 'inspections.write' },
  { from: 'overdue', to: 'escalated', action: 'escalate', permission: 'inspections.review' },
];

/** Days after its due date that an overdue finding is escalated by the sweep. */
export const ESCALATE_AFTER_OVERDUE_DAYS = 30;

/** Severity a raised finding gets from its answer and item level (level 1 non-compliant is major). */
export function severityFor(answer: 'partial' | 'non_compliant', level: number): FindingSeverity {
  if (answer === 'non_compliant') return level === 1 ? 'major' : 'minor';
  return level === 1 ? 'minor' : 'observation';
}

/** Default days to correct, by severity. */
export const DAYS_TO_CORRECT: Record<FindingSeverity, number> = { major: 30, minor: 60, observation: 90 };
