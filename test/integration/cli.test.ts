import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, sampleCompany } from '../helpers/workspace.ts';

/** The `centinela` command-line tool, run as a user would: a child process per command. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'electron', 'cli', 'bin.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'centinela-cli-'));
const dir = join(tmp, 'ws');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, CENTINELA_TEST_FAST_KDF: '1', CENTINELA_PASSWORD: ADMIN_PASSWORD, LANG: 'en_US.UTF-8', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const as = ['--dir', dir, '--user', 'admin'];
function companyCount(): number {
  const r = run(['call', 'companies.list', '{"pageSize":1}', ...as]);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { total: number }).total;
}

describe('centinela CLI', () => {
  it('init creates the workspace and prints the recovery key once, with a warning', () => {
    const r = run(['init', '--dir', dir, '--agency', 'Dirección General de Servicios de Seguridad Privada', '--country', 'GT', '--admin', 'admin', '--name', 'Ana Administradora']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Recovery key: [A-Z0-9]{4}(-[A-Z0-9]{4}){3,}/);
    expect(r.err).toMatch(/store it/i);
    expect(existsSync(join(dir, 'keyring.json'))).toBe(true);
    const again = run(['init', '--dir', dir, '--agency', 'Otra', '--country', 'GT', '--admin', 'admin']);
    expect(again.code).not.toBe(0);
  });

  it('call companies.create prints the new company as JSON', () => {
    const r = run(['call', 'companies.create', JSON.stringify(sampleCompany()), ...as]);
    expect(r.code, r.err).toBe(0);
    const value = JSON.parse(r.out) as { id: string };
    expect(value.id).toMatch(/\S{10,}/);
    expect(companyCount()).toBe(1);
  });

  it('a command error prints the JSON error and a human message, exit 1', () => {
    const r = run(['call', 'companies.create', JSON.stringify(sampleCompany()), ...as]);
    expect(r.code).toBe(1);
    const [json, message] = r.err.trim().split('\n');
    expect(JSON.parse(json)).toMatchObject({ code: expect.any(String), messageKey: expect.any(String) });
    expect(message).toMatch(/^centinela: .+/);
    expect(r.out).toBe('');
  });

  it('malformed JSON: message, non-zero exit, nothing written', () => {
    const r = run(['call', 'companies.create', '{"country": "GT",', ...as]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/not valid JSON/);
    expect(companyCount()).toBe(1);
  });

  it('unknown command, unknown option, missing password: non-zero exit with a message', () => {
    const unknown = run(['call', 'companies.explode', '{}', ...as]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/unknown command: companies\.explode/);
    const option = run(['call', 'companies.list', '{}', ...as, '--force']);
    expect(option.code).not.toBe(0);
    expect(option.err).toMatch(/unknown option: --force/);
    const sub = run(['frobnicate']);
    expect(sub.code).not.toBe(0);
    expect(sub.err).toMatch(/unknown subcommand/);
    const nopw = run(['call', 'companies.list', '{}', ...as], { CENTINELA_PASSWORD: undefined });
    expect(nopw.code).not.toBe(0);
    expect(nopw.err).toMatch(/CENTINELA_PASSWORD/);
  });

  it('wrong password: exit 1, message, and nothing written', () => {
    const r = run(['call', 'companies.create', JSON.stringify(sampleCompany({ taxId: '7654321-1', legalName: 'Otra, S.A.' })), ...as], { CENTINELA_PASSWORD: 'Not-The-Password-1' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/UNAUTHENTICATED/);
    expect(r.err).toMatch(/Wrong username or password/);
    expect(companyCount()).toBe(1);
  });

  it('commands lists every command with its permission and kind', () => {
    const r = run(['commands']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { name: string; permission: string; kind: string }[];
    expect(list).toContainEqual({ name: 'companies.create', permission: 'companies.write', kind: 'write' });
    expect(list.find((c) => c.name === 'session.setup')?.permission).toBe('public');
  });

  it('seed --scale small adds demo companies', () => {
    const before = companyCount();
    const r = run(['seed', '--scale', 'small', ...as]);
    expect(r.code, r.err).toBe(0);
    const added = Number(/Added (\d+)/.exec(r.out)?.[1]);
    expect(added).toBeGreaterThan(100);
    expect(companyCount()).toBe(before + added);
    const bad = run(['seed', '--scale', 'huge', ...as]);
    expect(bad.code).not.toBe(0);
  });

  it('--help prints usage', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/centinela call <command>/);
  });
});
