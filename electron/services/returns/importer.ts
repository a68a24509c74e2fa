import { uuidv7 } from '../../../shared/ids.ts';
import { RETURN_SHEETS, type DateOrder, type ReturnSheet } from '../../../shared/model/returns.ts';
import { normaliseNationalId, normaliseSerial } from '../../../shared/model/returnsCalibre.ts';
import type { Language } from '../../../shared/i18n/index.ts';
import type { Db } from '../../store/db.ts';
import type { ColumnAnswers } from './mapping.ts';
import { FileParser, type Question, type SheetSummary } from './parse.ts';
import { FirstByKey, RecordStore, type ReturnRecord } from './records.ts';
import { describeProblem, ImportCancelled, ImportProblem, ProblemList } from './problems.ts';
import { readCsv } from './read/csv.ts';
import { readOds } from './read/ods.ts';
import { sniffFormat } from './read/sniff.ts';
import type { ReadInfo } from './read/types.ts';
import { readXlsx } from './read/xlsx.ts';
import { reconcile, type DiffLine, type Flag, type SheetCounts } from './reconcile.ts';
import { companyResolver, registerPersonnel, workspaceCalibres } from './register.ts';
import { commitBatch, type BatchHeader } from './commit.ts';
import type { PipelinedWriter } from './batchWriter.ts';
import type { PendingDate } from './values.ts';

export interface ImportRequest {
  files: { name: string; bytes: Uint8Array }[];
  year: number;
  dryRun: boolean;
  /** Answers per template sheet: folded header → field ('' ignores the column). */
  answers: Partial<Record<ReturnSheet, ColumnAnswers>>;
  /** Per file name, or '*' for every file: the day/month order the officer chose. */
  dateOrder: Record<string, DateOrder>;
  language: Language;
  user: { id: string | null; username: string | null };
  now: string;
  /**
   * Let each file's bytes go once it is read (the request's entries are emptied): for callers that
   * own the request, as the worker and the command line do. A national return's files are the
   * largest thing an import holds, and nothing after reading needs them.
   */
  releaseFiles?: boolean;
  /** The batch's id, chosen by the caller (the job looks the batch up if its worker dies after the commit). */
  batchId?: string;
}

export type Phase = 'reading' | 'validating' | 'reconciling' | 'committing' | 'finished';

export interface ImportHooks {
  progress?: (phase: Phase, done: number, total: number) => void;
  /** Checked between rows; true stops the job (a commit in progress rolls back). */
  cancelled?: () => boolean;
  /**
   * A writer thread for the commit (the import worker and the bench give one, see batchWriter.ts):
   * rows are inserted, inside a transaction not yet committed, while the files are still being
   * read. Without it the commit runs after the checks, in this thread. Either way, all or nothing.
   */
  pipeline?: (header: BatchHeader, onWritten: (rows: number) => void) => PipelinedWriter;
}

export interface FileReport extends Partial<ReadInfo> {
  file: string;
  dateOrder: DateOrder | null;
  sheets: SheetSummary[];
}

/** The importer's answer: the same object the app shows and `centinela import --json` prints. */
export interface ImportReport {
  year: number;
  dryRun: boolean;
  committed: boolean;
  batchId: string | null;
  files: FileReport[];
  counts: Record<ReturnSheet, SheetCounts>;
  errors: ReturnType<typeof describeProblem>[];
  warnings: ReturnType<typeof describeProblem>[];
  problemsNotListed: number;
  flags: Flag[];
  questions: Question[];
  diff: DiffLine[];
}

const PERIOD_END = (year: number) => `${year}-12-31`;
const CREDENTIAL_ROLES = new Set(['guard', 'armed_guard', 'escort', 'supervisor']);

/**
 * Runs one import end to end: read every file, map columns and values, validate every row,
 * reconcile against earlier returns, and (unless it is a dry run or there are errors) commit
 * the whole return as one batch in one transaction. The app's worker and the command line
 * both call this, so they cannot disagree.
 */
