import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CompanyRow } from '../../../shared/commands/companies.ts';
import type { EXPORT_COLUMNS } from '../../../shared/commands/companies.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';

type Column = (typeof EXPORT_COLUMNS)[number];

/**
 * A cell that begins with = + - @ (or tab / carriage return) would run as a formula when the
 * file is opened in Excel or LibreOffice (CSV injection). Prefixing an apostrophe keeps the text.
 */
export function neutralizeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function cellValue(row: CompanyRow, col: Column, lang: Language): string | number | null {
  switch (col) {
    case 'serviceTypes':
      return row.serviceTypes.map((s) => translate(lang, `service.${s}`)).join('; ');
    case 'armed':
      return translate(lang, row.armed ? 'common.yes' : 'common.no');
    case 'icocaStatus':
      return translate(lang, `icoca.${row.icocaStatus}`);
    case 'guaranteeAmount':
      return row.guaranteeAmount;
    default: {
      const v = row[col];
      return v === null || v === undefined ? null : String(v);
    }
  }
}

export function header(col: Column, lang: Language): string {
  return translate(lang, `companies.field.${col}`);
}

export function toCsv(rows: Iterable<CompanyRow>, cols: Column[], lang: Language): { text: string; count: number } {
  const data: (string | number)[][] = [];
  for (const r of rows) data.push(cols.map((c) => { const v = cellValue(r, c, lang); return typeof v === 'string' ? neutralizeCell(v) : v ?? ''; }));
  // BOM so Excel opens accents correctly; CRLF as spreadsheet tools expect.
  const text = '\uFEFF' + Papa.unparse({ fields: cols.map((c) => header(c, lang)), data }, { newline: '\r\n' });
  return { text, count: data.length };
}

export async function toXlsx(rows: Iterable<CompanyRow>, cols: Column[], lang: Language, sheetName: string): Promise<{ buffer: Buffer; count: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Centinela';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: header(c, lang), key: c, width: Math.min(48, Math.max(12, header(c, lang).length + 4)) }));
  ws.getRow(1).font = { bold: true };
  let count = 0;
  for (const r of rows) {
    // Strings are written as plain text cells; neutralising also protects users who re-save as CSV.
    ws.addRow(cols.map((c) => { const v = cellValue(r, c, lang); return typeof v === 'string' ? neutralizeCell(v) : v; }));
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), count };
}
