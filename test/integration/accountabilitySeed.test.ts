import { afterEach, describe, expect, it } from 'vitest';
import { seedCompanies } from '../../electron/services/seed/seed.ts';
import { seedPersonnel } from '../../electron/services/seed/personnel.ts';
import { seedAccountability } from '../../electron/services/seed/accountability.ts';
import { freshWorkspace } from '../helpers/workspace.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
const open: W[] = [];
afterEach(() => { for (const w of open.splice(0)) w.cleanup(); });

/**
 * Everything the accountability seed writes except ids and which company (the seed picks from
 * companies ordered by id, and ids differ per workspace).
 */
function seededData(w: W) {
  const db = w.app.workspaces.db;
  return {
    incidents: db.prepare(`SELECT i.number, i.occurred_at, i.reported_at, i.region, i.municipality, i.types, i.description, i.personnel_involved, i.shots_fired,
      i.use_of_force, i.injuries, i.deaths, i.police_report_number, i.report_hours, i.late, i.status, i.follow_up, i.follow_up_ref,
      (SELECT group_concat(serial || ':' || outcome) FROM incident_firearms f WHERE f.incident_id = i.id) AS arms
      FROM incidents i ORDER BY i.number`).all(),
    grievances: db.prepare(`SELECT g.reference_code, g.received_at, g.channel, g.anonymous, g.category, g.company_id IS NULL AS no_company, g.personnel_concerned, g.retaliation_concern, g.status,
      g.stage_entered_at, g.referral_target, k.full_name, k.national_id, k.contact
      FROM grievances g LEFT JOIN grievance_complainants k ON k.grievance_id = g.id ORDER BY g.reference_code`).all(),
  };
}

describe('accountability seed', () => {
  it('links incidents and grievances to staff of the same company, and draws nothing else differently', async () => {
    const withStaff = await freshWorkspace();
    const without = await freshWorkspace();
    open.push(withStaff, without);
    for (const w of [withStaff, without]) seedCompanies(w.app.workspaces.db, 20, { now: w.clock.now(), userId: null, username: null });
    seedPersonnel(withStaff.app.workspaces.db, 300, { now: withStaff.clock.now(), userId: null, username: null, details: false });
    const a = seedAccountability(withStaff.app.workspaces.db, { now: withStaff.clock.now(), userId: null, username: null, perCompany: 3 });
    const b = seedAccountability(without.app.workspaces.db, { now: without.clock.now(), userId: null, username: null, perCompany: 3 });
    expect(b.linkedPeople).toBe(0);
    expect(a.linkedPeople).toBeGreaterThan(20);
    // The same incidents and grievances with or without a register to link to: the links drew no random number.
    expect(seededData(withStaff)).toEqual(seededData(without));

    const db = withStaff.app.workspaces.db;
    const links = db.prepare(`SELECT 'i' AS k, i.company_id AS owner_company, p.current_company_id AS person_company FROM incident_persons x JOIN incidents i ON i.id = x.incident_id JOIN persons p ON p.id = x.person_id
      UNION ALL SELECT 'g', g.company_id, p.current_company_id FROM grievance_persons x JOIN grievances g ON g.id = x.grievance_id JOIN persons p ON p.id = x.person_id`).all() as { k: string; owner_company: string; person_company: string }[];
    expect(links.length).toBe(a.linkedPeople);
    expect(links.filter((l) => l.owner_company !== l.person_company)).toEqual([]);
    expect(links.some((l) => l.k === 'g')).toBe(true);
    // A seeded guard's page finds their incidents through the command.
    const someone = db.prepare('SELECT person_id FROM incident_persons LIMIT 1').get() as { person_id: string };
    const mine = await withStaff.ok('incidents.list', { personId: someone.person_id });
    expect(mine.total).toBeGreaterThan(0);
    const one = await withStaff.ok('incidents.get', { id: mine.rows[0]!.id });
    expect(one.people.map((p) => p.personId)).toContain(someone.person_id);
  });
});
