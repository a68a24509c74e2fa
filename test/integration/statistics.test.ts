import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { FIGURE_IDS } from '../../shared/statistics/figures.ts';
import type { CommandOutput } from '../../shared/commands/index.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
const tmp = mkdtempSync(join(tmpdir(), 'centinela-acc-'));
const CITIES = ['Ciudad de Guatemala', 'Quetzaltenango', 'Escuintla'];
const REGIONS = ['Guatemala', 'Escuintla', 'Petén'];

/** A small but varied dataset built through the commands themselves. */
beforeAll(async () => {
  w = await freshWorkspace();
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    ids.push((await w.ok('companies.create', sampleCompany({
      taxId: nextGtNit(), legalName: `Empresa ${i} de Seguridad, S.A.`, city: CITIES[i % 3], icocaStatus: (['none', 'certified', 'applicant'] as const)[i % 3],
      legalRepName: `Representante Legal ${i}`, legalRepId: `25478965${i}0101`,
    }))).id);
  }
  for (let i = 0; i < 18; i++) {
    const year = 2024 + (i % 3);
    const loss = i % 4 === 0 ? 'lost' : i % 4 === 1 ? 'stolen' : null;
    await w.ok('incidents.create', {
      occurredAt: `${year}-0${1 + (i % 9)}-1${i % 10}T08:00`, reportedAt: `${year}-0${1 + (i % 9)}-1${i % 10}T${i % 5 === 0 ? '23' : '12'}:00`,
      region: REGIONS[i % 3]!, companyId: ids[i % 7]!,
      types: loss ? [loss === 'lost' ? 'firearm_loss' : 'firearm_theft', ...(i % 2 ? ['injury' as const] : [])] : [(['use_of_force', 'firearm_discharge', 'property_damage'] as const)[i % 3]],
      description: `Incidente ${i}`,
      firearms: loss ? [{ serial: `SN-${i}`, outcome: loss }, ...(i % 8 === 1 ? [{ serial: `SN-${i}b`, outcome: 'stolen' as const }] : [])] : [],
    });
  }
  for (let i = 0; i < 9; i++) {
    await w.ok('firearms.register', { companyId: ids[i % 4]!, type: (['pistol', 'revolver', 'shotgun'] as const)[i % 3], make: 'Jericho', calibre: i % 2 ? '9 mm Parabellum' : '.38 Special', serial: `REG-${i}` } as never);
  }
  await w.ok('signing.createSelfSigned', { commonName: 'Dirección General de Servicios de Seguridad Privada', organization: 'DIGESSP', country: 'GT' });
  await w.ok('accountability.setDeadlines', { grievanceDays: { received: 5, admissibility: 15, investigation: 60, remedy: 30 }, incidentReportHours: 12, firearmLossReportDays: 8 });
  for (let i = 0; i < 11; i++) {
    const g = await w.ok('grievances.create', {
      receivedAt: `${2025 + (i % 2)}-0${1 + (i % 9)}-05`, channel: 'phone', anonymous: i % 3 === 0,
      complainant: i % 3 === 0 ? null : { fullName: `Denunciante Secreto ${i}`, nationalId: `99887766${i}`, contact: `+502 4444 00${i}` },
      category: (['use_of_force', 'harassment', 'labour_rights', 'detention'] as const)[i % 4], companyId: i % 5 === 4 ? null : ids[i % 7]!,
      personnelConcerned: [`Guardia Nombrado ${i}`], summary: `Queja ${i}`, retaliationConcern: i % 4 === 0,
    });
    if (i % 2) await w.ok('grievances.transition', { id: g.id, version: 1, action: 'openAdmissibility' });
  }
}, 60_000);
afterAll(() => { w.cleanup(); rmSync(tmp, { recursive: true, force: true }); });

const q = <T,>(sql: string, ...p: unknown[]) => w.app.workspaces.db.prepare(sql).all(...p) as T[];
const asMap = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
function figureMap(f: CommandOutput<'statistics.figures'>['figures'][number], series = 0) {
  return Object.fromEntries(f.categories.map((c, i) => [c, f.values[series]![i]!]).filter(([, n]) => (n as number) > 0));
}

