import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { IMPORT_LIMITS } from '../../../../shared/model/returns.ts';
import { ImportProblem } from '../problems.ts';
import type { Cell, ReadInfo, TableSink } from './types.ts';

/** exceljs rich text and hyperlinks come as objects; we want their text. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const r = cellOf(o.result);
      return { formula: String(o.formula ?? o.sharedFormula ?? ''), result: typeof r === 'object' && r !== null && !(r instanceof Date) ? null : r };
    }
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return String(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/**
 * Streams every worksheet through exceljs' reader (shared strings cached, styles kept so dates
 * come back as dates). The ZIP was already checked for size and ratio (sniff.ts); a file that
 * still fails to inflate or parse is reported as corrupt, never as a crash.
 */
export async function readXlsx(name: string, bytes: Uint8Array, sink: TableSink): Promise<ReadInfo> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  // exceljs names a worksheet only if workbook.xml came before it in the ZIP, and crashes when
  // it did not; the sheet list is read first (two small entries) so the order never matters.
  const sheets = sheetList(name, bytes);
  Object.assign(reader as object, {
    model: { sheets: sheets.list.map((s) => ({ id: s.id, name: s.name, rId: s.rId, state: s.state })) },
    workbookRels: sheets.list.map((s) => ({ Id: s.rId, Target: s.target })),
    properties: { model: { date1904: sheets.date1904 } },
  });
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string; state?: string }>) {
      // Hidden sheets (the template's drop-down lists) are not part of what the company declares.
      if (ws.state === 'hidden' || ws.state === 'veryHidden') { for await (const _ of ws as AsyncIterable<unknown>) { /* drain */ } continue; }
      sink.startSheet(ws.name ?? null);
      let rows = 0;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        if (++rows > IMPORT_LIMITS.maxRowsPerSheet) throw new ImportProblem('TOO_MANY_ROWS', { file: name, max: IMPORT_LIMITS.maxRowsPerSheet });
        const values = row.values as unknown[];
        if (values.length > IMPORT_LIMITS.maxColumns + 1) throw new ImportProblem('FILE_CORRUPT', { file: name, row: row.number });
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) {
          const c = cellOf(values[i]);
          if (typeof c === 'string' && c.length > IMPORT_LIMITS.maxCellChars) throw new ImportProblem('FILE_CORRUPT', { file: name, row: row.number });
          cells.push(c);
        }
        sink.row(row.number, cells);
      }
      sink.endSheet();
    }
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    if (process.env.CENTINELA_DEBUG_XLSX) console.error(e);
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
  return { format: 'xlsx', encoding: null, delimiter: null };
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Sheet names, ids, visibility and their part names, from xl/workbook.xml and its relationships. */
function sheetList(name: string, bytes: Uint8Array): { list: { id: number; name: string; rId: string; state: string; target: string }[]; date1904: boolean } {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => (f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels') && f.originalSize < 8 * 1024 * 1024 });
  } catch {
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
  const dec = new TextDecoder();
  const wb = parts['xl/workbook.xml'] ? dec.decode(parts['xl/workbook.xml']) : '';
  const rels = parts['xl/_rels/workbook.xml.rels'] ? dec.decode(parts['xl/_rels/workbook.xml.rels']) : '';
  const attr = (tag: string, a: string) => new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1] ?? null;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, ''));
  }
  const out = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rId = attr(m[0], 'r:id') ?? '';
    out.push({ id: Number(attr(m[0], 'sheetId') ?? 0), name: unescapeXml(attr(m[0], 'name') ?? ''), rId, state: attr(m[0], 'state') ?? 'visible', target: targets.get(rId) ?? '' });
  }
  return { list: out, date1904: /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(1|true)"/.test(wb) };
}
