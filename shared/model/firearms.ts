/** Vocabulary of the firearms, ammunition and armories register (DOMAIN.md). Labels live in the catalogues. */
export const FIREARM_TYPES = ['pistol', 'revolver', 'shotgun', 'rifle', 'carbine', 'submachine_gun', 'other'] as const;
export type FirearmType = (typeof FIREARM_TYPES)[number];

export const FIREARM_CONDITIONS = ['serviceable', 'needs_repair', 'unserviceable'] as const;
export type FirearmCondition = (typeof FIREARM_CONDITIONS)[number];

export const FIREARM_SORT_COLUMNS = ['serial', 'make', 'calibre', 'company', 'state', 'updatedAt', 'createdAt'] as const;
export type FirearmSortColumn = (typeof FIREARM_SORT_COLUMNS)[number];

/** How a serial typed in trace search is matched against the normalised serial. */
export const SERIAL_MATCH_MODES = ['exact', 'prefix', 'contains'] as const;
export type SerialMatchMode = (typeof SERIAL_MATCH_MODES)[number];

/** Timeline entries; one row per fact, on the side (company) it happened to. */
export const FIREARM_EVENT_KINDS = [
  'registered', 'edited', 'issue', 'return', 'sendToRepair', 'returnFromRepair', 'reportLost', 'reportStolen', 'recover',
  'restoreToArmory', 'seize', 'releaseFromCustody', 'transferOut', 'transferIn', 'transferToState', 'declareSurplus', 'destroy',
  'custodyListed',
] as const;
export type FirearmEventKind = (typeof FIREARM_EVENT_KINDS)[number];

export const DESTRUCTION_METHODS = ['cutting', 'crushing', 'smelting', 'shredding', 'other'] as const;
export type DestructionMethod = (typeof DESTRUCTION_METHODS)[number];

export const AMMO_TYPES = ['fmj', 'hollow_point', 'soft_point', 'buckshot', 'birdshot', 'slug', 'rubber', 'training', 'other'] as const;
export type AmmoType = (typeof AMMO_TYPES)[number];

export const AMMO_CONSUMPTION_REASONS = ['training', 'incident', 'other'] as const;
export type AmmoConsumptionReason = (typeof AMMO_CONSUMPTION_REASONS)[number];

export const AMMO_MOVEMENT_KINDS = ['receipt', 'consumption', 'transferOut', 'transferIn'] as const;
export type AmmoMovementKind = (typeof AMMO_MOVEMENT_KINDS)[number];

export const ALARM_LINKS = ['none', 'local', 'monitoring_centre', 'police'] as const;
export type AlarmLink = (typeof ALARM_LINKS)[number];

export const CUSTODY_REASONS = ['suspended', 'revoked', 'expired', 'surrendered'] as const;
export type CustodyReason = (typeof CUSTODY_REASONS)[number];

/** Default legal deadline to report a loss or theft (days from the event; Guatemala: 8). */
export const DEFAULT_LOSS_REPORT_DEADLINE_DAYS = 8;

/** Whole days from `eventDate` to `reportDate` (ISO dates). */
export function daysBetween(eventDate: string, reportDate: string): number {
  return Math.round((Date.parse(`${reportDate}T00:00:00Z`) - Date.parse(`${eventDate}T00:00:00Z`)) / 86_400_000);
}

/** A loss/theft report is late when filed more than `deadlineDays` days after the event. */
export function isLateReport(eventDate: string, reportDate: string, deadlineDays: number): boolean {
  return daysBetween(eventDate, reportDate) > deadlineDays;
}

/** Make compared across companies for the duplicate flag: accents, case and punctuation ignored. */
export function normaliseMake(make: string): string {
  return make.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
