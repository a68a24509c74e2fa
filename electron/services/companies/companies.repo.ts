import type { Db } from '../../store/db.ts';
import type { Company, CompanyRow } from '../../../shared/commands/companies.ts';
import type { Country } from '../../../shared/model/taxId.ts';
import type { IcocaStatus, ServiceType } from '../../../shared/model/company.ts';

/** The row as stored. `hydrate*` turns rows into the contract's shapes; nothing else reads columns. */
export interface CompanySqlRow {
  id: string; country: Country; tax_id: string; tax_id_norm: string; legal_name: string; trade_name: string | null;
  legal_rep_name: string; legal_rep_id: string | null; address: string | null; city: string | null; phone: string | null;
  email: string | null; service_types: string; armed: number; guarantee_amount: number | null; guarantee_currency: string | null;
  guarantee_expiry: string | null; insurer: string | null; insurance_policy: string | null; insurance_amount: number | null;
  insurance_expiry: string | null; icoca_status: IcocaStatus; notes: string | null; version: number; created_at: string;
  updated_at: string; created_by: string | null; updated_by: string | null;
}

export function hydrateRow(r: CompanySqlRow): CompanyRow {
  return {
    id: r.id, country: r.country, taxId: r.tax_id, legalName: r.legal_name, tradeName: r.trade_name,
    legalRepName: r.legal_rep_name, legalRepId: r.legal_rep_id, address: r.address, city: r.city, phone: r.phone,
    email: r.email, serviceTypes: JSON.parse(r.service_types) as ServiceType[], armed: r.armed === 1,
    guaranteeAmount: r.guarantee_amount, guaranteeCurrency: r.guarantee_currency, guaranteeExpiry: r.guarantee_expiry,
    insurer: r.insurer, insurancePolicy: r.insurance_policy, insuranceAmount: r.insurance_amount,
    insuranceExpiry: r.insurance_expiry, icocaStatus: r.icoca_status, version: r.version, createdAt: r.created_at,
    updatedAt: r.updated_at, createdBy: r.created_by, updatedBy: r.updated_by,
  };
}

export function loadCompany(db: Db, id: string): Company | null {
  const r = db.prepare('SELECT * FROM companies WHERE id = ?').get(id) as CompanySqlRow | undefined;
  if (!r) return null;
  const owners = db.prepare('SELECT * FROM company_owners WHERE company_id = ? ORDER BY position').all(id) as {
    id: string; full_name: string; national_id: string | null; nationality: Country | null; share_percent: number | null;
    criminal_record_declared: number; declaration_date: string | null;
  }[];
  const branches = db.prepare('SELECT * FROM company_branches WHERE company_id = ? ORDER BY position').all(id) as {
    id: string; name: string; city: string; address: string | null; phone: string | null;
  }[];
  return {
    ...hydrateRow(r),
    notes: r.notes,
    owners: owners.map((o) => ({
      id: o.id, fullName: o.full_name, nationalId: o.national_id, nationality: o.nationality, sharePercent: o.share_percent,
      criminalRecordDeclared: o.criminal_record_declared === 1, declarationDate: o.declaration_date,
    })),
    branches: branches.map((b) => ({ id: b.id, name: b.name, city: b.city, address: b.address, phone: b.phone })),
  };
}

export function findByTaxId(db: Db, country: string, taxIdNorm: string): { id: string; legal_name: string; tax_id: string } | undefined {
  return db.prepare('SELECT id, legal_name, tax_id FROM companies WHERE country = ? AND tax_id_norm = ?').get(country, taxIdNorm) as
    | { id: string; legal_name: string; tax_id: string }
    | undefined;
}
