import ExcelJS from 'exceljs';
import { PROBLEM_CODES, type ProblemCode } from '../../../shared/model/returns.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { neutralizeCell } from '../companies/companies.export.ts';
import type { ImportReport } from './importer.ts';

/**
 * The problems of one import as an XLSX to send back to the company: one row per problem with
 * file, sheet, row, column, code and message in the chosen language. Every text cell is
 * neutralised: a company's cell "=HYPERLINK(...)" comes back as text, never as a formula.
 */
export async function problemsXlsx(report: ImportReport, lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Centinela';
  const ws = wb.addWorksheet(translate(lang, 'returns.col.message').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = ['severity', 'file', 'sheet', 'row', 'column', 'code', 'message'] as const;
  ws.columns = cols.map((c) => ({ header: translate(lang, `returns.col.${c}`), key: c, width: c === 'message' ? 80 : c === 'row' ? 8 : 22 }));
  ws.getRow(1).font = { bold: true };
  const all = [...report.errors, ...report.warnings];
  for (const p of all) {
    const sev = PROBLEM_CODES[p.code as ProblemCode] ?? 'error';
    ws.addRow([translate(lang, `returns.severity.${sev}`), p.file, p.sheet ?? '', p.row ?? '', p.column ?? '', p.code, p.message]
      .map((v) => (typeof v === 'string' ? neutralizeCell(v) : v)));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
