import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
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
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>) {
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
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
  return { format: 'xlsx', encoding: null, delimiter: null };
}
