import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCentinela } from '../../electron/core/app.ts';
import { DB_FILE } from '../../electron/core/workspaces.ts';
import { openEncrypted } from '../../electron/store/db.ts';
import { expireDue } from '../../electron/services/upkeep/expiry.ts';
import { runDailyUpkeep } from '../../electron/services/upkeep/upkeep.service.ts';
import { ADMIN_PASSWORD, FAST_SCRYPT, freshWorkspace } from '../helpers/workspace.ts';
import { forceLicence, forcePerson, makeCompany } from '../helpers/licensing.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());
const db = () => w.app.workspaces.db;
const DAY = 86_400_000;

const credential = (id: string) => db().prepare('SELECT credential_status AS s FROM persons WHERE id = ?').get(id) as { s: string };
const licence = (id: string) => db().prepare('SELECT state AS s FROM licences WHERE id = ?').get(id) as { s: string };
const certification = (id: string) => db().prepare('SELECT status AS s FROM certifications WHERE id = ?').get(id) as { s: string };
const journalOf = (entityId: string) => db().prepare(`SELECT command, user_id, username FROM journal WHERE entity_id = ? ORDER BY seq`).all(entityId) as { command: string; user_id: string | null; username: string | null }[];

async function certified(companyId: string, expiresOn: string): Promise<string> {
  const c = await w.ok('certifications.create', { companyId, standard: 'iso_18788', certificationBody: 'Bureau Ejemplo', scope: 'Vigilancia fija', issuedOn: '2023-01-10', expiresOn });
  await w.ok('certifications.transition', { id: c.id, action: 'certify', version: c.version });
  return c.id;
}

