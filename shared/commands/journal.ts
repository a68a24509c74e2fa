import { z } from 'zod';
import { command } from './define.ts';
import { isoDate } from './schemas.ts';

export const journalEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  command: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  digest: z.string(),
  hash: z.string(),
});
export type JournalEntry = z.infer<typeof journalEntry>;

export const journalCommands = {
  'journal.list': command({
    input: z.object({
      username: z.string().trim().max(40).nullish(),
      entityType: z.string().trim().max(40).nullish(),
      entityId: z.string().trim().max(60).nullish(),
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(journalEntry), total: z.number().int() }),
    access: 'journal.read',
    kind: 'read',
  }),
  /** Recomputes the hash chain; reports the first broken link (edited, deleted or reordered row). */
  'journal.verify': command({
    input: z.object({}).default({}),
    output: z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable(), headHash: z.string().nullable() }),
    access: 'journal.verify',
    kind: 'read',
  }),
};
