/**
 * The Due view ("Vencimientos"): things with a date that someone must act on. Each kind is
 * one source module in `electron/services/due/sources/`; an area that adds a source adds its
 * kind here and its label in the catalogues (`due.kind.<kind>`).
 */
export const DUE_KINDS = [
  'licence_expiry',
  'application_deadline',
  'appeal_window',
  'guarantee_expiry',
  'insurance_expiry',
  'credential_expiry',
  'health_certificate',
  'certification_expiry',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** `overdue`: the date has passed; otherwise: due from today up to N days ahead. */
export const DUE_WINDOWS = ['overdue', '30', '60', '90'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

/** Where a row links to in the app: one of the register's record types. */
export const DUE_ENTITY_TYPES = ['licence', 'sanction', 'company', 'credential', 'person', 'certification'] as const;
export type DueEntityType = (typeof DUE_ENTITY_TYPES)[number];

/** Adds whole days to an ISO date (UTC, no time zone drift). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months; the 31st becomes the month's last day when the month is shorter. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
