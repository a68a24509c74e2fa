import type { LicenceState } from './licenceLifecycle.ts';
import { daysBetween } from './due.ts';

/** Days before the statutory deadline from which an application counts as "due soon". */
export const DUE_SOON_DAYS = 7;

export interface ClockInput {
  state: LicenceState;
  submittedOn: string | null;
  decidedOn: string | null;
  processingDays: number | null;
  pausedDays: number;
  pausedSince: string | null;
}

/**
 * The statutory processing clock, in calendar days: it starts at the first submission, pauses
 * while information is requested from the applicant, and stops at the decision. The same
 * arithmetic is written in SQL in `electron/services/licensing/clock.sql.ts` for filtering and
 * sorting; the tests check the two agree.
 */
export function computeClock(c: ClockInput, today: string) {
  if (!c.submittedOn) {
    return { status: 'not_started' as const, elapsedDays: 0, deadlineDays: c.processingDays, remainingDays: null, pausedDays: 0 };
  }
  const end = c.decidedOn ?? today;
  const pausedNow = c.pausedSince ? Math.max(0, daysBetween(c.pausedSince, end)) : 0;
  const pausedDays = c.pausedDays + pausedNow;
  const elapsedDays = Math.max(0, daysBetween(c.submittedOn, end) - pausedDays);
  const status = c.decidedOn ? 'stopped' as const : c.state === 'information_requested' ? 'paused' as const : 'running' as const;
  return {
    status,
    elapsedDays,
    deadlineDays: c.processingDays,
    remainingDays: c.processingDays === null ? null : c.processingDays - elapsedDays,
    pausedDays,
  };
}