describe('statistics equal the same counts computed by SQL here', () => {
  const filterSets = [
    { from: null, to: null, region: null },
    { from: '2025-01-01', to: '2025-12-31', region: null },
    { from: null, to: null, region: 'Escuintla' },
  ];
  for (const f of filterSets) {
    it(`figures for ${JSON.stringify(f)}`, async () => {
      const { figures } = await w.ok('statistics.figures', { filters: f });
      expect(figures.map((x) => x.id)).toEqual([...FIGURE_IDS]);
      const by = Object.fromEntries(figures.map((x) => [x.id, x]));
      const per = (col: string) => `${f.from ? `AND ${col} >= '${f.from}'` : ''} ${f.to ? `AND substr(${col}, 1, 10) <= '${f.to}'` : ''}`;
      const iw = `WHERE 1 ${per('occurred_at')} ${f.region ? `AND region = '${f.region}'` : ''}`;
      const gw = `WHERE 1 ${per('received_at')} ${f.region ? `AND company_id IN (SELECT id FROM companies WHERE city = '${f.region}')` : ''}`;
      const cw = `WHERE 1 ${f.region ? `AND city = '${f.region}'` : ''}`;

      expect(figureMap(by.companiesByRegion!)).toEqual(asMap(q(`SELECT city AS k, count(*) AS n FROM companies ${cw} GROUP BY city`)));
      expect(figureMap(by.companiesByIcoca!)).toEqual(asMap(q(`SELECT icoca_status AS k, count(*) AS n FROM companies ${cw} GROUP BY 1`)));
      // Types counted by scanning the stored JSON in JS, independently of json_each.
      const typeCount: Record<string, number> = {};
      for (const r of q<{ types: string }>(`SELECT types FROM incidents ${iw}`)) for (const t of JSON.parse(r.types) as string[]) typeCount[t] = (typeCount[t] ?? 0) + 1;
      expect(figureMap(by.incidentsByType!)).toEqual(typeCount);
      expect(by.incidentsByType!.total).toBe(q<{ n: number }>(`SELECT count(*) AS n FROM incidents ${iw}`)[0]!.n);
      expect(figureMap(by.incidentsByRegion!)).toEqual(asMap(q(`SELECT region AS k, count(*) AS n FROM incidents ${iw} GROUP BY 1`)));
      const late = asMap(q(`SELECT CASE WHEN report_hours > report_limit_hours THEN 'late' ELSE 'onTime' END AS k, count(*) AS n FROM incidents ${iw} GROUP BY 1`));
      expect(figureMap(by.incidentReporting!)).toEqual(late);
      for (const outcome of ['lost', 'stolen']) {
        const sIdx = by.firearmLossesByYear!.series.indexOf(outcome);
        const expected = asMap(q(`SELECT substr(i.occurred_at, 1, 4) AS k, count(*) AS n FROM incident_firearms x JOIN incidents i ON i.id = x.incident_id
          ${iw.replace(/occurred_at/g, 'i.occurred_at').replace('region', 'i.region')} AND x.outcome = ? GROUP BY 1`, outcome));
        expect(sIdx < 0 ? {} : figureMap(by.firearmLossesByYear!, sIdx), outcome).toEqual(expected);
      }
      expect(figureMap(by.grievancesByCategory!)).toEqual(asMap(q(`SELECT category AS k, count(*) AS n FROM grievances ${gw} GROUP BY 1`)));
      expect(figureMap(by.grievancesByStatus!)).toEqual(asMap(q(`SELECT status AS k, count(*) AS n FROM grievances ${gw} GROUP BY 1`)));
      const fw = `WHERE 1 ${f.region ? `AND company_id IN (SELECT id FROM companies WHERE city = '${f.region}')` : ''}`;
      expect(figureMap(by.firearmsByType!)).toEqual(asMap(q(`SELECT type AS k, count(*) AS n FROM firearms ${fw} GROUP BY 1`)));
      expect(figureMap(by.firearmsByState!)).toEqual(asMap(q(`SELECT state AS k, count(*) AS n FROM firearms ${fw} GROUP BY 1`)));
      expect(figureMap(by.firearmsByCalibre!)).toEqual(asMap(q(`SELECT calibre_code AS k, count(*) AS n FROM firearms ${fw} GROUP BY 1`)));
      expect(Object.keys(by.firearmsByCalibre!.labels ?? {}).sort()).toEqual(Object.keys(figureMap(by.firearmsByCalibre!)).sort());
      expect(figureMap(by.inspectionScores!)).toEqual(asMap(q(`SELECT CASE WHEN score < 50 THEN 'band0_49' WHEN score < 70 THEN 'band50_69' WHEN score < 85 THEN 'band70_84' ELSE 'band85_100' END AS k, count(*) AS n
        FROM inspections WHERE score IS NOT NULL ${per('coalesce(scheduled_date, planned_date)')} ${f.region ? `AND company_id IN (SELECT id FROM companies WHERE city = '${f.region}')` : ''} GROUP BY 1`)));
      expect(by.findingsBySeverity!.total).toBe(q<{ n: number }>(`SELECT count(*) AS n FROM findings ${fw} AND status NOT IN ('verified', 'closed')`)[0]!.n);
      expect(figureMap(by.licencesByState!)).toEqual(asMap(q(`SELECT state AS k, count(*) AS n FROM licences ${fw} GROUP BY 1`)));
      expect(figureMap(by.guardsByCredential!)).toEqual(asMap(q(`SELECT credential_status AS k, count(*) AS n FROM persons ${f.region ? `WHERE city = '${f.region}'` : ''} GROUP BY 1`)));
    });
  }

  it('every bar drills down to exactly as many records as it counts', async () => {
    const filters = { from: '2025-01-01', to: null, region: null };
    const { figures } = await w.ok('statistics.figures', { filters });
    let bars = 0;
    for (const f of figures) {
      for (let s = 0; s < f.series.length; s++) {
        for (let c = 0; c < f.categories.length; c++) {
          const d = await w.ok('statistics.drill', { figure: f.id, category: f.categories[c]!, series: f.series.length > 1 ? f.series[s] : null, filters, limit: 500 });
          // Loss figures count firearms; their drill lists the incidents (one incident may lose two).
          if (f.id.startsWith('firearmLosses')) expect(d.total, `${f.id} ${f.categories[c]}`).toBeLessThanOrEqual(f.values[s]![c]!);
          else expect(d.total, `${f.id} ${f.categories[c]}`).toBe(f.values[s]![c]!);
          expect(d.rows.length).toBe(d.total);
          bars++;
        }
      }
    }
    expect(bars).toBeGreaterThan(15);
  });
});

