import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { PersonRow, PERSON_EXPORT_COLUMNS } from '../../../shared/commands/personnel.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { neutralizeCell } from '../companies/companies.export.ts';

type Column = (typeof PERSON_EXPORT_COLUMNS)[number];

function cellValue(row: PersonRow, col: Column, lang: Language): string | null {
  switch (col) {
    case 'role': return translate(lang, `personRole.${row.role}`);
    case 'credentialStatus': return translate(lang, `credentialState.${row.credentialStatus}`);
    default: {
      const v = row[col];
      return v === null || v === undefined ? null : String(v);
    }
  }
}

const header = (col: Column, lang: Language) => translate(lang, `personnel.field.${col}`);
/** Every text cell is neutralised: a name or id starting with = + - @ must never run as a formula. */
const cell = (row: PersonRow, col: Column, lang: Language) => { const v = cellValue(row, col, lang); return v === null ? '' : neutralizeCell(v); };

/** The view as CSV: BOM so Excel reads accents, CRLF as spreadsheet tools expect. */
export function personsToCsv(rows: Iterable<PersonRow>, cols: Column[], lang: Language): { text: string; count: number } {
  const data: string[][] = [];
  for (const r of rows) data.push(cols.map((c) => cell(r, c, lang)));
  const text = '\uFEFF' + Papa.unparse({ fields: cols.map((c) => header(c, lang)), data }, { newline: '\r\n' });
  return { text, count: data.length };
}

/** The view as XLSX, header frozen and filterable; national ids stay text (leading zeros kept). */
export async function personsToXlsx(rows: Iterable<PersonRow>, cols: Column[], lang: Language, sheetName: string): Promise<{ buffer: Buffer; count: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Centinela';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: header(c, lang), key: c, width: Math.min(48, Math.max(12, header(c, lang).length + 4)) }));
  ws.getRow(1).font = { bold: true };
  let count = 0;
  for (const r of rows) {
    ws.addRow(cols.map((c) => cell(r, c, lang)));
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), count };
}
