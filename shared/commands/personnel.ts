import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText, sortDir } from './schemas.ts';
import { COUNTRIES } from '../model/taxId.ts';
import { CRIMINAL_CHECK_RESULTS, PERSON_ROLES, PERSON_SORT_COLUMNS, TRAINING_KINDS } from '../model/personnel.ts';
import { CREDENTIAL_ACTIONS, CREDENTIAL_STATES } from '../model/credentialLifecycle.ts';
import { checkNumberPattern } from '../model/numberPattern.ts';

const optDate = isoDate.nullish().transform((v) => v ?? null);

/** Fields an officer enters for a person; `personnel.create` and `personnel.update` share them. */
export const personFields = z
  .object({
    /** The country that issued the identity document (decides its format); not always the nationality. */
    idCountry: z.enum(COUNTRIES),
    nationalId: requiredText(40),
    givenNames: requiredText(120),
    familyNames: requiredText(120),
    birthDate: isoDate,
    nationality: z.enum(COUNTRIES),
    rightToWork: z.boolean().default(true),
    role: z.enum(PERSON_ROLES),
    address: optionalText(300),
    city: optionalText(120),
    phone: optionalText(40),
    criminalCheckDate: optDate,
    criminalCheckResult: z.enum(CRIMINAL_CHECK_RESULTS).nullish().transform((v) => v ?? null),
    criminalCheckReference: optionalText(80),
    healthCertDate: optDate,
    healthCertExpiry: optDate,
    notes: optionalText(4000),
  })
  .superRefine((p, ctx) => {
    if (p.criminalCheckDate && !p.criminalCheckResult) ctx.addIssue({ code: 'custom', path: ['criminalCheckResult'], message: 'validation.required' });
    if (p.criminalCheckResult && !p.criminalCheckDate) ctx.addIssue({ code: 'custom', path: ['criminalCheckDate'], message: 'validation.required' });
    if (p.healthCertExpiry && !p.healthCertDate) ctx.addIssue({ code: 'custom', path: ['healthCertDate'], message: 'validation.required' });
    if (p.healthCertDate && !p.healthCertExpiry) ctx.addIssue({ code: 'custom', path: ['healthCertExpiry'], message: 'validation.required' });
    if (p.healthCertDate && p.healthCertExpiry && p.healthCertExpiry < p.healthCertDate) {
      ctx.addIssue({ code: 'custom', path: ['healthCertExpiry'], message: 'validation.expiryBeforeIssue' });
    }
  });
export type PersonFields = z.input<typeof personFields>;

