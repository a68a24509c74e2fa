import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

/** Opens the same encrypted file with the data key, as an attacker with the key could, to edit underneath. */
function tamper(dir: string, key: Buffer, sql: string) {
  const db = new Database(join(dir, 'centinela.db'));
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  db.exec(sql);
  db.close();
}

describe('journal', () => {
  it('records who did what, chained, and verifies', async () => {
    w = await freshWorkspace();
    const c = await w.ok('companies.create', sampleCompany());
    await w.ok('companies.update', { id: c.id, version: c.version, fields: { ...sampleCompany(), tradeName: 'Quetzal 2' } });
    const j = await w.ok('journal.list', { entityType: 'company', entityId: c.id });
    expect(j.rows.map((r) => r.command)).toEqual(['companies.update', 'companies.create']);
    expect(j.rows[0]).toMatchObject({ username: 'admin', entityType: 'company', entityId: c.id });
    const v = await w.ok('journal.verify', {});
    expect(v).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(v.checked).toBeGreaterThanOrEqual(3);
  });

  it('detects a row edited underneath and reports the first broken link', async () => {
    w = await freshWorkspace();
    for (const id of ['1234567-9', '7654321-8', '1111111-9']) await w.ok('companies.create', sampleCompany({ taxId: id }));
    const key = Buffer.from(w.app.workspaces.dataKey);
    await w.ok('session.lock', {});
    tamper(w.dir, key, `UPDATE journal SET username = 'otro' WHERE seq = 3`);
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: 'Vigilancia-2026!' });
    const v = await w.ok('journal.verify', {});
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects a deleted row', async () => {
    w = await freshWorkspace();
    for (const id of ['1234567-9', '7654321-8']) await w.ok('companies.create', sampleCompany({ taxId: id }));
    const key = Buffer.from(w.app.workspaces.dataKey);
    await w.ok('session.lock', {});
    tamper(w.dir, key, `DELETE FROM journal WHERE seq = 2`);
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: 'Vigilancia-2026!' });
    expect(await w.ok('journal.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('never stores a password, not even in a digest input', async () => {
    w = await freshWorkspace();
    await w.ok('users.create', { username: 'pedro', displayName: 'Pedro', role: 'analyst', temporaryPassword: 'Temporal#Clave77' });
    const rows = w.app.workspaces.db.prepare('SELECT * FROM journal').all();
    expect(JSON.stringify(rows)).not.toContain('Temporal#Clave77');
  });
});
