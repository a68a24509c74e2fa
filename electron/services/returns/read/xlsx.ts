import { inflateRawSync } from 'node:zlib';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { attrOf, XmlScan } from './xmlScan.ts';
import { zipEntries, type ZipEntry } from './sniff.ts';
import { IMPORT_LIMITS } from '../../../../shared/model/returns.ts';
import { ImportProblem } from '../problems.ts';
import type { Cell, ReadInfo, TableSink } from './types.ts';

/**
 * Reads an XLSX entirely in memory: nothing of the company's data ever touches the disk.
 * (exceljs' streaming reader spills worksheet XML to plaintext temporary files whenever
 * sharedStrings.xml comes after the sheets in the ZIP, which breaks the "no plaintext of
 * workspace data on disk" rule; it is no longer used for reading.)
 *
 * The small parts (workbook, relationships, shared strings, styles) are inflated first, whatever
 * their place in the ZIP; then each visible sheet, in workbook order, is inflated chunk by chunk
 * straight into a SAX parser and handed to the sink row by row. The ZIP was already checked for
 * size and ratio (sniff.ts); a file that still fails to inflate or parse is FILE_CORRUPT.
 */
/** `wholeSheetBytes`: the largest sheet inflated at once (tests lower it to take the streaming path). */
export function readXlsx(name: string, bytes: Uint8Array, sink: TableSink, opts: { wholeSheetBytes?: number } = {}): ReadInfo {
  const corrupt = () => new ImportProblem('FILE_CORRUPT', { file: name });
  const book = bookParts(name, bytes);
  for (const sheet of book.sheets) {
    if (!sheet.target) throw corrupt();
    const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
    // Hidden sheets (the template's drop-down lists) are not part of what the company declares.
    if (hidden) continue;
    sink.startSheet(sheet.name);
    readSheet(name, bytes, sheet.target, book, sink, opts.wholeSheetBytes ?? WHOLE_SHEET_BYTES);
    sink.endSheet();
  }
  return { format: 'xlsx', encoding: null, delimiter: null };
}

interface Book {
  sheets: { name: string; state: string; target: string }[];
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

const partName = (target: string) => target.replace(/^\/?(xl\/)?/, 'xl/');

/** Sheet list, shared strings and date styles, from the small parts, in memory. */
function bookParts(name: string, bytes: Uint8Array): Book {
  const small = (n: string) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/styles.xml' || /^xl\/sharedStrings\d*\.xml$/i.test(n);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => small(f.name) && f.originalSize <= IMPORT_LIMITS.maxUncompressedBytes });
  } catch {
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
  const dec = new TextDecoder();
  const text = (n: string) => (parts[n] ? dec.decode(parts[n]) : '');
  const wb = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  let sharedPart = 'xl/sharedStrings.xml';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attrOf(m[0], 'Id');
    const target = attrOf(m[0], 'Target');
    if (id && target) targets.set(id, partName(target));
    if (target && /\/sharedStrings$/.test(attrOf(m[0], 'Type') ?? '')) sharedPart = partName(target);
  }
  const sheets = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rId = attrOf(m[0], 'r:id') ?? '';
    sheets.push({ name: attrOf(m[0], 'name') ?? '', state: attrOf(m[0], 'state') ?? 'visible', target: targets.get(rId) ?? '' });
  }
  return {
    sheets,
    shared: parts[sharedPart] ? sharedStrings(name, parts[sharedPart]) : [],
    dateStyles: dateStyles(text('xl/styles.xml')),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(1|true)"/.test(wb),
  };
}

