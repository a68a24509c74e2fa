import { SHIPPED_CALIBRES, type CalibreList } from '../../../shared/model/calibres.ts';
import type { Db } from '../../store/db.ts';
import { calibreList } from '../firearms/calibres.repo.ts';

const hasTable = (db: Db, name: string) => !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name);

/** The workspace's calibre list (the firearms area's, editable by the administrator). */
export function workspaceCalibres(db: Db): CalibreList {
  return hasTable(db, 'firearm_calibres') ? calibreList(db) : SHIPPED_CALIBRES;
}

/**
 * Which company a return's `company_licence_no` names. The licensing register (`licences.number`)
 * is the authority; on a workspace without it the company's tax ID is accepted instead.
 */
export function companyResolver(db: Db): (licenceNo: string) => string | null {
  const hasLicences = hasTable(db, 'licences');
  const byLicence = hasLicences ? db.prepare('SELECT company_id AS id FROM licences WHERE number = ?') : null;
  const byTaxId = db.prepare('SELECT id FROM companies WHERE tax_id = ? OR tax_id_norm = ? LIMIT 1');
  const cache = new Map<string, string | null>();
  return (no) => {
    if (cache.has(no)) return cache.get(no)!;
    const id = byLicence
      ? ((byLicence.get(no) as { id: string } | undefined)?.id ?? null)
      : ((byTaxId.get(no, no.replace(/[\s\-.]/g, '').toUpperCase()) as { id: string } | undefined)?.id ?? null);
    cache.set(no, id);
    return id;
  };
}

/** The licence number a company files under (its newest numbered licence), or its tax ID. */
export function companyLicenceLabel(db: Db): (companyId: string) => string {
  const byLicence = hasTable(db, 'licences') ? db.prepare('SELECT number FROM licences WHERE company_id = ? AND number IS NOT NULL ORDER BY created_at DESC LIMIT 1') : null;
  const byTax = db.prepare('SELECT tax_id FROM companies WHERE id = ?');
  return (id) => (byLicence?.get(id) as { number: string } | undefined)?.number ?? (byTax.get(id) as { tax_id: string } | undefined)?.tax_id ?? id;
}

/** Register states under which a firearm may be absent from its company's return. */
export const REGISTER_DISPOSED = ['lost', 'stolen', 'destroyed', 'transferred', 'seized'];

/** The register's state in the return's vocabulary (the register says "issued", returns say "assigned"). */
export function registerStatus(state: string): string {
  return state === 'issued' ? 'assigned' : state === 'recovered' || state === 'surplus' ? 'in_armory' : state;
}

export interface RegisterFirearm { serial_no: string; serial_norm: string; make: string; model: string | null; type: string; calibre: string; status: string; state: string }

/** The company's firearms in the register, when the firearms register exists. */
export function registerFirearms(db: Db): ((companyId: string) => RegisterFirearm[]) | null {
  if (!hasTable(db, 'firearms')) return null;
  const q = db.prepare(`SELECT serial AS serial_no, serial_norm, make, model, type, calibre_code AS calibre, state FROM firearms WHERE company_id = ?`);
  return (companyId) => (q.all(companyId) as Omit<RegisterFirearm, 'status'>[]).map((f) => ({ ...f, status: registerStatus(f.state) }));
}

/** Another company holding the same serial in the register (not transferred away or destroyed). */
export function registerSerialElsewhere(db: Db): ((serialNorm: string, companyId: string | null) => string | null) | null {
  if (!hasTable(db, 'firearms')) return null;
  const q = db.prepare(`SELECT company_id FROM firearms WHERE serial_norm = ? AND company_id IS NOT ? AND state NOT IN ('transferred', 'destroyed') LIMIT 1`);
  return (serialNorm, companyId) => (q.get(serialNorm, companyId) as { company_id: string } | undefined)?.company_id ?? null;
}

export interface RegisterPerson {
  national_id: string; national_id_norm: string; full_name: string; birth_date: string; role: string;
  credential_no: string | null; credential_expiry: string | null; credential_valid: 0 | 1;
}

const PERSON_COLUMNS = `p.national_id, p.national_id_norm, p.given_names || ' ' || p.family_names AS full_name, p.birth_date, p.role,
  p.credential_number AS credential_no, p.credential_expires_on AS credential_expiry,
  (p.credential_status IN ('credentialed','active','inactive') AND p.credential_issued_on <= @date AND p.credential_expires_on >= @date) AS credential_valid`;

/**
 * The personnel register as a return sees it, on the return's date (31 December of its year):
 * the people a company employed that day (an employment started on or before it and not ended
 * before it), and any person by national ID with whether their credential was in force that day
 * (the same rule as personnel's `credentialValidOn`). Null when the workspace has no register.
 */
export function registerPersonnel(db: Db, date: string): {
  employedBy(companyId: string): RegisterPerson[];
  byId(nationalIdNorm: string): RegisterPerson | null;
  /** Whether the register keeps this company's people at all (anyone ever employed there). */
  keeps(companyId: string): boolean;
} | null {
  if (!hasTable(db, 'persons') || !hasTable(db, 'employments')) return null;
  const employed = db.prepare(`SELECT DISTINCT ${PERSON_COLUMNS} FROM employments e JOIN persons p ON p.id = e.person_id
    WHERE e.company_id = @company AND e.start_date <= @date AND (e.end_date IS NULL OR e.end_date >= @date)`);
  const one = db.prepare(`SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.national_id_norm = @nid ORDER BY p.id LIMIT 1`);
  const any = db.prepare('SELECT 1 FROM employments WHERE company_id = ? LIMIT 1');
  const kept = new Map<string, boolean>();
  return {
    keeps: (company) => {
      if (!kept.has(company)) kept.set(company, !!any.get(company));
      return kept.get(company)!;
    },
    employedBy: (company) => employed.all({ company, date }) as RegisterPerson[],
    byId: (nid) => (one.get({ nid, date }) as RegisterPerson | undefined) ?? null,
  };
}
