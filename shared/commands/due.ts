import { z } from 'zod';
import { command } from './define.ts';
import { id } from './schemas.ts';
import { DUE_ENTITY_TYPES, DUE_KINDS, DUE_WINDOWS } from '../model/due.ts';

export const dueRow = z.object({
  kind: z.enum(DUE_KINDS),
  entityType: z.enum(DUE_ENTITY_TYPES),
  entityId: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  /** What is due, in the register's words: a licence number, a person's name, a policy… */
  subject: z.string(),
  /** The subject is a catalogue key (e.g. `due.subject.guarantee`), not text. */
  subjectIsKey: z.boolean(),
  reference: z.string().nullable(),
  dueOn: z.string(),
  /** Negative when overdue. */
  daysLeft: z.number().int(),
});
export type DueRow = z.infer<typeof dueRow>;

export const dueQuery = z.object({
  window: z.enum(DUE_WINDOWS).default('30'),
  kinds: z.array(z.enum(DUE_KINDS)).max(DUE_KINDS.length).default([]),
  companyId: id.nullish(),
});
export type DueQuery = z.input<typeof dueQuery>;

export const timelineItem = z.object({
  at: z.string(),
  /** The source that produced it (licence, sanction, journal…). */
  source: z.string(),
  /** A catalogue key and its params, so the renderer shows it in the officer's language. */
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  detail: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  username: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

/**
 * Deadlines across the register (one SQL query per source, paged) and a company's timeline.
 * The home screen shows `due.counts` as cards.
 */
export const dueCommands = {
  'due.list': command({
    input: dueQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ rows: z.array(dueRow), total: z.number().int() }),
    access: 'due.read',
    kind: 'read',
  }),
  /** How many items each kind has overdue and within 30, 60 and 90 days (cumulative windows). */
  'due.counts': command({
    input: z.object({ companyId: id.nullish() }).default({}),
    output: z.array(z.object({ kind: z.enum(DUE_KINDS), overdue: z.number().int(), d30: z.number().int(), d60: z.number().int(), d90: z.number().int() })),
    access: 'due.read',
    kind: 'read',
  }),
  'due.export': command({
    input: dueQuery.extend({ format: z.enum(['csv', 'xlsx']), language: z.enum(['es', 'en']).default('es') }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string(), rows: z.number().int() }),
    access: 'due.read',
    kind: 'read',
  }),
  /**
   * What the calendar expired today in this workspace (credentials, licences, certifications past
   * their date), and anything it could not; null until the daily upkeep has run today.
   */
  'due.expiredToday': command({
    input: z.object({}).default({}),
    output: z.object({
      day: z.string(), lastRunAt: z.string(),
      credentials: z.number().int(), licences: z.number().int(), certifications: z.number().int(),
      failed: z.array(z.object({ entityType: z.string(), entityId: z.string(), messageKey: z.string() })),
    }).nullable(),
    access: 'due.read',
    kind: 'read',
  }),
  /** Everything that happened to a company, newest first: licences, sanctions, journal entries. */
  'timeline.list': command({
    input: z.object({ companyId: id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ items: z.array(timelineItem), hasMore: z.boolean() }),
    access: 'companies.read',
    kind: 'read',
  }),
};
