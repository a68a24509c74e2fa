import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, sampleCompany } from '../helpers/workspace.ts';
import { csv, firearm, FIREARMS_HEADER, grantLicence, LICENCE, person, PERSONNEL_HEADER } from '../helpers/returnsFiles.ts';
import { createCentinela } from '../../electron/core/app.ts';
import { FAST_SCRYPT } from '../helpers/workspace.ts';

/** `centinela import`: the same importer from a terminal, with the JSON shape and exit codes the issue gives. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'electron', 'cli', 'bin.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'centinela-import-'));
const dir = join(tmp, 'ws');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, CENTINELA_TEST_FAST_KDF: '1', CENTINELA_PASSWORD: ADMIN_PASSWORD, LANG: 'es_GT.UTF-8' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const as = ['--dir', dir, '--user', 'admin'];
const file = (name: string, bytes: Uint8Array) => { const p = join(tmp, name); writeFileSync(p, bytes); return p; };

interface Report {
  counts: Record<string, { read: number; new: number; changed: number; unchanged: number; missing: number }>;
  errors: { file: string; sheet: string | null; row: number | null; column: string | null; code: string; message: string }[];
  warnings: unknown[]; flags: { kind: string; companyLicenceNo: string; serialNo?: string; nationalId?: string }[]; batchId: string | null;
}

describe('centinela import', () => {
  it('sets up a workspace with a licensed company', async () => {
    expect(run(['init', '--dir', dir, '--agency', 'DIGESSP', '--country', 'GT', '--admin', 'admin']).code).toBe(0);
    const created = run(['call', 'companies.create', JSON.stringify(sampleCompany()), ...as]);
    expect(created.code).toBe(0);
    const app = createCentinela({ dir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
    const ws = app.workspaces.list()[0];
    await app.call('session.unlock', { workspaceId: ws.id, username: 'admin', password: ADMIN_PASSWORD });
    grantLicence(app.workspaces.db, (JSON.parse(created.out) as { id: string }).id, LICENCE);
    app.close();
  });

  it('a clean dry run exits 0 and writes nothing; --json prints counts, problems, flags', () => {
    const p = file('personal.csv', csv([PERSONNEL_HEADER, person()], { title: ['DECLARACIÓN ANUAL'] }));
    const f = file('armas.csv', csv([FIREARMS_HEADER, firearm({ serial: 'A-1' }), firearm({ serial: 'A-2', status: 'Asignada', holder: '2547896541201' })]));
    const r = run(['import', p, f, ...as, '--year', '2025', '--dry-run', '--json']);
    expect(r.code, r.err).toBe(0);
    const rep = JSON.parse(r.out) as Report;
    expect(rep.counts.PERSONNEL).toEqual({ read: 1, new: 1, changed: 0, unchanged: 0, missing: 0 });
    expect(rep.counts.FIREARMS).toEqual({ read: 2, new: 2, changed: 0, unchanged: 0, missing: 0 });
    expect(rep.errors).toEqual([]);
    expect(rep.batchId).toBeNull();
    const list = run(['call', 'returns.listBatches', '{}', ...as]);
    expect((JSON.parse(list.out) as { total: number }).total).toBe(0);
  });

  it('commits with a batch id (exit 0); next year a missing firearm is flagged (exit 0)', () => {
    const f = file('armas.csv', csv([FIREARMS_HEADER, firearm({ serial: 'A-1' }), firearm({ serial: 'A-2' })]));
    const r = run(['import', f, ...as, '--year', '2025', '--json']);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as Report).batchId).toMatch(/^[0-9a-f-]{36}$/);
    const next = file('armas-2026.csv', csv([FIREARMS_HEADER, firearm({ serial: 'a1' })]));
    const r2 = run(['import', next, ...as, '--year', '2026', '--json']);
    expect(r2.code, r2.err).toBe(0);
    const rep = JSON.parse(r2.out) as Report;
    expect(rep.counts.FIREARMS).toEqual({ read: 1, new: 0, changed: 0, unchanged: 1, missing: 1 });
    expect(rep.flags).toEqual([{ kind: 'possible_diversion', companyLicenceNo: LICENCE, serialNo: 'A-2' }]);
  });

  it('a return with errors exits non-zero, lists them located, and writes nothing', () => {
    const f = file('malo.csv', csv([FIREARMS_HEADER, firearm({ serial: 'B-1', type: 'Cañón', cal: '99 mágnum' })]));
    const r = run(['import', f, ...as, '--year', '2026', '--json']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.out) as Report;
    expect(rep.errors).toEqual([
      { file: 'malo.csv', sheet: null, row: 2, column: 'Tipo de arma', code: 'UNKNOWN_ENUM', message: '«Cañón» no es un valor admitido (admitidos: pistol, revolver, shotgun, rifle, carbine, submachine_gun).' },
      { file: 'malo.csv', sheet: null, row: 2, column: 'Calibre', code: 'UNKNOWN_CALIBRE', message: 'El calibre «99 mágnum» no se reconoce.' },
    ]);
    expect(rep.batchId).toBeNull();
    const list = JSON.parse(run(['call', 'returns.listBatches', '{}', ...as]).out) as { total: number };
    expect(list.total).toBe(2);
  });

  it('without --json prints a human summary; usage errors exit 2', () => {
    const f = file('armas.csv', csv([FIREARMS_HEADER, firearm({ serial: 'A-1' })]));
    const r = run(['import', f, ...as, '--year', '2026', '--dry-run']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/FIREARMS: read 1, new 0, changed 0, unchanged 1, missing 0/);
    expect(run(['import', ...as, '--year', '2026']).code).toBe(2);
    expect(run(['import', f, ...as]).code).toBe(2);
    expect(run(['import', join(tmp, 'no-existe.csv'), ...as, '--year', '2026']).code).toBe(2);
  });
});
