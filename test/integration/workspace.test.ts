import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, freshWorkspace, sampleCompany } from '../helpers/workspace.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

describe('encrypted workspace', () => {
  it('keeps no plaintext of a record in the database, WAL or any other file', async () => {
    w = await freshWorkspace();
    const marker = 'Vigilancia Xolotlán Ñandutí Singular';
    await w.ok('companies.create', sampleCompany({ legalName: marker, notes: 'Observación única ZQX-4417' }));
    const files = readdirSync(w.dir);
    expect(files).toContain('centinela.db');
    expect(files).toContain('centinela.db-wal');
    for (const f of files) {
      const bytes = readFileSync(join(w.dir, f));
      for (const needle of ['Xolotl', 'ZQX-4417', 'Quetzaltenango', 'SQLite format 3']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} found in ${f}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (utf16) found in ${f}`).toBe(false);
      }
    }
    // Still there after lock and unlock: the data really is in the encrypted file.
    await w.ok('session.lock', {});
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    const list = await w.ok('companies.list', { search: 'Xolotlan' });
    expect(list.rows.map((r) => r.legalName)).toEqual([marker]);
  });

  it('refuses a wrong password with a growing delay, then accepts the right one', async () => {
    w = await freshWorkspace();
    await w.ok('session.lock', {});
    const bad = await w.app.call('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: 'no-es-la-clave-1' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'errors.wrongPassword', params: { seconds: 1 } });
    const tooSoon = await w.app.call('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    expect(tooSoon.ok).toBe(false);
    if (!tooSoon.ok) expect(tooSoon.error.code).toBe('THROTTLED');
    w.clock.advance(1_100);
    const bad2 = await w.app.call('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: 'otra-clave-mala-2' });
    if (!bad2.ok) expect(bad2.error.params.seconds).toBe(2);
    w.clock.advance(2_100);
    const good = await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    expect(good.state).toBe('unlocked');
    // An unknown user gets the same answer as a wrong password.
    await w.ok('session.lock', {});
    const ghost = await w.app.call('session.unlock', { workspaceId: w.workspaceId, username: 'fantasma', password: ADMIN_PASSWORD });
    if (!ghost.ok) expect(ghost.error.messageKey).toBe('errors.wrongPassword');
  });

  it('locks after the idle time and drops the key', async () => {
    w = await freshWorkspace();
    const key = w.app.workspaces.dataKey;
    w.clock.advance(9 * 60_000);
    expect(w.app.workspaces.checkIdle()).toBe(false);
    await w.ok('companies.list', {});
    w.clock.advance(9 * 60_000);
    expect(w.app.workspaces.checkIdle()).toBe(false);
    w.clock.advance(61_000);
    expect(w.app.workspaces.checkIdle()).toBe(true);
    expect(key.every((b) => b === 0)).toBe(true);
    const r = await w.app.call('companies.list', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('LOCKED');
    expect((await w.ok('session.status', {})).state).toBe('locked');
  });

  it('changes a password by rewrapping the key, without re-encrypting the database', async () => {
    w = await freshWorkspace();
    await w.ok('companies.create', sampleCompany());
    const before = readFileSync(join(w.dir, 'centinela.db')).subarray(0, 4096);
    const weak = await w.app.call('session.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: 'corta' });
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.error).toMatchObject({ code: 'VALIDATION', field: 'newPassword', messageKey: 'password.tooShort' });
    await w.ok('session.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: 'Nueva-Clave-Segura-99' });
    expect(readFileSync(join(w.dir, 'centinela.db')).subarray(0, 4096).equals(before)).toBe(true);
    await w.ok('session.lock', {});
    expect((await w.app.call('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(false);
    w.clock.advance(5_000);
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: 'Nueva-Clave-Segura-99' });
    expect((await w.ok('companies.list', {})).total).toBe(1);
  });

  it('recovers a forgotten password with the recovery key, typed loosely', async () => {
    w = await freshWorkspace();
    await w.ok('session.lock', {});
    const wrong = await w.app.call('session.recover', { workspaceId: w.workspaceId, username: 'admin', recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', newPassword: 'Recuperada-Clave-42' });
    expect(wrong.ok).toBe(false);
    w.clock.advance(2_000);
    const typed = w.recoveryKey.toLowerCase().replace(/-/g, ' ');
    await w.ok('session.recover', { workspaceId: w.workspaceId, username: 'admin', recoveryKey: typed, newPassword: 'Recuperada-Clave-42' });
    await w.ok('session.lock', {});
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: 'Recuperada-Clave-42' });
    const journal = await w.ok('journal.list', {});
    expect(journal.rows.some((r) => r.command === 'session.recover')).toBe(true);
  });

  it('a disabled user can no longer open the workspace, even with the right password', async () => {
    w = await freshWorkspace();
    await w.signInAs('inspector', 'inspectora');
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    const u = (await w.ok('users.list', {})).find((x) => x.username === 'inspectora')!;
    await w.ok('users.setActive', { id: u.id, active: false });
    const keyring = JSON.parse(readFileSync(join(w.dir, 'keyring.json'), 'utf8')) as { entries: { username?: string }[] };
    expect(keyring.entries.some((e) => e.username === 'inspectora')).toBe(false);
    await w.ok('session.lock', {});
    const r = await w.app.call('session.unlock', { workspaceId: w.workspaceId, username: 'inspectora', password: 'Temporal#Clave77-nueva' });
    expect(r.ok).toBe(false);
  });

  it('keeps at least one active administrator', async () => {
    w = await freshWorkspace();
    const admin = (await w.ok('users.list', {}))[0];
    const r = await w.app.call('users.update', { id: admin.id, role: 'analyst' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.lastAdministrator' });
  });

  it('refuses to set up a second workspace over an existing one', async () => {
    w = await freshWorkspace();
    const r = await w.app.call('session.setup', { agencyName: 'Otra', country: 'CO', language: 'es', adminUsername: 'admin', adminDisplayName: 'X', password: ADMIN_PASSWORD });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CONFLICT');
  });
});
