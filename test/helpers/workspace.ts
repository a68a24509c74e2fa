import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentinela } from '../../electron/core/app.ts';
import { fixedClock } from '../../electron/core/clock.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands/index.ts';
import type { Role } from '../../shared/model/roles.ts';

/** Cheap scrypt for tests; one test in keyring.test.ts uses the real default cost. */
export const FAST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };
export const ADMIN_PASSWORD = 'Vigilancia-2026!';
export const USER_PASSWORD = 'Temporal#Clave77';

/** A fresh encrypted workspace in a temp folder, set up and unlocked as its administrator. */
export async function freshWorkspace(opts: { agency?: string } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'centinela-test-'));
  const clock = fixedClock('2026-11-23T12:00:00Z');
  const app = createCentinela({ root, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  const setup = await app.call('session.setup', {
    agencyName: opts.agency ?? 'Dirección General de Servicios de Seguridad Privada',
    country: 'GT', language: 'es', adminUsername: 'admin', adminDisplayName: 'Ana Administradora', password: ADMIN_PASSWORD,
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const { recoveryKey, session } = setup.value as { recoveryKey: string; session: { workspace: { id: string } } };
  const workspaceId = session.workspace.id;

  /** Typed call that fails the test on an error result. */
  async function ok<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const r = await app.call(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value as CommandOutput<N>;
  }

  /** Creates a user with `role`, signs in as them, changes the temporary password; leaves them signed in. */
  async function signInAs(role: Role, username = role.replace('_', '')): Promise<void> {
    const current = app.workspaces.user;
    if (current?.role !== 'administrator') await ok('session.unlock', { workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    const list = await ok('users.list', {});
    if (!list.some((u) => u.username === username)) {
      await ok('users.create', { username, displayName: `Usuario ${role}`, role, temporaryPassword: USER_PASSWORD });
      await ok('session.unlock', { workspaceId, username, password: USER_PASSWORD });
      await ok('session.changePassword', { currentPassword: USER_PASSWORD, newPassword: `${USER_PASSWORD}-nueva` });
    } else {
      await ok('session.unlock', { workspaceId, username, password: `${USER_PASSWORD}-nueva` });
    }
  }

  return {
    root, app, clock, recoveryKey, workspaceId, ok, signInAs,
    dir: join(root, 'workspace'),
    cleanup() {
      app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

let nitSeq = 1_000_000;
/** A fresh, valid Guatemalan NIT (mod-11 check digit) for each call. */
export function nextGtNit(): string {
  const b = String(nitSeq++);
  const ds = [...b].map(Number);
  const s = ds.reduce((a, d, i) => a + d * (ds.length + 1 - i), 0);
  const r = (11 - (s % 11)) % 11;
  return b + (r === 10 ? 'K' : String(r));
}

/** A valid company for Guatemala; override fields as needed. */
export function sampleCompany(over: Record<string, unknown> = {}) {
  return {
    country: 'GT', taxId: '1234567-9', legalName: 'Seguridad Quetzal Integral, S.A.', tradeName: 'Quetzal Seguridad',
    legalRepName: 'María José Ajú Xicará', legalRepId: '2547896541201', address: '6a Avenida 12-34, zona 10', city: 'Ciudad de Guatemala',
    phone: '+502 2345 6789', email: 'contacto@quetzal.example', serviceTypes: ['static_guarding', 'escort'], armed: true,
    guaranteeAmount: 250000, guaranteeCurrency: 'GTQ', guaranteeExpiry: '2027-06-30', insurer: 'Seguros G&T', insurancePolicy: 'RC-778899',
    insuranceAmount: 1000000, insuranceExpiry: '2027-03-31', icocaStatus: 'applicant', notes: null,
    owners: [{ fullName: 'Héctor Cifuentes', nationalId: '1234567890101', nationality: 'GT', sharePercent: 60, criminalRecordDeclared: true, declarationDate: '2026-01-15' }],
    branches: [{ name: 'Sucursal Quetzaltenango', city: 'Quetzaltenango', address: '4a Calle 5-60, zona 1', phone: null }],
    ...over,
  } as CommandInput<'companies.create'>;
}
