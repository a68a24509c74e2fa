import type { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { checkTaxId, formatTaxId, normalizeTaxId } from '../../../shared/model/taxId.ts';
import type { companyFields } from '../../../shared/commands/companies.ts';
import type { Db } from '../../store/db.ts';
import { findByTaxId } from './companies.repo.ts';

type Fields = z.output<typeof companyFields>;

/** Rules zod cannot know: the tax id's country format and check digit, and uniqueness. */
export function checkCompanyRules(db: Db, f: Fields, selfId: string | null): string {
  const bad = checkTaxId(f.country, f.taxId);
  if (bad) {
    throw AppError.validation('taxId', bad.problem === 'format' ? 'validation.taxIdFormat' : 'validation.taxIdCheckDigit', {
      country: f.country, example: bad.example,
    });
  }
  const norm = normalizeTaxId(f.taxId);
  const dup = findByTaxId(db, f.country, norm);
  if (dup && dup.id !== selfId) {
    throw AppError.validation('taxId', 'errors.taxIdTaken', { taxId: dup.tax_id, country: f.country, legalName: dup.legal_name }, 'CONFLICT');
  }
  return norm;
}

const COLS = [
  'country', 'tax_id', 'tax_id_norm', 'legal_name', 'trade_name', 'legal_rep_name', 'legal_rep_id', 'address', 'city', 'phone', 'email',
  'service_types', 'armed', 'guarantee_amount', 'guarantee_currency', 'guarantee_expiry', 'insurer', 'insurance_policy',
  'insurance_amount', 'insurance_expiry', 'icoca_status', 'notes',
] as const;

function freeze(f: Fields, norm: string): Record<(typeof COLS)[number], unknown> {
  return {
    country: f.country, tax_id: formatTaxId(f.country, f.taxId), tax_id_norm: norm, legal_name: f.legalName, trade_name: f.tradeName,
    legal_rep_name: f.legalRepName, legal_rep_id: f.legalRepId, address: f.address, city: f.city, phone: f.phone, email: f.email,
    service_types: JSON.stringify(f.serviceTypes), armed: f.armed ? 1 : 0, guarantee_amount: f.guaranteeAmount,
    guarantee_currency: f.guaranteeCurrency, guarantee_expiry: f.guaranteeExpiry, insurer: f.insurer,
    insurance_policy: f.insurancePolicy, insurance_amount: f.insuranceAmount, insurance_expiry: f.insuranceExpiry,
    icoca_status: f.icocaStatus, notes: f.notes,
  };
}

function writeChildren(db: Db, companyId: string, f: Fields): void {
  db.prepare('DELETE FROM company_owners WHERE company_id = ?').run(companyId);
  db.prepare('DELETE FROM company_branches WHERE company_id = ?').run(companyId);
  const o = db.prepare(`INSERT INTO company_owners (id, company_id, position, full_name, national_id, nationality, share_percent, criminal_record_declared, declaration_date)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  f.owners.forEach((x, i) => o.run(uuidv7(), companyId, i, x.fullName, x.nationalId, x.nationality, x.sharePercent, x.criminalRecordDeclared ? 1 : 0, x.declarationDate));
  const b = db.prepare('INSERT INTO company_branches (id, company_id, position, name, city, address, phone) VALUES (?, ?, ?, ?, ?, ?, ?)');
  f.branches.forEach((x, i) => b.run(uuidv7(), companyId, i, x.name, x.city, x.address, x.phone));
}

export function insertCompany(db: Db, f: Fields, norm: string, now: string, userId: string | null, id = uuidv7()): string {
  const row = freeze(f, norm);
  db.prepare(
    `INSERT INTO companies (id, ${COLS.join(', ')}, version, created_at, updated_at, created_by, updated_by)
     VALUES (@id, ${COLS.map((c) => `@${c}`).join(', ')}, 1, @now, @now, @user, @user)`,
  ).run({ ...row, id, now, user: userId });
  writeChildren(db, id, f);
  return id;
}

/** Optimistic concurrency: the update applies only to the version the officer loaded. */
export function updateCompany(db: Db, id: string, version: number, f: Fields, norm: string, now: string, userId: string | null): void {
  const row = freeze(f, norm);
  const r = db.prepare(
    `UPDATE companies SET ${COLS.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @now, updated_by = @user
     WHERE id = @id AND version = @version`,
  ).run({ ...row, id, version, now, user: userId });
  if (r.changes === 0) throw new AppError('CONFLICT', 'errors.staleVersion', {}, 'version');
  writeChildren(db, id, f);
}