export async function runImport(db: Db, req: ImportRequest, hooks: ImportHooks = {}): Promise<ImportReport> {
  const problems = new ProblemList();
  const records = new RecordStore();
  const questions: Question[] = [];
  const files: FileReport[] = [];
  const progress = hooks.progress ?? (() => {});
  const checkCancel = () => { if (hooks.cancelled?.()) throw new ImportCancelled(); };
  let committing = false;
  const header: BatchHeader = { batchId: req.batchId ?? uuidv7(), year: req.year, user: req.user, now: req.now };
  const writer = !req.dryRun && hooks.pipeline ? hooks.pipeline(header, (n) => { if (committing) progress('committing', n, records.length); }) : null;
  if (writer) records.listen(writer);
  try {
  let rowsRead = 0;
  const calibres = workspaceCalibres(db);
  // Rows to read, for the progress bar: line breaks in text files; unknown (0) for spreadsheets.
  const badDate = (r: ReturnRecord, field: string, p: PendingDate) => {
    problems.add({ file: r.file, sheet: r.sheetName, row: r.row, column: r.cols[field] ?? field, code: 'BAD_DATE', params: { field, value: 'raw' in p ? p.raw : '' } });
  };
  const estimate = req.files.every((f) => f.bytes[0] !== 0x50) ? req.files.reduce((n, f) => n + countLines(f.bytes), 0) : 0;

  // 1. Read and map.
  for (const f of req.files) {
    progress('reading', rowsRead, estimate);
    const report: FileReport = { file: f.name, dateOrder: null, sheets: [] };
    files.push(report);
    const chosen = req.dateOrder[f.name] ?? req.dateOrder['*'] ?? null;
    // With a writer waiting for rows, the file's day/month order is taken as soon as it is known
    // (chosen, or proven by a day above 12) so its rows can go; a contradiction later is an error.
    let early = false;
    if (writer && chosen) { records.orderKnown(chosen, badDate); early = true; }
    const parser: FileParser = new FileParser({
      file: f.name, store: records, problems, answers: (s) => req.answers[s] ?? {}, calibres,
      onRow: () => {
        if (writer && !early) {
          const ev = parser.evidence;
          const proven = ev.dmy > 0 && ev.mdy === 0 ? 'dmy' : ev.mdy > 0 && ev.dmy === 0 ? 'mdy' : null;
          if (proven) { records.orderKnown(proven, badDate); early = true; }
        }
        if (++rowsRead % 5000 === 0) { checkCancel(); progress('reading', rowsRead, Math.max(estimate, rowsRead)); }
      },
    });
    const before = records.length;
    try {
      const format = sniffFormat(f.name, f.bytes);
      const info = format === 'csv' ? readCsv(f.name, f.bytes, parser) : format === 'xlsx' ? readXlsx(f.name, f.bytes, parser) : readOds(f.name, f.bytes, parser);
      Object.assign(report, info);
    } catch (e) {
      if (!(e instanceof ImportProblem)) throw e;
      problems.add({ file: f.name, sheet: null, row: (e.params.row as number | undefined) ?? null, column: null, code: e.code, params: e.params });
      records.truncate(before);
      records.endFile();
      report.sheets = parser.sheets;
      if (req.releaseFiles) release(f);
      continue;
    }
    report.sheets = parser.sheets;
    if (req.releaseFiles) release(f);
    if (parser.recordCount === 0) {
      for (const e of parser.emptySheets) problems.add({ file: f.name, sheet: e.sheet, row: e.row, column: null, code: 'HEADER_ONLY', params: {} });
    }
    if (!parser.sheets.length && !problems.items.some((p) => p.file === f.name && p.severity === 'error')) {
      problems.add({ file: f.name, sheet: null, row: null, column: null, code: 'HEADER_NOT_FOUND', params: {} });
    }
    // 2. The file's day/month order: chosen by the officer, or proven by a day above 12; otherwise asked.
    const ev = parser.evidence;
    let order: DateOrder | null = chosen;
    if (!order) {
      if (ev.dmy > 0 && ev.mdy === 0) order = 'dmy';
      else if (ev.mdy > 0 && ev.dmy === 0) order = 'mdy';
      else if (ev.ambiguous > 0 || (ev.dmy > 0 && ev.mdy > 0)) {
        problems.add({ file: f.name, sheet: null, row: null, column: null, code: 'DATE_ORDER_AMBIGUOUS', params: { samples: ev.samples.join(', ') } });
        questions.push({ kind: 'dateOrder', file: f.name, samples: ev.samples });
      }
    }
    report.dateOrder = order;
    records.settleDates(order, badDate);
    records.endFile();
    questions.push(...parser.questions);
  }

  // 3. Rules across rows.
  progress('validating', 0, records.length);
  const credentialFlags = validateAcrossRows(db, req.year, req.now, records, problems);
  checkCancel();

  // 4. Reconcile.
  progress('reconciling', 0, records.length);
  let ticks = 0;
  const rec = reconcile(db, req.year, records, { tick: () => { if (++ticks % 5000 === 0) { checkCancel(); progress('reconciling', ticks, records.length); } } });
  for (const f of credentialFlags) rec.flags.push(f); // a loop: spreading 100,000+ flags overflows the call stack

  // 5. Commit: whole or nothing.
  let batchId: string | null = null;
  const canCommit = !req.dryRun && !problems.hasErrors && records.length > 0;
  if (canCommit) {
    committing = true;
    progress('committing', 0, records.length);
    const totals = {
      flags: rec.flags, counts: rec.counts, files: files.map((f) => f.file), problems: { errors: problems.errorCount, warnings: problems.warningCount },
      rows: records.length, companies: [...records.byCompany.keys()],
    };
    if (writer) {
      try {
        await writer.finish(totals);
      } catch (e) {
        checkCancel(); // a cancel while the writer finished is a cancel, not a failure
        throw e;
      }
      batchId = header.batchId;
    } else {
      batchId = commitBatch(db, {
        batchId: header.batchId, year: req.year, records, flags: rec.flags, counts: rec.counts, files: totals.files, problems: totals.problems, user: req.user, now: req.now,
        tick: (done) => { if (done % 2000 === 0) { checkCancel(); progress('committing', done, records.length); } },
      });
    }
  } else await writer?.abort();
  progress('finished', records.length, records.length);
  const described = problems.items.map((p) => ({ p, d: describeProblem(p, req.language) }));
  return {
    year: req.year, dryRun: req.dryRun, committed: !!batchId, batchId, files,
    counts: rec.counts,
    errors: described.filter((x) => x.p.severity === 'error').map((x) => x.d),
    warnings: described.filter((x) => x.p.severity === 'warning').map((x) => x.d),
    problemsNotListed: problems.dropped,
    flags: rec.flags,
    questions,
    diff: rec.diff,
  };
  } catch (e) {
    await writer?.abort(); // nothing of this import stays written
    throw e;
  }
}

