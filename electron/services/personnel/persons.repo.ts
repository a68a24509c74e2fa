import { cachedStatement, type Db } from '../../store/db.ts';
import { calibreLabel } from '../../../shared/model/calibres.ts';
import { calibreList } from '../firearms/calibres.repo.ts';
import type { Person, PersonRow } from '../../../shared/commands/personnel.ts';
import type { Country } from '../../../shared/model/taxId.ts';
import type { CriminalCheckResult, PersonRole, TrainingKind } from '../../../shared/model/personnel.ts';
import type { CredentialAction, CredentialState } from '../../../shared/model/credentialLifecycle.ts';

/** The row as stored (plus the current employer's name from a join). Only `hydrate*` reads columns. */
export interface PersonSqlRow {
  id: string; id_country: Country; national_id: string; national_id_norm: string; given_names: string; family_names: string;
  birth_date: string; nationality: Country; right_to_work: number; role: PersonRole; address: string | null; city: string | null;
  phone: string | null; criminal_check_date: string | null; criminal_check_result: CriminalCheckResult | null;
  criminal_check_reference: string | null; health_cert_date: string | null; health_cert_expiry: string | null;
  credential_status: CredentialState; credential_number: string | null; credential_issued_on: string | null;
  credential_expires_on: string | null; current_company_id: string | null; company_name: string | null; notes: string | null;
  version: number; created_at: string; updated_at: string; created_by: string | null; updated_by: string | null;
}

/** The list's columns: selecting only these keeps a 600,000-row scan narrow. */
export const ROW_COLUMNS = `p.id, p.id_country, p.national_id, p.given_names, p.family_names, p.birth_date, p.nationality, p.role,
  p.credential_status, p.credential_number, p.credential_expires_on, p.current_company_id, p.health_cert_expiry, p.updated_at,
  c.legal_name AS company_name`;

export function hydrateRow(r: Pick<PersonSqlRow, 'id' | 'id_country' | 'national_id' | 'given_names' | 'family_names' | 'birth_date' | 'nationality' | 'role' |
  'credential_status' | 'credential_number' | 'credential_expires_on' | 'current_company_id' | 'company_name' | 'health_cert_expiry' | 'updated_at'>): PersonRow {
  return {
    id: r.id, idCountry: r.id_country, nationalId: r.national_id, givenNames: r.given_names, familyNames: r.family_names,
    birthDate: r.birth_date, nationality: r.nationality, role: r.role, credentialStatus: r.credential_status,
    credentialNumber: r.credential_number, credentialExpiresOn: r.credential_expires_on, currentCompanyId: r.current_company_id,
    currentCompanyName: r.company_name, healthCertExpiry: r.health_cert_expiry, updatedAt: r.updated_at,
  };
}

/** The person's own row, no child records; null when there is no such person. */
export function loadPersonRow(db: Db, id: string): PersonSqlRow | null {
  const r = cachedStatement(db, `SELECT p.*, c.legal_name AS company_name FROM persons p LEFT JOIN companies c ON c.id = p.current_company_id WHERE p.id = ?`)
    .get(id) as PersonSqlRow | undefined;
  return r ?? null;
}

/** A person with trainings, qualifications, employment history and credential history. */
export function loadPerson(db: Db, id: string): Person | null {
  const r = loadPersonRow(db, id);
  if (!r) return null;
  const trainings = db.prepare('SELECT * FROM person_trainings WHERE person_id = ? ORDER BY completed_on DESC, id DESC').all(id) as {
    id: string; course: string; hours: number; provider: string; completed_on: string; kind: TrainingKind;
  }[];
  const quals = db.prepare('SELECT * FROM person_qualifications WHERE person_id = ? ORDER BY qualified_on DESC, id DESC').all(id) as {
    id: string; calibre: string; qualified_on: string; requalify_by: string | null; instructor: string | null;
  }[];
  const jobs = db.prepare(`SELECT e.*, c.legal_name AS company_name FROM employments e JOIN companies c ON c.id = e.company_id
    WHERE e.person_id = ? ORDER BY e.start_date DESC, e.created_at DESC`).all(id) as {
    id: string; company_id: string; company_name: string; position: string | null; start_date: string; end_date: string | null; end_reason: string | null;
  }[];
  const events = db.prepare('SELECT * FROM credential_events WHERE person_id = ? ORDER BY at DESC, rowid DESC').all(id) as {
    id: string; action: CredentialAction; from_status: CredentialState; to_status: CredentialState; credential_number: string | null;
    issued_on: string | null; expires_on: string | null; reason: string | null; legal_basis: string | null; ref_type: string | null;
    ref_id: string | null; at: string; created_by: string | null;
  }[];
  return {
    ...hydrateRow(r),
    rightToWork: r.right_to_work === 1, address: r.address, city: r.city, phone: r.phone,
    criminalCheckDate: r.criminal_check_date, criminalCheckResult: r.criminal_check_result, criminalCheckReference: r.criminal_check_reference,
    healthCertDate: r.health_cert_date, credentialIssuedOn: r.credential_issued_on, notes: r.notes, version: r.version,
    createdAt: r.created_at, createdBy: r.created_by, updatedBy: r.updated_by,
    trainings: trainings.map((t) => ({ id: t.id, course: t.course, hours: t.hours, provider: t.provider, completedOn: t.completed_on, kind: t.kind })),
    qualifications: quals.map((q) => ({ id: q.id, calibre: q.calibre, calibreLabel: calibreLabel(q.calibre, calibreList(db)), qualifiedOn: q.qualified_on, requalifyBy: q.requalify_by, instructor: q.instructor })),
    employments: jobs.map((j) => ({
      id: j.id, companyId: j.company_id, companyName: j.company_name, position: j.position, startDate: j.start_date, endDate: j.end_date, endReason: j.end_reason,
    })),
    credentialEvents: events.map((e) => ({
      id: e.id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, credentialNumber: e.credential_number, issuedOn: e.issued_on,
      expiresOn: e.expires_on, reason: e.reason, legalBasis: e.legal_basis, refType: e.ref_type, refId: e.ref_id, at: e.at, createdBy: e.created_by,
    })),
  };
}

export function findByNationalId(db: Db, country: string, norm: string): { id: string; given_names: string; family_names: string; national_id: string } | undefined {
  return db.prepare('SELECT id, given_names, family_names, national_id FROM persons WHERE id_country = ? AND national_id_norm = ?').get(country, norm) as
    | { id: string; given_names: string; family_names: string; national_id: string }
    | undefined;
}

/** The open employment, if any (at most one: a partial unique index holds it). */
export function currentEmployment(db: Db, personId: string): { id: string; company_id: string; start_date: string } | undefined {
  return db.prepare('SELECT id, company_id, start_date FROM employments WHERE person_id = ? AND end_date IS NULL').get(personId) as
    | { id: string; company_id: string; start_date: string }
    | undefined;
}