/** The shared-string table: each `<si>`'s text runs joined (phonetic `<rPh>` runs left out). */
function sharedStrings(name: string, xml: Uint8Array): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let inPhonetic = false;
  const scan = new XmlScan({
    open: (tag) => {
      const n = local(tag);
      if (n === 'si') cur = '';
      else if (n === 'rPh') inPhonetic = true;
      else if (n === 't' && !inPhonetic) inT = true;
    },
    text: (s) => { if (inT && cur !== null) cur += s; },
    close: (tag) => {
      const n = local(tag);
      if (n === 't') inT = false;
      else if (n === 'rPh') inPhonetic = false;
      else if (n === 'si') { out.push(cur ?? ''); cur = null; }
    },
  }, IMPORT_LIMITS.maxCellChars * 2);
  parseAll(name, scan, xml);
  return out;
}

/** Built-in date/time number formats, and custom ones whose code has date or time letters. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
function dateStyles(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) custom.set(Number(attrOf(m[0], 'numFmtId')), attrOf(m[0], 'formatCode') ?? '');
  const isDate = (id: number) => {
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    const bare = code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
    return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
  };
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) { if (isDate(Number(attrOf(m[0], 'numFmtId') ?? 0))) out.add(i); i++; }
  return out;
}

const local = (n: string) => { const i = n.indexOf(':'); return i < 0 ? n : n.slice(i + 1); };

/** Column index (0-based) from a cell reference such as "AB12". */
function columnOf(ref: string | undefined, fallback: number): number {
  if (!ref) return fallback;
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
    else break;
  }
  return c > 0 ? c - 1 : fallback;
}

/** An Excel serial day as a UTC date (the 1900 system's phantom 29 Feb is before any real date here). */
function serialDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v + (date1904 ? 1462 : 0) - 25569) * 86_400_000));
}

/** One worksheet, inflated chunk by chunk into the XML scanner; rows go to the sink as they close. */
function readSheet(name: string, bytes: Uint8Array, part: string, book: Book, sink: TableSink, wholeSheetBytes: number): void {
  let rowNo = 0;
  let rowCount = 0;
  let cells: Cell[] = [];
  let cell: { col: number; type: string; style: number; v: string; f: string | null; inline: string } | null = null;
  let textOf: 'v' | 'f' | 'is' | null = null;
  let inPhonetic = false;
  const p = new XmlScan({
    open: (tag, attrs) => {
      const n = local(tag);
      if (n === 'c') {
        const col = columnOf(attrOf(attrs, 'r') ?? undefined, cells.length);
        if (col >= IMPORT_LIMITS.maxColumns) throw new ImportProblem('FILE_CORRUPT', { file: name, row: rowNo });
        cell = { col, type: attrOf(attrs, 't') ?? 'n', style: Number(attrOf(attrs, 's') ?? 0), v: '', f: null, inline: '' };
      } else if (n === 'row') {
        const r = attrOf(attrs, 'r');
        rowNo = r ? Number(r) : rowNo + 1;
        if (!Number.isInteger(rowNo) || rowNo < 1) throw new ImportProblem('FILE_CORRUPT', { file: name });
        if (++rowCount > IMPORT_LIMITS.maxRowsPerSheet) throw new ImportProblem('TOO_MANY_ROWS', { file: name, max: IMPORT_LIMITS.maxRowsPerSheet });
        cells = [];
      } else if (cell && n === 'v') textOf = 'v';
      else if (cell && n === 'f') { textOf = 'f'; cell.f = ''; }
      else if (cell && n === 'rPh') inPhonetic = true;
      else if (cell && n === 't' && !inPhonetic) textOf = 'is';
    },
    text: (s) => {
      if (!cell || textOf === null) return;
      if (textOf === 'v') cell.v += s;
      else if (textOf === 'f') cell.f += s;
      else cell.inline += s;
      if (cell.v.length + cell.inline.length > IMPORT_LIMITS.maxCellChars * 2) throw new ImportProblem('FILE_CORRUPT', { file: name, row: rowNo });
    },
    close: (tag) => {
      const n = local(tag);
      if (n === 'v' || n === 'f' || n === 't') textOf = null;
      else if (n === 'rPh') inPhonetic = false;
      else if (n === 'c' && cell) {
        const value = cellValue(cell, book);
        if (typeof value === 'string' && value.length > IMPORT_LIMITS.maxCellChars) throw new ImportProblem('FILE_CORRUPT', { file: name, row: rowNo });
        while (cells.length < cell.col) cells.push(null);
        cells[cell.col] = cell.f !== null ? { formula: cell.f, result: value } : value;
        cell = null;
      } else if (n === 'row') {
        while (cells.length && cells[cells.length - 1] === null) cells.pop();
        sink.row(rowNo, cells);
      }
    },
  }, IMPORT_LIMITS.maxCellChars * 2);
  // A sheet of moderate size is inflated at once by zlib (native, several times faster than
  // inflating in JavaScript) and scanned a megabyte at a time; a bigger one streams through fflate
  // so that memory stays bounded whatever the sheet's size.
  const entry = zipEntries(name, bytes).find((e) => e.name === part);
  if (entry && (entry.method === 0 || entry.method === 8) && entry.uncompressed <= wholeSheetBytes) {
    let xml: Uint8Array;
    try {
      xml = entryBytes(bytes, entry);
    } catch {
      throw new ImportProblem('FILE_CORRUPT', { file: name });
    }
    parseAll(name, p, xml);
    return;
  }
  let failure: unknown = null;
  let found = false;
  const dec = new TextDecoder('utf-8');
  const unzip = new Unzip((file) => {
    if (file.name !== part || found) return;
    found = true;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      try {
        if (err) throw err;
        p.feed(dec.decode(chunk, { stream: !final }));
        if (final) p.end();
      } catch (e) { failure = e; }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const CHUNK = 1 << 20;
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch (e) { failure = failure ?? e; }
  if (failure instanceof ImportProblem) throw failure;
  if (failure || !found) {
    if (process.env.CENTINELA_DEBUG_XLSX) console.error(failure ?? `missing ${part}`);
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
}

/** Uncompressed sheets up to this size are inflated in one native call. */
const WHOLE_SHEET_BYTES = 64 * 1024 * 1024;

/** An entry's bytes, inflated; its declared size must match (a damaged entry is refused). */
function entryBytes(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(e.localOffset, true) !== 0x04034b50) throw new Error('no local header');
  const start = e.localOffset + 30 + dv.getUint16(e.localOffset + 26, true) + dv.getUint16(e.localOffset + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  if (data.length !== e.compressed) throw new Error('cut');
  const out = e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) });
  if (out.length !== e.uncompressed) throw new Error('size');
  return out;
}

