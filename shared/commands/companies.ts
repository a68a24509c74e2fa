import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText, sortDir } from './schemas.ts';
import { COMPANY_SORT_COLUMNS, ICOCA_STATUSES, SERVICE_TYPES } from '../model/company.ts';
import { COUNTRIES } from '../model/taxId.ts';

const money = z.number().finite().min(0, 'validation.notNegative').max(1e13, 'validation.tooLarge').nullish().transform((v) => v ?? null);
const optDate = isoDate.nullish().transform((v) => v ?? null);

export const beneficialOwner = z.object({
  fullName: requiredText(200),
  nationalId: optionalText(40),
  nationality: z.enum(COUNTRIES).nullish().transform((v) => v ?? null),
  sharePercent: z.number().min(0, 'validation.percent').max(100, 'validation.percent').nullish().transform((v) => v ?? null),
  /** The owner's signed declaration of no criminal record (DOMAIN: each owner declares). */
  criminalRecordDeclared: z.boolean().default(false),
  declarationDate: optDate,
});

export const branch = z.object({
  name: requiredText(200),
  city: requiredText(120),
  address: optionalText(300),
  phone: optionalText(40),
});

/** Fields an officer enters; `companies.create` and `companies.update` share them. */
export const companyFields = z
  .object({
    country: z.enum(COUNTRIES),
    taxId: requiredText(40),
    legalName: requiredText(200),
    tradeName: optionalText(200),
    legalRepName: requiredText(200),
    legalRepId: optionalText(40),
    address: optionalText(300),
    city: optionalText(120),
    phone: optionalText(40),
    email: z.string().trim().max(200, 'validation.tooLong').email('validation.email').nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    serviceTypes: z.array(z.enum(SERVICE_TYPES)).min(1, 'validation.serviceTypes').transform((a) => [...new Set(a)]),
    armed: z.boolean(),
    guaranteeAmount: money,
    guaranteeCurrency: z.string().trim().regex(/^[A-Z]{3}$/, 'validation.currency').nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    guaranteeExpiry: optDate,
    insurer: optionalText(200),
    insurancePolicy: optionalText(80),
    insuranceAmount: money,
    insuranceExpiry: optDate,
    icocaStatus: z.enum(ICOCA_STATUSES).default('none'),
    notes: optionalText(4000),
    owners: z.array(beneficialOwner).max(100).default([]),
    branches: z.array(branch).max(500).default([]),
  })
  .superRefine((c, ctx) => {
    const total = c.owners.reduce((s, o) => s + (o.sharePercent ?? 0), 0);
    if (total > 100.0001) ctx.addIssue({ code: 'custom', path: ['owners'], message: 'validation.sharesOver100' });
  });
export type CompanyFields = z.input<typeof companyFields>;

export const company = z.object({
  id: z.string(),
  country: z.enum(COUNTRIES),
  taxId: z.string(),
  legalName: z.string(),
  tradeName: z.string().nullable(),
  legalRepName: z.string(),
  legalRepId: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  armed: z.boolean(),
  guaranteeAmount: z.number().nullable(),
  guaranteeCurrency: z.string().nullable(),
  guaranteeExpiry: z.string().nullable(),
  insurer: z.string().nullable(),
  insurancePolicy: z.string().nullable(),
  insuranceAmount: z.number().nullable(),
  insuranceExpiry: z.string().nullable(),
  icocaStatus: z.enum(ICOCA_STATUSES),
  notes: z.string().nullable(),
  owners: z.array(beneficialOwner.extend({ id: z.string() })),
  branches: z.array(branch.extend({ id: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Company = z.infer<typeof company>;

/** One row of the register list: what the table shows, no child records. */
export const companyRow = company.omit({ owners: true, branches: true, notes: true });
export type CompanyRow = z.infer<typeof companyRow>;

/** A view of the register: search, filters and sort, all pushed into SQL. */
export const companyQuery = z.object({
  search: z.string().trim().max(200, 'validation.tooLong').default(''),
  country: z.enum(COUNTRIES).nullish(),
  armed: z.boolean().nullish(),
  serviceType: z.enum(SERVICE_TYPES).nullish(),
  icocaStatus: z.enum(ICOCA_STATUSES).nullish(),
  sort: z.enum(COMPANY_SORT_COLUMNS).default('legalName'),
  dir: sortDir.default('asc'),
});
export type CompanyQuery = z.input<typeof companyQuery>;

export const EXPORT_COLUMNS = [
  'legalName', 'tradeName', 'taxId', 'country', 'city', 'legalRepName', 'serviceTypes', 'armed',
  'icocaStatus', 'guaranteeAmount', 'guaranteeExpiry', 'insurer', 'insuranceExpiry', 'phone', 'email', 'createdAt', 'updatedAt',
] as const;

export const companiesCommands = {
  'companies.create': command({ input: companyFields, output: company, access: 'companies.write', kind: 'write' }),
  /** `version` is the one the officer loaded: a stale edit is refused (CONFLICT), never silently merged. */
  'companies.update': command({
    input: z.object({ id, version: z.number().int().min(1), fields: companyFields }),
    output: company,
    access: 'companies.write',
    kind: 'write',
  }),
  'companies.get': command({ input: z.object({ id }), output: company, access: 'companies.read', kind: 'read' }),
  'companies.list': command({
    input: companyQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(companyRow), total: z.number().int() }),
    access: 'companies.read',
    kind: 'read',
  }),
  /**
   * Every company's id, legal name and tax id, by name, for pickers: a national register is a few
   * thousand companies, which a list page's 500-row limit would cut short.
   */
  'companies.names': command({
    input: z.object({}).default({}),
    output: z.array(z.object({ id: z.string(), legalName: z.string(), taxId: z.string() })),
    access: 'companies.read',
    kind: 'read',
  }),
  /** The current view (all pages) as a file; formula-looking cells are neutralised. */
  'companies.export': command({
    input: companyQuery.extend({
      format: z.enum(['csv', 'xlsx']),
      columns: z.array(z.enum(EXPORT_COLUMNS)).min(1, 'validation.required'),
      language: z.enum(['es', 'en']).default('es'),
    }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string(), rows: z.number().int() }),
    access: 'companies.export',
    kind: 'read',
  }),
};
