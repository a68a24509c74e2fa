import type { Db } from '../../store/db.ts';
import type { PersonnelSettings } from '../../../shared/commands/personnel.ts';
import { PERSONNEL_DEFAULTS } from '../../../shared/model/personnel.ts';

const KEYS = {
  credentialNumberPattern: 'personnel.credential_number_pattern',
  credentialValidityMonths: 'personnel.credential_validity_months',
  criminalCheckMaxAgeDays: 'personnel.criminal_check_max_age_days',
} as const;

/** The agency's personnel settings (credential number pattern, validity, vetting age), with defaults. */
export function readPersonnelSettings(db: Db): PersonnelSettings {
  const get = (k: string) => (db.prepare('SELECT value FROM settings WHERE key = ?').get(k) as { value: string } | undefined)?.value;
  return {
    credentialNumberPattern: get(KEYS.credentialNumberPattern) ?? PERSONNEL_DEFAULTS.credentialNumberPattern,
    credentialValidityMonths: Number(get(KEYS.credentialValidityMonths) ?? PERSONNEL_DEFAULTS.credentialValidityMonths),
    criminalCheckMaxAgeDays: Number(get(KEYS.criminalCheckMaxAgeDays) ?? PERSONNEL_DEFAULTS.criminalCheckMaxAgeDays),
  };
}

export function writePersonnelSettings(db: Db, s: PersonnelSettings): void {
  const up = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  up.run(KEYS.credentialNumberPattern, s.credentialNumberPattern);
  up.run(KEYS.credentialValidityMonths, String(s.credentialValidityMonths));
  up.run(KEYS.criminalCheckMaxAgeDays, String(s.criminalCheckMaxAgeDays));
}