/**
 * Rules that need more than one row: duplicates within a company's return, the company
 * licence, firearms assigned to people not in the return, expired credentials, future dates.
 * Returns the personnel without a valid credential (flags, not problems), found in the same pass.
 */
function validateAcrossRows(db: Db, year: number, now: string, records: RecordStore, problems: ProblemList): Flag[] {
  const resolve = companyResolver(db);
  const credentialFlags: Flag[] = [];
  const credentialValid = credentialCheck(db, year, resolve);
  const at = (r: ReturnRecord, field: string) => ({ file: r.file, sheet: r.sheetName, row: r.row, column: r.cols[field] ?? field });
  // First row of each company's national id and serial (`P|company|id`, `F|company|serial`).
  const keyOf = (r: ReturnRecord) => {
    const company = r.v.company_licence_no ? String(r.v.company_licence_no) : null;
    if (r.sheet === 'PERSONNEL' && r.v.national_id) return `P|${company}|${normaliseNationalId(String(r.v.national_id))}`;
    if (r.sheet === 'FIREARMS' && r.v.serial_no) return `F|${company}|${normaliseSerial(String(r.v.serial_no))}`;
    return '';
  };
  const seen = new FirstByKey((index) => keyOf(records.get(index)));
  const companiesWithPersonnel = new Set<string>();
  const holders: number[] = [];
  const today = now.slice(0, 10);
  let i = 0;
  for (const r of records) {
    const index = i++;
    const company = r.v.company_licence_no ? String(r.v.company_licence_no) : null;
    if (company && !resolve(company)) problems.add({ ...at(r, 'company_licence_no'), code: 'UNKNOWN_COMPANY_LICENCE', params: { value: company } });
    const key = keyOf(r);
    const first = key ? seen.firstOr(key, index) : -1;
    if (r.sheet === 'PERSONNEL' && r.v.national_id) {
      if (first >= 0) problems.add({ ...at(r, 'national_id'), code: 'DUPLICATE_NATIONAL_ID', params: { value: String(r.v.national_id), firstRow: records.get(first).row } });
      if (company) companiesWithPersonnel.add(company);
      const exp = r.v.credential_expiry as string | null;
      if (exp && exp < `${year}-12-31` && CREDENTIAL_ROLES.has(String(r.v.role))) problems.add({ ...at(r, 'credential_expiry'), code: 'EXPIRED_CREDENTIAL', params: { value: exp } });
      if (!credentialValid(r)) credentialFlags.push({ kind: 'credential_invalid', companyLicenceNo: String(r.v.company_licence_no ?? ''), nationalId: String(r.v.national_id ?? '') });
    }
    if (r.sheet === 'FIREARMS' && r.v.serial_no && first >= 0) {
      problems.add({ ...at(r, 'serial_no'), code: 'DUPLICATE_SERIAL', params: { value: String(r.v.serial_no), firstRow: records.get(first).row } });
    }
    if (r.sheet === 'FIREARMS' && r.v.assigned_to_national_id) holders.push(index);
    for (const f of ['acquired_date', 'birth_date'] as const) {
      const v = r.v[f];
      if (typeof v === 'string' && v > today) problems.add({ ...at(r, f), code: 'FUTURE_DATE', params: { value: v } });
    }
  }
  // Holders: this return's personnel for the company or, when it sent none, its last committed roster.
  const lastRoster = db.prepare(`SELECT 1 FROM return_personnel p JOIN return_batches b ON b.id = p.batch_id AND b.status = 'committed'
    WHERE p.company_licence_no = ? AND p.national_id_norm = ? LIMIT 1`);
  for (const index of holders) {
    const r = records.get(index);
    const company = String(r.v.company_licence_no ?? '');
    const nid = normaliseNationalId(String(r.v.assigned_to_national_id));
    const known = companiesWithPersonnel.has(company) ? seen.has(`P|${company}|${nid}`) : !!lastRoster.get(company, nid);
    if (!known) problems.add({ ...at(r, 'assigned_to_national_id'), code: 'ASSIGNED_NOT_IN_RETURN', params: { value: String(r.v.assigned_to_national_id) } });
  }
  return credentialFlags;
}

