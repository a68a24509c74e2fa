import { afterEach, describe, expect, it } from 'vitest';
import { seedCompanies } from '../../electron/services/seed/seed.ts';
import { seedPersonnel } from '../../electron/services/seed/personnel.ts';
import { checkNationalId } from '../../shared/model/nationalId.ts';
import { isAtLeast } from '../../shared/model/personnel.ts';
import { freshWorkspace } from '../helpers/workspace.ts';
import { samplePerson, VALID_VETTING } from '../helpers/personnel.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

describe('personnel seed', () => {
  it('makes data the app itself would accept, consistent with employment, and the sequence continues after it', async () => {
    w = await freshWorkspace();
    const db = w.app.workspaces.db;
    seedCompanies(db, 40, { now: w.clock.now(), userId: null, username: null });
    const n = seedPersonnel(db, 400, { now: w.clock.now(), userId: null, username: null, details: true });
    expect(n).toBe(400);
    const people = db.prepare('SELECT * FROM persons').all() as { id: string; national_id: string; birth_date: string; credential_status: string; current_company_id: string | null; credential_number: string | null }[];
    for (const p of people) {
      expect(checkNationalId('GT', p.national_id), p.national_id).toBeNull();
      expect(isAtLeast(p.birth_date, '2026-11-23')).toBe(true);
      const open = db.prepare('SELECT company_id FROM employments WHERE person_id = ? AND end_date IS NULL').all(p.id) as { company_id: string }[];
      expect(open.map((o) => o.company_id)).toEqual(p.current_company_id ? [p.current_company_id] : []);
      if (p.credential_status === 'active') expect(p.current_company_id).not.toBeNull();
      if (p.credential_status === 'inactive') expect(p.current_company_id).toBeNull();
    }
    const states = new Set(people.map((p) => p.credential_status));
    for (const s of ['active', 'inactive', 'vetting', 'expired']) expect(states.has(s), s).toBe(true);
    const expiring = await w.ok('personnel.list', { expiringWithinDays: 90, sort: 'name' });
    expect(expiring.total).toBeGreaterThan(0);
    // The list pins the Due view's partial index for this filter; it must count what plain SQL counts.
    const plain = w.app.workspaces.db.prepare(`SELECT count(*) AS n FROM persons WHERE credential_expires_on BETWEEN '2026-11-23' AND date('2026-11-23', '+90 days') AND credential_status IN ('credentialed','active','inactive','suspended')`).get() as { n: number };
    expect(expiring.total).toBe(plain.n);
    expect(expiring.rows.every((r) => r.credentialExpiresOn! >= '2026-11-23' && r.credentialExpiresOn! <= '2027-02-21')).toBe(true);
    // The next credential issued in the app continues after the seeded numbers.
    const p = await w.ok('personnel.create', samplePerson(VALID_VETTING));
    await w.ok('personnel.transitionCredential', { personId: p.id, action: 'startVetting' });
    const issued = await w.ok('personnel.transitionCredential', { personId: p.id, action: 'issue' });
    expect(people.some((x) => x.credential_number === issued.credentialNumber)).toBe(false);
    // Seeding again adds new people, never a duplicate id; a bulk load puts every index and trigger back and rebuilds search.
    const schema = () => db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('persons', 'employments') ORDER BY name`).all();
    const before = JSON.stringify(schema());
    expect(seedPersonnel(db, 50, { now: w.clock.now(), userId: null, username: null, bulk: true, seed: 7 })).toBe(50);
    expect(JSON.stringify(schema())).toBe(before);
    const last = db.prepare('SELECT given_names, family_names, national_id_norm FROM persons ORDER BY rowid DESC LIMIT 1').get() as { given_names: string; family_names: string; national_id_norm: string };
    expect((await w.ok('personnel.list', { search: last.national_id_norm })).total).toBe(1);
    expect((await w.ok('personnel.list', { search: `${last.given_names} ${last.family_names}` })).total).toBeGreaterThan(0);
    // A search alone is counted from the search index: the same total as through the register, and the rows agree.
    const word = last.family_names.split(' ')[0];
    const viaRegister = (db.prepare(`SELECT count(*) AS n FROM persons p WHERE p.rowid IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ?)`).get(`"${word}"*`) as { n: number }).n;
    const found = await w.ok('personnel.list', { search: word, limit: 500 });
    expect(found.total).toBe(viaRegister);
    expect(found.rows.length).toBe(Math.min(500, viaRegister));
    expect(db.prepare(`INSERT INTO persons_fts(persons_fts) VALUES ('integrity-check')`).run()).toBeTruthy();
  });
});