const personBase = z.object({
  id: z.string(),
  idCountry: z.enum(COUNTRIES),
  nationalId: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  birthDate: z.string(),
  nationality: z.enum(COUNTRIES),
  rightToWork: z.boolean(),
  role: z.enum(PERSON_ROLES),
  address: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  criminalCheckDate: z.string().nullable(),
  criminalCheckResult: z.enum(CRIMINAL_CHECK_RESULTS).nullable(),
  criminalCheckReference: z.string().nullable(),
  healthCertDate: z.string().nullable(),
  healthCertExpiry: z.string().nullable(),
  credentialStatus: z.enum(CREDENTIAL_STATES),
  credentialNumber: z.string().nullable(),
  credentialIssuedOn: z.string().nullable(),
  credentialExpiresOn: z.string().nullable(),
  currentCompanyId: z.string().nullable(),
  currentCompanyName: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const training = z.object({
  id: z.string(), course: z.string(), hours: z.number(), provider: z.string(), completedOn: z.string(), kind: z.enum(TRAINING_KINDS),
});
export const qualification = z.object({
  id: z.string(), calibre: z.string(), calibreLabel: z.string(), qualifiedOn: z.string(), requalifyBy: z.string().nullable(), instructor: z.string().nullable(),
});
export const employment = z.object({
  id: z.string(), companyId: z.string(), companyName: z.string(), position: z.string().nullable(),
  startDate: z.string(), endDate: z.string().nullable(), endReason: z.string().nullable(),
});
export const credentialEvent = z.object({
  id: z.string(), action: z.enum(CREDENTIAL_ACTIONS), fromStatus: z.enum(CREDENTIAL_STATES), toStatus: z.enum(CREDENTIAL_STATES),
  credentialNumber: z.string().nullable(), issuedOn: z.string().nullable(), expiresOn: z.string().nullable(),
  reason: z.string().nullable(), legalBasis: z.string().nullable(), refType: z.string().nullable(), refId: z.string().nullable(),
  at: z.string(), createdBy: z.string().nullable(),
});

/** A person with everything the detail page shows: trainings, qualifications, employers, credential history. */
export const person = personBase.extend({
  trainings: z.array(training),
  qualifications: z.array(qualification),
  employments: z.array(employment),
  credentialEvents: z.array(credentialEvent),
});
export type Person = z.infer<typeof person>;

/** One row of the personnel list: what the table shows, no child records. */
export const personRow = personBase.pick({
  id: true, idCountry: true, nationalId: true, givenNames: true, familyNames: true, birthDate: true, nationality: true, role: true,
  credentialStatus: true, credentialNumber: true, credentialExpiresOn: true, currentCompanyId: true, currentCompanyName: true,
  healthCertExpiry: true, updatedAt: true,
});
export type PersonRow = z.infer<typeof personRow>;

/** A view of the personnel register: search, filters and sort, all pushed into SQL. */
export const personQuery = z.object({
  search: z.string().trim().max(200, 'validation.tooLong').default(''),
  companyId: id.nullish(),
  role: z.enum(PERSON_ROLES).nullish(),
  credentialStatus: z.enum(CREDENTIAL_STATES).nullish(),
  /** Credentials expiring between today and today + N days (the "expiring" filter). */
  expiringWithinDays: z.number().int().min(1).max(730).nullish(),
  sort: z.enum(PERSON_SORT_COLUMNS).default('name'),
  dir: sortDir.default('asc'),
});
export type PersonQuery = z.input<typeof personQuery>;

export const PERSON_EXPORT_COLUMNS = [
  'familyNames', 'givenNames', 'nationalId', 'idCountry', 'birthDate', 'nationality', 'role', 'credentialStatus', 'credentialNumber',
  'credentialExpiresOn', 'currentCompanyName', 'healthCertExpiry', 'updatedAt',
] as const;

/** Actions an officer takes by hand; automatic ones (activate, deactivate, expire) follow employment and dates. */
export const MANUAL_CREDENTIAL_ACTIONS = ['startVetting', 'issue', 'suspend', 'reinstate', 'revoke', 'renew'] as const;

export const personnelSettings = z.object({
  credentialNumberPattern: z.string().trim().refine((p) => checkNumberPattern(p) === null, 'validation.numberPattern'),
  credentialValidityMonths: z.number().int().min(1, 'validation.months').max(120, 'validation.months'),
  criminalCheckMaxAgeDays: z.number().int().min(1, 'validation.days').max(3650, 'validation.days'),
});
export type PersonnelSettings = z.infer<typeof personnelSettings>;

const personRef = { personId: id };

export const personnelCommands = {
  /** Registers a person as an applicant; national id checked per country and unique however typed; nobody under 18. */
  'personnel.create': command({ input: personFields, output: person, access: 'personnel.write', kind: 'write' }),
  /** `version` is the one the officer loaded: a stale edit is refused (CONFLICT), never silently merged. */
  'personnel.update': command({
    input: z.object({ id, version: z.number().int().min(1), fields: personFields }),
    output: person,
    access: 'personnel.write',
    kind: 'write',
  }),
  'personnel.get': command({ input: z.object({ id }), output: person, access: 'personnel.read', kind: 'read' }),
  'personnel.list': command({
    input: personQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(personRow), total: z.number().int() }),
    access: 'personnel.read',
    kind: 'read',
  }),
  /** The current view (all pages) as a file; formula-looking cells are neutralised. */
  'personnel.export': command({
    input: personQuery.extend({
      format: z.enum(['csv', 'xlsx']),
      columns: z.array(z.enum(PERSON_EXPORT_COLUMNS)).min(1, 'validation.required'),
      language: z.enum(['es', 'en']).default('es'),
    }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string(), rows: z.number().int() }),
    access: 'personnel.export',
    kind: 'read',
  }),
  /**
   * Takes a credential action by hand. The gate checks `personnel.write`; the transition's own
   * permission (issuing needs `personnel.credential`, suspending `personnel.suspend`) and guards
   * (vetting, employment) are checked by the service, with the reason in the refusal.
   */
  'personnel.transitionCredential': command({
    input: z.object({
      ...personRef,
      action: z.enum(MANUAL_CREDENTIAL_ACTIONS),
      reason: optionalText(1000),
      legalBasis: optionalText(300),
    }),
    output: person,
    access: 'personnel.write',
    kind: 'write',
  }),
  /** Moves every credential past its expiry date to Expired (run daily or on demand); returns how many. */
  'personnel.expireCredentials': command({
    input: z.object({}).default({}),
    output: z.object({ expired: z.number().int() }),
    access: 'personnel.write',
    kind: 'write',
  }),
  'personnel.addTraining': command({
    input: z.object({
      ...personRef,
      course: requiredText(200),
      hours: z.number().positive('validation.positive').max(5000, 'validation.tooLarge'),
      provider: requiredText(200),
      completedOn: isoDate,
      kind: z.enum(TRAINING_KINDS),
    }),
    output: person,
    access: 'personnel.write',
    kind: 'write',
  }),
  /**
   * A firearm qualification for a calibre as written ("9 mm", "38 SPL / 357 MAG"), resolved through the
   * workspace's calibre list and stored by code; `requalifyBy` is when it must be renewed.
   */
  'personnel.addQualification': command({
    input: z.object({
      ...personRef,
      calibre: requiredText(40),
      qualifiedOn: isoDate,
      requalifyBy: optDate,
      instructor: optionalText(200),
    }).superRefine((q, ctx) => {
      if (q.requalifyBy && q.requalifyBy < q.qualifiedOn) ctx.addIssue({ code: 'custom', path: ['requalifyBy'], message: 'validation.expiryBeforeIssue' });
    }),
    output: person,
    access: 'personnel.write',
    kind: 'write',
  }),
  /**
   * Starts employment with a company from `startDate`; the current one (if any) ends that day.
   * The credential follows: Credentialed or Inactive becomes Active.
   */
  'personnel.setEmployer': command({
    input: z.object({ ...personRef, companyId: id, startDate: isoDate, position: optionalText(120) }),
    output: person,
    access: 'personnel.write',
    kind: 'write',
  }),
  /** Ends the current employment; an Active credential becomes Inactive. */
  'personnel.endEmployment': command({
    input: z.object({ ...personRef, endDate: isoDate, reason: optionalText(300) }),
    output: person,
    access: 'personnel.write',
    kind: 'write',
  }),
  'personnel.getSettings': command({ input: z.object({}).default({}), output: personnelSettings, access: 'personnel.read', kind: 'read' }),
  'personnel.updateSettings': command({ input: personnelSettings, output: personnelSettings, access: 'settings.manage', kind: 'write' }),
};
