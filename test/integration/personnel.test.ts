import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { directCtx, nextGtCui, samplePerson, VALID_VETTING } from '../helpers/personnel.ts';
import { applyCredentialTransition, credentialValidOn, qualifiedFor } from '../../electron/services/personnel/index.ts';
import { checkHolder } from '../../electron/services/firearms/holderEligibility.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

const count = (t: string) => (w.app.workspaces.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

async function company(name = 'Seguridad Quetzal Integral, S.A.') {
  return (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: name }))).id;
}

describe('personnel register', () => {
  it('registers a person as an applicant with the id formatted and reads it back', async () => {
    w = await freshWorkspace();
    const cui = nextGtCui();
    const p = await w.ok('personnel.create', samplePerson({ nationalId: `${cui.slice(0, 4)}-${cui.slice(4, 9)}-${cui.slice(9)}` }));
    expect(p.nationalId).toBe(`${cui.slice(0, 4)} ${cui.slice(4, 9)} ${cui.slice(9)}`);
    expect(p.credentialStatus).toBe('applicant');
    expect(p.credentialNumber).toBeNull();
    const got = await w.ok('personnel.get', { id: p.id });
    expect(got).toMatchObject({ givenNames: 'José Armando', familyNames: 'Pérez Xicará', role: 'guard', version: 1 });
    expect((await w.ok('journal.list', { entityType: 'person' })).total).toBe(1);
  });

  it('refuses a duplicate national id however it is typed, naming the person already registered', async () => {
    w = await freshWorkspace();
    const cui = nextGtCui();
    await w.ok('personnel.create', samplePerson({ nationalId: cui }));
    const r = await w.app.call('personnel.create', samplePerson({ nationalId: ` ${cui.slice(0, 4)}.${cui.slice(4, 9)} / ${cui.slice(9)} `, givenNames: 'Otro', familyNames: 'Nombre' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', field: 'nationalId', messageKey: 'errors.nationalIdTaken', params: { name: 'José Armando Pérez Xicará' } });
    expect(count('persons')).toBe(1);
  });

  it('refuses anyone under 18 on the clock’s day, and accepts them on their 18th birthday', async () => {
    w = await freshWorkspace(); // clock: 2026-11-23
    const young = await w.app.call('personnel.create', samplePerson({ birthDate: '2008-11-24' }));
    expect(young.ok).toBe(false);
    if (!young.ok) expect(young.error).toMatchObject({ code: 'VALIDATION', field: 'birthDate', messageKey: 'validation.underAge', params: { years: 18 } });
    expect(count('persons')).toBe(0);
    expect((await w.app.call('personnel.create', samplePerson({ birthDate: '2008-11-23' }))).ok).toBe(true);
    const future = await w.app.call('personnel.create', samplePerson({ birthDate: '2027-01-01' }));
    if (!future.ok) expect(future.error.messageKey).toBe('validation.birthDateFuture');
  });

  it('validates national ids per country with their check digits, naming the field', async () => {
    w = await freshWorkspace();
    const cui = nextGtCui();
    const wrongCheck = `${cui.slice(0, 8)}${(Number(cui[8]) + 1) % 10}${cui.slice(9)}`;
    const bad = await w.app.call('personnel.create', samplePerson({ nationalId: wrongCheck }));
    if (!bad.ok) expect(bad.error).toMatchObject({ field: 'nationalId', messageKey: 'validation.nationalIdCheckDigit' });
    const place = await w.app.call('personnel.create', samplePerson({ nationalId: `${cui.slice(0, 9)}0125` }));
    if (!place.ok) expect(place.error).toMatchObject({ field: 'nationalId', messageKey: 'validation.nationalIdPlace' });
    const br = await w.ok('personnel.create', samplePerson({ idCountry: 'BR', nationality: 'BR', nationalId: '529.982.247-25' }));
    expect(br.nationalId).toBe('529.982.247-25');
    const brBad = await w.app.call('personnel.create', samplePerson({ idCountry: 'BR', nationality: 'BR', nationalId: '529.982.247-24' }));
    if (!brBad.ok) expect(brBad.error.params).toMatchObject({ document: 'CPF' });
    expect(bad.ok || place.ok || brBad.ok).toBe(false);
    expect(count('persons')).toBe(1);
  });

  it('refuses a stale edit and keeps the other officer’s change', async () => {
    w = await freshWorkspace();
    const p = await w.ok('personnel.create', samplePerson());
    const fields = samplePerson({ nationalId: p.nationalId, city: 'Villa Nueva' });
    const v2 = await w.ok('personnel.update', { id: p.id, version: 1, fields });
    expect(v2.version).toBe(2);
    const stale = await w.app.call('personnel.update', { id: p.id, version: 1, fields: { ...fields, city: 'Escuintla' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.messageKey).toBe('errors.personStaleVersion');
    expect((await w.ok('personnel.get', { id: p.id })).city).toBe('Villa Nueva');
  });
});

describe('credentialing', () => {
  async function inVetting(over: Record<string, unknown> = {}) {
    const p = await w.ok('personnel.create', samplePerson(over));
    await w.ok('personnel.transitionCredential', { personId: p.id, action: 'startVetting' });
    return p.id;
  }
  const issue = (personId: string) => w.app.call('personnel.transitionCredential', { personId, action: 'issue' });

  it('refuses credentialing without vetting, naming what is missing, and writes nothing', async () => {
    w = await freshWorkspace();
    const id = await inVetting();
    const before = [count('credential_events'), count('journal')];
    const r = await issue(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.vettingCriminalMissing', field: 'criminalCheckDate' });
    expect([count('credential_events'), count('journal')]).toEqual(before);
    expect((await w.ok('personnel.get', { id })).credentialStatus).toBe('vetting');
  });

  it('refuses with the reason when the check shows a record, is too old, or health is missing or expired', async () => {
    w = await freshWorkspace();
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ ...VALID_VETTING, criminalCheckResult: 'record' }, 'errors.vettingCriminalRecord', { date: '2026-10-01' }],
      [{ ...VALID_VETTING, criminalCheckDate: '2026-01-10' }, 'errors.vettingCriminalStale', { date: '2026-01-10', days: 180 }],
      [{ ...VALID_VETTING, healthCertDate: null, healthCertExpiry: null }, 'errors.vettingHealthMissing', {}],
      [{ ...VALID_VETTING, healthCertDate: '2025-06-01', healthCertExpiry: '2026-06-01' }, 'errors.vettingHealthExpired', { date: '2026-06-01' }],
      [{ ...VALID_VETTING, rightToWork: false }, 'errors.vettingNoRightToWork', {}],
    ];
    for (const [over, key, params] of cases) {
      const id = await inVetting(over);
      const r = await issue(id);
      expect(r.ok, key).toBe(false);
      if (!r.ok) expect(r.error, key).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: key, params });
    }
    expect(count('number_sequences')).toBe(0);
  });

  it('issues a numbered credential from the agency pattern; an employed guard goes straight to Active', async () => {
    w = await freshWorkspace();
    await w.ok('personnel.updateSettings', { credentialNumberPattern: 'DIGESSP-{yy}-{seq:4}', credentialValidityMonths: 12, criminalCheckMaxAgeDays: 180 });
    const co = await company();
    const a = await inVetting(VALID_VETTING);
    await w.ok('personnel.setEmployer', { personId: a, companyId: co, startDate: '2026-11-01', position: 'Agente' });
    const got = await w.ok('personnel.transitionCredential', { personId: a, action: 'issue' });
    expect(got).toMatchObject({ credentialStatus: 'active', credentialNumber: 'DIGESSP-26-0001', credentialIssuedOn: '2026-11-23', credentialExpiresOn: '2027-11-23' });
    expect(got.credentialEvents.map((e) => e.action)).toEqual(['activate', 'issue', 'startVetting']);
    const b = await inVetting(VALID_VETTING);
    expect((await w.ok('personnel.transitionCredential', { personId: b, action: 'issue' })).credentialNumber).toBe('DIGESSP-26-0002');
    expect((await w.ok('personnel.get', { id: b })).credentialStatus).toBe('credentialed');
    expect(credentialValidOn(w.app.workspaces.db, a, '2026-12-01')).toBe(true);
    expect(credentialValidOn(w.app.workspaces.db, a, '2027-11-24')).toBe(false);
    const bad = await w.app.call('personnel.updateSettings', { credentialNumberPattern: 'CRED-{year}', credentialValidityMonths: 12, criminalCheckMaxAgeDays: 180 });
    if (!bad.ok) expect(bad.error).toMatchObject({ field: 'credentialNumberPattern', messageKey: 'validation.numberPattern' });
    expect(bad.ok).toBe(false);
  });

  it('suspension needs reason and legal basis and the supervisor’s permission; sanctions can apply it through the service', async () => {
    w = await freshWorkspace();
    const id = await inVetting(VALID_VETTING);
    await w.ok('personnel.transitionCredential', { personId: id, action: 'issue' });
    const noReason = await w.app.call('personnel.transitionCredential', { personId: id, action: 'suspend' });
    if (!noReason.ok) expect(noReason.error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(noReason.ok).toBe(false);
    await w.signInAs('licensing_officer');
    const officer = await w.app.call('personnel.transitionCredential', { personId: id, action: 'suspend', reason: 'x', legalBasis: 'y' });
    if (!officer.ok) expect(officer.error.code).toBe('FORBIDDEN');
    expect(officer.ok).toBe(false);
    // The sanctions area executes a final sanction inside its own transaction.
    const ctx = directCtx(w);
    w.app.workspaces.db.transaction(() => applyCredentialTransition(ctx, {
      personId: id, action: 'suspend', reason: 'Sanción firme', legalBasis: 'Decreto 52-2010, art. 60', ref: { type: 'sanction', id: 'S-1' }, skipPermission: true,
    }))();
    const p = await w.ok('personnel.get', { id });
    expect(p.credentialStatus).toBe('suspended');
    expect(p.credentialEvents[0]).toMatchObject({ action: 'suspend', refType: 'sanction', refId: 'S-1', legalBasis: 'Decreto 52-2010, art. 60' });
    expect(ctx.notes[0]).toMatchObject({ entityType: 'person', entityId: id });
    expect(credentialValidOn(w.app.workspaces.db, id, '2026-12-01')).toBe(false);
  });

  it('expires credentials past their date through the table', async () => {
    w = await freshWorkspace();
    const id = await inVetting(VALID_VETTING);
    await w.ok('personnel.transitionCredential', { personId: id, action: 'issue' });
    expect((await w.ok('personnel.expireCredentials', {})).expired).toBe(0);
    w.clock.set('2028-11-24T12:00:00Z');
    expect((await w.ok('personnel.expireCredentials', {})).expired).toBe(1);
    const p = await w.ok('personnel.get', { id });
    expect(p.credentialStatus).toBe('expired');
    expect((await w.ok('personnel.transitionCredential', { personId: id, action: 'renew' })).credentialStatus).toBe('vetting');
  });
});

describe('employment', () => {
  it('keeps the history, allows one current employer, and the credential follows it', async () => {
    w = await freshWorkspace();
    const a = await company('Seguridad Quetzal Integral, S.A.');
    const b = await company('Vigilancia Ceiba, S.A.');
    const p = await w.ok('personnel.create', samplePerson(VALID_VETTING));
    await w.ok('personnel.transitionCredential', { personId: p.id, action: 'startVetting' });
    await w.ok('personnel.transitionCredential', { personId: p.id, action: 'issue' });
    let got = await w.ok('personnel.setEmployer', { personId: p.id, companyId: a, startDate: '2025-02-01', position: 'Agente' });
    expect(got).toMatchObject({ credentialStatus: 'active', currentCompanyId: a, currentCompanyName: 'Seguridad Quetzal Integral, S.A.' });
    const again = await w.app.call('personnel.setEmployer', { personId: p.id, companyId: a, startDate: '2025-03-01' });
    if (!again.ok) expect(again.error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.alreadyEmployedThere' });
    const before = await w.app.call('personnel.setEmployer', { personId: p.id, companyId: b, startDate: '2025-01-01' });
    if (!before.ok) expect(before.error).toMatchObject({ field: 'startDate', messageKey: 'validation.employmentOverlap' });
    expect(again.ok || before.ok).toBe(false);
    got = await w.ok('personnel.setEmployer', { personId: p.id, companyId: b, startDate: '2026-06-01', position: 'Supervisor de turno' });
    expect(got.employments.map((e) => [e.companyName, e.startDate, e.endDate])).toEqual([
      ['Vigilancia Ceiba, S.A.', '2026-06-01', null],
      ['Seguridad Quetzal Integral, S.A.', '2025-02-01', '2026-06-01'],
    ]);
    expect(got.credentialStatus).toBe('active');
    got = await w.ok('personnel.endEmployment', { personId: p.id, endDate: '2026-11-20', reason: 'Renuncia' });
    expect(got).toMatchObject({ credentialStatus: 'inactive', currentCompanyId: null });
    expect(got.credentialEvents.map((e) => e.action).slice(0, 2)).toEqual(['deactivate', 'activate']);
    expect((await w.app.call('personnel.endEmployment', { personId: p.id, endDate: '2026-11-21' })).ok).toBe(false);
    // The database itself refuses a second open employment.
    expect(() => w.app.workspaces.db.prepare(`INSERT INTO employments (id, person_id, company_id, start_date, created_at, updated_at) VALUES ('x1', ?, ?, '2026-11-21', 'x', 'x')`).run(p.id, a)).not.toThrow();
    expect(() => w.app.workspaces.db.prepare(`INSERT INTO employments (id, person_id, company_id, start_date, created_at, updated_at) VALUES ('x2', ?, ?, '2026-11-21', 'x', 'x')`).run(p.id, b)).toThrow(/UNIQUE/);
    expect((await w.ok('personnel.list', { companyId: b })).total).toBe(0);
  });
});

describe('trainings and qualifications', () => {
  it('records them and answers qualifiedFor by calibre and date', async () => {
    w = await freshWorkspace();
    const p = await w.ok('personnel.create', samplePerson({ role: 'armed_guard' }));
    await w.ok('personnel.addTraining', { personId: p.id, course: 'Curso básico de seguridad privada', hours: 40, provider: 'Academia DIGESSP', completedOn: '2026-03-10', kind: 'initial' });
    const got = await w.ok('personnel.addQualification', { personId: p.id, calibre: '9 mm', qualifiedOn: '2026-04-01', requalifyBy: '2027-04-01', instructor: 'Insp. Marroquín' });
    expect(got.trainings[0]).toMatchObject({ hours: 40, kind: 'initial' });
    expect(got.qualifications[0]).toMatchObject({ calibre: '9x19', calibreLabel: '9×19 mm', requalifyBy: '2027-04-01' });
    const db = w.app.workspaces.db;
    expect(qualifiedFor(db, p.id, '9x19', '2026-12-01')).toBe(true);
    expect(qualifiedFor(db, p.id, '9mm', '2026-12-01')).toBe(true);
    expect(qualifiedFor(db, p.id, '9 mm', '2027-04-02')).toBe(false);
    expect(qualifiedFor(db, p.id, '.38 SPL', '2026-12-01')).toBe(false);
    // Calibres come from the list: a multi-calibre spelling qualifies for each part; an unknown one is refused, never guessed.
    const multi = await w.ok('personnel.addQualification', { personId: p.id, calibre: '38 SPL / 357 MAG', qualifiedOn: '2026-05-01', requalifyBy: '2027-05-01' });
    expect(multi.qualifications.map((q) => q.calibre).sort()).toEqual(['357mag', '38spl', '9x19']);
    const unknown = await w.app.call('personnel.addQualification', { personId: p.id, calibre: 'cañón de avancarga', qualifiedOn: '2026-05-01' });
    if (!unknown.ok) expect(unknown.error).toMatchObject({ field: 'calibre', messageKey: 'errors.calibreUnknown' });
    expect(unknown.ok).toBe(false);
    // What the firearms register asks before issuing a weapon: credential in force and qualified for every calibre.
    expect(checkHolder(db, p.id, ['9x19'], '2026-12-01')).toMatchObject({ ok: false, messageKey: 'errors.holderNoCredential' });
    db.prepare(`UPDATE persons SET credential_status = 'active', credential_number = 'X-1', credential_issued_on = '2026-01-01', credential_expires_on = '2027-12-31' WHERE id = ?`).run(p.id);
    expect(checkHolder(db, p.id, ['38spl', '357mag'], '2026-12-01')).toEqual({ ok: true });
    expect(checkHolder(db, p.id, ['12ga'], '2026-12-01')).toMatchObject({ ok: false, messageKey: 'errors.holderNotQualified', params: { calibre: '12 GA' } });
    expect(checkHolder(db, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', ['9x19'], '2026-12-01')).toMatchObject({ ok: false, messageKey: 'errors.holderNotFound' });
    const future = await w.app.call('personnel.addTraining', { personId: p.id, course: 'X', hours: 2, provider: 'Y', completedOn: '2027-01-01', kind: 'recurrent' });
    if (!future.ok) expect(future.error).toMatchObject({ field: 'completedOn', messageKey: 'validation.dateFuture' });
    const backwards = await w.app.call('personnel.addQualification', { personId: p.id, calibre: '12', qualifiedOn: '2026-04-01', requalifyBy: '2026-01-01' });
    if (!backwards.ok) expect(backwards.error).toMatchObject({ field: 'requalifyBy', messageKey: 'validation.expiryBeforeIssue' });
    expect(future.ok || backwards.ok).toBe(false);
  });
});

describe('list, search and export', () => {
  it('filters, sorts, searches by name or national id and exports with formula cells neutralised', async () => {
    w = await freshWorkspace();
    const co = await company();
    const names = [['María', 'Ajú Tzoc'], ['Pedro', 'López Pérez'], ['Ana Lucía', 'Peña Cifuentes'], ['=cmd', '+Ruiz'], ['Óscar', 'Pérez Méndez']];
    const ids: string[] = [];
    for (const [g, f] of names) ids.push((await w.ok('personnel.create', samplePerson({ givenNames: g, familyNames: f, role: f.startsWith('P') ? 'armed_guard' : 'guard' }))).id);
    await w.ok('personnel.setEmployer', { personId: ids[0], companyId: co, startDate: '2026-01-01' });
    const byName = await w.ok('personnel.list', { sort: 'name' });
    expect(byName.rows.map((r) => r.familyNames)).toEqual(['+Ruiz', 'Ajú Tzoc', 'López Pérez', 'Peña Cifuentes', 'Pérez Méndez']);
    expect((await w.ok('personnel.list', { search: 'perez' })).rows.map((r) => r.familyNames).sort()).toEqual(['López Pérez', 'Pérez Méndez']);
    const nid = byName.rows[1].nationalId;
    expect((await w.ok('personnel.list', { search: nid.replace(/ /g, '') })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await w.ok('personnel.list', { search: nid })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await w.ok('personnel.list', { companyId: co })).rows.map((r) => r.currentCompanyName)).toEqual(['Seguridad Quetzal Integral, S.A.']);
    expect((await w.ok('personnel.list', { role: 'armed_guard' })).total).toBe(2);
    expect((await w.ok('personnel.list', { credentialStatus: 'applicant', offset: 2, limit: 2 })).rows).toHaveLength(2);
    expect((await w.app.call('personnel.list', { search: 'NEAR( "* OR -' })).ok).toBe(true);
    // Pages in the far half are read backwards from the index and must be the same rows.
    for (const sort of ['name', 'credentialExpiresOn', 'nationalId'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = (await w.ok('personnel.list', { sort, dir, limit: 500 })).rows.map((r) => r.id);
        const pages = [];
        for (let off = 0; off < 5; off += 2) pages.push(...(await w.ok('personnel.list', { sort, dir, offset: off, limit: 2 })).rows.map((r) => r.id));
        expect(pages, `${sort} ${dir}`).toEqual(all);
      }
    }

    const csv = await w.ok('personnel.export', { format: 'csv', columns: ['familyNames', 'givenNames', 'role'], sort: 'name' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFApellidos,Nombres,Función')).toBe(true);
    expect(text).toContain("'+Ruiz,'=cmd,Agente de seguridad");
    expect(text).not.toMatch(/(^|,)[=+]/m);
    const xlsx = await w.ok('personnel.export', { format: 'xlsx', columns: ['familyNames', 'nationalId'], search: 'ajú', language: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, 'Family names', 'ID document']);
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe(nid);
  });
});
