import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { runImport } from '../../electron/services/returns/importer.ts';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';
import { b64, csv, firearm, FIREARMS_HEADER, grantLicence, LICENCE, xlsx } from '../helpers/returnsFiles.ts';

/** Hostile files and the real Illinois file: a clear problem, nothing written, never a crash. */
type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
beforeAll(async () => {
  w = await freshWorkspace();
  grantLicence(w.app.workspaces.db, (await w.ok('companies.create', sampleCompany())).id, LICENCE);
});
afterAll(() => w.cleanup());

const imp = (name: string, bytes: Uint8Array) => runImport(w.app.workspaces.db, {
  files: [{ name, bytes }], year: 2026, dryRun: false, answers: {}, dateOrder: {}, language: 'es', user: { id: null, username: null }, now: '2026-11-23T12:00:00.000Z',
});
const batches = () => (w.app.workspaces.db.prepare('SELECT count(*) AS n FROM return_batches').get() as { n: number }).n;

async function refused(name: string, bytes: Uint8Array, code: string) {
  const before = batches();
  const r = await imp(name, bytes);
  expect(r.errors.map((e) => e.code), name).toEqual([code]);
  expect(r.errors[0].message).not.toMatch(/returns\.problem/);
  expect(r.committed).toBe(false);
  expect(batches()).toBe(before);
  return r;
}

