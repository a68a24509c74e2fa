import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runImport, type ImportRequest } from '../../electron/services/returns/importer.ts';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';
import { csv, firearm, FIREARMS_HEADER, grantLicence, LICENCE, OTHER_LICENCE, person, PERSONNEL_HEADER, xlsx } from '../helpers/returnsFiles.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
beforeEach(async () => {
  w = await freshWorkspace();
  grantLicence(w.app.workspaces.db, (await w.ok('companies.create', sampleCompany())).id, LICENCE);
  grantLicence(w.app.workspaces.db, (await w.ok('companies.create', sampleCompany({ taxId: '7654321-8', legalName: 'Custodia Maya, S.A.', tradeName: 'Custodia Maya' }))).id, OTHER_LICENCE);
});
afterEach(() => w.cleanup());

const OTHER = OTHER_LICENCE;

function imp(files: Record<string, Uint8Array>, opts: Partial<ImportRequest> = {}) {
  return runImport(w.app.workspaces.db, {
    files: Object.entries(files).map(([name, bytes]) => ({ name, bytes })),
    year: 2026, dryRun: false, answers: {}, dateOrder: {}, language: 'es',
    user: { id: w.app.workspaces.user!.id, username: 'admin' }, now: '2026-11-23T12:00:00.000Z', ...opts,
  });
}
const codes = (r: { errors: { code: string }[]; warnings: { code: string }[] }) => [...r.errors, ...r.warnings].map((p) => p.code).sort();
const count = (t: string) => (w.app.workspaces.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
const snapshot = () => ['return_batches', 'return_filings', 'return_personnel', 'return_firearms', 'return_flags', 'journal'].map((t) => `${t}:${count(t)}`).join(' ');

describe('reading what companies send', () => {
  it('reads a Windows-1252 CSV with semicolons, title rows and trailing empty rows', async () => {
    const r = await imp({ 'personal.csv': csv([PERSONNEL_HEADER, person(), person({ id: '1987456320101', name: 'Juan Pérez Ñúñez', role: 'Supervisor', cred: 'CR-2' })], { title: ['DECLARACIÓN ANUAL 2026', 'Empresa: Seguridad Quetzal'], trailingEmpty: 3 }) });
    expect(r.errors).toEqual([]);
    expect(r.files[0]).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy' });
    expect(r.files[0].sheets[0]).toMatchObject({ returnSheet: 'PERSONNEL', headerRow: 3, rows: 2 });
    const names = w.app.workspaces.db.prepare('SELECT full_name FROM return_personnel ORDER BY full_name').all() as { full_name: string }[];
    expect(names.map((n) => n.full_name)).toEqual(['Juan Pérez Ñúñez', 'María José Ajú Xicará']);
  });

  it('detects UTF-8 with and without BOM, and comma, tab and pipe delimiters', async () => {
    for (const [encoding, expected] of [['utf8', 'utf-8'], ['utf8bom', 'utf-8-bom']] as const) {
      for (const delimiter of [',', '\t', '|']) {
        const r = await imp({ 'p.csv': csv([PERSONNEL_HEADER, person({ name: 'Pérez, Juan' })], { encoding, delimiter }) }, { dryRun: true });
        expect(r.errors, `${encoding} ${delimiter}`).toEqual([]);
        expect(r.files[0].encoding).toBe(expected);
        expect(r.files[0].delimiter).toBe(delimiter === '\t' ? 'tab' : delimiter);
        expect(r.counts.PERSONNEL.read).toBe(1);
      }
    }
  });

  it('keeps quoted fields with embedded newlines and delimiters in one record', async () => {
    const r = await imp({ 'p.csv': csv([PERSONNEL_HEADER, person({ name: 'Ana "La Chata"\r\nMéndez; hija' }), person({ id: '3012458790101' })]) });
    expect(r.errors).toEqual([]);
    expect(r.counts.PERSONNEL.read).toBe(2);
    const n = w.app.workspaces.db.prepare(`SELECT full_name FROM return_personnel WHERE national_id = '2547896541201'`).get() as { full_name: string };
    expect(n.full_name).toBe('Ana "La Chata" Méndez; hija');
  });

  it('maps Spanish, English and Portuguese headers by synonym', async () => {
    const en = ['Company licence', 'National ID', 'Full name', 'Date of birth', 'Role', 'Credential number', 'Credential expiry', 'Training hours', 'Armed'];
    const pt = ['Número da licença', 'CPF', 'Nome completo', 'Data de nascimento', 'Função', 'Número CNV', 'Validade CNV', 'Carga horária', 'Armado'];
    const es = ['No. de licencia', 'Cédula', 'Nombres y apellidos', 'F. nacimiento', 'Puesto', 'Carné', 'Vigencia', 'Horas de formación', 'Porta arma'];
    for (const header of [en, pt, es]) {
      const r = await imp({ 'x.csv': csv([header, person()]) }, { dryRun: true });
      expect(r.errors, header.join(',')).toEqual([]);
      expect(r.files[0].sheets[0].mapping.map((m) => m.field)).toEqual(['company_licence_no', 'national_id', 'full_name', 'birth_date', 'role', 'credential_no', 'credential_expiry', 'training_hours', 'armed']);
    }
    const fa = ['Licença da empresa', 'Número de série', 'Fabricante', 'Modelo', 'Tipo da arma', 'Calibre', 'País de fabricação', 'Marcação', 'Situação', 'Data de aquisição', 'Atribuída a'];
    const r = await imp({ 'armas.csv': csv([fa, firearm({ type: 'Revólver', cal: '.38 SPL', status: 'Em uso', holder: '' })]) }, { dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.files[0].sheets[0].returnSheet).toBe('FIREARMS');
  });

  it('maps values: Spanish and Portuguese enumerations, calibre spellings, dates ISO, dd/mm/yyyy and spreadsheet serials', async () => {
    const rows = [
      firearm({ serial: 'S1', type: 'pistola', cal: '9x19mm', status: 'en armería', acq: '2019-03-15' }),
      firearm({ serial: 'S2', type: 'Revólver', cal: '.38', status: 'Robada', acq: '28/11/2020' }),
      firearm({ serial: 'S3', type: 'escopeta', cal: '12 gauge', status: 'EN REPARACIÓN', acq: '43000' }),
      firearm({ serial: 'S4', type: 'Fuzil', cal: '5,56x45mm', status: 'roubada', acq: '' }),
      firearm({ serial: 'S5', type: 'Subametralladora', cal: '380AUTO', status: 'Destruida', acq: '' }),
    ];
    const r = await imp({ 'armas.csv': csv([FIREARMS_HEADER, ...rows]) });
    expect(r.errors).toEqual([]);
    const got = w.app.workspaces.db.prepare('SELECT serial_no, type, calibre, status, acquired_date FROM return_firearms ORDER BY serial_no').all();
    expect(got).toEqual([
      { serial_no: 'S1', type: 'pistol', calibre: '9x19', status: 'in_armory', acquired_date: '2019-03-15' },
      { serial_no: 'S2', type: 'revolver', calibre: '38spl', status: 'stolen', acquired_date: '2020-11-28' },
      { serial_no: 'S3', type: 'shotgun', calibre: '12ga', status: 'under_repair', acquired_date: '2017-09-22' },
      { serial_no: 'S4', type: 'rifle', calibre: '556', status: 'stolen', acquired_date: null },
      { serial_no: 'S5', type: 'submachine_gun', calibre: '380acp', status: 'destroyed', acquired_date: null },
    ]);
    const p = await imp({ 'p.csv': csv([PERSONNEL_HEADER, person({ armed: 'sí' }), person({ id: '2', armed: 'NO', role: 'escolta' })]) }, { dryRun: true });
    expect(p.errors).toEqual([]);
  });

  it('reads XLSX sheets by name, with real dates, numbers and formulas (warned, result used)', async () => {
    const bytes = await xlsx({
      'Instrucciones': [['Llene una fila por persona']],
      'Personal': [['DECLARACIÓN 2026'], [], PERSONNEL_HEADER, [LICENCE, 2547896541201, 'María Ajú', new Date(Date.UTC(1988, 4, 2)), 'Agente', 'CR-1', new Date(Date.UTC(2028, 0, 31)), { formula: '60*2', result: 120 }, 'no']],
      'Armas': [FIREARMS_HEADER, [LICENCE, 'XX-1', 'Glock', '17', 'Pistola', '9 mm', 'Austria', '', 'Asignada', 43000, '2547896541201']],
    });
    const r = await imp({ 'declaracion.xlsx': bytes });
    expect(r.errors).toEqual([]);
    expect(codes(r)).toEqual(['FORMULA_VALUE']);
    expect(r.files[0].sheets.map((s) => [s.sheetName, s.returnSheet, s.headerRow])).toEqual([['Personal', 'PERSONNEL', 3], ['Armas', 'FIREARMS', 1]]);
    expect(w.app.workspaces.db.prepare('SELECT national_id, birth_date, credential_expiry, training_hours FROM return_personnel').get())
      .toEqual({ national_id: '2547896541201', birth_date: '1988-05-02', credential_expiry: '2028-01-31', training_hours: 120 });
  });

  it('asks about an ambiguous day/month file instead of guessing, and uses the answer', async () => {
    const rows = [FIREARMS_HEADER, firearm({ acq: '03/04/2019' }), firearm({ serial: 'B2', acq: '05/06/2020' })];
    const r = await imp({ 'armas.csv': csv(rows) });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['DATE_ORDER_AMBIGUOUS']);
    expect(r.questions).toEqual([{ kind: 'dateOrder', file: 'armas.csv', samples: ['03/04/2019', '05/06/2020'] }]);
    const ok = await imp({ 'armas.csv': csv(rows) }, { dateOrder: { 'armas.csv': 'mdy' } });
    expect(ok.errors).toEqual([]);
    expect(w.app.workspaces.db.prepare('SELECT acquired_date FROM return_firearms ORDER BY acquired_date').all()).toEqual([{ acquired_date: '2019-03-04' }, { acquired_date: '2020-05-06' }]);
  });

  it('asks about an unknown column; the answer (or a saved profile) maps it', async () => {
    const header = [...FIREARMS_HEADER.slice(0, 10), 'Arma asignada al agente'];
    const file = csv([header, firearm({ holder: '2547896541201', status: 'Asignada' })]);
    const r = await imp({ 'armas.csv': file }, { dryRun: true });
    expect(r.warnings.map((p) => [p.code, p.column])).toContainEqual(['UNMAPPED_COLUMN', 'Arma asignada al agente']);
    const q = r.questions.find((x) => x.kind === 'column');
    expect(q).toMatchObject({ kind: 'column', column: 'Arma asignada al agente', returnSheet: 'FIREARMS', key: 'arma asignada al agente' });
    expect((q as { options: string[] }).options).toContain('assigned_to_national_id');
    const profile = await w.ok('returns.saveProfile', { name: 'Quetzal', companyLicenceNo: LICENCE, answers: { FIREARMS: { 'Arma asignada al agente': 'assigned_to_national_id' } } });
    expect(profile.answers).toEqual({ FIREARMS: { 'arma asignada al agente': 'assigned_to_national_id' } });
    const mapped = await imp({ 'armas.csv': file }, { dryRun: true, answers: profile.answers });
    expect(mapped.files[0].sheets[0].mapping.at(-1)).toEqual({ column: 'Arma asignada al agente', field: 'assigned_to_national_id' });
    // No personnel in the return and none on file: the holder is unknown.
    expect(mapped.errors.map((e) => e.code)).toEqual(['ASSIGNED_NOT_IN_RETURN']);
  });
});

describe('validation: every problem, located and in the officer’s language', () => {
  it('reports each row-level code with file, sheet, row and column', async () => {
    const long = 'x'.repeat(250);
    const p = csv([PERSONNEL_HEADER,
      person({ id: '', name: 'Sin Documento' }), // row 2 REQUIRED_MISSING
      person({ id: '11', birth: '31/02/1990' }), // row 3 BAD_DATE
      person({ id: '12', role: 'Mayordomo' }), // row 4 UNKNOWN_ENUM
      person({ id: '13', hours: 'muchas' }), // row 5 BAD_NUMBER
      person({ id: '14', name: long }), // row 6 TEXT_TOO_LONG
      person({ id: '15' }), person({ id: '1-5' }), // row 8 DUPLICATE_NATIONAL_ID (formatting-only difference)
      person({ id: '16', lic: '999-NOPE' }), // row 9 UNKNOWN_COMPANY_LICENCE
      person({ id: '17', exp: '01/01/2026' }), // row 10 EXPIRED_CREDENTIAL (warning)
      person({ id: '18', birth: '01/01/2099' }), // row 11 FUTURE_DATE (warning)
    ]);
    const f = csv([FIREARMS_HEADER,
      firearm({ serial: 'Z-1' }), firearm({ serial: 'z1' }), // row 3 DUPLICATE_SERIAL
      firearm({ serial: 'Z-2', cal: '.999 Marciano' }), // row 4 UNKNOWN_CALIBRE
      firearm({ serial: 'Z-3', holder: '5555555555555', status: 'asignada' }), // row 5 ASSIGNED_NOT_IN_RETURN
    ]);
    const r = await imp({ 'personal.csv': p, 'armas.csv': f });
    const at = (code: string) => [...r.errors, ...r.warnings].filter((x) => x.code === code).map((x) => `${x.file}:${x.row}:${x.column}`);
    expect(at('REQUIRED_MISSING')).toEqual(['personal.csv:2:DPI']);
    expect(at('BAD_DATE')).toEqual(['personal.csv:3:Fecha de nacimiento']);
    expect(at('UNKNOWN_ENUM')).toEqual(['personal.csv:4:Cargo']);
    expect(at('BAD_NUMBER')).toEqual(['personal.csv:5:Horas de capacitación']);
    expect(at('TEXT_TOO_LONG')).toEqual(['personal.csv:6:Nombre completo']);
    expect(at('DUPLICATE_NATIONAL_ID')).toEqual(['personal.csv:8:DPI']);
    expect(at('UNKNOWN_COMPANY_LICENCE')).toEqual(['personal.csv:9:Licencia']);
    expect(at('EXPIRED_CREDENTIAL')).toEqual(['personal.csv:10:Vencimiento credencial']);
    expect(at('FUTURE_DATE')).toEqual(['personal.csv:11:Fecha de nacimiento']);
    expect(at('DUPLICATE_SERIAL')).toEqual(['armas.csv:3:No. de serie']);
    expect(at('UNKNOWN_CALIBRE')).toEqual(['armas.csv:4:Calibre']);
    expect(at('ASSIGNED_NOT_IN_RETURN')).toEqual(['armas.csv:5:DPI del portador']);
    expect(r.errors.find((e) => e.code === 'UNKNOWN_ENUM')!.message).toBe('«Mayordomo» no es un valor admitido (admitidos: guard, supervisor, armed_guard, escort, manager).');
    expect(r.warnings.map((x) => x.code).sort()).toEqual(['EXPIRED_CREDENTIAL', 'FUTURE_DATE']);
    expect(r.committed).toBe(false);
    const en = await imp({ 'personal.csv': p }, { language: 'en', dryRun: true });
    expect(en.errors.find((e) => e.code === 'BAD_DATE')!.message).toBe('The date “31/02/1990” is not valid.');
  });

  it('reports file- and column-level codes', async () => {
    const noSerial = csv([FIREARMS_HEADER.filter((h) => h !== 'No. de serie'), firearm().filter((_, i) => i !== 1)]);
    const dupCol = csv([[...FIREARMS_HEADER, 'Tipo'], [...firearm(), 'Pistola']]);
    const headerOnly = csv([FIREARMS_HEADER]);
    const noHeader = csv([['a', 'b', 'c'], ['1', '2', '3']]);
    const r = await imp({ 'a.csv': noSerial, 'armas-b.csv': dupCol, 'armas-c.csv': headerOnly, 'd.csv': noHeader, 'e.csv': new Uint8Array(0) });
    expect(r.errors.map((e) => `${e.file}:${e.code}:${e.column ?? ''}`)).toEqual([
      'a.csv:REQUIRED_COLUMN_MISSING:serial_no',
      'armas-b.csv:DUPLICATE_COLUMN:Tipo de arma / Tipo',
      'armas-c.csv:HEADER_ONLY:',
      'd.csv:HEADER_NOT_FOUND:',
      'e.csv:FILE_EMPTY:',
    ]);
    expect(snapshot()).toMatch(/return_batches:0/);
  });

  it('writes nothing at all when any row has an error (all or nothing)', async () => {
    const before = snapshot();
    const rows = [FIREARMS_HEADER, ...Array.from({ length: 300 }, (_, i) => firearm({ serial: `OK-${i}` })), firearm({ serial: 'BAD', type: 'Cañón' })];
    const r = await imp({ 'armas.csv': csv(rows) });
    expect(r.errors.map((e) => e.code)).toEqual(['UNKNOWN_ENUM']);
    expect(r.committed).toBe(false);
    expect(r.batchId).toBeNull();
    expect(snapshot()).toBe(before);
  });
});

describe('reconciliation against earlier returns', () => {
  const y1 = () => csv([FIREARMS_HEADER,
    firearm({ serial: 'AB-12 345', status: 'En armería' }),
    firearm({ serial: 'KEEP-2', status: 'Asignada', holder: '' }),
    firearm({ serial: 'GONE-3', status: 'En armería' }),
    firearm({ serial: 'STOLEN-4', status: 'Robada' }),
    firearm({ serial: 'CHG-5', status: 'En armería', model: '19' }),
  ]);

  it('classifies new, changed, unchanged and missing; flags possible diversion; matches formatting-only serials', async () => {
    const first = await imp({ 'armas-2025.csv': y1() }, { year: 2025 });
    expect(first.committed).toBe(true);
    expect(first.counts.FIREARMS).toEqual({ read: 5, new: 5, changed: 0, unchanged: 0, missing: 0 });
    const y2 = csv([FIREARMS_HEADER,
      firearm({ serial: 'ab 12-345', status: 'En armería' }), // same weapon, different formatting
      firearm({ serial: 'KEEP-2', status: 'Asignada', holder: '' }),
      firearm({ serial: 'CHG-5', status: 'En reparación', model: '19' }),
      firearm({ serial: 'NEW-6' }),
    ]);
    const dry = await imp({ 'armas-2026.csv': y2 }, { dryRun: true });
    expect(dry.errors).toEqual([]);
    expect(dry.committed).toBe(false);
    expect(dry.counts.FIREARMS).toEqual({ read: 4, new: 1, changed: 1, unchanged: 2, missing: 2 });
    expect(dry.flags).toEqual([{ kind: 'possible_diversion', companyLicenceNo: LICENCE, serialNo: 'GONE-3' }]);
    expect(dry.diff).toContainEqual({ sheet: 'FIREARMS', companyLicenceNo: LICENCE, key: 'CHG-5', change: 'changed', fields: [{ field: 'status', before: 'in_armory', after: 'under_repair' }] });
    expect(dry.diff.filter((d) => d.change === 'missing').map((d) => d.key).sort()).toEqual(['GONE-3', 'STOLEN-4']);
    const committed = await imp({ 'armas-2026.csv': y2 });
    expect(committed.batchId).toMatch(/^[0-9a-f-]{36}$/);
    const flags = await w.ok('returns.getBatch', { id: committed.batchId! });
    expect(flags.flags).toEqual([{ kind: 'possible_diversion', companyLicenceNo: LICENCE, serialNo: 'GONE-3' }]);
  });

  it('flags the same serial under two companies, in one return and against another company’s last return', async () => {
    await imp({ 'custodia.csv': csv([FIREARMS_HEADER, firearm({ lic: OTHER, serial: 'DUAL-1' }), firearm({ lic: OTHER, serial: 'SOLD-2', status: 'Transferida' })]) }, { year: 2025 });
    const r = await imp({ 'quetzal.csv': csv([FIREARMS_HEADER, firearm({ serial: 'dual 1' }), firearm({ serial: 'SOLD-2' })]) }, { dryRun: true });
    expect(r.flags).toEqual([{ kind: 'serial_other_company', companyLicenceNo: LICENCE, serialNo: 'dual 1', otherCompanyLicenceNo: OTHER }]);
    const both = await imp({ 'both.csv': csv([FIREARMS_HEADER, firearm({ serial: 'TWIN-9' }), firearm({ lic: OTHER, serial: 'TWIN 9' })]) }, { dryRun: true });
    expect(both.errors).toEqual([]);
    expect(both.flags).toContainEqual({ kind: 'serial_other_company', companyLicenceNo: OTHER, serialNo: 'TWIN 9', otherCompanyLicenceNo: LICENCE });
  });

  it('flags personnel without a valid credential', async () => {
    const r = await imp({ 'p.csv': csv([PERSONNEL_HEADER, person({ cred: '' }), person({ id: '77', exp: '30/06/2026' }), person({ id: '78' })]) }, { dryRun: true });
    // 78 declares a credential in force and this company's people were never entered in the personnel
    // register, so the declaration stands (the register's own check is in returns.personnel.test.ts).
    expect(r.flags.map((f) => `${f.kind}:${f.nationalId}`).sort()).toEqual(['credential_invalid:2547896541201', 'credential_invalid:77']);
  });

  it('undoes a batch as a unit: reconciliation goes back to the earlier return, journaled', async () => {
    await imp({ 'armas-2025.csv': y1() }, { year: 2025 });
    const y2 = csv([FIREARMS_HEADER, firearm({ serial: 'AB12345' })]);
    const second = await imp({ 'armas-2026.csv': y2 });
    expect(second.flags.map((f) => f.serialNo).sort()).toEqual(['CHG-5', 'GONE-3', 'KEEP-2']);
    const again = await imp({ 'armas-2026.csv': y2 }, { dryRun: true });
    expect(again.counts.FIREARMS).toMatchObject({ unchanged: 1, missing: 0 });
    const undone = await w.ok('returns.undoBatch', { id: second.batchId! });
    expect(undone.status).toBe('undone');
    const after = await imp({ 'armas-2026.csv': y2 }, { dryRun: true });
    expect(after.counts.FIREARMS).toMatchObject({ unchanged: 1, missing: 4 });
    const twice = await w.app.call('returns.undoBatch', { id: second.batchId! });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('INVALID_TRANSITION');
    const list = await w.ok('returns.listBatches', {});
    expect(list.rows.map((b) => [b.year, b.status])).toEqual([[2026, 'undone'], [2025, 'committed']]);
    const journal = w.app.workspaces.db.prepare(`SELECT command, entity_id FROM journal WHERE entity_type = 'return_batch' ORDER BY seq`).all();
    expect(journal.map((j) => (j as { command: string }).command)).toEqual(['returns.commitImport', 'returns.commitImport', 'returns.undoBatch']);
  });
});

describe('formula neutralising in exports', () => {
  it('the problems workbook carries hostile cell text as text, never as a formula', async () => {
    const { problemsXlsx } = await import('../../electron/services/returns/problemsExport.ts');
    const r = await imp({ 'armas.csv': csv([FIREARMS_HEADER, firearm({ type: '=HYPERLINK("http://evil.example","x")' }), firearm({ serial: 'B', cal: '+cmd|calc' })]) }, { dryRun: true });
    const buf = await problemsXlsx(r, 'es');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
    expect(cells.filter((c) => typeof c === 'string' && /^[=+\-@]/.test(c))).toEqual([]);
    expect(ws.getRow(2).getCell(7).value).toMatch(/HYPERLINK/);
    expect(ws.getRow(1).values).toEqual([undefined, 'Gravedad', 'Archivo', 'Hoja', 'Fila', 'Columna', 'Código', 'Problema']);
  });
});

describe('the published template', () => {
  it('has instructions in Spanish and English, label and key rows, drop-down lists; a filled copy imports cleanly', async () => {
    const t = await w.ok('returns.template', { language: 'es' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['INSTRUCCIONES', 'LISTS', 'PERSONNEL', 'FIREARMS', 'AMMUNITION']);
    const ins = wb.getWorksheet('INSTRUCCIONES')!;
    const text: string[] = [];
    ins.eachRow((r) => text.push(String(r.getCell(1).value)));
    expect(text.join('\n')).toMatch(/INSTRUCCIONES[\s\S]*INSTRUCTIONS/);
    const fa = wb.getWorksheet('FIREARMS')!;
    expect(fa.getRow(2).values).toEqual([undefined, 'company_licence_no', 'serial_no', 'make', 'model', 'type', 'calibre', 'manufacturer_country', 'marking_code', 'status', 'acquired_date', 'assigned_to_national_id']);
    expect(fa.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['LISTS!$B$2:$B$7'] });
    fa.getRow(3).values = [LICENCE, 'T-100', 'Beretta', '92FS', 'pistol', '9x19mm', 'Italia', '', 'assigned', new Date(Date.UTC(2022, 5, 1)), '2547896541201'];
    wb.getWorksheet('PERSONNEL')!.getRow(3).values = [LICENCE, '2547896541201', 'María Ajú', new Date(Date.UTC(1988, 4, 2)), 'armed_guard', 'CR-1', new Date(Date.UTC(2028, 0, 1)), 40, 'yes'];
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await imp({ 'plantilla.xlsx': filled });
    expect(r.errors).toEqual([]);
    expect(r.files[0].sheets.map((s) => [s.returnSheet, s.headerRow, s.rows])).toEqual([['PERSONNEL', 2, 1], ['FIREARMS', 2, 1], ['AMMUNITION', 2, 0]]);
    expect(r.committed).toBe(true);
  });
});

describe('reconciliation against the firearms register', () => {
  it('uses the register when the company never filed: missing in-service weapons flagged, disposed ones not; serials held by another company flagged', async () => {
    const db = w.app.workspaces.db;
    const ids = Object.fromEntries((db.prepare('SELECT id, legal_name FROM companies').all() as { id: string; legal_name: string }[]).map((c) => [c.legal_name, c.id]));
    const quetzal = ids['Seguridad Quetzal Integral, S.A.'];
    const maya = ids['Custodia Maya, S.A.'];
    const put = (company: string, serial: string, state: string) => db.prepare(`INSERT INTO firearms (id, company_id, type, make, make_norm, calibre_code, calibre_written, serial, serial_norm, condition, state, created_at, updated_at)
      VALUES (?, ?, 'pistol', 'Glock', 'GLOCK', '9x19', '9 mm', ?, ?, 'serviceable', ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`).run(crypto.randomUUID(), company, serial, serial.replace(/[^A-Z0-9]/gi, '').toUpperCase(), state);
    put(quetzal, 'REG-1', 'in_armory');
    put(quetzal, 'REG-2', 'issued');
    put(quetzal, 'REG-3', 'stolen');
    put(maya, 'MAYA-9', 'in_armory');
    const r = await imp({ 'armas.csv': csv([FIREARMS_HEADER, firearm({ serial: 'reg 1', make: 'Glock', model: '', type: 'Pistola', cal: '9 mm', status: 'En armería' }), firearm({ serial: 'MAYA-9' })]) }, { dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.counts.FIREARMS).toEqual({ read: 2, new: 1, changed: 0, unchanged: 1, missing: 2 });
    expect(r.flags).toEqual([
      { kind: 'possible_diversion', companyLicenceNo: LICENCE, serialNo: 'REG-2' },
      { kind: 'serial_other_company', companyLicenceNo: LICENCE, serialNo: 'MAYA-9', otherCompanyLicenceNo: OTHER_LICENCE },
    ]);
  });
});
