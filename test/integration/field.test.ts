import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshWorkspace, nextGtNit, sampleCompany, USER_PASSWORD } from '../helpers/workspace.ts';
import { dumpAll, FIELD_PASSWORD, laptop, PASSPHRASE } from '../helpers/field.ts';
import { verifyJournal } from '../../electron/store/journal.ts';
import { parsePackage, sealPackage, openPayload } from '../../electron/services/field/field.crypto.ts';
import { fieldCopyInfo } from '../../electron/services/field/field.mode.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

const PHOTO = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('FOTO-CAMPO-ARMERIA-ZX81')]);
const MARKER = 'Vigilancia Ornitorrinco Zacapaneca';

/** An office with two companies, a supervisor and an inspector-supervisor, and a package for the team. */
async function office() {
  const w = await freshWorkspace();
  const out = mkdtempSync(join(tmpdir(), 'centinela-pkg-'));
  cleanups.push(() => { w.cleanup(); rmSync(out, { recursive: true, force: true }); });
  const a = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: MARKER, notes: 'Sin observaciones' }));
  const b = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Otra Empresa de Vigilancia, S.A.' }));
  await w.ok('attachments.add', { ownerType: 'company', ownerId: a.id, kind: 'licence', filename: 'licencia.png', base64: PHOTO.toString('base64') });
  const ana = await w.ok('users.create', { username: 'gabriela', displayName: 'Gabriela Xicará', role: 'supervisor', temporaryPassword: USER_PASSWORD });
  const ben = await w.ok('users.create', { username: 'ramon', displayName: 'Ramón Cifuentes', role: 'supervisor', temporaryPassword: USER_PASSWORD });
  return { w, out, a, b, ana, ben };
}

async function exportFor(o: Awaited<ReturnType<typeof office>>, members: string[], name = 'salida.cfp') {
  return o.w.ok('field.exportPackage', { label: 'Inspección Zacapa, noviembre', items: [{ table: 'companies', ids: [o.a.id] }], memberIds: members, passphrase: PASSPHRASE, path: join(o.out, name) });
}

async function openOnLaptop(path: string, username: string) {
  const l = laptop();
  cleanups.push(l.cleanup);
  await l.ok('field.openPackage', { path, passphrase: PASSPHRASE, username, password: FIELD_PASSWORD });
  return l;
}

