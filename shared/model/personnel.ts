/** Vocabulary of the personnel register (DOMAIN.md: Personnel). Labels live in the catalogues. */
export const PERSON_ROLES = ['guard', 'armed_guard', 'escort', 'supervisor', 'manager'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Outcome of the criminal-record check: `clear` is the only one that allows credentialing. */
export const CRIMINAL_CHECK_RESULTS = ['clear', 'record'] as const;
export type CriminalCheckResult = (typeof CRIMINAL_CHECK_RESULTS)[number];

/** Training: the initial course before credentialing and the recurrent refreshers after it. */
export const TRAINING_KINDS = ['initial', 'recurrent'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Sorts the list offers; each walks an index at 600,000 rows (no sort by employer name: it would need a full sort). */
export const PERSON_SORT_COLUMNS = ['name', 'nationalId', 'role', 'credentialStatus', 'credentialExpiresOn', 'updatedAt'] as const;
export type PersonSortColumn = (typeof PERSON_SORT_COLUMNS)[number];

/** Youngest age at which a person may be registered (ICoC ¶46: nobody under 18). */
export const MIN_AGE_YEARS = 18;

/** True when someone born on `birthDate` is at least `years` old on `today` (both YYYY-MM-DD). */
export function isAtLeast(birthDate: string, today: string, years = MIN_AGE_YEARS): boolean {
  const [y, m, d] = birthDate.split('-').map(Number);
  const comingOfAge = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // A 29 February birthday comes of age on 1 March in non-leap years: string compare handles it.
  return comingOfAge <= today;
}

/** Adds whole months to a YYYY-MM-DD date, clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Defaults of the agency's personnel settings (editable by an administrator). */
export const PERSONNEL_DEFAULTS = {
  credentialNumberPattern: 'CRED-{year}-{seq:6}',
  credentialValidityMonths: 24,
  /** A criminal-record certificate older than this no longer counts for vetting. */
  criminalCheckMaxAgeDays: 180,
} as const;
