import type { Company, CompanyFields } from '../../../shared/commands/companies.ts';
import type { Country } from '../../../shared/model/taxId.ts';
import type { IcocaStatus, ServiceType } from '../../../shared/model/company.ts';

/**
 * What the form edits: every input as the text the officer typed, so a half-typed amount or
 * an empty date is representable. {@link toFields} turns it into the command's input; the
 * server's validation stays the single judge of what is acceptable.
 */
export interface OwnerDraft {
  key: string;
  fullName: string;
  nationalId: string;
  nationality: string;
  sharePercent: string;
  criminalRecordDeclared: boolean;
  declarationDate: string;
}

export interface BranchDraft {
  key: string;
  name: string;
  city: string;
  address: string;
  phone: string;
}

export interface CompanyDraft {
  country: Country;
  taxId: string;
  legalName: string;
  tradeName: string;
  legalRepName: string;
  legalRepId: string;
  address: string;
  city: string;
  phone: string;
  email: string;
  serviceTypes: ServiceType[];
  armed: '' | 'yes' | 'no';
  guaranteeAmount: string;
  guaranteeCurrency: string;
  guaranteeExpiry: string;
  insurer: string;
  insurancePolicy: string;
  insuranceAmount: string;
  insuranceExpiry: string;
  icocaStatus: IcocaStatus;
  notes: string;
  owners: OwnerDraft[];
  branches: BranchDraft[];
}

let seq = 0;
/** Stable React keys for rows that have no id yet. */
export const newKey = () => `k${++seq}`;

export const emptyOwner = (): OwnerDraft => ({ key: newKey(), fullName: '', nationalId: '', nationality: '', sharePercent: '', criminalRecordDeclared: false, declarationDate: '' });
export const emptyBranch = (): BranchDraft => ({ key: newKey(), name: '', city: '', address: '', phone: '' });

export function emptyDraft(country: Country): CompanyDraft {
  return {
    country, taxId: '', legalName: '', tradeName: '', legalRepName: '', legalRepId: '', address: '', city: '', phone: '', email: '',
    serviceTypes: [], armed: '', guaranteeAmount: '', guaranteeCurrency: '', guaranteeExpiry: '', insurer: '', insurancePolicy: '',
    insuranceAmount: '', insuranceExpiry: '', icocaStatus: 'none', notes: '', owners: [], branches: [],
  };
}

const s = (v: string | null | undefined) => v ?? '';
const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function fromCompany(c: Company): CompanyDraft {
  return {
    country: c.country, taxId: c.taxId, legalName: c.legalName, tradeName: s(c.tradeName), legalRepName: c.legalRepName,
    legalRepId: s(c.legalRepId), address: s(c.address), city: s(c.city), phone: s(c.phone), email: s(c.email),
    serviceTypes: [...c.serviceTypes], armed: c.armed ? 'yes' : 'no', guaranteeAmount: n(c.guaranteeAmount),
    guaranteeCurrency: s(c.guaranteeCurrency), guaranteeExpiry: s(c.guaranteeExpiry), insurer: s(c.insurer),
    insurancePolicy: s(c.insurancePolicy), insuranceAmount: n(c.insuranceAmount), insuranceExpiry: s(c.insuranceExpiry),
    icocaStatus: c.icocaStatus, notes: s(c.notes),
    owners: c.owners.map((o) => ({
      key: o.id, fullName: o.fullName, nationalId: s(o.nationalId), nationality: s(o.nationality), sharePercent: n(o.sharePercent),
      criminalRecordDeclared: o.criminalRecordDeclared, declarationDate: s(o.declarationDate),
    })),
    branches: c.branches.map((b) => ({ key: b.id, name: b.name, city: b.city, address: s(b.address), phone: s(b.phone) })),
  };
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
/** An unparsable number is sent as NaN so the server reports it on the right field. */
const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
const date = (v: string) => (v === '' ? null : v);

export function toFields(d: CompanyDraft): CompanyFields {
  return {
    country: d.country, taxId: d.taxId, legalName: d.legalName, tradeName: text(d.tradeName), legalRepName: d.legalRepName,
    legalRepId: text(d.legalRepId), address: text(d.address), city: text(d.city), phone: text(d.phone), email: text(d.email),
    serviceTypes: d.serviceTypes,
    // An unanswered yes/no is sent as missing: the server answers with a field error.
    armed: (d.armed === '' ? undefined : d.armed === 'yes') as boolean,
    guaranteeAmount: num(d.guaranteeAmount), guaranteeCurrency: text(d.guaranteeCurrency)?.toUpperCase() ?? null,
    guaranteeExpiry: date(d.guaranteeExpiry), insurer: text(d.insurer), insurancePolicy: text(d.insurancePolicy),
    insuranceAmount: num(d.insuranceAmount), insuranceExpiry: date(d.insuranceExpiry), icocaStatus: d.icocaStatus, notes: text(d.notes),
    owners: d.owners.map((o) => ({
      fullName: o.fullName, nationalId: text(o.nationalId), nationality: (o.nationality || null) as Country | null,
      sharePercent: num(o.sharePercent), criminalRecordDeclared: o.criminalRecordDeclared, declarationDate: date(o.declarationDate),
    })),
    branches: d.branches.map((b) => ({ name: b.name, city: b.city, address: text(b.address), phone: text(b.phone) })),
  };
}

/** Comparable form of a draft for "unsaved changes" (row keys are not data). */
export function snapshot(d: CompanyDraft): string {
  return JSON.stringify({ ...d, owners: d.owners.map(({ key: _k, ...o }) => o), branches: d.branches.map(({ key: _k, ...b }) => b) });
}
