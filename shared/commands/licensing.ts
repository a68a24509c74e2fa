import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText, sortDir } from './schemas.ts';
import { SERVICE_TYPES } from '../model/company.ts';
import { ADVANCE_ACTIONS, DECISION_ACTIONS, LICENCE_STATES, RECOMMENDATIONS, type LicenceAction } from '../model/licenceLifecycle.ts';
import { validatePattern } from '../model/numberPattern.ts';

/** What the administrator configures for each kind of licence the agency issues. */
export const licenceTypeFields = z.object({
  name: requiredText(200),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)).min(1, 'validation.serviceTypes').transform((a) => [...new Set(a)]),
  validityMonths: z.number().int('validation.integer').min(1, 'validation.range').max(240, 'validation.range'),
  processingDays: z.number().int('validation.integer').min(1, 'validation.range').max(3650, 'validation.range'),
  renewalWindowDays: z.number().int('validation.integer').min(0, 'validation.range').max(3650, 'validation.range'),
  requiredDocuments: z.array(requiredText(200)).max(60, 'validation.tooMany'),
  numberPattern: z.string().trim().superRefine((p, ctx) => {
    const problem = validatePattern(p);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.pattern.${problem}` });
  }),
  active: z.boolean().default(true),
});
export type LicenceTypeFields = z.input<typeof licenceTypeFields>;

export const licenceType = z.object({
  id: z.string(),
  name: z.string(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  validityMonths: z.number().int(),
  processingDays: z.number().int(),
  renewalWindowDays: z.number().int(),
  requiredDocuments: z.array(z.string()),
  numberPattern: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LicenceType = z.infer<typeof licenceType>;

/** The processing clock: calendar days from submission to decision, paused while the applicant owes information. */
export const processingClock = z.object({
  status: z.enum(['not_started', 'running', 'paused', 'stopped']),
  elapsedDays: z.number().int(),
  deadlineDays: z.number().int().nullable(),
  /** Negative when overdue. */
  remainingDays: z.number().int().nullable(),
  pausedDays: z.number().int(),
});
export type ProcessingClock = z.infer<typeof processingClock>;

export const licenceRow = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  companyTaxId: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  state: z.enum(LICENCE_STATES),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  clock: processingClock,
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LicenceRow = z.infer<typeof licenceRow>;

export const licenceEvent = z.object({
  id: z.string(),
  action: z.string(),
  fromState: z.enum(LICENCE_STATES).nullable(),
  toState: z.enum(LICENCE_STATES),
  legalBasis: z.string().nullable(),
  reason: z.string().nullable(),
  sanctionId: z.string().nullable(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
});
export type LicenceEvent = z.infer<typeof licenceEvent>;

export const licenceDetail = licenceRow.extend({
  notes: z.string().nullable(),
  renewalFiledOn: z.string().nullable(),
  renewalWindowDays: z.number().int(),
  validityMonths: z.number().int(),
  recommendationBasis: z.string().nullable(),
  recommendationReason: z.string().nullable(),
  recommendedBy: z.string().nullable(),
  recommendedByName: z.string().nullable(),
  recommendedAt: z.string().nullable(),
  checklist: z.array(z.object({ position: z.number().int(), label: z.string(), receivedOn: z.string().nullable(), receivedBy: z.string().nullable() })),
  conditions: z.array(z.object({ id: z.string(), text: z.string(), dueOn: z.string().nullable(), sanctionId: z.string().nullable(), createdAt: z.string() })),
  events: z.array(licenceEvent),
  /** Inspections linked to this application (pre-licence): what the decision weighs. */
  inspections: z.array(z.object({
    id: z.string(), reference: z.string(), type: z.string(), status: z.string(),
    score: z.number().nullable(), capped: z.boolean(), issuedAt: z.string().nullable(),
  })),
  version: z.number().int(),
});
export type LicenceDetail = z.infer<typeof licenceDetail>;

export const LICENCE_SORT_COLUMNS = ['createdAt', 'companyName', 'state', 'number', 'expiresOn', 'remainingDays'] as const;
/** `overdue`: past the statutory deadline; `dueSoon`: within 7 days of it (both only for running/paused clocks). */
export const LICENCE_QUEUES = ['overdue', 'dueSoon'] as const;

export const licenceQuery = z.object({
  search: z.string().trim().max(200, 'validation.tooLong').default(''),
  state: z.enum(LICENCE_STATES).nullish(),
  /** Only applications (draft … pre-licence inspection) or only licences (granted and later). */
  stage: z.enum(['application', 'licence']).nullish(),
  queue: z.enum(LICENCE_QUEUES).nullish(),
  companyId: id.nullish(),
  typeId: id.nullish(),
  sort: z.enum(LICENCE_SORT_COLUMNS).default('createdAt'),
  dir: sortDir.default('desc'),
});
export type LicenceQuery = z.input<typeof licenceQuery>;

const legalBasis = requiredText(500);
const reason = requiredText(4000);

/**
 * Licence types, applications and licences. `licensing.advance` takes the officer's steps;
 * `licensing.decide` the supervisor's decisions (four eyes: never on one's own recommendation).
 * Both go through the one transition table in `shared/model/licenceLifecycle.ts`.
 */
export const licensingCommands = {
  'licensing.listTypes': command({
    input: z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    output: z.array(licenceType),
    access: 'licensing.read',
    kind: 'read',
  }),
  /** Creates a type (no `id`) or updates one (`id` + the `version` loaded). */
  'licensing.saveType': command({
    input: z.object({ id: id.nullish(), version: z.number().int().min(1).nullish(), fields: licenceTypeFields }),
    output: licenceType,
    access: 'licensing.configure',
    kind: 'write',
  }),
  /** A draft application for a company; its checklist is copied from the type's required documents. */
  'licensing.createApplication': command({
    input: z.object({
      companyId: id,
      typeId: id,
      serviceTypes: z.array(z.enum(SERVICE_TYPES)).min(1, 'validation.serviceTypes').transform((a) => [...new Set(a)]),
      notes: optionalText(4000),
    }),
    output: licenceDetail,
    access: 'licensing.write',
    kind: 'write',
  }),
  'licensing.list': command({
    input: licenceQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ rows: z.array(licenceRow), total: z.number().int() }),
    access: 'licensing.read',
    kind: 'read',
  }),
  'licensing.get': command({ input: z.object({ id }), output: licenceDetail, access: 'licensing.read', kind: 'read' }),
  /** The officer's steps (submit, request/receive information, start inspection, file renewal, expire). */
  'licensing.advance': command({
    input: z.object({ id, version: z.number().int().min(1), action: z.enum(ADVANCE_ACTIONS as unknown as readonly [LicenceAction, ...LicenceAction[]]), note: optionalText(4000) }),
    output: licenceDetail,
    access: 'licensing.write',
    kind: 'write',
  }),
  /** A decision (grant, refuse, renew, suspend, reinstate, revoke, surrender): legal basis and reason are stored with the decider. */
  'licensing.decide': command({
    input: z.object({ id, version: z.number().int().min(1), action: z.enum(DECISION_ACTIONS as unknown as readonly [LicenceAction, ...LicenceAction[]]), legalBasis, reason }),
    output: licenceDetail,
    access: 'licensing.decide',
    kind: 'write',
  }),
  /** The officer's recommendation after the pre-licence inspection; replaces an earlier one. */
  'licensing.recommend': command({
    input: z.object({ id, version: z.number().int().min(1), recommendation: z.enum(RECOMMENDATIONS), legalBasis, reason }),
    output: licenceDetail,
    access: 'licensing.write',
    kind: 'write',
  }),
  /** Ticks (or unticks) one required document as received. */
  'licensing.setChecklistItem': command({
    input: z.object({ id, version: z.number().int().min(1), position: z.number().int().min(0), received: z.boolean() }),
    output: licenceDetail,
    access: 'licensing.write',
    kind: 'write',
  }),
  'licensing.addCondition': command({
    input: z.object({ id, version: z.number().int().min(1), text: requiredText(2000), dueOn: isoDate.nullish().transform((v) => v ?? null) }),
    output: licenceDetail,
    access: 'licensing.write',
    kind: 'write',
  }),
};
