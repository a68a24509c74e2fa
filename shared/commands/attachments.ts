import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText } from './schemas.ts';
import { ATTACHMENT_MIMES, ATTACHMENT_OWNER_TYPES } from '../model/attachments.ts';

const owner = { ownerType: z.enum(ATTACHMENT_OWNER_TYPES), ownerId: id };

export const attachmentMeta = z.object({
  id: z.string(),
  ownerType: z.enum(ATTACHMENT_OWNER_TYPES),
  ownerId: z.string(),
  kind: z.string(),
  filename: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  size: z.number().int(),
  sha256: z.string(),
  documentDate: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

/**
 * Documents and photos kept encrypted in the workspace. The gate checks the generic
 * permission; the handler also checks the owner's own read/write permission (a person's
 * photo needs personnel rights, an inspection photo inspection rights).
 */
export const attachmentsCommands = {
  /** `base64` is the whole file; its type is taken from its first bytes, never its name. */
  'attachments.add': command({
    input: z.object({
      ...owner,
      kind: requiredText(60),
      filename: requiredText(200),
      base64: z.string().min(1, 'validation.required').max(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 8, 'validation.fileTooLarge'),
      documentDate: isoDate.nullish().transform((v) => v ?? null),
      note: optionalText(1000),
    }),
    output: attachmentMeta,
    access: 'attachments.write',
    kind: 'write',
  }),
  'attachments.list': command({
    input: z.object(owner),
    output: z.array(attachmentMeta),
    access: 'attachments.read',
    kind: 'read',
  }),
  /** The file itself, for viewing in the app or saving; checked against its SHA-256 on the way out. */
  'attachments.get': command({
    input: z.object({ id }),
    output: attachmentMeta.extend({ base64: z.string() }),
    access: 'attachments.read',
    kind: 'read',
  }),
};
