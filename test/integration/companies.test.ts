import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { seedCompanies } from '../../electron/services/seed/seed.ts';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

const count = () => (w.app.workspaces.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;

describe('company register', () => {
  it('creates a company with owners and branches and reads it back', async () => {
    w = await freshWorkspace();
    const c = await w.ok('companies.create', sampleCompany({ taxId: '1234567 9' }));
    expect(c.taxId).toBe('1234567-9');
    const got = await w.ok('companies.get', { id: c.id });
    expect(got.owners).toHaveLength(1);
    expect(got.owners[0]).toMatchObject({ fullName: 'Héctor Cifuentes', sharePercent: 60, criminalRecordDeclared: true });
    expect(got.branches[0]).toMatchObject({ city: 'Quetzaltenango' });
    expect(got.serviceTypes).toEqual(['static_guarding', 'escort']);
  });

  it('refuses a duplicate tax id however it is typed, naming the existing company', async () => {
    w = await freshWorkspace();
    await w.ok('companies.create', sampleCompany());
    const r = await w.app.call('companies.create', sampleCompany({ taxId: '1234567-9'.replace('-', ' ').replace('9', '9 '), legalName: 'Otra, S.A.' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', field: 'taxId', messageKey: 'errors.taxIdTaken', params: { legalName: 'Seguridad Quetzal Integral, S.A.' } });
    expect(count()).toBe(1);
  });

  it('validates each field and names it, writing nothing', async () => {
    w = await freshWorkspace();
    const r = await w.app.call('companies.create', sampleCompany({ legalName: '  ', serviceTypes: [], email: 'no-es-correo', guaranteeExpiry: '2027-02-30', owners: [{ fullName: 'A', sharePercent: 70 }, { fullName: 'B', sharePercent: 40 }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const fields = Object.fromEntries(r.error.issues!.map((i) => [i.field, i.messageKey]));
      expect(fields).toMatchObject({ legalName: 'validation.required', serviceTypes: 'validation.serviceTypes', email: 'validation.email', guaranteeExpiry: 'validation.date', owners: 'validation.sharesOver100' });
    }
    const bad = await w.app.call('companies.create', sampleCompany({ taxId: '1234567-8' }));
    if (!bad.ok) expect(bad.error).toMatchObject({ field: 'taxId', messageKey: 'validation.taxIdCheckDigit' });
    expect(count()).toBe(0);
    expect((await w.ok('journal.list', { entityType: 'company' })).total).toBe(0);
  });

  it('refuses a stale edit instead of overwriting someone else’s change', async () => {
    w = await freshWorkspace();
    const c = await w.ok('companies.create', sampleCompany());
    const v2 = await w.ok('companies.update', { id: c.id, version: 1, fields: { ...sampleCompany(), city: 'Mixco' } });
    expect(v2.version).toBe(2);
    const stale = await w.app.call('companies.update', { id: c.id, version: 1, fields: { ...sampleCompany(), city: 'Escuintla' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.messageKey).toBe('errors.staleVersion');
    expect((await w.ok('companies.get', { id: c.id })).city).toBe('Mixco');
  });

  it('names every company for pickers, past the list page limit, by name', async () => {
    w = await freshWorkspace();
    seedCompanies(w.app.workspaces.db, 650, { now: w.clock.now(), userId: null, username: null });
    const total = (w.app.workspaces.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    expect(total).toBeGreaterThan(600);
    const names = await w.ok('companies.names', {});
    expect(names).toHaveLength(total);
    const lower = names.map((n) => n.legalName.toLowerCase());
    expect(lower).toEqual([...lower].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const page = await w.ok('companies.list', { sort: 'legalName', dir: 'desc', limit: 1 });
    expect(names.map((n) => n.id)).toContain(page.rows[0].id); // the last by name is there too
  });

  it('searches accent-insensitively, filters and sorts in SQL with stable paging', async () => {
    w = await freshWorkspace();
    const added = seedCompanies(w.app.workspaces.db, 300, { now: w.clock.now(), userId: null, username: null });
    expect(added).toBeGreaterThan(290);
    const peten = await w.ok('companies.list', { search: 'peten' });
    expect(peten.total).toBeGreaterThan(0);
    for (const r of peten.rows) expect(`${r.legalName} ${r.tradeName} ${r.city}`).toMatch(/Petén/);
    const armedCo = await w.ok('companies.list', { country: 'CO', armed: true, limit: 500 });
    expect(armedCo.rows.every((r) => r.country === 'CO' && r.armed)).toBe(true);
    const byName = await w.ok('companies.list', { sort: 'legalName', dir: 'desc', limit: 500 });
    const names = byName.rows.map((r) => r.legalName.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const p1 = await w.ok('companies.list', { sort: 'city', offset: 0, limit: 50 });
    const p2 = await w.ok('companies.list', { sort: 'city', offset: 50, limit: 50 });
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(100);
    // FTS syntax typed by a user is treated as text, never as a query error.
    expect((await w.app.call('companies.list', { search: 'NEAR( "* OR -' })).ok).toBe(true);
    // A tax id is found with or without punctuation.
    const one = byName.rows.find((r) => r.country === 'GT')!;
    const found = await w.ok('companies.list', { search: one.taxId.replace('-', '') });
    expect(found.rows.map((r) => r.id)).toContain(one.id);
  });

  it('exports the current view to CSV and XLSX with formula cells neutralised', async () => {
    w = await freshWorkspace();
    await w.ok('companies.create', sampleCompany({ legalName: '=HYPERLINK("http://x","y"), S.A.', tradeName: '+Cmd', city: '@Mixco' }));
    await w.ok('companies.create', sampleCompany({ taxId: '7654321-8', legalName: 'Vigilancia Ceiba, S.A.', tradeName: '-Ceiba' }));
    const csv = await w.ok('companies.export', { format: 'csv', columns: ['legalName', 'tradeName', 'city', 'armed'], sort: 'legalName' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.rows).toBe(2);
    expect(text.startsWith('\uFEFFRazón social,Nombre comercial,Ciudad,Armada')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y""), S.A."`);
    expect(text).toContain("'+Cmd");
    expect(text).toContain("'@Mixco");
    expect(text).toContain("'-Ceiba");
    expect(text).not.toMatch(/(^|,)=/m);
    const xlsx = await w.ok('companies.export', { format: 'xlsx', columns: ['legalName', 'tradeName'], search: 'ceiba', language: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, 'Legal name', 'Trade name']);
    expect(ws.getRow(2).getCell(2).value).toBe("'-Ceiba");
    expect(ws.rowCount).toBe(2);
  });
});