describe('hostile files', () => {
  it('refuses an empty file, a header-only file, NUL bytes and binary garbage', async () => {
    await refused('vacio.csv', new Uint8Array(0), 'FILE_EMPTY');
    await refused('blancos.csv', new Uint8Array(Buffer.from('\r\n  \r\n')), 'FILE_EMPTY');
    await refused('armas.csv', csv([FIREARMS_HEADER]), 'HEADER_ONLY');
    const withNul = csv([FIREARMS_HEADER, firearm()]);
    withNul[40] = 0;
    await refused('nul.csv', withNul, 'BINARY_CONTENT');
    let seed = 7;
    const garbage = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    await refused('basura.csv', garbage, 'BINARY_CONTENT');
    await refused('programa.csv', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'BINARY_CONTENT');
  });

  it('refuses a file that is not what its extension says, and unsupported formats', async () => {
    const book = await xlsx({ Armas: [FIREARMS_HEADER, firearm()] });
    const r = await refused('armas.csv', book, 'FILE_TYPE_MISMATCH');
    expect(r.errors[0].message).toBe('El archivo «armas.csv» no es lo que dice su extensión (.csv): su contenido es xlsx.');
    await refused('armas.xlsx', csv([FIREARMS_HEADER, firearm()]), 'FILE_TYPE_MISMATCH');
    await refused('armas.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'FILE_UNSUPPORTED');
    await refused('armas.pdf', new Uint8Array(Buffer.from('%PDF-1.7 ...')), 'BINARY_CONTENT');
    await refused('notas.zip', zipSync({ 'a.txt': strToU8('hola') }), 'FILE_UNSUPPORTED');
  });

  it('refuses a truncated or corrupt XLSX', async () => {
    const book = await xlsx({ Armas: [FIREARMS_HEADER, ...Array.from({ length: 50 }, (_, i) => firearm({ serial: `S${i}` }))] });
    await refused('cortado.xlsx', book.subarray(0, Math.floor(book.length * 0.6)), 'FILE_CORRUPT');
    const flipped = new Uint8Array(book);
    for (let i = 200; i < flipped.length - 200; i += 97) flipped[i] ^= 0xff;
    const r = await imp('danado.xlsx', flipped);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.committed).toBe(false);
  });

  it('refuses a zip bomb from its directory, before inflating it', async () => {
    // 64 MiB of zeros deflate to ~64 KiB: a ratio far above any spreadsheet's.
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'xl/workbook.xml': strToU8('<w/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused('bomba.xlsx', bomb, 'ZIP_BOMB');
    // A directory that lies about sizes (declares 4 GiB - 1 for one entry) is refused too.
    const small = zipSync({ 'xl/workbook.xml': strToU8('<w/>'), 'content.xml': strToU8('<c/>') });
    const liar = new Uint8Array(small);
    const dv = new DataView(liar.buffer);
    for (let i = liar.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 0xfffffffe, true);
    }
    await refused('mentiroso.xlsx', liar, 'ZIP_BOMB');
  });

  it('refuses huge cells without holding them', async () => {
    await refused('armas.csv', csv([FIREARMS_HEADER, firearm({ model: 'x'.repeat(40_000) })]), 'FILE_CORRUPT');
  });

  it('reads an ODS made by LibreOffice-style XML, with repeated empty rows and columns', async () => {
    const cell = (v: string) => `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
    const row = (cells: string[]) => `<table:table-row>${cells.map(cell).join('')}<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`;
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
      <table:table table:name="Armas">${row(['Declaración 2026'])}${row(FIREARMS_HEADER)}${row(firearm({ acq: '' }))}
      <table:table-row><table:table-cell office:value-type="string"><text:p>${LICENCE}</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>ODS-2</text:p></table:table-cell>${cell('CZ')}${cell('75')}${cell('Pistola')}${cell('9 mm')}${cell('Chequia')}${cell('')}${cell('En armería')}<table:table-cell office:value-type="date" office:date-value="2021-04-30"><text:p>30/04/21</text:p></table:table-cell></table:table-row>
      <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>
      </office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8(content) });
    const r = await imp('declaracion.ods', ods);
    expect(r.errors).toEqual([]);
    expect(r.files[0]).toMatchObject({ format: 'ods' });
    expect(r.files[0].sheets[0]).toMatchObject({ sheetName: 'Armas', returnSheet: 'FIREARMS', headerRow: 2, rows: 2 });
    expect(r.committed).toBe(true);
    expect(w.app.workspaces.db.prepare(`SELECT acquired_date FROM return_firearms WHERE serial_no = 'ODS-2'`).get()).toEqual({ acquired_date: '2021-04-30' });
  });
});

describe('the real Illinois IDFPR licence file', () => {
  const path = fileURLToPath(new URL('../../../shared/realdata/illinois-idfpr-licenses.csv', import.meta.url));
  const bytes = (() => { try { return new Uint8Array(readFileSync(path)); } catch { return null; } })();

  it.skipIf(!bytes)('goes through the importer with a saved mapping profile and is refused where it does not fit the template', async () => {
    // The officer's answers, saved once as a profile: licence number is the guard's credential,
    // the name is first + middle + last, the rest is not part of the return.
    const ignore = ['_id', 'License Type', 'Description', 'License Status', 'Business', 'Title', 'Prefix', 'Suffix', 'Business Name', 'BusinessDBA',
      'Original Issue Date', 'Effective Date', 'City', 'State', 'Zip', 'County', 'Specialty/Qualifier', 'Controlled Substance Schedule',
      'Delegated Controlled Substance Schedule', 'Ever Disciplined', 'LastModifiedDate', 'Case Number', 'Action', 'Discipline Start Date',
      'Discipline End Date', 'Discipline Reason'];
    const profile = await w.ok('returns.saveProfile', {
      name: 'Illinois IDFPR', companyLicenceNo: null,
      answers: { PERSONNEL: { 'License Number': 'credential_no', 'First Name': 'full_name', Middle: 'full_name', 'Last Name': 'full_name', 'Expiration Date': 'credential_expiry', ...Object.fromEntries(ignore.map((h) => [h, ''])) } },
    });
    const { jobId } = await w.ok('returns.startImport', { files: [{ name: 'illinois-idfpr-licenses.csv', base64: b64(bytes!) }], year: 2022, dryRun: false, profileId: profile.id, language: 'en' });
    let s = await w.ok('returns.jobStatus', { jobId });
    for (let i = 0; i < 1200 && s.state === 'running'; i++) { await new Promise((r) => setTimeout(r, 50)); s = await w.ok('returns.jobStatus', { jobId }); }
    expect(s.state, s.error ?? '').toBe('done');
    const r = s.report!;
    expect(r.files[0]).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', dateOrder: 'mdy' });
    // 10,000 records although 10,003 physical lines: the quoted "\r\n\r\n" stays inside one record.
    expect(r.files[0].sheets[0]).toMatchObject({ returnSheet: 'PERSONNEL', headerRow: 1, rows: 10_000 });
    expect(r.warnings.filter((p) => p.code === 'UNMAPPED_COLUMN')).toEqual([]);
    const missing = r.errors.filter((e) => e.code === 'REQUIRED_COLUMN_MISSING').map((e) => e.column).sort();
    expect(missing).toEqual(['company_licence_no', 'national_id', 'role']);
    expect(r.errors.find((e) => e.column === 'national_id')!.message).toBe('The required column “national_id” is missing.');
    // Sentinel expiry years (2999, 3004, 3005) are reported, not stored as dates; blank masks "  /  /    " are empty.
    const bad = r.errors.filter((e) => e.code === 'BAD_DATE');
    expect(bad.length).toBe(58);
    expect(new Set(bad.map((e) => e.message.replace(/\d\d\/\d\d\//, '')))).toEqual(new Set(['The date “2999” is not valid.', 'The date “3004” is not valid.', 'The date “3005” is not valid.']));
    expect(r.committed).toBe(false);
    expect(w.app.workspaces.db.prepare('SELECT count(*) AS n FROM return_batches WHERE year = 2022').get()).toEqual({ n: 0 });
  });
});
