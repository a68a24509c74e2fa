import ExcelJS from 'exceljs';
import { AMMUNITION_TYPES, FIREARM_STATUSES, FIREARM_TYPES, PERSONNEL_ROLES, RETURN_FIELDS, RETURN_SHEETS, YES_NO } from '../../../shared/model/returns.ts';
import { KNOWN_CALIBRES } from '../../../shared/model/returnsCalibre.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';

const INSTRUCTIONS_ES = [
  'DECLARACIÓN ANUAL DE EMPRESAS DE SEGURIDAD PRIVADA — INSTRUCCIONES',
  '1. Llene una fila por persona (hoja PERSONNEL), por arma (hoja FIREARMS) y por lote de munición (hoja AMMUNITION).',
  '2. No cambie los nombres de las columnas de la fila 2; la fila 1 solo las describe.',
  '3. company_licence_no es el número de la licencia de funcionamiento de la empresa.',
  '4. Fechas como fecha de Excel o en el formato AAAA-MM-DD (también se acepta DD/MM/AAAA).',
  '5. Use las listas desplegables para cargo, tipo de arma, estado, calibre y sí/no.',
  '6. Declare todas las armas que tuvo durante el año, también las robadas, extraviadas, destruidas o transferidas (con ese estado).',
  '7. assigned_to_national_id debe ser el documento de una persona declarada en la hoja PERSONNEL.',
];
const INSTRUCTIONS_EN = [
  'YEARLY RETURN OF PRIVATE SECURITY COMPANIES — INSTRUCTIONS',
  '1. Fill one row per person (sheet PERSONNEL), per firearm (sheet FIREARMS) and per ammunition lot (sheet AMMUNITION).',
  '2. Do not change the column names in row 2; row 1 only describes them.',
  '3. company_licence_no is the number of the company\'s operating licence.',
  '4. Dates as Excel dates or written YYYY-MM-DD (DD/MM/YYYY is accepted too).',
  '5. Use the drop-down lists for role, firearm type, status, calibre and yes/no.',
  '6. Declare every firearm held during the year, including stolen, lost, destroyed or transferred ones (with that status).',
  '7. assigned_to_national_id must be the ID of a person declared in the PERSONNEL sheet.',
];

/**
 * The published return template: an instructions sheet in Spanish and English, one sheet per
 * part of the return with a label row and a key row, and drop-down lists (from a hidden sheet)
 * for every enumeration, so that what companies send back maps itself.
 */
export async function buildTemplate(lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Centinela';
  const ins = wb.addWorksheet(translate(lang, 'template.instructions').toUpperCase());
  ins.getColumn(1).width = 120;
  ins.getColumn(1).alignment = { wrapText: true };
  [...INSTRUCTIONS_ES, '', ...INSTRUCTIONS_EN].forEach((t, i) => {
    const row = ins.getRow(i + 1);
    row.getCell(1).value = t;
    if (i === 0 || i === INSTRUCTIONS_ES.length + 1) row.font = { bold: true, size: 13 };
  });
  const lists: Record<string, readonly string[]> = {
    role: PERSONNEL_ROLES, type: FIREARM_TYPES, status: FIREARM_STATUSES, armed: YES_NO, calibre: KNOWN_CALIBRES, ammunition_type: AMMUNITION_TYPES,
  };
  const listSheet = wb.addWorksheet('LISTS', { state: 'veryHidden' });
  const listRef: Record<string, string> = {};
  Object.entries(lists).forEach(([k, values], c) => {
    const col = listSheet.getColumn(c + 1);
    col.values = [`${k} (list)`, ...values];
    const letter = col.letter;
    listRef[k] = `LISTS!$${letter}$2:$${letter}$${values.length + 1}`;
  });
  for (const sheet of RETURN_SHEETS) {
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
    const fields = RETURN_FIELDS[sheet];
    ws.getRow(1).values = fields.map((f) => `${translate('es', `returns.field.${f.key}`)} / ${translate('en', `returns.field.${f.key}`)}${f.required ? ' *' : ''}`);
    ws.getRow(1).font = { italic: true, color: { argb: 'FF555555' } };
    ws.getRow(2).values = fields.map((f) => f.key);
    ws.getRow(2).font = { bold: true };
    fields.forEach((f, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(16, f.key.length + 4);
      const list = listRef[f.key];
      if (f.type === 'date') col.numFmt = 'yyyy-mm-dd';
      // One validation per column range (not per cell): rows 3 to 5000.
      const range = `${col.letter}3:${col.letter}5000`;
      const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
      if (list) dv.add(range, { type: 'list', allowBlank: !f.required, formulae: [list], showErrorMessage: f.key !== 'calibre' });
      else if (f.type === 'date') dv.add(range, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))] });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
