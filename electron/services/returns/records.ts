import { RETURN_FIELDS, type ReturnSheet } from '../../../shared/model/returns.ts';
import { pendingDate, type PendingDate } from './values.ts';

/** One data row of a return, typed; dates settle once the file's day/month order is known. */
export interface ReturnRecord {
  file: string;
  sheet: ReturnSheet;
  sheetName: string | null;
  row: number;
  v: Record<string, string | number | null>;
  /** Only dates still waiting for the file's day/month order (most rows have none). */
  dates: Record<string, PendingDate> | null;
  /** Header text per field, to name the column in problems; one object shared by the sheet's rows. */
  cols: Record<string, string>;
}

/** What every row of one sheet of one file shares. */
interface SheetContext {
  file: string; sheet: ReturnSheet; sheetName: string | null; cols: Record<string, string>;
  keys: string[];
  /** Fields whose values are numbers (the rest are text, or null). */
  numeric: boolean[];
}

// One row is one string: context, row number, then each field of the template in order, separated
// by US (unit separator). An empty slot is null; STX starts a date still waiting for its file's
// day/month order (its cell text follows); ETX starts a value that had to be JSON-quoted because
// it contained one of these characters itself.
const SEP = '\x1f';
const PENDING = '\x02';
const QUOTED = '\x03';
const needsQuoting = /[\x1f\x02\x03]/;

/**
 * A return's rows, held compactly between reading and commit: each row is one string and a
 * `ReturnRecord` is made only while a step looks at it. A national return has 600,000 rows or
 * more; as objects (a record, its values, one string per cell) they took over a gigabyte, as
 * packed strings under a tenth of that, and the short-lived objects each step makes are the
 * cheapest kind for the garbage collector.
 */
export class RecordStore implements Iterable<ReturnRecord> {
  private readonly rows: string[] = [];
  private readonly contexts: SheetContext[] = [];
  /** Indexes of rows holding dates that wait for their file's day/month order, in order. */
  readonly pendingDates: number[] = [];

  /** Registers the shared part of a sheet's rows; returns the handle `add` takes. */
  context(file: string, sheet: ReturnSheet, sheetName: string | null, cols: Record<string, string>): number {
    const fields = RETURN_FIELDS[sheet];
    this.contexts.push({ file, sheet, sheetName, cols, keys: fields.map((f) => f.key), numeric: fields.map((f) => f.type === 'int') });
    return this.contexts.length - 1;
  }

  get length(): number { return this.rows.length; }

  add(context: number, row: number, v: Record<string, string | number | null>, dates: Record<string, PendingDate> | null): number {
    if (dates) this.pendingDates.push(this.rows.length);
    this.rows.push(this.pack(context, row, v, dates));
    return this.rows.length - 1;
  }

  /** Drops the rows added after the first `n` (a file that could not be read adds nothing). */
  truncate(n: number): void {
    this.rows.length = Math.min(this.rows.length, n);
    while (this.pendingDates.length && this.pendingDates[this.pendingDates.length - 1] >= n) this.pendingDates.pop();
  }

  get(i: number): ReturnRecord {
    const a = this.rows[i].split(SEP);
    const c = this.contexts[Number(a[0])];
    const v: Record<string, string | number | null> = {};
    let dates: Record<string, PendingDate> | null = null;
    for (let k = 0; k < c.keys.length; k++) {
      const s = a[k + 2];
      if (s === '') v[c.keys[k]] = null;
      else if (s[0] === PENDING) {
        v[c.keys[k]] = null;
        (dates ??= {})[c.keys[k]] = pendingDate(s.slice(1))!;
      } else if (s[0] === QUOTED) v[c.keys[k]] = JSON.parse(s.slice(1)) as string | number;
      else v[c.keys[k]] = c.numeric[k] ? Number(s) : s;
    }
    return { file: c.file, sheet: c.sheet, sheetName: c.sheetName, row: Number(a[1]), v, dates, cols: c.cols };
  }

  /** Writes back a record read with `get` (dates settled, for instance). */
  set(i: number, r: ReturnRecord): void {
    const context = Number(this.rows[i].slice(0, this.rows[i].indexOf(SEP)));
    this.rows[i] = this.pack(context, r.row, r.v, r.dates);
  }

  *[Symbol.iterator](): Iterator<ReturnRecord> {
    for (let i = 0; i < this.rows.length; i++) yield this.get(i);
  }

  private pack(context: number, row: number, v: Record<string, string | number | null>, dates: Record<string, PendingDate> | null): string {
    const c = this.contexts[context];
    let s = `${context}${SEP}${row}`;
    for (let k = 0; k < c.keys.length; k++) {
      const key = c.keys[k];
      const p = dates?.[key];
      const x = v[key];
      s += SEP;
      if (p && 'raw' in p) s += PENDING + (needsQuoting.test(p.raw) ? p.raw.replace(/[\x1f\x02\x03]/g, ' ') : p.raw);
      else if (x === null || x === undefined) continue;
      else if (typeof x === 'number' ? !c.numeric[k] : c.numeric[k] || x === '' || needsQuoting.test(x)) s += QUOTED + JSON.stringify(x);
      else s += x;
    }
    return s;
  }
}