const FORBIDDEN = ['legalRepName', 'legalRepId', 'legal_rep', 'nationalId', 'national_id', 'fullName', 'full_name', 'owners', 'dateOfBirth', 'birth',
  'complainant', 'personnel', 'phone', 'email', 'address', 'notes', 'guaranteeAmount', 'insurancePolicy'];

describe('public register export', () => {
  it('publishes CSV, JSON and HTML with a signed SHA-256 manifest and no personal data', async () => {
    const out = await w.ok('accountability.exportPublicRegister', { language: 'es' });
    expect(out.companies).toBe(7);
    const files = unzipSync(new Uint8Array(Buffer.from(out.base64, 'base64')));
    expect(Object.keys(files).sort()).toEqual(['agency-certificate.pem', 'index.html', 'manifest.json', 'manifest.json.p7s', 'registro-publico.csv', 'registro-publico.json', 'sanciones-firmes.csv']);
    const json = JSON.parse(strFromU8(files['registro-publico.json']!)) as { companies: Record<string, unknown>[]; columns: string[] };
    const keys = new Set([...json.companies, ...(json as unknown as { sanctions: Record<string, unknown>[] }).sanctions].flatMap((c) => Object.keys(c)));
    for (const k of [...keys, ...json.columns]) expect(FORBIDDEN.some((f) => k.toLowerCase().includes(f.toLowerCase())), k).toBe(false);
    // No value of any personal field anywhere in the published bytes.
    const personal = q<{ v: string }>(`SELECT legal_rep_name AS v FROM companies UNION SELECT legal_rep_id FROM companies UNION SELECT full_name FROM company_owners
      UNION SELECT national_id FROM company_owners UNION SELECT full_name FROM grievance_complainants UNION SELECT contact FROM grievance_complainants
      UNION SELECT phone FROM companies UNION SELECT email FROM companies`).map((r) => r.v).filter(Boolean);
    expect(personal.length).toBeGreaterThan(10);
    for (const name of ['registro-publico.csv', 'registro-publico.json', 'index.html', 'sanciones-firmes.csv']) {
      const text = strFromU8(files[name]!);
      for (const v of personal) expect(text.includes(v), `${name} contains ${v}`).toBe(false);
      if (!name.startsWith('sanciones')) expect(text).toContain('Empresa 3 de Seguridad, S.A.');
    }
    // Manifest digests match the files, and the detached signature verifies against the agency certificate.
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { name: string; sha256: string }[]; journalHead: string };
    const { createHash } = await import('node:crypto');
    for (const f of manifest.files) expect(createHash('sha256').update(files[f.name]!).digest('hex'), f.name).toBe(f.sha256);
    for (const n of Object.keys(files)) writeFileSync(join(tmp, n), files[n]!);
    const res = execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(tmp, 'manifest.json.p7s'), '-content', join(tmp, 'manifest.json'),
      '-CAfile', join(tmp, 'agency-certificate.pem'), '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(res).toBe('');
    writeFileSync(join(tmp, 'manifest.json'), Buffer.concat([Buffer.from(files['manifest.json']!), Buffer.from(' ')]));
    expect(() => execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(tmp, 'manifest.json.p7s'), '-content', join(tmp, 'manifest.json'),
      '-CAfile', join(tmp, 'agency-certificate.pem'), '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' })).toThrow();
    const issued = q<{ command: string }>(`SELECT command FROM journal WHERE entity_type = 'publication'`);
    expect(issued).toEqual([{ command: 'accountability.exportPublicRegister' }]);
  });
});

