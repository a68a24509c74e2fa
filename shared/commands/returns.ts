import { z } from 'zod';
import { command } from './define.ts';
import { id, requiredText, optionalText } from './schemas.ts';
import { BATCH_STATUSES, DATE_ORDERS, FLAG_KINDS, JOB_PHASES, JOB_STATES, RETURN_SHEETS } from '../model/returns.ts';

const sheetCounts = z.object({ read: z.number(), new: z.number(), changed: z.number(), unchanged: z.number(), missing: z.number() });
const counts = z.object({ PERSONNEL: sheetCounts, FIREARMS: sheetCounts, AMMUNITION: sheetCounts });

/** A problem exactly as the command line prints it: enough for the company to find and fix the cell. */
export const returnProblem = z.object({
  file: z.string(), sheet: z.string().nullable(), row: z.number().nullable(), column: z.string().nullable(), code: z.string(), message: z.string(),
});
export type ReturnProblem = z.infer<typeof returnProblem>;

export const returnFlag = z.object({
  kind: z.enum(FLAG_KINDS), companyLicenceNo: z.string(), serialNo: z.string().optional(), nationalId: z.string().optional(),
  otherCompanyLicenceNo: z.string().optional(),
});
export type ReturnFlag = z.infer<typeof returnFlag>;

export const returnQuestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), file: z.string(), sheet: z.string().nullable(), returnSheet: z.enum(RETURN_SHEETS), column: z.string(), key: z.string(), options: z.array(z.string()) }),
  z.object({ kind: z.literal('dateOrder'), file: z.string(), samples: z.array(z.string()) }),
]);
export type ReturnQuestion = z.infer<typeof returnQuestion>;

/** What was read, detected and decided; the same object `centinela import --json` prints. */
export const importReport = z.object({
  year: z.number(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  batchId: z.string().nullable(),
  files: z.array(z.object({
    file: z.string(),
    format: z.enum(['csv', 'xlsx', 'ods']).optional(),
    encoding: z.string().nullable().optional(),
    delimiter: z.string().nullable().optional(),
    dateOrder: z.enum(DATE_ORDERS).nullable(),
    sheets: z.array(z.object({
      file: z.string(), sheetName: z.string().nullable(), returnSheet: z.enum(RETURN_SHEETS).nullable(), headerRow: z.number().nullable(), rows: z.number(),
      mapping: z.array(z.object({ column: z.string(), field: z.string().nullable() })),
    })),
  })),
  counts,
  errors: z.array(returnProblem),
  warnings: z.array(returnProblem),
  problemsNotListed: z.number(),
  flags: z.array(returnFlag),
  questions: z.array(returnQuestion),
  diff: z.array(z.object({
    sheet: z.enum(RETURN_SHEETS), companyLicenceNo: z.string(), key: z.string(), change: z.enum(['new', 'changed', 'missing']),
    fields: z.array(z.object({ field: z.string(), before: z.union([z.string(), z.number()]).nullable(), after: z.union([z.string(), z.number()]).nullable() })),
  })),
});
export type ImportReportView = z.infer<typeof importReport>;

/** Answers per template sheet: folded header → field key ('' = ignore). */
const answers = z.partialRecord(z.enum(RETURN_SHEETS), z.record(z.string().max(200), z.string().max(60)));

export const jobStatus = z.object({
  jobId: z.string(),
  state: z.enum(JOB_STATES),
  phase: z.enum(JOB_PHASES),
  done: z.number(),
  total: z.number(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  report: importReport.nullable(),
  error: z.string().nullable(),
});
export type JobStatus = z.infer<typeof jobStatus>;

export const returnBatch = z.object({
  id: z.string(), year: z.number(), status: z.enum(BATCH_STATUSES), files: z.array(z.string()), counts, rowCount: z.number(), flagCount: z.number(),
  createdAt: z.string(), createdBy: z.string().nullable(), undoneAt: z.string().nullable(), undoneBy: z.string().nullable(),
});
export type ReturnBatch = z.infer<typeof returnBatch>;

export const mappingProfile = z.object({
  id: z.string(), name: z.string(), companyLicenceNo: z.string().nullable(), answers, dateOrder: z.enum(DATE_ORDERS).nullable(), updatedAt: z.string(),
});
export type MappingProfile = z.infer<typeof mappingProfile>;

const fileDownload = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });
const MAX_FILE_B64 = Math.ceil((60 * 1024 * 1024 * 4) / 3);

/**
 * Yearly returns. An import is a job: `startImport` answers at once with a job id, the worker
 * reads, validates, reconciles and (unless a dry run, or errors) commits the whole return as
 * one batch; the screen polls `jobStatus` for the progress bar and can `cancelJob`. A batch is
 * undone as one unit.
 */
export const returnsCommands = {
  'returns.startImport': command({
    input: z.object({
      files: z.array(z.object({ name: requiredText(200), base64: z.string().min(1, 'validation.required').max(MAX_FILE_B64, 'validation.fileTooLarge') }))
        .min(1, 'validation.returnFiles').max(10, 'validation.returnFiles'),
      year: z.number().int().min(2000, 'validation.invalid').max(2100, 'validation.invalid'),
      dryRun: z.boolean().default(true),
      answers: answers.default({}),
      dateOrder: z.record(z.string().max(200), z.enum(DATE_ORDERS)).default({}),
      profileId: id.nullish(),
      language: z.enum(['es', 'en']).default('es'),
    }),
    output: z.object({ jobId: z.string() }),
    access: 'returns.import',
    kind: 'read',
  }),
  'returns.jobStatus': command({ input: z.object({ jobId: z.string().max(60) }), output: jobStatus, access: 'returns.import', kind: 'read' }),
  /** Stops the job; a commit in progress rolls back whole. */
  'returns.cancelJob': command({ input: z.object({ jobId: z.string().max(60) }), output: jobStatus, access: 'returns.import', kind: 'read' }),
  /** The job's problems as an XLSX to send back to the company; formula-looking cells neutralised. */
  'returns.exportProblems': command({
    input: z.object({ jobId: z.string().max(60), language: z.enum(['es', 'en']).default('es') }), output: fileDownload, access: 'returns.import', kind: 'read',
  }),
  /** The published template: instructions (Spanish and English), header rows and drop-down lists. */
  'returns.template': command({ input: z.object({ language: z.enum(['es', 'en']).default('es') }), output: fileDownload, access: 'returns.read', kind: 'read' }),
  'returns.listBatches': command({
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ rows: z.array(returnBatch), total: z.number() }),
    access: 'returns.read',
    kind: 'read',
  }),
  'returns.getBatch': command({
    input: z.object({ id }), output: returnBatch.extend({ flags: z.array(returnFlag) }), access: 'returns.read', kind: 'read',
  }),
  'returns.undoBatch': command({ input: z.object({ id }), output: returnBatch, access: 'returns.undo', kind: 'write' }),
  'returns.listProfiles': command({ input: z.object({}), output: z.array(mappingProfile), access: 'returns.import', kind: 'read' }),
  /** Saves (or replaces, by name) the column answers so next year's file from the same company maps itself. */
  'returns.saveProfile': command({
    input: z.object({ name: requiredText(80), companyLicenceNo: optionalText(40), answers, dateOrder: z.enum(DATE_ORDERS).nullish().transform((v) => v ?? null) }),
    output: mappingProfile,
    access: 'returns.import',
    kind: 'write',
  }),
};
