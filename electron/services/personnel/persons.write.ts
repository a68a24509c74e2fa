import type { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { checkNationalId, formatNationalId, normalizeNationalId } from '../../../shared/model/nationalId.ts';
import { isAtLeast, MIN_AGE_YEARS } from '../../../shared/model/personnel.ts';
import type { personFields } from '../../../shared/commands/personnel.ts';
import { cachedStatement, type Db } from '../../store/db.ts';
import { findByNationalId } from './persons.repo.ts';

export type PersonInput = z.output<typeof personFields>;

/**
 * Rules zod cannot know: the national id's country format and check digit, uniqueness however
 * the id is typed (the refusal names the person already registered), and age against the clock
 * (ICoC ¶46: nobody under 18). Returns the normalised id.
 */
export function checkPersonRules(db: Db, f: PersonInput, selfId: string | null, today: string): string {
  const bad = checkNationalId(f.idCountry, f.nationalId);
  if (bad) {
    const key = bad.problem === 'format' ? 'validation.nationalIdFormat' : bad.problem === 'place' ? 'validation.nationalIdPlace' : 'validation.nationalIdCheckDigit';
    throw AppError.validation('nationalId', key, { country: f.idCountry, example: bad.example, document: bad.document });
  }
  if (f.birthDate > today) throw AppError.validation('birthDate', 'validation.birthDateFuture');
  if (f.birthDate < '1900-01-01') throw AppError.validation('birthDate', 'validation.date');
  if (!isAtLeast(f.birthDate, today)) throw AppError.validation('birthDate', 'validation.underAge', { years: MIN_AGE_YEARS });
  if (f.criminalCheckDate && f.criminalCheckDate > today) throw AppError.validation('criminalCheckDate', 'validation.dateFuture');
  if (f.healthCertDate && f.healthCertDate > today) throw AppError.validation('healthCertDate', 'validation.dateFuture');
  const norm = normalizeNationalId(f.nationalId);
  const dup = findByNationalId(db, f.idCountry, norm);
  if (dup && dup.id !== selfId) {
    throw AppError.validation('nationalId', 'errors.nationalIdTaken', {
      nationalId: dup.national_id, country: f.idCountry, name: `${dup.given_names} ${dup.family_names}`,
    }, 'CONFLICT');
  }
  return norm;
}

const COLS = [
  'id_country', 'national_id', 'national_id_norm', 'given_names', 'family_names', 'birth_date', 'nationality', 'right_to_work', 'role',
  'address', 'city', 'phone', 'criminal_check_date', 'criminal_check_result', 'criminal_check_reference', 'health_cert_date',
  'health_cert_expiry', 'notes',
] as const;

function freeze(f: PersonInput, norm: string): Record<(typeof COLS)[number], unknown> {
  return {
    id_country: f.idCountry, national_id: formatNationalId(f.idCountry, f.nationalId), national_id_norm: norm, given_names: f.givenNames,
    family_names: f.familyNames, birth_date: f.birthDate, nationality: f.nationality, right_to_work: f.rightToWork ? 1 : 0, role: f.role,
    address: f.address, city: f.city, phone: f.phone, criminal_check_date: f.criminalCheckDate, criminal_check_result: f.criminalCheckResult,
    criminal_check_reference: f.criminalCheckReference, health_cert_date: f.healthCertDate, health_cert_expiry: f.healthCertExpiry, notes: f.notes,
  };
}

/** Inserts a person as an applicant (the credential starts at the beginning of its lifecycle). */
export function insertPerson(db: Db, f: PersonInput, norm: string, now: string, userId: string | null, id = uuidv7()): string {
  db.prepare(
    `INSERT INTO persons (id, ${COLS.join(', ')}, credential_status, version, created_at, updated_at, created_by, updated_by)
     VALUES (@id, ${COLS.map((c) => `@${c}`).join(', ')}, 'applicant', 1, @now, @now, @user, @user)`,
  ).run({ ...freeze(f, norm), id, now, user: userId });
  return id;
}

/** Optimistic concurrency: the update applies only to the version the officer loaded. Credential fields are never touched here. */
export function updatePerson(db: Db, id: string, version: number, f: PersonInput, norm: string, now: string, userId: string | null): void {
  const r = db.prepare(
    `UPDATE persons SET ${COLS.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @now, updated_by = @user
     WHERE id = @id AND version = @version`,
  ).run({ ...freeze(f, norm), id, version, now, user: userId });
  if (r.changes === 0) throw new AppError('CONFLICT', 'errors.personStaleVersion', {}, 'version');
}

/** Marks the person changed (version + 1) after a change to a child record or the credential. */
export function touchPerson(db: Db, id: string, now: string, userId: string | null): void {
  cachedStatement(db, 'UPDATE persons SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(now, userId, id);
}