type Laptop = Awaited<ReturnType<typeof openOnLaptop>>;
async function editCompany(l: Laptop, id: string, patch: Record<string, unknown>) {
  const c = await l.ok('companies.get', { id });
  const { id: _i, version, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...fields } = c as Record<string, unknown>;
  await l.ok('companies.update', { id, version: version as number, fields: { ...fields, ...patch } as never });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('field packages', { timeout: 300_000 }, () => {
  it('round trip: export only the chosen records, work offline, return only changes, import', async () => {
    const o = await office();
    const exp = await exportFor(o, [o.ana.id]);
    expect(exp.counts).toEqual(expect.arrayContaining([{ table: 'companies', rows: 1 }, { table: 'attachments', rows: 1 }, { table: 'company_branches', rows: 1 }]));
    // Nothing readable in the file: not the company, not the photo.
    const file = readFileSync(exp.path);
    expect(file.includes(Buffer.from(MARKER))).toBe(false);
    expect(file.includes(Buffer.from('FOTO-CAMPO'))).toBe(false);
    expect(parsePackage(file).header.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });

    const l = await openOnLaptop(exp.path, 'gabriela');
    const st = await l.ok('field.status', {});
    expect(st.mode).toBe('field');
    expect(st.package!.changes).toBe(0);
    // Only what the team needs: the chosen company, not the other one.
    const list = await l.ok('companies.list', {});
    expect(list.rows.map((r) => r.legalName)).toEqual([MARKER]);

    await editCompany(l, o.a.id, { notes: 'Armería con 12 armas; falta 1 (serie 55-1234).', phone: '+502 7941 0000' });
    const photo = await l.ok('attachments.add', { ownerType: 'company', ownerId: o.a.id, kind: 'photo', filename: 'armeria-campo.png', base64: PHOTO.toString('base64') });
    expect((await l.ok('field.status', {})).package!.changes).toBe(3); // notes, phone, one new photo
    // What could not travel back is refused in the copy, not silently kept on the laptop.
    const newCompany = await l.app.call('companies.create', sampleCompany({ taxId: nextGtNit() }));
    expect(newCompany.ok ? 'ok' : `${newCompany.error.code} ${newCompany.error.messageKey}`).toBe('CONFLICT errors.fieldCopyReadOnly');
    const ret = await l.ok('field.exportReturn', { passphrase: 'Regreso del campo 2026!', path: join(o.out, 'regreso.cfp') });
    expect(ret).toMatchObject({ sets: 2, inserts: 1 });
    const retBytes = readFileSync(ret.path);
    expect(retBytes.includes(Buffer.from('Armería con 12'))).toBe(false);
    expect(retBytes.includes(Buffer.from('FOTO-CAMPO'))).toBe(false);

    const preview = await o.w.ok('field.previewImport', { path: ret.path, passphrase: 'Regreso del campo 2026!' });
    expect(preview.counts).toEqual({ apply: 3, conflict: 0, same: 0, superseded: 0, missing: 0 });
    expect(preview.inspector.username).toBe('gabriela');
    expect(preview.items.find((i) => i.column === 'notes')).toMatchObject({ record: MARKER, base: 'Sin observaciones', office: 'Sin observaciones', field: 'Armería con 12 armas; falta 1 (serie 55-1234).' });
    const result = await o.w.ok('field.applyImport', { path: ret.path, passphrase: 'Regreso del campo 2026!', resolutions: [] });
    expect(result).toMatchObject({ applied: 3, keptOffice: 0, records: 2 });
    const a = await o.w.ok('companies.get', { id: o.a.id });
    expect(a.notes).toBe('Armería con 12 armas; falta 1 (serie 55-1234).');
    expect(a.phone).toBe('+502 7941 0000');
    expect(a.version).toBe(2);
    const got = await o.w.ok('attachments.get', { id: photo.id });
    expect(Buffer.from(got.base64, 'base64').equals(PHOTO)).toBe(true);
    expect(verifyJournal(o.w.app.workspaces.db).ok).toBe(true);

    // The same package again changes nothing.
    const before = dumpAll(o.w.app.workspaces.db);
    const again = await o.w.app.call('field.applyImport', { path: ret.path, passphrase: 'Regreso del campo 2026!', resolutions: [] });
    expect(again.ok ? 'ok' : again.error.messageKey).toBe('errors.fieldAlreadyImported');
    expect(dumpAll(o.w.app.workspaces.db)).toBe(before);
    const prev2 = await o.w.ok('field.previewImport', { path: ret.path, passphrase: 'Regreso del campo 2026!' });
    expect(prev2.alreadyImportedAt).not.toBeNull();
    expect(prev2.counts.apply).toBe(0);

    // A later, cumulative return from the same copy brings only the new change.
    await editCompany(l, o.a.id, { email: 'campo@zacapa.example' });
    const ret2 = await l.ok('field.exportReturn', { passphrase: 'Regreso del campo 2026!', path: join(o.out, 'regreso2.cfp') });
    const p3 = await o.w.ok('field.previewImport', { path: ret2.path, passphrase: 'Regreso del campo 2026!' });
    expect(p3.counts).toEqual({ apply: 1, conflict: 0, same: 0, superseded: 3, missing: 0 });
  });

  it('conflicts: a field changed in the office and in the field is shown with both values and decided by a person', async () => {
    const o = await office();
    const exp = await exportFor(o, [o.ana.id]);
    const l = await openOnLaptop(exp.path, 'gabriela');
    await editCompany(l, o.a.id, { phone: '+502 5555 1111', notes: 'Representante presente: Lic. Juárez' });
    const c = await o.w.ok('companies.get', { id: o.a.id });
    const { id: _i, version, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...fields } = c as Record<string, unknown>;
    await o.w.ok('companies.update', { id: o.a.id, version: version as number, fields: { ...fields, phone: '+502 2222 9999' } as never });
    const ret = await l.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(o.out, 'r.cfp') });

    const p = await o.w.ok('field.previewImport', { path: ret.path, passphrase: PASSPHRASE });
    expect(p.counts).toMatchObject({ apply: 1, conflict: 1 });
    expect(p.items[0]).toMatchObject({ status: 'conflict', column: 'phone', base: '+502 2345 6789', office: '+502 2222 9999', field: '+502 5555 1111' });

    const before = dumpAll(o.w.app.workspaces.db);
    const undecided = await o.w.app.call('field.applyImport', { path: ret.path, passphrase: PASSPHRASE, resolutions: [] });
    expect(undecided.ok ? 'ok' : `${undecided.error.field} ${undecided.error.messageKey} ${undecided.error.params.count}`).toBe('resolutions errors.fieldUnresolvedConflicts 1');
    expect(dumpAll(o.w.app.workspaces.db)).toBe(before);

    const r = await o.w.ok('field.applyImport', { path: ret.path, passphrase: PASSPHRASE, resolutions: [{ table: 'companies', rowId: o.a.id, column: 'phone', keep: 'office' }] });
    expect(r).toMatchObject({ applied: 1, keptOffice: 1 });
    const a = await o.w.ok('companies.get', { id: o.a.id });
    expect(a.phone).toBe('+502 2222 9999');
    expect(a.notes).toBe('Representante presente: Lic. Juárez');
  });

  it('two inspectors, packages in either order, give the same result; the later field change wins', async () => {
    const o = await office();
    const exp = await exportFor(o, [o.ana.id, o.ben.id]);
    const la = await openOnLaptop(exp.path, 'gabriela');
    const lb = await openOnLaptop(exp.path, 'ramon');
    await editCompany(la, o.a.id, { notes: 'Nota de Gabriela', phone: '+502 1111 0000' });
    await sleep(15);
    await editCompany(lb, o.a.id, { notes: 'Nota de Ramón', email: 'ramon@campo.example' });
    const ra = await la.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(o.out, 'ra.cfp') });
    const rb = await lb.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(o.out, 'rb.cfp') });

    // A second office, identical, via backup and restore, to try the other order.
    const bk = await o.w.ok('backups.create', { folder: join(o.out, 'bk') });
    const twinRoot = join(o.out, 'twin');
    await o.w.ok('backups.restore', { path: bk.path, target: join(twinRoot, 'workspace'), credential: { method: 'recoveryKey', recoveryKey: o.w.recoveryKey } });
    const { createCentinela } = await import('../../electron/core/app.ts');
    const { FAST_SCRYPT, ADMIN_PASSWORD } = await import('../helpers/workspace.ts');
    const twin = createCentinela({ root: twinRoot, clock: o.w.clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
    cleanups.push(() => twin.close());
    expect((await twin.call('session.unlock', { workspaceId: o.w.workspaceId, username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(true);

    const apply = async (app: typeof twin, path: string) => {
      const r = await app.call('field.applyImport', { path, passphrase: PASSPHRASE, resolutions: [] });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as { applied: number };
    };
    // Office: B then A. Twin: A then B.
    await apply(o.w.app, rb.path);
    const pa = await o.w.ok('field.previewImport', { path: ra.path, passphrase: PASSPHRASE });
    expect(pa.items.find((i) => i.column === 'notes')!.status).toBe('superseded');
    await apply(o.w.app, ra.path);
    await apply(twin, ra.path);
    await apply(twin, rb.path);
    const pick = (c: Record<string, unknown>) => ({ notes: c.notes, phone: c.phone, email: c.email });
    const one = (await o.w.ok('companies.get', { id: o.a.id })) as Record<string, unknown>;
    const two = (await twin.call('companies.get', { id: o.a.id })) as { ok: true; value: Record<string, unknown> };
    expect(pick(one)).toEqual({ notes: 'Nota de Ramón', phone: '+502 1111 0000', email: 'ramon@campo.example' });
    expect(pick(two.value)).toEqual(pick(one));
  });

  it('refuses tampered, foreign, other-workspace, wrong-passphrase and unknown-signer packages, writing nothing', async () => {
    const o = await office();
    const exp = await exportFor(o, [o.ana.id]);
    const l = await openOnLaptop(exp.path, 'gabriela');
    await editCompany(l, o.a.id, { notes: 'Cambio de campo' });
    const ret = await l.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(o.out, 'r.cfp') });
    const bytes = readFileSync(ret.path);
    const before = dumpAll(o.w.app.workspaces.db);
    const journalBefore = verifyJournal(o.w.app.workspaces.db).checked;
    const refuse = async (path: string, passphrase = PASSPHRASE) => {
      for (const name of ['field.previewImport', 'field.applyImport'] as const) {
        const r = await o.w.app.call(name, { path, passphrase, resolutions: [] });
        expect(r.ok, `${name} accepted ${path}`).toBe(false);
        if (!r.ok && name === 'field.applyImport') {
          expect(dumpAll(o.w.app.workspaces.db)).toBe(before);
          expect(verifyJournal(o.w.app.workspaces.db).checked).toBe(journalBefore);
          return `${r.error.code} ${r.error.messageKey}`;
        }
      }
      return '';
    };
    const write = (name: string, b: Buffer) => { const p = join(o.out, name); writeFileSync(p, b); return p; };

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] ^= 1;
    expect(await refuse(write('flip.cfp', flipped))).toBe('INTEGRITY errors.fieldTampered');
    const header = Buffer.from(bytes);
    const at = header.indexOf(Buffer.from('"createdAt":"')) + 14;
    header[at] = header[at] === 0x30 ? 0x31 : 0x30;
    expect(await refuse(write('header.cfp', header))).toBe('INTEGRITY errors.fieldTampered');
    expect(await refuse(write('garbage.cfp', Buffer.from('no soy un paquete')))).toBe('INTEGRITY errors.fieldNotAPackage');
    expect(await refuse(ret.path, 'Otra frase de paso 123!')).toBe('UNAUTHENTICATED errors.fieldWrongPassphrase');
    // An export is not a return.
    expect(await refuse(exp.path)).toBe('INTEGRITY errors.fieldNotAReturn');

    // Re-signed by the inspector's own key but naming another workspace.
    const info = fieldCopyInfo(l.app.workspaces.db)!;
    const parsed = parsePackage(bytes);
    const payload = await openPayload(parsed, PASSPHRASE);
    const { kdf: _k, cipher: _c, format: _f, version: _v, ...h } = parsed.header;
    const other = await sealPackage({ header: { ...h, workspaceId: '019a0000-0000-7000-8000-000000000000' }, payload, passphrase: PASSPHRASE, signWith: info.signingKey });
    expect(await refuse(write('other.cfp', other))).toBe('INTEGRITY errors.fieldOtherWorkspace');
    // Signed by a key that was never issued for this export.
    const { newSigningKey } = await import('../../electron/services/field/field.crypto.ts');
    const stranger = newSigningKey();
    const forged = await sealPackage({ header: { ...h, signer: { ...h.signer, publicKey: stranger.publicKey } }, payload, passphrase: PASSPHRASE, signWith: stranger });
    expect(await refuse(write('forged.cfp', forged))).toBe('INTEGRITY errors.fieldUnknownSigner');

    // Another agency's office: its package is refused by name.
    const o2 = await office();
    const exp2 = await exportFor(o2, [o2.ana.id]);
    const l2 = await openOnLaptop(exp2.path, 'gabriela');
    await editCompany(l2, o2.a.id, { notes: 'otra agencia' });
    const ret2 = await l2.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(o.out, 'foreign.cfp') });
    expect(await refuse(ret2.path)).toBe('INTEGRITY errors.fieldForeignAgency');

    // The field copy refuses a tampered export package too, and creates no workspace.
    const l3 = laptop();
    cleanups.push(l3.cleanup);
    const badExport = Buffer.from(readFileSync(exp.path));
    badExport[badExport.length - 5] ^= 1;
    const r = await l3.app.call('field.openPackage', { path: write('badexp.cfp', badExport), passphrase: PASSPHRASE, username: 'gabriela', password: FIELD_PASSWORD });
    expect(r.ok ? 'ok' : r.error.messageKey).toBe('errors.fieldTampered');
    const wrong = await l3.app.call('field.openPackage', { path: exp.path, passphrase: 'No es la frase 99!', username: 'gabriela', password: FIELD_PASSWORD });
    expect(wrong.ok ? 'ok' : wrong.error.messageKey).toBe('errors.fieldWrongPassphrase');
    expect(l3.app.workspaces.list()).toEqual([]);
  });

  it('validates the export: strong passphrase, existing records and members, absolute path', async () => {
    const o = await office();
    const base = { label: 'X', items: [{ table: 'companies' as const, ids: [o.a.id] }], memberIds: [o.ana.id], passphrase: PASSPHRASE, path: join(o.out, 'v.cfp') };
    const err = async (over: Record<string, unknown>) => {
      const r = await o.w.app.call('field.exportPackage', { ...base, ...over });
      return r.ok ? 'ok' : `${r.error.field} ${r.error.messageKey}`;
    };
    expect(await err({ passphrase: 'corta' })).toBe('passphrase password.tooShort');
    expect(await err({ path: 'relativo.cfp' })).toBe('path validation.absolutePath');
    expect(await err({ items: [{ table: 'companies', ids: ['019a0000-0000-7000-8000-000000000001'] }] })).toBe('items.0.ids errors.fieldRecordNotFound');
    expect(await err({ memberIds: ['019a0000-0000-7000-8000-000000000001'] })).toBe('memberIds.0 errors.userNotFound');
    expect(await err({})).toBe('ok');
    expect(await err({})).toBe('path errors.fieldFileExists');
  });
  it('carries armories, firearms and staff for counts; a firearm condition noted in the field comes back', async () => {
    const o = await office();
    const db = o.w.app.workspaces.db;
    const now = '2026-11-23T12:00:00.000Z';
    const armory = '019a0000-0000-7000-8000-0000000000a1';
    const gun = '019a0000-0000-7000-8000-0000000000f1';
    db.prepare(`INSERT INTO armories (id, company_id, name, address, alarm_link, created_at, updated_at) VALUES (?, ?, 'Armería central', 'Zona 10', 'monitoring_centre', ?, ?)`).run(armory, o.a.id, now, now);
    db.prepare(`INSERT INTO firearms (id, company_id, armory_id, type, make, make_norm, calibre_code, calibre_written, serial, serial_norm, condition, state, created_at, updated_at)
      VALUES (?, ?, ?, 'pistol', 'Glock', 'GLOCK', '9x19', '9 mm', 'AB-12 345', 'AB12345', 'good', 'in_armory', ?, ?)`).run(gun, o.a.id, armory, now, now);
    db.prepare(`INSERT INTO firearms (id, company_id, type, make, make_norm, calibre_code, calibre_written, serial, serial_norm, condition, state, created_at, updated_at)
      VALUES ('019a0000-0000-7000-8000-0000000000f2', ?, 'revolver', 'Taurus', 'TAURUS', '38SPL', '.38', 'X9', 'X9', 'good', 'in_armory', ?, ?)`).run(o.b.id, now, now);
    const exp = await exportFor(o, [o.ana.id]);
    expect(exp.counts).toEqual(expect.arrayContaining([{ table: 'armories', rows: 1 }, { table: 'firearms', rows: 1 }]));
    const l = await openOnLaptop(exp.path, 'gabriela');
    const fdb = l.app.workspaces.db;
    expect(fdb.prepare('SELECT serial_norm FROM firearms').all()).toEqual([{ serial_norm: 'AB12345' }]);
    // Any command that changes the firearm (here a plain update in one transaction) is logged by the triggers.
    fdb.transaction(() => fdb.prepare(`UPDATE firearms SET condition = 'damaged', notes = 'Corredera con fisura' WHERE id = ?`).run(gun))();
    const ret = await l.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(o.out, 'armas.cfp') });
    expect(ret.sets).toBe(2);
    const r = await o.w.ok('field.applyImport', { path: ret.path, passphrase: PASSPHRASE, resolutions: [] });
    expect(r.applied).toBe(2);
    expect(db.prepare('SELECT condition, notes, version FROM firearms WHERE id = ?').get(gun)).toEqual({ condition: 'damaged', notes: 'Corredera con fisura', version: 2 });
  });
});
