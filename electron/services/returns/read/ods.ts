import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { IMPORT_LIMITS } from '../../../../shared/model/returns.ts';
import { ImportProblem } from '../problems.ts';
import type { Cell, ReadInfo, TableSink } from './types.ts';

/**
 * OpenDocument spreadsheets (LibreOffice's own format). Only `content.xml` is inflated (its
 * declared size was checked in sniff.ts) and then parsed with a SAX parser, row by row.
 * Repeated rows/columns (LibreOffice's compression of empty space) are expanded only up to
 * the limits, so "1,048,576 empty rows" costs nothing.
 */
export function readOds(name: string, bytes: Uint8Array, sink: TableSink): ReadInfo {
  let xml: Uint8Array;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' && f.originalSize <= IMPORT_LIMITS.maxUncompressedBytes });
    const c = files['content.xml'];
    if (!c) throw new ImportProblem('FILE_CORRUPT', { file: name });
    xml = c;
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
  const parser = new SaxesParser({ xmlns: false });
  let rowNo = 0;
  let rowRepeat = 1;
  let cells: Cell[] = [];
  let inCell = false;
  let cell: { type: string; value: string | null; repeat: number; text: string; paras: number } | null = null;
  let inSheet = false;
  parser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'table:table') { inSheet = true; rowNo = 0; sink.startSheet(a['table:name'] ?? null); }
    else if (t.name === 'table:table-row' && inSheet) { cells = []; rowRepeat = Math.min(Number(a['table:number-rows-repeated'] ?? 1), 100_000); }
    else if ((t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') && inSheet) {
      const type = a['office:value-type'] ?? 'string';
      const value = type === 'date' ? a['office:date-value'] : type === 'float' || type === 'percentage' || type === 'currency' ? a['office:value'] : type === 'boolean' ? a['office:boolean-value'] : null;
      cell = { type, value: value ?? null, repeat: Math.min(Number(a['table:number-columns-repeated'] ?? 1), IMPORT_LIMITS.maxColumns), text: '', paras: 0 };
      inCell = true;
      if (t.isSelfClosing) closeCell();
    } else if (t.name === 'text:p' && inCell && cell) { if (cell.paras++ > 0) cell.text += '\n'; }
    else if (t.name === 'text:s' && inCell && cell) cell.text += ' '.repeat(Number(a['text:c'] ?? 1));
  });
  const closeCell = () => {
    if (!cell) return;
    let v: Cell = null;
    if (cell.type === 'float' || cell.type === 'percentage' || cell.type === 'currency') v = cell.value !== null ? Number(cell.value) : null;
    else if (cell.type === 'date' && cell.value) v = new Date(`${cell.value.slice(0, 10)}T00:00:00Z`);
    else v = cell.text === '' ? null : cell.text;
    if (typeof v === 'string' && v.length > IMPORT_LIMITS.maxCellChars) throw new ImportProblem('FILE_CORRUPT', { file: name });
    for (let i = 0; i < cell.repeat; i++) cells.push(v);
    if (cells.length > IMPORT_LIMITS.maxColumns * 2) cells.length = IMPORT_LIMITS.maxColumns * 2;
    cell = null;
    inCell = false;
  };
  parser.on('text', (s) => { if (inCell && cell) cell.text += s; });
  parser.on('closetag', (t) => {
    if (t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') closeCell();
    else if (t.name === 'table:table-row' && inSheet) {
      while (cells.length && (cells[cells.length - 1] === null)) cells.pop();
      for (let i = 0; i < rowRepeat; i++) {
        rowNo++;
        if (rowNo > IMPORT_LIMITS.maxRowsPerSheet) throw new ImportProblem('TOO_MANY_ROWS', { file: name, max: IMPORT_LIMITS.maxRowsPerSheet });
        if (cells.length === 0) continue; // repeated empty rows: nothing to say about them
        sink.row(rowNo, cells);
      }
    } else if (t.name === 'table:table' && inSheet) { inSheet = false; sink.endSheet(); }
  });
  try {
    const CHUNK = 1 << 20;
    const dec = new TextDecoder('utf-8');
    for (let i = 0; i < xml.length; i += CHUNK) parser.write(dec.decode(xml.subarray(i, i + CHUNK), { stream: true }));
    parser.close();
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    throw new ImportProblem('FILE_CORRUPT', { file: name });
  }
  return { format: 'ods', encoding: null, delimiter: null };
}
