import { RETURN_FIELDS, type ReturnSheet } from '../../../shared/model/returns.ts';
import type { DateOrder } from '../../../shared/model/returns.ts';
import { pendingDate, settleDate, type PendingDate } from './values.ts';

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

/** What every row of one sheet of one file shares (what a writer thread is sent to read packed rows). */
export interface PackedContext { file: string; sheet: ReturnSheet; sheetName: string | null; cols: Record<string, string> }

interface SheetContext extends PackedContext {
  keys: string[];
  /** Fields whose values are numbers (the rest are text, or null). */
  numeric: boolean[];
}

const withFields = (c: PackedContext): SheetContext => ({ ...c, keys: RETURN_FIELDS[c.sheet].map((f) => f.key), numeric: RETURN_FIELDS[c.sheet].map((f) => f.type === 'int') });

/** Reads packed rows in another thread than the store that packed them, given their contexts as they come. */
export class Unpacker {
  private readonly contexts: SheetContext[] = [];
  context(index: number, c: PackedContext): void { this.contexts[index] = withFields(c); }
  read(packed: string): ReturnRecord { return unpack(packed, this.contexts); }
}

function unpack(packed: string, contexts: SheetContext[]): ReturnRecord {
  const a = packed.split(SEP);
  const c = contexts[Number(a[0])];
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

// One row is one string: context, row number, then each field of the template in order, separated
// by US (unit separator). An empty slot is null; STX starts a date still waiting for its file's
// day/month order (its cell text follows); ETX starts a value that had to be JSON-quoted because
// it contained one of these characters itself.
const SEP = '\x1f';
const PENDING = '\x02';
const QUOTED = '\x03';
const needsQuoting = /[\x1f\x02\x03]/;
const PENDING_SLOT = /\x02([^\x1f]*)/g;

/**
 * A return's rows, held compactly between reading and commit: each row is one string, kept as
 * UTF-8 bytes outside the JavaScript heap, and a `ReturnRecord` is made only while a step looks
 * at it. A national return has 600,000 rows or more; as objects (a record, its values, one string
 * per cell) they took over a gigabyte; as heap strings, two bytes a character whenever the file's
 * text had one character beyond Latin-1, still 130 MB for the garbage collector to walk; as bytes,
 * about 60 MB it never looks at. The short-lived objects each step makes are the cheapest kind.
 */
export class RecordStore implements Iterable<ReturnRecord> {
  private readonly rows = new Arena();
  private readonly contexts: SheetContext[] = [];
  /** Indexes of rows holding dates that wait for their file's day/month order, in order. */
  readonly pendingDates: number[] = [];
  private settled = 0;
  private listener: { context(index: number, c: PackedContext): void; row(packed: string): void } | null = null;
  private order: { order: DateOrder; bad: (r: ReturnRecord, field: string, p: PendingDate) => void } | null = null;
  /** Row indexes by company licence number and sheet, and by sheet alone, in file order: reconciliation works from these. */
  readonly byCompany = new Map<string, Map<ReturnSheet, number[]>>();
  readonly bySheet: Record<ReturnSheet, number[]> = { PERSONNEL: [], FIREARMS: [], AMMUNITION: [] };

  /** Registers the shared part of a sheet's rows; returns the handle `add` takes. */
  context(file: string, sheet: ReturnSheet, sheetName: string | null, cols: Record<string, string>): number {
    this.contexts.push(withFields({ file, sheet, sheetName, cols }));
    this.listener?.context(this.contexts.length - 1, { file, sheet, sheetName, cols });
    return this.contexts.length - 1;
  }

  /**
   * Hands every row, packed, to `listener` as soon as it is final: at once, or once its file's
   * day/month order is known (`orderKnown`). A writer thread inserts them while reading goes on.
   */
  listen(listener: { context(index: number, c: PackedContext): void; row(packed: string): void }): void {
    this.listener = listener;
  }

  /**
   * The current file's day/month order is known before its end (chosen by the officer, or proven
   * by a day above 12): its rows waiting for it settle now, and later ones as they come. Should
   * the rest of the file contradict it, the file is ambiguous, which is an error: nothing commits.
   */
  orderKnown(order: DateOrder, bad: (r: ReturnRecord, field: string, p: PendingDate) => void): void {
    this.order = { order, bad };
    this.settleDates(order, bad);
  }

  /** The end of a file: its order, if it was settled early, applies to it alone. */
  endFile(): void {
    this.order = null;
  }

  get length(): number { return this.rows.length; }

  add(context: number, row: number, v: Record<string, string | number | null>, dates: Record<string, PendingDate> | null): number {
    if (dates) this.pendingDates.push(this.rows.length);
    const packed = this.pack(context, row, v, dates);
    const i = this.rows.push(packed);
    if (!dates) this.listener?.row(packed);
    else if (this.order) this.settleDates(this.order.order, this.order.bad);
    const sheet = this.contexts[context].sheet;
    const company = String(v.company_licence_no ?? '');
    let sheets = this.byCompany.get(company);
    if (!sheets) this.byCompany.set(company, (sheets = new Map()));
    let list = sheets.get(sheet);
    if (!list) sheets.set(sheet, (list = []));
    list.push(i);
    this.bySheet[sheet].push(i);
    return i;
  }

  /** Drops the rows added after the first `n` (a file that could not be read adds nothing). */
  truncate(n: number): void {
    this.rows.truncate(n);
    for (const list of Object.values(this.bySheet)) while (list.length && list[list.length - 1] >= n) list.pop();
    for (const [company, sheets] of this.byCompany) {
      for (const [sheet, list] of sheets) {
        while (list.length && list[list.length - 1] >= n) list.pop();
        if (!list.length) sheets.delete(sheet);
      }
      if (!sheets.size) this.byCompany.delete(company);
    }
    while (this.pendingDates.length && this.pendingDates[this.pendingDates.length - 1] >= n) this.pendingDates.pop();
    this.settled = Math.min(this.settled, this.pendingDates.length);
  }

  /**
   * Settles the dates of the rows added since the last call (one file's) in the order now known,
   * or to null when it is not (the officer is asked). Rewritten in place in the packed text; a
   * row with a date that does not exist in that order goes through `bad` first, whole.
   */
  settleDates(order: DateOrder | null, bad: (r: ReturnRecord, field: string, p: PendingDate) => void): void {
    for (; this.settled < this.pendingDates.length; this.settled++) {
      const i = this.pendingDates[this.settled];
      let failed = false;
      const packed = this.rows.get(i).replace(PENDING_SLOT, (_, raw: string) => {
        const iso = settleDate(pendingDate(raw)!, order);
        if (!iso && order) failed = true;
        return iso ?? '';
      });
      if (failed) {
        const r = this.get(i);
        for (const [field, p] of Object.entries(r.dates!)) if (!settleDate(p, order)) bad(r, field, p);
      }
      this.rows.set(i, packed);
      this.listener?.row(packed);
    }
  }

  get(i: number): ReturnRecord {
    return unpack(this.rows.get(i), this.contexts);
  }

  /** Writes back a record read with `get` (dates settled, for instance). */
  set(i: number, r: ReturnRecord): void {
    const packed = this.rows.get(i);
    this.rows.set(i, this.pack(Number(packed.slice(0, packed.indexOf(SEP))), r.row, r.v, r.dates));
  }

  *[Symbol.iterator](): Iterator<ReturnRecord> {
    for (let i = 0; i < this.rows.length; i++) yield this.get(i);
  }

  private pack(context: number, row: number, v: Record<string, string | number | null>, dates: Record<string, PendingDate> | null): string {
    const c = this.contexts[context];
    const parts: (string | number)[] = [context, row];
    for (let k = 0; k < c.keys.length; k++) {
      const key = c.keys[k];
      const p = dates?.[key];
      const x = v[key];
      if (p && 'raw' in p) parts.push(PENDING + p.raw);
      else if (x === null || x === undefined) parts.push('');
      else if (typeof x === 'number' ? !c.numeric[k] : c.numeric[k] || x === '' || needsQuoting.test(x)) parts.push(QUOTED + JSON.stringify(x));
      else parts.push(x);
    }
    return parts.join(SEP);
  }
}

const BLOCK = 8 * 1024 * 1024;
const SPAN = 2 ** 32;

/** Strings stored as UTF-8 in large buffers, addressed by index; a rewritten string is appended anew. */
class Arena {
  private readonly blocks: Buffer[] = [];
  private used = 0;
  /** Per string: block index × 2³² + byte offset (exact in a double), and byte length. */
  private readonly at: number[] = [];
  private readonly bytes: number[] = [];

  get length(): number { return this.at.length; }

  push(s: string): number {
    const [at, n] = this.write(s);
    this.at.push(at);
    this.bytes.push(n);
    return this.at.length - 1;
  }

  /** Rewrites string `i`: in its old place when it fits (a settled date is shorter than the text it replaces), else appended. */
  set(i: number, s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    if (n <= this.bytes[i]) {
      const block = Math.floor(this.at[i] / SPAN);
      this.blocks[block].write(s, this.at[i] - block * SPAN, 'utf8');
      this.bytes[i] = n;
      return;
    }
    const [at] = this.write(s);
    this.at[i] = at;
    this.bytes[i] = n;
  }

  get(i: number): string {
    const at = this.at[i];
    const block = Math.floor(at / SPAN);
    const offset = at - block * SPAN;
    return this.blocks[block].toString('utf8', offset, offset + this.bytes[i]);
  }

  truncate(n: number): void {
    if (n < this.at.length) { this.at.length = n; this.bytes.length = n; }
  }

  private write(s: string): [number, number] {
    const most = s.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (!this.blocks.length || this.used + most > this.blocks[this.blocks.length - 1].length) {
      this.blocks.push(Buffer.allocUnsafeSlow(Math.max(BLOCK, most)));
      this.used = 0;
    }
    const block = this.blocks.length - 1;
    const n = this.blocks[block].write(s, this.used, 'utf8');
    const at = block * SPAN + this.used;
    this.used += n;
    return [at, n];
  }
}

/**
 * Which row first had a key (a company's national ID or serial), for 600,000 keys without
 * keeping 600,000 strings: a 32-bit hash maps to row indexes, and a hash shared by different
 * keys (a few dozen in a national return) is told apart by working out each row's key again.
 */
export class FirstByKey {
  private readonly byHash = new Map<number, number | number[]>();
  private readonly keyOf: (index: number) => string;

  constructor(keyOf: (index: number) => string) {
    this.keyOf = keyOf;
  }

  /** The index of the earlier row with this key, or -1 after remembering this one as the first. */
  firstOr(key: string, index: number): number {
    const h = hash(key);
    const got = this.byHash.get(h);
    if (got === undefined) { this.byHash.set(h, index); return -1; }
    const list = typeof got === 'number' ? [got] : got;
    for (const i of list) if (this.keyOf(i) === key) return i;
    list.push(index);
    this.byHash.set(h, list);
    return -1;
  }

  has(key: string): boolean {
    const got = this.byHash.get(hash(key));
    if (got === undefined) return false;
    return (typeof got === 'number' ? [got] : got).some((i) => this.keyOf(i) === key);
  }
}

/** FNV-1a over UTF-16 units, 32 bits. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