describe('public register: licences and sanctions', () => {
  it('shows each company\'s current licence and only final sanctions on licences, never reasons or credential sanctions', async () => {
    // Rows as the licensing service leaves them (its workflow is tested in its own area).
    const db = w.app.workspaces.db;
    const co = q<{ id: string; legal_name: string }>(`SELECT id, legal_name FROM companies ORDER BY legal_name LIMIT 1`)[0]!;
    const now = '2026-11-23T12:00:00.000Z';
    db.prepare(`INSERT OR IGNORE INTO licence_types (id, name, service_types, validity_months, processing_days, renewal_window_days, required_documents, number_pattern, created_at, updated_at)
      VALUES ('01900000-0000-7000-8000-00000000aaaa', 'Operación', '[]', 24, 21, 60, '[]', 'LIC-{seq}', ?, ?)`).run(now, now);
    const lic = (id: string, state: string, number: string, expires: string, decided: string) => db.prepare(`INSERT INTO licences (id, company_id, type_id, state, service_types, number, issued_on, expires_on, submitted_on, processing_days, decided_on, created_at, updated_at)
      VALUES (?, ?, '01900000-0000-7000-8000-00000000aaaa', ?, '[]', ?, ?, ?, '2024-01-05', 21, ?, ?, ?)`).run(id, co.id, state, number, decided, expires, decided, now, now);
    lic('01900000-0000-7000-8000-0000000000a1', 'expired', 'LIC-OLD-1', '2025-01-10', '2023-01-10');
    lic('01900000-0000-7000-8000-0000000000a2', 'active', 'LIC-2025-77', '2027-01-10', '2025-01-10');
    const sanction = (id: string, target: string, state: string, reason: string) => db.prepare(`INSERT INTO sanctions (id, kind, target_type, target_id, company_id, state, amount, currency, legal_basis, reason, appeal_days, final_on, created_at, updated_at)
      VALUES (?, 'fine', ?, 'x', ?, ?, 15000, 'GTQ', 'Art. 58 Ley de Empresas de Seguridad Privada', ?, 10, '2026-03-01', ?, ?)`).run(id, target, co.id, state, reason, now, now);
    sanction('01900000-0000-7000-8000-0000000000b1', 'licence', 'final', 'Motivo que nombra al agente Pedro Secreto');
    sanction('01900000-0000-7000-8000-0000000000b2', 'licence', 'appeal_window', 'En apelación');
    sanction('01900000-0000-7000-8000-0000000000b3', 'credential', 'final', 'Sanción a una credencial');
    const out = await w.ok('accountability.exportPublicRegister', { language: 'es' });
    const files = unzipSync(new Uint8Array(Buffer.from(out.base64, 'base64')));
    const json = JSON.parse(strFromU8(files['registro-publico.json']!)) as { companies: Record<string, unknown>[]; sanctions: Record<string, unknown>[] };
    expect(json.companies.find((c) => c.legalName === co.legal_name)).toMatchObject({ licenceNumber: 'LIC-2025-77', licenceStatus: 'active', licenceValidUntil: '2027-01-10' });
    expect(json.sanctions).toEqual([{ taxId: expect.any(String), legalName: co.legal_name, kind: 'fine', amount: 15000, currency: 'GTQ', legalBasis: 'Art. 58 Ley de Empresas de Seguridad Privada', finalOn: '2026-03-01', state: 'final' }]);
    const all = Object.values(files).map((b) => strFromU8(b)).join('\n');
    expect(all).not.toContain('Pedro Secreto');
    expect(strFromU8(files['sanciones-firmes.csv']!)).toContain('Multa');
    expect(strFromU8(files['index.html']!)).toContain('LIC-2025-77');
  });
});

