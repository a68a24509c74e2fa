import { createCentinela } from '../../electron/core/app.ts';
import { runImport } from '../../electron/services/returns/importer.ts';
import { csv, firearm, FIREARMS_HEADER, grantLicence, LICENCE } from './returnsFiles.ts';
import { ADMIN_PASSWORD, FAST_SCRYPT, sampleCompany } from './workspace.ts';

/**
 * Run as a child process by the returns e2e test (Playwright cannot load the native database
 * driver's types): a workspace in argv[2] with a licensed company whose 2025 return is on file.
 */
const dataDir = process.argv[2];
const app = createCentinela({ root: dataDir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
const s = await app.call('session.setup', {
  agencyName: 'Dirección General de Servicios de Seguridad Privada', country: 'GT', language: 'es',
  adminUsername: 'admin', adminDisplayName: 'Ana Administradora', password: ADMIN_PASSWORD,
});
if (!s.ok) throw new Error(JSON.stringify(s.error));
const c = await app.call('companies.create', sampleCompany());
if (!c.ok) throw new Error(JSON.stringify(c.error));
grantLicence(app.workspaces.db, (c.value as { id: string }).id, LICENCE);
const y2025 = csv([FIREARMS_HEADER,
  firearm({ serial: 'GL-100234' }), firearm({ serial: 'TX-99881', make: 'Taurus', model: 'PT92' }),
  firearm({ serial: 'RV-778', make: 'Smith & Wesson', model: 'Model 10', type: 'Revólver', cal: '.38 SPL' }),
  firearm({ serial: 'ESC-4411', make: 'Mossberg', model: '500', type: 'Escopeta', cal: '12 GA', status: 'En reparación' }),
]);
const r = await runImport(app.workspaces.db, {
  files: [{ name: 'armas-2025.csv', bytes: y2025 }], year: 2025, dryRun: false, answers: {}, dateOrder: {}, language: 'es',
  user: { id: null, username: 'admin' }, now: '2026-01-20T10:00:00.000Z',
});
if (!r.committed) throw new Error(JSON.stringify(r.errors));
app.close();
process.stdout.write('ready\n');
