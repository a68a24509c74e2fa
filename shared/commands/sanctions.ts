import { z } from 'zod';
import { command } from './define.ts';
import { id, optionalText, requiredText, sortDir } from './schemas.ts';
import {
  APPEAL_OUTCOMES, DEFAULT_APPEAL_DAYS, SANCTION_ADVANCE_ACTIONS, SANCTION_DECISION_ACTIONS, SANCTION_KINDS, SANCTION_STATES, SANCTION_TARGETS,
  type SanctionAction,
} from '../model/sanctionLifecycle.ts';

export const sanctionFields = z
  .object({
    kind: z.enum(SANCTION_KINDS),
    targetType: z.enum(SANCTION_TARGETS),
    /** The licence (company) or the credential (person) sanctioned. */
    targetId: id,
    amount: z.number().finite().positive('validation.positive').max(1e12, 'validation.tooLarge').nullish().transform((v) => v ?? null),
    currency: z.string().trim().regex(/^[A-Z]{3}$/, 'validation.currency').nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    conditionText: optionalText(2000),
    legalBasis: requiredText(500),
    reason: requiredText(4000),
    appealDays: z.number().int('validation.integer').min(0, 'validation.range').max(365, 'validation.range').default(DEFAULT_APPEAL_DAYS),
  })
  .superRefine((s, ctx) => {
    // A fine names its amount and currency; an extra condition its text; other kinds neither.
    if (s.kind === 'fine' && s.amount === null) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.required' });
    if (s.kind === 'fine' && s.currency === null) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'validation.required' });
    if (s.kind !== 'fine' && s.amount !== null) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.onlyForFine' });
    if (s.kind === 'extra_condition' && !s.conditionText) ctx.addIssue({ code: 'custom', path: ['conditionText'], message: 'validation.required' });
  });
export type SanctionFields = z.input<typeof sanctionFields>;

export const sanctionEvent = z.object({
  id: z.string(),
  action: z.string(),
  fromState: z.enum(SANCTION_STATES).nullable(),
  toState: z.enum(SANCTION_STATES),
  note: z.string().nullable(),
  at: z.string(),
  username: z.string().nullable(),
});

export const sanctionRow = z.object({
  id: z.string(),
  kind: z.enum(SANCTION_KINDS),
  targetType: z.enum(SANCTION_TARGETS),
  targetId: z.string(),
  /** Licence number or credential number, for display. */
  targetLabel: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  state: z.enum(SANCTION_STATES),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  appealDays: z.number().int(),
  notifiedOn: z.string().nullable(),
  appealDeadline: z.string().nullable(),
  appealOutcome: z.enum(APPEAL_OUTCOMES).nullable(),
  finalOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdAt: z.string(),
});
export type SanctionRow = z.infer<typeof sanctionRow>;

export const sanctionDetail = sanctionRow.extend({
  conditionText: z.string().nullable(),
  legalBasis: z.string(),
  reason: z.string(),
  appealNote: z.string().nullable(),
  events: z.array(sanctionEvent),
  version: z.number().int(),
});
export type SanctionDetail = z.infer<typeof sanctionDetail>;

export const sanctionQuery = z.object({
  state: z.enum(SANCTION_STATES).nullish(),
  kind: z.enum(SANCTION_KINDS).nullish(),
  companyId: id.nullish(),
  targetId: id.nullish(),
  sort: z.enum(['createdAt', 'state', 'kind', 'appealDeadline']).default('createdAt'),
  dir: sortDir.default('desc'),
});

const advanceActions = SANCTION_ADVANCE_ACTIONS as unknown as readonly [SanctionAction, ...SanctionAction[]];
const decisionActions = SANCTION_DECISION_ACTIONS as unknown as readonly [SanctionAction, ...SanctionAction[]];

/**
 * Sanctions against a company (licence) or a person (credential), through one transition
 * table (`shared/model/sanctionLifecycle.ts`). Finalising a suspension or revocation changes
 * the licence's or credential's state in the same transaction.
 */
export const sanctionsCommands = {
  'sanctions.propose': command({ input: sanctionFields, output: sanctionDetail, access: 'sanctions.write', kind: 'write' }),
  'sanctions.list': command({
    input: sanctionQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ rows: z.array(sanctionRow), total: z.number().int() }),
    access: 'sanctions.read',
    kind: 'read',
  }),
  'sanctions.get': command({ input: z.object({ id }), output: sanctionDetail, access: 'sanctions.read', kind: 'read' }),
  /** Notify, open the appeal window, execute or record payment. */
  'sanctions.advance': command({
    input: z.object({ id, version: z.number().int().min(1), action: z.enum(advanceActions), note: optionalText(2000) }),
    output: sanctionDetail,
    access: 'sanctions.write',
    kind: 'write',
  }),
  /** Finalise (with the appeal outcome) or annul. */
  'sanctions.decide': command({
    input: z.object({
      id,
      version: z.number().int().min(1),
      action: z.enum(decisionActions),
      appealOutcome: z.enum(APPEAL_OUTCOMES).nullish().transform((v) => v ?? null),
      /** A `reduced` appeal sets the new fine amount. */
      reducedAmount: z.number().finite().positive('validation.positive').nullish().transform((v) => v ?? null),
      note: requiredText(2000),
    }),
    output: sanctionDetail,
    access: 'sanctions.decide',
    kind: 'write',
  }),
};
