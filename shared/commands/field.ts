import { z } from 'zod';
import { command } from './define.ts';
import { id, password, requiredText, username } from './schemas.ts';

/**
 * Field packages: the office exports chosen records for an inspection team, an inspector opens
 * the package as a field copy and works offline, and the office imports the changes back.
 * Files are absolute paths on this computer (a USB drive is a folder too).
 */
const filePath = z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong');
const passphrase = z.string().min(1, 'validation.required').max(1024, 'validation.tooLong');

/** What a package may be asked for directly; `inspections` works once the audits tables exist. */
export const FIELD_ROOT_TABLES = ['companies', 'inspections'] as const;

export const fieldExportInput = z.object({
  label: requiredText(200),
  items: z.array(z.object({ table: z.enum(FIELD_ROOT_TABLES), ids: z.array(id).min(1, 'validation.fieldNothingChosen').max(5000) })).min(1, 'validation.fieldNothingChosen').max(20),
  /** The team: users who may open the package, each with a signing key of their own. */
  memberIds: z.array(id).min(1, 'validation.fieldNoMembers').max(20),
  passphrase,
  path: filePath,
});

export const fieldExportOutput = z.object({
  exportId: z.string(),
  packageId: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  counts: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  agencyFingerprint: z.string(),
});

export const FIELD_ITEM_STATUSES = ['apply', 'conflict', 'same', 'superseded', 'missing'] as const;
export type FieldItemStatus = (typeof FIELD_ITEM_STATUSES)[number];

export const fieldPlanItem = z.object({
  table: z.string(),
  rowId: z.string(),
  /** `*` for a record created in the field. */
  column: z.string(),
  /** A human name for the record (a company's legal name, a file's name). */
  record: z.string().nullable(),
  status: z.enum(FIELD_ITEM_STATUSES),
  base: z.string().nullable(),
  office: z.string().nullable(),
  field: z.string().nullable(),
  hlc: z.string(),
});
export type FieldPlanItem = z.infer<typeof fieldPlanItem>;

export const fieldPreview = z.object({
  packageId: z.string(),
  exportId: z.string(),
  exportLabel: z.string(),
  inspector: z.object({ userId: z.string(), username: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  alreadyImportedAt: z.string().nullable(),
  counts: z.object({ apply: z.number().int(), conflict: z.number().int(), same: z.number().int(), superseded: z.number().int(), missing: z.number().int() }),
  /** Every conflict, then up to 500 other items. */
  items: z.array(fieldPlanItem),
});
export type FieldPreview = z.infer<typeof fieldPreview>;

export const fieldResolution = z.object({ table: z.string(), rowId: id, column: z.string(), keep: z.enum(['field', 'office']) });

export const fieldStatus = z.object({
  mode: z.enum(['office', 'field']),
  /** In a field copy: what it came from and how much has changed since. */
  package: z.object({
    exportId: z.string(), label: z.string(), agency: z.string(), agencyFingerprint: z.string(), openedAt: z.string(), changes: z.number().int(),
    counts: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  }).nullable(),
});

export const fieldExportRecord = z.object({
  id: z.string(), label: z.string(), rowCount: z.number().int(), createdAt: z.string(), createdBy: z.string().nullable(),
  members: z.array(z.string()), imports: z.number().int(),
});

const expectedWeapon = z.object({ id: z.string(), serial: z.string(), make: z.string(), state: z.string(), here: z.boolean() });

export const fieldCommands = {
  /**
   * A physical count at the inspection's site: serials typed or scanned, matched through the
   * normalised serial against the company's firearms (those in that armory, or in any armory).
   * Writes nothing; the inspector records the result on the checklist item.
   */
  'field.countWeapons': command({
    input: z.object({ inspectionId: id, serials: z.array(z.string().max(200, 'validation.tooLong')).max(5000) }),
    output: z.object({
      expected: z.number().int(),
      present: z.array(expectedWeapon), missing: z.array(expectedWeapon),
      extra: z.array(z.object({ serial: z.string(), known: expectedWeapon.nullable() })),
      repeated: z.array(z.string()), unreadable: z.array(z.string()),
    }),
    access: 'field.return',
    kind: 'read',
  }),
  'field.status': command({ input: z.object({}).default({}), output: fieldStatus, access: 'signedIn', kind: 'read' }),
  /** Office: writes an encrypted, signed package of the chosen records and their related rows. */
  'field.exportPackage': command({ input: fieldExportInput, output: fieldExportOutput, access: 'field.export', kind: 'write' }),
  /** Office: people who can be on a team (active users), for the export dialog. */
  'field.listMembers': command({
    input: z.object({}).default({}),
    output: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.string() })),
    access: 'field.export',
    kind: 'read',
  }),
  'field.listExports': command({ input: z.object({}).default({}), output: z.array(fieldExportRecord), access: 'field.export', kind: 'read' }),
  /** Office: what a return package would change, with conflicts; writes nothing. */
  'field.previewImport': command({ input: z.object({ path: filePath, passphrase }), output: fieldPreview, access: 'field.import', kind: 'read' }),
  /** Office: applies a return package in one transaction; every conflict needs a decision. */
  'field.applyImport': command({
    input: z.object({ path: filePath, passphrase, resolutions: z.array(fieldResolution).max(100_000).default([]) }),
    output: z.object({ packageId: z.string(), applied: z.number().int(), keptOffice: z.number().int(), skipped: z.number().int(), records: z.number().int() }),
    access: 'field.import',
    kind: 'write',
  }),
  /** Field laptop: opens an export package as a new field copy, signed in as one team member. */
  'field.openPackage': command({
    input: z.object({ path: filePath, passphrase, username, password }),
    output: z.object({ workspaceId: z.string(), counts: z.array(z.object({ table: z.string(), rows: z.number().int() })) }),
    access: 'public',
    kind: 'session',
  }),
  /** Field copy: the return package, holding only what changed, signed by this inspector's key. */
  'field.exportReturn': command({
    input: z.object({ passphrase, path: filePath }),
    output: z.object({ packageId: z.string(), path: z.string(), sizeBytes: z.number().int(), sets: z.number().int(), inserts: z.number().int() }),
    access: 'field.return',
    kind: 'write',
  }),
};
