import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { runImport } from '../../electron/services/returns/importer.ts';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';
import { csv, grantLicence, LICENCE, person, PERSONNEL_HEADER } from '../helpers/returnsFiles.ts';

/** The PERSONNEL sheet reconciled against the personnel register (persons, employments, credentials). */
type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
let companyId: string;
beforeAll(async () => {
  w = await freshWorkspace();
  companyId = (await w.ok('companies.create', sampleCompany())).id;
  grantLicence(w.app.workspaces.db, companyId, LICENCE);
});
afterAll(() => w.cleanup());

/** A person and their employment, straight into the register (the personnel area owns the real flow). */
function registerPerson(o: { nid: string; given: string; family: string; birth: string; status: string; cred: string; expires: string; start: string; end?: string }) {
  const db = w.app.workspaces.db;
  const id = uuidv7();
  const now = '2026-01-10T10:00:00.000Z';
  db.prepare(`INSERT INTO persons (id, id_country, national_id, national_id_norm, given_names, family_names, birth_date, nationality, role,
      criminal_check_date, criminal_check_result, health_cert_date, health_cert_expiry, credential_status, credential_number, credential_issued_on, credential_expires_on,
      current_company_id, created_at, updated_at)
    VALUES (?, 'GT', ?, ?, ?, ?, ?, 'GT', 'armed_guard', '2024-01-05', 'clear', '2024-01-05', '2029-01-05', ?, ?, '2024-01-10', ?, ?, ?, ?)`).run(
    id, o.nid, o.nid, o.given, o.family, o.birth, o.status, o.cred, o.expires, o.end ? null : companyId, now, now);
  db.prepare(`INSERT INTO employments (id, person_id, company_id, position, start_date, end_date, end_reason, created_at, updated_at)
    VALUES (?, ?, ?, 'Guardia', ?, ?, ?, ?, ?)`).run(uuidv7(), id, companyId, o.start, o.end ?? null, o.end ? 'resignation' : null, now, now);
}

const imp = (bytes: Uint8Array, opts: { year?: number; dryRun?: boolean } = {}) => runImport(w.app.workspaces.db, {
  files: [{ name: 'personal.csv', bytes }], year: opts.year ?? 2026, dryRun: opts.dryRun ?? true, answers: {}, dateOrder: {}, language: 'es', user: { id: null, username: null }, now: '2026-11-23T12:00:00.000Z',
});
const flagsOf = (r: Awaited<ReturnType<typeof imp>>) => r.flags.map((f) => `${f.kind}:${f.nationalId}`).sort();

describe('personnel against the personnel register', () => {
  beforeAll(() => {
    const base = { birth: '1988-05-02', status: 'active', expires: '2028-12-31', start: '2024-01-15' };
    registerPerson({ ...base, nid: '2547896541201', given: 'María José', family: 'Ajú Xicará', cred: 'CR-10021' }); // in good standing
    registerPerson({ ...base, nid: '2547896541202', given: 'Pedro', family: 'Coc Caal', cred: 'CR-10022', status: 'suspended' }); // credential suspended
    registerPerson({ ...base, nid: '2547896541203', given: 'Ana Lucía', family: 'Tum Ixcoy', cred: 'CR-10023' }); // left out of the return
    registerPerson({ ...base, nid: '2547896541204', given: 'Luis', family: 'Pop Chen', cred: 'CR-10024', end: '2026-06-30' }); // left in June
    registerPerson({ ...base, nid: '2547896541205', given: 'Rosa', family: 'Batz Tuy', cred: 'CR-10025' }); // name differs in the return
  });
  const ret = () => csv([PERSONNEL_HEADER,
    person({ id: '2547896541201', name: 'María José Ajú Xicará', cred: 'CR-10021', exp: '31/12/2028' }),
    person({ id: '2547-89654-1202', name: 'pedro  COC caal', cred: 'CR-10022', exp: '31/12/2028' }),
    person({ id: '2547896541205', name: 'Rosa Elvira Batz Tuy', cred: 'CR-10025', exp: '31/12/2028' }),
    person({ id: '1234567890123', name: 'Desconocido Pérez', cred: 'CR-99999', exp: '31/12/2028' }),
  ]);

  it('when the company never filed: new, changed, unchanged and missing against the register; credentials and absences flagged', async () => {
    const r = await imp(ret());
    expect(r.errors).toEqual([]);
    expect(r.counts.PERSONNEL).toEqual({ read: 4, new: 1, changed: 1, unchanged: 2, missing: 1 });
    expect(r.diff).toContainEqual({ sheet: 'PERSONNEL', companyLicenceNo: LICENCE, key: '2547896541205', change: 'changed', fields: [{ field: 'full_name', before: 'rosa batz tuy', after: 'rosa elvira batz tuy' }] });
    expect(r.diff).toContainEqual({ sheet: 'PERSONNEL', companyLicenceNo: LICENCE, key: '2547896541203', change: 'missing', fields: [] });
    expect(r.diff.some((d) => d.key === '2547896541204')).toBe(false);
    // Suspended in the register, unknown to the register: no valid credential on 31 December; Ana Lucía left out.
    expect(flagsOf(r)).toEqual(['credential_invalid:1234567890123', 'credential_invalid:2547-89654-1202', 'missing_personnel:2547896541203']);
  });

  it('after a filing, the register still flags employees left out and credentials not in force', async () => {
    const first = await imp(ret(), { year: 2025, dryRun: false });
    expect(first.committed).toBe(true);
    const flags = (w.app.workspaces.db.prepare('SELECT kind, national_id FROM return_flags WHERE batch_id = ? ORDER BY kind, national_id').all(first.batchId) as { kind: string; national_id: string }[]);
    // On 31 December 2025 Luis still worked there (he left in June 2026): left out of the 2025 return, he is flagged too.
    expect(flags.map((f) => `${f.kind}:${f.national_id}`)).toEqual(['credential_invalid:1234567890123', 'credential_invalid:2547-89654-1202', 'missing_personnel:2547896541203', 'missing_personnel:2547896541204']);
    // Next year, against last year's return: the same people, so nothing new; the register's absentee is still flagged.
    const r = await imp(ret());
    expect(r.counts.PERSONNEL).toEqual({ read: 4, new: 0, changed: 0, unchanged: 4, missing: 0 });
    expect(flagsOf(r)).toEqual(['credential_invalid:1234567890123', 'credential_invalid:2547-89654-1202', 'missing_personnel:2547896541203']);
    // Once the credential is reinstated in the register, the flag goes.
    w.app.workspaces.db.prepare(`UPDATE persons SET credential_status = 'active' WHERE national_id = '2547896541202'`).run();
    expect(flagsOf(await imp(ret()))).toEqual(['credential_invalid:1234567890123', 'missing_personnel:2547896541203']);
  });
});
