import { RETURN_FIELDS, type ReturnField, type ReturnSheet } from '../../../shared/model/returns.ts';
import { enumValue, fold } from '../../../shared/model/returnsSynonyms.ts';
import { normaliseCalibre } from '../../../shared/model/returnsCalibre.ts';
import { SHIPPED_CALIBRES, type CalibreList } from '../../../shared/model/calibres.ts';
import { detectHeader, planColumns, sheetFromName, type ColumnAnswers, type ColumnPlan } from './mapping.ts';
import type { ProblemList } from './problems.ts';
import type { Cell, TableSink } from './read/types.ts';
import type { RecordStore, ReturnRecord } from './records.ts';
import { cellText, idText, isNullish, orderEvidence, parseIntCell, pendingDate } from './values.ts';

/** What the officer is asked when the importer will not guess. */
export type Question =
  | { kind: 'column'; file: string; sheet: string | null; returnSheet: ReturnSheet; column: string; key: string; options: string[] }
  | { kind: 'dateOrder'; file: string; samples: string[] };

export interface SheetSummary {
  file: string;
  sheetName: string | null;
  returnSheet: ReturnSheet | null;
  headerRow: number | null;
  rows: number;
  mapping: { column: string; field: string | null }[];
}

const HEADER_SCAN_ROWS = 30;
const AUX_SHEETS = new Set(['lists', 'listas', 'instrucciones', 'instructions', 'instrucoes', 'listas desplegables']);

/**
 * Turns one file's tables into typed records, collecting every problem. Implements the
 * reader's sink: rows arrive one at a time; the first rows are held until the header is found.
 */
export class FileParser implements TableSink {
  /** Data rows this file added to the store. */
  recordCount = 0;
  readonly sheets: SheetSummary[] = [];
  readonly questions: Question[] = [];
  /** Sheets with headers and no rows: fine beside other data (no ammunition to declare), an error when the whole file is empty. */
  readonly emptySheets: { sheet: string | null; row: number | null }[] = [];
  /** Day/month evidence over every date cell of the file. */
  readonly evidence = { dmy: 0, mdy: 0, ambiguous: 0, samples: [] as string[] };
  private buffer: { n: number; cells: Cell[] }[] = [];
  private sheetName: string | null = null;
  private current: {
    sheet: ReturnSheet; plan: ColumnPlan; summary: SheetSummary; cols: Record<string, string>; context: number;
    /** The template's fields in order, each with the columns mapped to it (worked out once per sheet, not per row). */
    fields: { def: ReturnField; columns: number[] }[];
  } | null = null;
  private skipped = false;
  private readonly file: string;
  private readonly problems: ProblemList;
  private readonly answers: (sheet: ReturnSheet) => ColumnAnswers;
  private readonly onRow: () => void;
  private readonly calibres: CalibreList;
  private readonly store: RecordStore;

  constructor(opts: { file: string; store: RecordStore; problems: ProblemList; answers: (sheet: ReturnSheet) => ColumnAnswers; onRow?: () => void; calibres?: CalibreList }) {
    this.calibres = opts.calibres ?? SHIPPED_CALIBRES;
    this.store = opts.store;
    this.file = opts.file;
    this.problems = opts.problems;
    this.answers = opts.answers;
    this.onRow = opts.onRow ?? (() => {});
  }

  startSheet(name: string | null): void {
    this.sheetName = name;
    this.buffer = [];
    this.current = null;
    // The template's own instructions and drop-down lists are not data.
    this.skipped = name !== null && AUX_SHEETS.has(fold(name));
  }

  row(n: number, cells: Cell[]): void {
    this.onRow();
    if (this.skipped) return;
    if (cells.every((c) => cellText(c) === '')) return; // blank and trailing empty rows
    if (this.current) { this.data(n, cells); return; }
    this.buffer.push({ n, cells });
    if (this.buffer.length >= HEADER_SCAN_ROWS) this.findHeader();
  }

  endSheet(): void {
    if (!this.current && !this.skipped) this.findHeader(true);
    if (this.current && this.current.summary.rows === 0) this.emptySheets.push({ sheet: this.sheetName, row: this.current.summary.headerRow });
    this.current = null;
  }

