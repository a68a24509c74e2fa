import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, sampleCompany } from '../helpers/workspace.ts';

/** `centinela backup` and `centinela restore`, run as child processes like a user would. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'electron', 'cli', 'bin.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'centinela-cli-bk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, CENTINELA_TEST_FAST_KDF: '1', CENTINELA_PASSWORD: ADMIN_PASSWORD, LANG: 'en_US.UTF-8', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('centinela backup / restore', { timeout: 300_000 }, () => {
  it('backs up, checks and restores from the command line', () => {
    const dir = join(tmp, 'ws');
    const init = run(['init', '--dir', dir, '--agency', 'Superintendencia de Vigilancia', '--country', 'GT', '--admin', 'admin']);
    expect(init.code, init.err).toBe(0);
    const recoveryKey = /Recovery key: (\S+)/.exec(init.out)![1];
    expect(run(['call', 'companies.create', JSON.stringify(sampleCompany({ legalName: 'Guardianes del Lago Atitlán, S.A.' })), '--dir', dir, '--user', 'admin']).code).toBe(0);

    const b = run(['backup', '--dir', dir, '--user', 'admin', '--to', join(tmp, 'usb'), '--json']);
    expect(b.code, b.err).toBe(0);
    const path = (JSON.parse(b.out) as { path: string }).path;
    expect(readdirSync(join(tmp, 'usb'))).toHaveLength(1);

    const check = run(['restore', '--from', path, '--check', '--json'], { CENTINELA_RECOVERY_KEY: recoveryKey });
    expect(check.code, check.err).toBe(0);
    const report = JSON.parse(check.out) as { restoredTo: null; counts: { table: string; rows: number }[] };
    expect(report.restoredTo).toBeNull();
    expect(report.counts.find((c) => c.table === 'companies')!.rows).toBe(1);

    const wrong = run(['restore', '--from', path, '--to', join(tmp, 'nope')], { CENTINELA_RECOVERY_KEY: 'AAAA-AAAA-AAAA-AAAA' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/recovery key does not open/);

    const target = join(tmp, 'restored');
    const r = run(['restore', '--from', path, '--to', target, '--user', 'admin']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Restored "Superintendencia de Vigilancia"/);
    expect(r.out).toMatch(/companies\s+1/);
    const list = run(['call', 'companies.list', '{}', '--dir', target, '--user', 'admin']);
    expect(list.code, list.err).toBe(0);
    expect(list.out).toContain('Guardianes del Lago Atitlán');

    const again = run(['restore', '--from', path, '--to', target, '--user', 'admin']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/not empty/);
  });
});
