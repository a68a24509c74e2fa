import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCentinela } from '../../electron/core/app.ts';
import { verifyJournal } from '../../electron/store/journal.ts';
import { ADMIN_PASSWORD, FAST_SCRYPT, nextGtNit, sampleCompany, USER_PASSWORD } from '../helpers/workspace.ts';
import { dumpAll, FIELD_PASSWORD, PASSPHRASE } from '../helpers/field.ts';

/** `centinela field ...` as child processes, including a kill -9 in the middle of an import. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'electron', 'cli', 'bin.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'centinela-cli-field-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = (extra: Record<string, string> = {}) => ({ ...process.env, CENTINELA_TEST_FAST_KDF: '1', CENTINELA_PASSWORD: ADMIN_PASSWORD, CENTINELA_PACKAGE_PASSPHRASE: PASSPHRASE, LANG: 'en_US.UTF-8', ...extra });
function run(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000, env: env(extra) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Opens a workspace folder in this process, signs in, runs `fn`, closes it again. */
async function inWorkspace<T>(dir: string, user: string, password: string, fn: (call: (n: string, i: unknown) => Promise<unknown>, app: ReturnType<typeof createCentinela>) => Promise<T>): Promise<T> {
  const app = createCentinela({ dir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  try {
    const ws = app.workspaces.list()[0];
    if (ws) {
      const u = await app.call('session.unlock', { workspaceId: ws.id, username: user, password });
      if (!u.ok) throw new Error(JSON.stringify(u.error));
    }
    const call = async (n: string, i: unknown) => {
      const r = await app.call(n, i);
      if (!r.ok) throw new Error(`${n}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    return await fn(call, app);
  } finally {
    app.close();
  }
}

describe('centinela field', { timeout: 300_000 }, () => {
  it('exports, opens, returns and imports from the command line; kill -9 during import leaves the office as it was', async () => {
    const office = join(tmp, 'office');
    const ids = await inWorkspace(office, 'admin', ADMIN_PASSWORD, async (call) => {
      await call('session.setup', { agencyName: 'Superintendencia de Vigilancia Privada', country: 'GT', language: 'es', adminUsername: 'admin', adminDisplayName: 'Ana', password: ADMIN_PASSWORD });
      const out: string[] = [];
      for (let i = 0; i < 3; i++) out.push(((await call('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: `Vigilancia Campo ${i}` }))) as { id: string }).id);
      await call('users.create', { username: 'gabriela', displayName: 'Gabriela Xicará', role: 'supervisor', temporaryPassword: USER_PASSWORD });
      return out;
    });

    const pkg = join(tmp, 'salida.cfp');
    const ex = run(['field', 'export', '--dir', office, '--user', 'admin', '--companies', ids.join(','), '--members', 'gabriela', '--label', 'Gira Oriente', '--out', pkg]);
    expect(ex.code, ex.err).toBe(0);
    expect(ex.out).toMatch(/companies\s+3/);

    const field = join(tmp, 'campo');
    const op = run(['field', 'open', '--dir', field, '--file', pkg, '--user', 'gabriela'], { CENTINELA_PASSWORD: FIELD_PASSWORD });
    expect(op.code, op.err).toBe(0);
    await inWorkspace(field, 'gabriela', FIELD_PASSWORD, async (call) => {
      for (const id of ids) {
        const c = (await call('companies.get', { id })) as Record<string, unknown>;
        const { id: _i, version, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...fields } = c;
        await call('companies.update', { id, version, fields: { ...fields, notes: `Visitada en campo: ${c.legalName}` } });
      }
    });
    const ret = join(tmp, 'regreso.cfp');
    const rr = run(['field', 'return', '--dir', field, '--user', 'gabriela', '--out', ret], { CENTINELA_PASSWORD: FIELD_PASSWORD });
    expect(rr.code, rr.err).toBe(0);
    expect(rr.out).toMatch(/3 changed fields/);

    const dry = run(['field', 'import', '--dir', office, '--user', 'admin', '--file', ret, '--dry-run', '--json']);
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out).counts).toMatchObject({ apply: 3, conflict: 0 });

    const before = await inWorkspace(office, 'admin', ADMIN_PASSWORD, async (_c, app) => dumpAll(app.workspaces.db, { exceptSignIns: true }));
    // kill -9 while the import's transaction is open, half applied.
    const child = spawn(process.execPath, [bin, 'field', 'import', '--dir', office, '--user', 'admin', '--file', ret], { cwd: tmp, env: env({ CENTINELA_TEST_IMPORT_PAUSE: '1' }) });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`never paused: ${err}`)), 200_000);
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('CENTINELA_IMPORT_PAUSED')) { clearTimeout(timer); child.kill('SIGKILL'); resolve(); }
      });
    });
    await new Promise((r) => child.on('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
    await inWorkspace(office, 'admin', ADMIN_PASSWORD, async (_c, app) => {
      const db = app.workspaces.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyJournal(db).ok).toBe(true);
      // Only the sign-ins (journaled by design) differ; the killed import left nothing.
      expect(dumpAll(db, { exceptSignIns: true })).toBe(before);
    });

    const imp = run(['field', 'import', '--dir', office, '--user', 'admin', '--file', ret]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/3 changes applied to 3 records/);
    await inWorkspace(office, 'admin', ADMIN_PASSWORD, async (call) => {
      const c = (await call('companies.get', { id: ids[1] })) as { notes: string };
      expect(c.notes).toBe('Visitada en campo: Vigilancia Campo 1');
    });
    const again = run(['field', 'import', '--dir', office, '--user', 'admin', '--file', ret]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already imported/);
    const wrong = run(['field', 'import', '--dir', office, '--user', 'admin', '--file', ret, '--dry-run'], { CENTINELA_PACKAGE_PASSPHRASE: 'Otra frase de paso 42!' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/passphrase does not open/);
  });
});
