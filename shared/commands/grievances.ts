import { z } from 'zod';
import { command } from './define.ts';
import { id, optionalText, requiredText, sortDir } from './schemas.ts';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_CHANNELS, GRIEVANCE_STATUSES, REFERRAL_TARGETS } from '../model/grievance.ts';
import { GRIEVANCE_ACTIONS } from '../model/grievanceLifecycle.ts';
import { CREDENTIAL_STATES } from '../model/credentialLifecycle.ts';

/** `2026-11-23T09:30` (local time as the officer wrote it) or a date alone. */
export const localDateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'validation.dateTime').refine((s) => {
  const d = new Date(`${s.length === 10 ? `${s}T00:00` : s}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, s.length === 10 ? 10 : 16) === s;
}, 'validation.dateTime');

/**
 * Persons of the personnel register an incident or grievance is about, by id. A repeated id is
 * kept once (first place wins). Every id must exist, or the whole record is refused.
 */
export const personIds = (max: number) => z.array(id).max(max, 'validation.tooMany').default([]).transform((a) => [...new Set(a)]);

/**
 * A registered person linked to an incident or grievance, as the register knows them today
 * (a credential suspended since the incident shows as suspended). Guards only: never the complainant.
 */
export const linkedPerson = z.object({
  personId: z.string(),
  /** Given names then family names. */
  name: z.string(),
  nationalId: z.string(),
  credentialNumber: z.string().nullable(),
  credentialStatus: z.enum(CREDENTIAL_STATES),
});
export type LinkedPerson = z.infer<typeof linkedPerson>;

/** Who complained. Only stored when not anonymous; read back only by `grievances.getIdentity`. */
export const complainant = z.object({
  fullName: requiredText(200),
  nationalId: optionalText(40),
  contact: optionalText(200),
  address: optionalText(300),
});

export const grievanceFields = z
  .object({
    receivedAt: localDateTime,
    channel: z.enum(GRIEVANCE_CHANNELS),
    anonymous: z.boolean(),
    complainant: complainant.nullish().transform((v) => v ?? null),
    category: z.enum(GRIEVANCE_CATEGORIES),
    companyId: id.nullish().transform((v) => v ?? null),
    /** Names as told, for people the register does not know; registered ones go in `personIds`. */
    personnelConcerned: z.array(requiredText(200)).max(50).default([]),
    personIds: personIds(50),
    summary: requiredText(8000),
    retaliationConcern: z.boolean().default(false),
  })
  .superRefine((g, ctx) => {
    if (!g.anonymous && !g.complainant) ctx.addIssue({ code: 'custom', path: ['complainant', 'fullName'], message: 'validation.complainantRequired' });
  });

/** What every reader of grievances sees: never the complainant's identity, only whether one is on file. */
export const grievanceRow = z.object({
  id: z.string(),
  referenceCode: z.string(),
  receivedAt: z.string(),
  channel: z.enum(GRIEVANCE_CHANNELS),
  anonymous: z.boolean(),
  identityOnFile: z.boolean(),
  category: z.enum(GRIEVANCE_CATEGORIES),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  personnelConcerned: z.array(z.string()),
  summary: z.string(),
  retaliationConcern: z.boolean(),
  status: z.enum(GRIEVANCE_STATUSES),
  stageEnteredAt: z.string(),
  /** Stage clock (null once closed or referred). */
  dueAt: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  referralTarget: z.enum(REFERRAL_TARGETS).nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GrievanceRow = z.infer<typeof grievanceRow>;
/** One grievance with the registered persons it concerns (guards, never the complainant). */
export const grievance = grievanceRow.extend({ people: z.array(linkedPerson) });
export type Grievance = z.infer<typeof grievance>;

export const grievanceEvent = z.object({
  id: z.string(), at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(),
  note: z.string().nullable(), referralTarget: z.string().nullable(), username: z.string().nullable(),
});

export const GRIEVANCE_SORT = ['receivedAt', 'referenceCode', 'status', 'category', 'dueAt'] as const;
export const grievanceQuery = z.object({
  search: z.string().trim().max(200, 'validation.tooLong').default(''),
  status: z.enum(GRIEVANCE_STATUSES).nullish(),
  category: z.enum(GRIEVANCE_CATEGORIES).nullish(),
  companyId: id.nullish(),
  retaliation: z.boolean().nullish(),
  overdue: z.boolean().nullish(),
  /** Grievances that concern this registered person (linked, not named in free text; never matched against complainants). */
  personId: id.nullish(),
  sort: z.enum(GRIEVANCE_SORT).default('receivedAt'),
  dir: sortDir.default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const grievancesCommands = {
  /** Intake by an officer. Returns the reference code the complainant is told to quote later. */
  'grievances.create': command({ input: grievanceFields, output: grievance, access: 'grievances.write', kind: 'write' }),
  'grievances.get': command({
    input: z.object({ id }),
    output: grievance.extend({ events: z.array(grievanceEvent) }),
    access: 'grievances.read',
    kind: 'read',
  }),
  /** Finds a grievance by the code a complainant quotes; typing slips (O/0, I/1, case) are forgiven. */
  'grievances.findByReference': command({
    input: z.object({ referenceCode: requiredText(40) }),
    output: grievance,
    access: 'grievances.read',
    kind: 'read',
  }),
  'grievances.list': command({
    input: grievanceQuery,
    output: z.object({ rows: z.array(grievanceRow), total: z.number().int() }),
    access: 'grievances.read',
    kind: 'read',
  }),
  /** One move of the lifecycle table; the table's permission is checked on top of this command's. */
  'grievances.transition': command({
    input: z.object({
      id, version: z.number().int().min(1), action: z.enum(GRIEVANCE_ACTIONS),
      note: optionalText(4000), referralTarget: z.enum(REFERRAL_TARGETS).nullish().transform((v) => v ?? null),
    }),
    output: grievance,
    access: 'grievances.write',
    kind: 'write',
  }),
  /**
   * The complainant's identity. A separate permission, and a write: every view is journaled
   * (who, when, which grievance), so disclosure can be traced.
   */
  'grievances.getIdentity': command({
    input: z.object({ id, purpose: requiredText(300) }),
    output: z.object({ anonymous: z.boolean(), complainant: complainant.nullable() }),
    access: 'grievances.identity',
    kind: 'write',
  }),
  /** Companies with a retaliation concern raised in a grievance (ICoC ¶67: no retaliation). */
  'grievances.retaliationFlags': command({
    input: z.object({ companyId: id.nullish() }),
    output: z.array(z.object({ companyId: z.string(), companyName: z.string(), grievances: z.number().int(), open: z.number().int(), lastAt: z.string() })),
    access: 'grievances.read',
    kind: 'read',
  }),
};
