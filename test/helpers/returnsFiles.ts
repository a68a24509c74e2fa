import ExcelJS from 'exceljs';

/** Builders for return files in tests: the mess companies really send, made on purpose. */

export const LICENCE = 'ESP-2024-0042';
export const OTHER_LICENCE = 'ESP-2023-0077';

/** The seeded licence type of migration 4: every test licence uses it. */
const LICENCE_TYPE = '01900000-0000-7000-8000-000000000001';

/**
 * Gives a company an active, numbered operating licence directly in the database: the licensing
 * workflow (application, four eyes, grant) is tested in its own area; returns only need the number.
 */
export function grantLicence(db: { prepare(sql: string): { run(...a: unknown[]): unknown } }, companyId: string, number: string): void {
  const now = '2026-01-15T10:00:00.000Z';
  db.prepare(`INSERT INTO licences (id, company_id, type_id, state, service_types, number, issued_on, expires_on, created_at, updated_at)
    VALUES (?, ?, ?, 'active', '["static_guarding"]', ?, '2024-01-15', '2028-01-14', ?, ?)`).run(crypto.randomUUID(), companyId, LICENCE_TYPE, number, now, now);
}

export const PERSONNEL_HEADER = ['Licencia', 'DPI', 'Nombre completo', 'Fecha de nacimiento', 'Cargo', 'No. credencial', 'Vencimiento credencial', 'Horas de capacitación', 'Armado'];
export const FIREARMS_HEADER = ['Licencia', 'No. de serie', 'Marca', 'Modelo', 'Tipo de arma', 'Calibre', 'País de fabricación', 'Marcaje', 'Estado', 'Fecha de adquisición', 'DPI del portador'];

export function person(over: Partial<Record<'lic' | 'id' | 'name' | 'birth' | 'role' | 'cred' | 'exp' | 'hours' | 'armed', string>> = {}): string[] {
  const p = { lic: LICENCE, id: '2547896541201', name: 'María José Ajú Xicará', birth: '02/05/1988', role: 'Guardia armado', cred: 'CR-10021', exp: '31/12/2028', hours: '120', armed: 'Sí', ...over };
  return [p.lic, p.id, p.name, p.birth, p.role, p.cred, p.exp, p.hours, p.armed];
}

export function firearm(over: Partial<Record<'lic' | 'serial' | 'make' | 'model' | 'type' | 'cal' | 'country' | 'mark' | 'status' | 'acq' | 'holder', string>> = {}): string[] {
  const f = { lic: LICENCE, serial: 'AB-12 345', make: 'Glock', model: '17', type: 'Pistola', cal: '9 mm', country: 'Austria', mark: 'GT-2019', status: 'En armería', acq: '15/03/2019', holder: '', ...over };
  return [f.lic, f.serial, f.make, f.model, f.type, f.cal, f.country, f.mark, f.status, f.acq, f.holder];
}

function csvCell(v: string, d: string): string {
  return /["\r\n]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV as Excel on Spanish Windows writes it: Windows-1252, semicolons, CRLF; optional title rows and trailing empty rows. */
export function csv(rows: string[][], opts: { encoding?: 'latin1' | 'utf8' | 'utf8bom'; delimiter?: string; title?: string[]; trailingEmpty?: number } = {}): Uint8Array {
  const d = opts.delimiter ?? ';';
  const width = rows[0]?.length ?? 1;
  const lines = [
    ...(opts.title ?? []).map((t) => csvCell(t, d) + d.repeat(width - 1)),
    ...rows.map((r) => r.map((c) => csvCell(c, d)).join(d)),
    ...Array.from({ length: opts.trailingEmpty ?? 0 }, () => d.repeat(width - 1)),
  ];
  const text = lines.join('\r\n') + '\r\n';
  const enc = opts.encoding ?? 'latin1';
  if (enc === 'latin1') return new Uint8Array(Buffer.from(text, 'latin1'));
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(enc === 'utf8bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) : b);
}

/** An XLSX with the given sheets; cells may be numbers, dates or formulas. */
export async function xlsx(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