describe('daily upkeep (expiries by date)', () => {
  it('expires what passed its date through each state machine, with no user, journaled; leaves what is still valid alone', async () => {
    w = await freshWorkspace();
    const co = await makeCompany(w);
    const other = await makeCompany(w);
    // Credentials: one past its date, one expiring today (still valid today), one already revoked.
    const past = forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: '2026-11-22', healthCertExpiry: '2027-06-01' });
    const today = forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: '2026-11-23', healthCertExpiry: '2027-06-01' });
    const revoked = forcePerson(w, { companyId: co, credentialStatus: 'revoked', credentialExpiresOn: '2026-01-01', healthCertExpiry: '2027-06-01' });
    // Licences: the company's only one past its date (its weapon goes on a custody list), one
    // whose renewal was filed in the window (kept valid while pending), one still in force.
    const lapsed = forceLicence(w, { companyId: co, state: 'active', recommendedBy: null, expiresInDays: -1 });
    const renewing = forceLicence(w, { companyId: other, state: 'renewal_filed', recommendedBy: null, expiresInDays: -3 });
    const inForce = forceLicence(w, { companyId: other, state: 'active', recommendedBy: null, expiresInDays: 0 });
    const weapon = await w.ok('firearms.register', { companyId: co, type: 'pistol', make: 'Jericho', model: '941', calibre: '9 mm', serial: 'UPK-0001' });
    const oldCert = await certified(co, '2026-11-01');
    const goodCert = await certified(other, '2027-11-01');

    const run = await runDailyUpkeep(w.app.workspaces, w.clock);
    expect(run).toMatchObject({ day: '2026-11-23', credentials: 1, licences: 1, certifications: 1, failed: [] });
    expect([credential(past).s, credential(today).s, credential(revoked).s]).toEqual(['expired', 'active', 'revoked']);
    expect([licence(lapsed).s, licence(renewing).s, licence(inForce).s]).toEqual(['expired', 'renewal_filed', 'active']);
    expect([certification(oldCert).s, certification(goodCert).s]).toEqual(['expired', 'certified']);

    // Each change is the state machine's own: an event without a user, and a journal entry as the system.
    expect(db().prepare(`SELECT action, from_status, to_status, created_by FROM credential_events WHERE person_id = ?`).all(past))
      .toEqual([{ action: 'expire', from_status: 'active', to_status: 'expired', created_by: null }]);
    expect(db().prepare(`SELECT action, from_state, to_state, user_id, username FROM licence_events WHERE licence_id = ?`).all(lapsed))
      .toEqual([{ action: 'expire', from_state: 'active', to_state: 'expired', user_id: null, username: null }]);
    for (const id of [past, lapsed, oldCert]) expect(journalOf(id).at(-1)).toEqual({ command: 'upkeep.expire', user_id: null, username: null });
    expect((await w.ok('journal.verify', {})).ok).toBe(true);
    const lists = await w.ok('firearms.custodyLists', { companyId: co });
    expect(lists.rows).toEqual([expect.objectContaining({ reason: 'expired', total: 1, outstanding: 1 })]);
    expect((await w.ok('firearms.get', { id: weapon.id })).openCustodyListId).toBe(lists.rows[0].id);

    // The officer sees what the calendar did today.
    expect(await w.ok('due.expiredToday', {})).toMatchObject({ day: '2026-11-23', credentials: 1, licences: 1, certifications: 1 });

    // Once a day: the same day again changes nothing; the next day expires what became due.
    const seq = () => (db().prepare('SELECT max(seq) AS s FROM journal').get() as { s: number }).s;
    const before = seq();
    expect(await runDailyUpkeep(w.app.workspaces, w.clock)).toBeNull();
    expect(seq()).toBe(before);
    // Opened again the same day (a restored backup, or data that came in meanwhile): checked again, counts add up.
    const late = forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: '2026-11-21', healthCertExpiry: '2027-06-01' });
    w.app.workspaces.lock();
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    expect(await runDailyUpkeep(w.app.workspaces, w.clock)).toMatchObject({ day: '2026-11-23', credentials: 2, licences: 1, certifications: 1 });
    expect(credential(late).s).toBe('expired');
    w.clock.advance(DAY);
    expect(await runDailyUpkeep(w.app.workspaces, w.clock)).toMatchObject({ day: '2026-11-24', credentials: 1, licences: 1, certifications: 0 });
    expect([credential(today).s, licence(inForce).s, licence(renewing).s]).toEqual(['expired', 'expired', 'renewal_filed']);
  });

  it('works through a backlog in passes, and skips (and reports) a record whose change is refused instead of blocking the rest', async () => {
    w = await freshWorkspace();
    const co = await makeCompany(w);
    const people = Array.from({ length: 5 }, (_, i) => forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: `2026-10-0${i + 1}`, healthCertExpiry: '2027-06-01' }));
    const stuck = forceLicence(w, { companyId: co, state: 'active', recommendedBy: null, expiresInDays: -10 });
    const fine = forceLicence(w, { companyId: co, state: 'active', recommendedBy: null, expiresInDays: -5 });
    // Something in the data that refuses the change (here a trigger standing in for it).
    db().exec(`CREATE TEMP TRIGGER refuse_stuck BEFORE UPDATE OF state ON licences WHEN old.id = '${stuck}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const skip = new Set<string>();
    const first = expireDue(db(), { today: '2026-11-23', now: w.clock.now().toISOString(), limit: 2, skip });
    expect(first).toMatchObject({ credentials: 2, licences: 1, more: true });
    expect(first.failed).toEqual([expect.objectContaining({ entityType: 'licence', entityId: stuck })]);
    expect(licence(fine).s).toBe('expired');
    expect(licence(stuck).s).toBe('active');
    // The oldest expiries went first.
    expect(people.map((p) => credential(p).s)).toEqual(['expired', 'expired', 'active', 'active', 'active']);
    const second = expireDue(db(), { today: '2026-11-23', now: w.clock.now().toISOString(), limit: 2, skip });
    expect(second).toMatchObject({ credentials: 2, licences: 0, failed: [] });
    const third = expireDue(db(), { today: '2026-11-23', now: w.clock.now().toISOString(), limit: 2, skip });
    expect(third).toMatchObject({ credentials: 1, licences: 0, more: false });
    expect(people.every((p) => credential(p).s === 'expired')).toBe(true);
    // A refused record leaves no half-change behind: no event, no journal entry.
    expect(db().prepare('SELECT count(*) AS n FROM licence_events WHERE licence_id = ?').get(stuck)).toEqual({ n: 0 });
    expect(journalOf(stuck)).toEqual([]);
  });

  it('a busy database ends the pass untouched, with no record marked refused; the next try does the work', async () => {
    w = await freshWorkspace();
    const co = await makeCompany(w);
    const p = forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: '2026-11-01', healthCertExpiry: '2027-06-01' });
    // Another connection holds the write lock (an import committing), and we wait only briefly.
    const other = openEncrypted(join(w.app.workspaces.dir!, DB_FILE), w.app.workspaces.dataKey);
    db().pragma('busy_timeout = 50');
    other.prepare('BEGIN IMMEDIATE').run();
    const skip = new Set<string>();
    try {
      expect(() => expireDue(db(), { today: '2026-11-23', now: w.clock.now().toISOString(), limit: 10, skip })).toThrow(/locked|busy/i);
      expect(skip.size).toBe(0);
      expect(credential(p).s).toBe('active');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(expireDue(db(), { today: '2026-11-23', now: w.clock.now().toISOString(), limit: 10, skip })).toMatchObject({ credentials: 1, failed: [] });
    expect(credential(p).s).toBe('expired');
  });

  it('does nothing in a field copy (the office decides expiries)', async () => {
    w = await freshWorkspace();
    const co = await makeCompany(w);
    const p = forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: '2026-01-01', healthCertExpiry: '2027-06-01' });
    db().prepare(`INSERT INTO settings (key, value) VALUES ('field.copy', '{}')`).run();
    expect(await runDailyUpkeep(w.app.workspaces, w.clock)).toMatchObject({ credentials: 0, licences: 0, certifications: 0 });
    expect(credential(p).s).toBe('active');
  });

  it('runs by itself when the workspace is opened (timers on), before the sign-in answers', async () => {
    w = await freshWorkspace();
    const co = await makeCompany(w);
    const p = forcePerson(w, { companyId: co, credentialStatus: 'active', credentialExpiresOn: '2026-01-01', healthCertExpiry: '2027-06-01' });
    w.app.workspaces.lock();
    const app = createCentinela({ root: w.root, clock: w.clock, scrypt: FAST_SCRYPT, idleCheckMs: 0, upkeepCheckMs: 3_600_000 });
    try {
      const r = await app.call('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
      expect(r.ok).toBe(true);
      const state = app.workspaces.db.prepare('SELECT credential_status AS s FROM persons WHERE id = ?').get(p) as { s: string };
      expect(state.s).toBe('expired');
      const today = await app.call('due.expiredToday', {});
      expect(today).toMatchObject({ ok: true, value: { credentials: 1 } });
    } finally {
      app.close();
    }
  });
});
