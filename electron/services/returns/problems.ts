import { PROBLEM_CODES, type ProblemCode, type ProblemSeverity } from '../../../shared/model/returns.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';

/** One problem found in a return, located precisely enough for the company to fix it. */
export interface Problem {
  file: string;
  sheet: string | null;
  /** The row number the company sees in its spreadsheet (1-based, title rows counted); null for file-level problems. */
  row: number | null;
  /** The column header as written in the file (or the template key when the column is missing). */
  column: string | null;
  code: ProblemCode;
  severity: ProblemSeverity;
  params: Record<string, string | number>;
}

/** A problem that stops reading a file at all (corrupt, empty, hostile). */
export class ImportProblem extends Error {
  readonly code: ProblemCode;
  readonly params: Record<string, string | number>;
  constructor(code: ProblemCode, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** Thrown from a cancelled job; the transaction around the commit rolls back. */
export class ImportCancelled extends Error {
  constructor() { super('cancelled'); }
}

/** Collects problems; past the cap it only counts, so a broken 600,000-row file cannot fill memory. */
export class ProblemList {
  readonly items: Problem[] = [];
  dropped = 0;
  errorCount = 0;
  warningCount = 0;
  private readonly cap: number;
  constructor(cap = 20_000) { this.cap = cap; }
  add(p: Omit<Problem, 'severity'>): void {
    const severity = PROBLEM_CODES[p.code];
    if (severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (this.items.length >= this.cap) { this.dropped++; return; }
    this.items.push({ ...p, severity });
  }
  get hasErrors(): boolean { return this.errorCount > 0; }
}

/** The problem as the contract and the command line give it: `{file, sheet, row, column, code, message}`. */
export function describeProblem(p: Problem, lang: Language) {
  return {
    file: p.file, sheet: p.sheet, row: p.row, column: p.column, code: p.code,
    message: translate(lang, `returns.problem.${p.code}`, { ...p.params, column: p.column ?? '', file: p.file }),
  };
}
