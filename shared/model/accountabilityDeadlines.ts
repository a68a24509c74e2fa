import type { GrievanceOpenStage } from './grievance.ts';
import type { IncidentType } from './incident.ts';

/**
 * Legal and internal deadlines of the accountability area. The agency sets them (Settings);
 * the defaults follow the region's practice: 72 h to report an incident, 8 days to report a
 * lost or stolen firearm (Guatemala), and a clock for each open stage of a grievance.
 */
export interface AccountabilityDeadlines {
  grievanceDays: Record<GrievanceOpenStage, number>;
  incidentReportHours: number;
  firearmLossReportDays: number;
}

export const DEFAULT_DEADLINES: AccountabilityDeadlines = {
  grievanceDays: { received: 5, admissibility: 15, investigation: 60, remedy: 30 },
  incidentReportHours: 72,
  firearmLossReportDays: 8,
};

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Dates without a zone (`2026-11-20T14:30`) are read as UTC on both sides, so only their difference matters. */
function ms(iso: string): number {
  const s = /[zZ]|[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso.length === 10 ? `${iso}T00:00` : iso}Z`;
  return new Date(s).getTime();
}

/**
 * Where a stage stands against its clock: due date (calendar days after the stage began),
 * whole days left (negative once overdue, counted so that the due day itself is day 0).
 */
export function stageClock(enteredAt: string, days: number, now: string): { dueAt: string; daysLeft: number; overdue: boolean } {
  const due = ms(enteredAt) + days * DAY;
  const left = (due - ms(now)) / DAY;
  return { dueAt: new Date(due).toISOString(), daysLeft: left >= 0 ? Math.floor(left) : -Math.ceil(-left), overdue: ms(now) > due };
}

/** The legal limit for reporting an incident of this kind, in hours. */
export function reportLimitHours(types: readonly IncidentType[], d: AccountabilityDeadlines): number {
  const firearm = types.includes('firearm_loss') || types.includes('firearm_theft');
  return firearm ? Math.min(d.incidentReportHours, d.firearmLossReportDays * 24) : d.incidentReportHours;
}

/**
 * Reporting delay: hours from the incident to the company's report to the regulator, against
 * the legal limit. A report "before" the incident is an input error the service refuses.
 */
export function reportingDelay(occurredAt: string, reportedAt: string, types: readonly IncidentType[], d: AccountabilityDeadlines): {
  hours: number; limitHours: number; late: boolean;
} {
  const hours = Math.round(((ms(reportedAt) - ms(occurredAt)) / HOUR) * 10) / 10;
  const limitHours = reportLimitHours(types, d);
  return { hours, limitHours, late: hours > limitHours };
}