describe('annual sector report', () => {
  it('is a PDF valid under pdfsig whose totals match the dashboard', async () => {
    const out = await w.ok('accountability.annualReport', { year: 2025, language: 'es' });
    const file = join(tmp, out.filename);
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const sig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const { figures } = await w.ok('statistics.figures', { filters: { from: '2025-01-01', to: '2025-12-31', region: null } });
    const by = Object.fromEntries(figures.map((f) => [f.id, f]));
    const lossSeries = (s: string) => { const f = by.firearmLossesByYear!; const i = f.series.indexOf(s); return i < 0 ? 0 : f.values[i]!.reduce((a, b) => a + b, 0); };
    const st = (id: string, c: string) => figureMap(by[id]!)[c] ?? 0;
    expect(out.totals).toEqual({
      companies: by.companiesByRegion!.total, icocaCertified: figureMap(by.companiesByIcoca!).certified ?? 0, incidents: by.incidentsByType!.total,
      licencesValid: st('licencesByState', 'active') + st('licencesByState', 'renewal_filed'),
      guardsCredentialed: st('guardsByCredential', 'credentialed') + st('guardsByCredential', 'active'),
      firearmsHeld: ['in_armory', 'issued', 'under_repair', 'recovered', 'surplus'].reduce((a, c) => a + st('firearmsByState', c), 0),
      firearmsRegisterLost: st('firearmsByState', 'lost'), firearmsRegisterStolen: st('firearmsByState', 'stolen'),
      firearmsRecovered: st('firearmsByState', 'recovered'), firearmsDestroyed: st('firearmsByState', 'destroyed'), sanctionsFinal: by.sanctionsByKind!.total,
      incidentsLate: figureMap(by.incidentReporting!).late ?? 0, firearmsLost: lossSeries('lost'), firearmsStolen: lossSeries('stolen'),
      grievances: by.grievancesByCategory!.total, grievancesReferred: figureMap(by.grievancesByStatus!).referred ?? 0,
    });
    expect(out.totals.incidents).toBe(6);
    // The printed numbers are the totals: pdftotext shows them beside their labels.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(new RegExp(`Incidentes reportados\\s+${out.totals.incidents}\\b`));
    expect(text).toMatch(new RegExp(`Armas de fuego robadas según incidentes del año\\s+${out.totals.firearmsStolen}\\b`));
    expect(text).toMatch(new RegExp(`Armas de fuego en poder de las empresas \\(situación actual\\)\\s+${out.totals.firearmsHeld}\\b`));
    expect(out.totals.firearmsHeld).toBe(9);
    // Issued through the signed-documents service: in its register, and verified by it.
    expect(q(`SELECT kind, subject_id FROM issued_documents WHERE serial = ?`, out.serial)).toEqual([{ kind: 'annual_report', subject_id: '2025' }]);
    const verified = await w.ok('documents.verify', { base64: out.base64 } as never) as { status: string };
    expect(verified.status).toBe('valid');
    const bad = Buffer.from(readFileSync(file));
    const at = bad.indexOf('Informe anual'); bad[at + 2] = bad[at + 2]! ^ 1;
    writeFileSync(file, bad);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).not.toContain('Signature is Valid.');
  }, 60_000);
});