/**
 * A guard needs a credential in force on the return's date: the one declared and, once the
 * personnel register keeps the company's people, the register's own (someone it does not know
 * holds none). A company whose people were never entered is judged on its declaration alone:
 * otherwise a workspace that keeps only returns would flag every guard in the country.
 */
function credentialCheck(db: Db, year: number, companyOf: (licenceNo: string) => string | null): (r: ReturnRecord) => boolean {
  const people = registerPersonnel(db, PERIOD_END(year));
  return (r) => {
    if (!CREDENTIAL_ROLES.has(String(r.v.role))) return true;
    const exp = r.v.credential_expiry as string | null;
    if (!r.v.credential_no || !exp || exp < PERIOD_END(year)) return false;
    const companyId = companyOf(String(r.v.company_licence_no ?? ''));
    if (!people || !companyId || !people.keeps(companyId)) return true;
    return !!people.byId(normaliseNationalId(String(r.v.national_id ?? '')))?.credential_valid;
  };
}

/**
 * Lets a file's bytes go now rather than at the collector's next pass: a buffer that is the file's
 * alone is handed back at once (`ArrayBuffer.transfer`); a view into a shared one is only dropped.
 */
function release(f: { bytes: Uint8Array }): void {
  const b = f.bytes;
  f.bytes = new Uint8Array(0);
  const buf = b.buffer as ArrayBuffer & { detached?: boolean; transfer?: (length: number) => ArrayBuffer };
  if (b.byteOffset === 0 && b.byteLength === buf.byteLength && b.byteLength >= 1 << 20 && buf instanceof ArrayBuffer && !buf.detached) buf.transfer?.(0);
}

function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

export { RETURN_SHEETS };
