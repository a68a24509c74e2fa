import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { DueRow } from '../../../shared/commands/due.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { neutralizeCell } from '../companies/companies.export.ts';

type Row = DueRow;
const COLUMNS = ['kind', 'companyName', 'subject', 'reference', 'dueOn', 'daysLeft'] as const;

function cells(r: Row, lang: Language): (string | number)[] {
  return [
    translate(lang, `due.kind.${r.kind}`),
    neutralizeCell(r.companyName ?? ''),
    neutralizeCell(r.subjectIsKey ? translate(lang, r.subject) : r.subject),
    neutralizeCell(r.reference ?? ''),
    r.dueOn,
    r.daysLeft,
  ];
}

const headers = (lang: Language) => COLUMNS.map((c) => translate(lang, `due.col.${c}`));

/** The Due view as CSV (BOM + CRLF for spreadsheet tools); formula-looking text neutralised. */
export function dueToCsv(rows: Iterable<Row>, lang: Language): { text: string; count: number } {
  const data: (string | number)[][] = [];
  for (const r of rows) data.push(cells(r, lang));
  return { text: '\uFEFF' + Papa.unparse({ fields: headers(lang), data }, { newline: '\r\n' }), count: data.length };
}

export async function dueToXlsx(rows: Iterable<Row>, lang: Language): Promise<{ buffer: Buffer; count: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Centinela';
  const ws = wb.addWorksheet(translate(lang, 'due.title').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers(lang).map((h, i) => ({ header: h, key: COLUMNS[i], width: i === 1 || i === 2 ? 40 : 16 }));
  ws.getRow(1).font = { bold: true };
  let count = 0;
  for (const r of rows) {
    const c = cells(r, lang);
    // A real date cell (not text), so the officer can sort and filter by it in Excel.
    c[4] = r.dueOn;
    const row = ws.addRow(c);
    row.getCell(5).value = new Date(`${r.dueOn}T00:00:00Z`);
    row.getCell(5).numFmt = 'yyyy-mm-dd';
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), count };
}
