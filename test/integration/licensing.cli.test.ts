import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, sampleCompany } from '../helpers/workspace.ts';

/** Licensing through `centinela call`, as a script would drive it: the same gate, the same refusals. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'electron', 'cli', 'bin.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'centinela-lic-cli-'));
const dir = join(tmp, 'ws');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, CENTINELA_TEST_FAST_KDF: '1', CENTINELA_PASSWORD: ADMIN_PASSWORD, LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const as = ['--dir', dir, '--user', 'admin'];
const call = (name: string, input: unknown) => run(['call', name, JSON.stringify(input), ...as]);

describe('licensing through the CLI', () => {
  it('creates and submits an application, lists it with its clock, and refuses a step the state does not allow', () => {
    expect(run(['init', '--dir', dir, '--agency', 'DIGESSP', '--country', 'GT', '--admin', 'admin']).code).toBe(0);
    const company = JSON.parse(call('companies.create', sampleCompany()).out) as { id: string };
    const types = JSON.parse(call('licensing.listTypes', {}).out) as { id: string; name: string }[];
    expect(types.map((t) => t.name)).toContain('Licencia de operación: vigilancia y protección');
    const typeId = types.find((t) => t.name.startsWith('Licencia de operación'))!.id;
    const created = call('licensing.createApplication', { companyId: company.id, typeId, serviceTypes: ['static_guarding'] });
    expect(created.code, created.err).toBe(0);
    const app = JSON.parse(created.out) as { id: string; version: number; state: string };
    expect(app.state).toBe('draft');
    const submitted = JSON.parse(call('licensing.advance', { id: app.id, version: app.version, action: 'submit' }).out) as { state: string; version: number };
    expect(submitted.state).toBe('submitted');
    const list = JSON.parse(call('licensing.list', { stage: 'application' }).out) as { total: number; rows: { clock: { status: string; deadlineDays: number } }[] };
    expect(list.total).toBe(1);
    expect(list.rows[0]!.clock).toMatchObject({ status: 'running', deadlineDays: 30 });
    const refused = call('licensing.advance', { id: app.id, version: submitted.version, action: 'submit' });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.err.trim().split('\n')[0]!)).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.invalidTransition' });
    const counts = JSON.parse(call('due.counts', {}).out) as { kind: string }[];
    expect(counts.map((c) => c.kind)).toContain('application_deadline');
  }, 300_000); // nine child processes; each start is slow on a shared machine
});