  private findHeader(atEnd = false): void {
    const hint = sheetFromName(this.sheetName) ?? sheetFromName(this.file);
    const found = detectHeader(this.buffer, hint, hint ? this.answers(hint) : {}) ?? (hint ? detectHeader(this.buffer, null) : null);
    if (!found) {
      // A workbook's extra sheets (instructions, lists) are skipped quietly when the file has other sheets.
      if (this.buffer.length || atEnd) {
        const known = sheetFromName(this.sheetName);
        const isTemplateAux = this.sheetName !== null && !known;
        this.problems.add({
          file: this.file, sheet: this.sheetName, row: null, column: null,
          code: isTemplateAux ? 'SHEET_UNKNOWN' : 'HEADER_NOT_FOUND', params: { sheet: this.sheetName ?? '' },
        });
      }
      this.skipped = true;
      this.buffer = [];
      return;
    }
    const header = this.buffer[found.index];
    const answers = this.answers(found.sheet);
    const plan = planColumns(header.cells, found.sheet, answers);
    const summary: SheetSummary = {
      file: this.file, sheetName: this.sheetName, returnSheet: found.sheet, headerRow: header.n, rows: 0,
      mapping: plan.headers.map((h, i) => ({ column: h, field: plan.fields[i] })).filter((m) => m.column !== ''),
    };
    this.sheets.push(summary);
    const loc = { file: this.file, sheet: this.sheetName, row: header.n };
    for (const u of plan.unmapped) {
      this.problems.add({ ...loc, column: u.header, code: 'UNMAPPED_COLUMN', params: {} });
      const used = new Set(plan.fields.filter(Boolean));
      this.questions.push({
        kind: 'column', file: this.file, sheet: this.sheetName, returnSheet: found.sheet, column: u.header, key: fold(u.header),
        options: RETURN_FIELDS[found.sheet].map((f) => f.key).filter((k) => !used.has(k)),
      });
    }
    for (const d of plan.duplicates) this.problems.add({ ...loc, column: d.headers.join(' / '), code: 'DUPLICATE_COLUMN', params: { field: d.field } });
    for (const m of plan.missingRequired) this.problems.add({ ...loc, column: m, code: 'REQUIRED_COLUMN_MISSING', params: { field: m } });
    const cols: Record<string, string> = {};
    plan.fields.forEach((f, i) => { if (f) cols[f] ??= plan.headers[i]; });
    const fields = RETURN_FIELDS[found.sheet]
      .map((def) => ({ def, columns: plan.fields.flatMap((f, i) => (f === def.key ? [i] : [])) }))
      .filter((x) => x.columns.length > 0);
    this.current = { sheet: found.sheet, plan, summary, cols, context: this.store.context(this.file, found.sheet, this.sheetName, cols), fields };
    const rest = this.buffer.slice(found.index + 1);
    this.buffer = [];
    for (const r of rest) this.data(r.n, r.cells);
  }

  private data(n: number, cells: Cell[]): void {
    const cur = this.current!;
    cur.summary.rows++;
    const rec: ReturnRecord = { file: this.file, sheet: cur.sheet, sheetName: this.sheetName, row: n, v: {}, dates: null, cols: cur.cols };
    for (const { def, columns } of cur.fields) {
      const list: Cell[] = [];
      for (const i of columns) {
        const c = cells[i] ?? null;
        if (c !== null && typeof c === 'object' && !(c instanceof Date)) {
          this.problems.add({ file: this.file, sheet: this.sheetName, row: n, column: cur.plan.headers[i], code: 'FORMULA_VALUE', params: {} });
        }
        list.push(c);
      }
      this.cellValue(rec, def, list);
    }
    this.store.add(cur.context, n, rec.v, rec.dates);
    this.recordCount++;
  }

  private cellValue(rec: ReturnRecord, def: ReturnField, cells: Cell[]): void {
    // Declared, not built: this runs for every cell of a national return, and most have no problem.
    const problem = (code: Parameters<ProblemList['add']>[0]['code'], params: Record<string, string | number> = {}) =>
      this.problems.add({ file: this.file, sheet: this.sheetName, row: rec.row, column: rec.cols[def.key] ?? def.key, code, params: { field: def.key, ...params } });
    if (def.type === 'date') {
      const p = cells.length === 1 ? pendingDate(cells[0]) : null;
      if (!p) { if (def.required) problem('REQUIRED_MISSING'); rec.v[def.key] = null; return; }
      if ('bad' in p) { problem('BAD_DATE', { value: cellText(cells[0]).slice(0, 40) }); rec.v[def.key] = null; return; }
      const e = orderEvidence(p);
      if (e) {
        this.evidence[e]++;
        if (e === 'ambiguous' && this.evidence.samples.length < 5) this.evidence.samples.push(cellText(cells[0]));
      }
      if ('iso' in p) rec.v[def.key] = p.iso;
      else (rec.dates ??= {})[def.key] = p;
      return;
    }
    // Several columns join only into a text field (first + last name); for any other type the first one counts (DUPLICATE_COLUMN was reported).
    const raw = cells.length === 1 || def.type !== 'text' ? oneText(cells[0]) : cells.map((c) => cellText(c)).filter((s) => !isNullish(s)).join(' ').replace(/\s+/g, ' ').trim();
    if (!raw) { if (def.required) problem('REQUIRED_MISSING'); rec.v[def.key] = null; return; }
    switch (def.type) {
      case 'int': {
        const n = parseIntCell(cells[0]);
        if (n === null) problem('BAD_NUMBER', { value: raw.slice(0, 40) });
        rec.v[def.key] = n;
        return;
      }
      case 'enum':
      case 'yesno': {
        const v = enumValue(def.key === 'armed' ? 'armed' : def.key, raw, def.values ?? []);
        if (!v) problem('UNKNOWN_ENUM', { value: raw.slice(0, 60), allowed: (def.values ?? []).join(', ') });
        rec.v[def.key] = v;
        return;
      }
      case 'calibre': {
        const v = normaliseCalibre(raw, this.calibres);
        if (!v) problem('UNKNOWN_CALIBRE', { value: raw.slice(0, 40) });
        rec.v[def.key] = v;
        return;
      }
      default: {
        const v = idText(raw);
        if (def.maxLength && v.length > def.maxLength) { problem('TEXT_TOO_LONG', { max: def.maxLength, length: v.length }); rec.v[def.key] = null; return; }
        rec.v[def.key] = v;
      }
    }
  }
}

/** One cell's text with runs of white space made one space, or '' for the null spellings; the common case, kept cheap. */
function oneText(c: Cell): string {
  const t = cellText(c);
  if (t === '' || isNullish(t)) return '';
  return /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}