/** A cell's value from its type: shared string, inline string, boolean, error, date-styled number. */
function cellValue(c: { type: string; style: number; v: string; inline: string }, book: Book): string | number | Date | null {
  switch (c.type) {
    case 's': { const s = book.shared[Number(c.v)]; return s === undefined || s === '' ? null : s; }
    case 'inlineStr': return c.inline === '' ? null : c.inline;
    case 'str': return c.v === '' ? null : c.v;
    case 'b': return c.v === '' ? null : c.v === '1' || c.v.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'e': return null;
    case 'd': { if (c.v === '') return null; const d = new Date(/Z|[+-]\d\d:?\d\d$/.test(c.v) ? c.v : `${c.v}Z`); return Number.isNaN(d.getTime()) ? c.v : d; }
    default: {
      if (c.v === '') return null;
      const num = Number(c.v);
      if (!Number.isFinite(num)) return c.v;
      return book.dateStyles.has(c.style) ? serialDate(num, book.date1904) : num;
    }
  }
}

/** Feeds a whole in-memory part to the XML scanner; any XML error is FILE_CORRUPT. */
function parseAll(name: string, p: XmlScan, xml: Uint8Array): void {
  try {
    const CHUNK = 1 << 20;
    const dec = new TextDecoder('utf-8');
    for (let i = 0; i < xml.length; i += CHUNK) p.feed(dec.decode(xml.subarray(i, i + CHUNK), { stream: i + CHUNK < xml.length }));
    p.feed(dec.decode());
    p.end();
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
}
