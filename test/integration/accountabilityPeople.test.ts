import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { samplePerson, VALID_VETTING } from '../helpers/personnel.ts';
import { snapshot } from '../helpers/licensing.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CommandInput } from '../../shared/commands/index.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
let companyId: string;
let guard: { id: string; nationalId: string };
let other: { id: string; nationalId: string };

beforeEach(async () => {
  w = await freshWorkspace();
  companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }))).id;
  const g = await w.ok('personnel.create', samplePerson({ givenNames: 'Marvin Estuardo', familyNames: 'López Ajú', ...VALID_VETTING }));
  await w.ok('personnel.transitionCredential', { personId: g.id, action: 'startVetting' });
  await w.ok('personnel.setEmployer', { personId: g.id, companyId, startDate: '2026-11-01', position: 'Agente' });
  await w.ok('personnel.transitionCredential', { personId: g.id, action: 'issue' });
  guard = { id: g.id, nationalId: g.nationalId };
  const o = await w.ok('personnel.create', samplePerson({ givenNames: 'Selvin', familyNames: 'Coc Tzul' }));
  other = { id: o.id, nationalId: o.nationalId };
});
afterEach(() => w.cleanup());

const incident = (over: Partial<CommandInput<'incidents.create'>> = {}): CommandInput<'incidents.create'> => ({
  occurredAt: '2026-11-20T08:00', reportedAt: '2026-11-21T08:00', region: 'Guatemala', companyId, types: ['use_of_force'],
  description: 'Altercado en la garita de ingreso.', personnelInvolved: ['Agente sin credencial Byron Chávez'], ...over,
});
const grievance = (over: Partial<CommandInput<'grievances.create'>> = {}): CommandInput<'grievances.create'> => ({
  receivedAt: '2026-11-20T09:30', channel: 'in_person', anonymous: false,
  complainant: { fullName: 'Juana Pérez Coc', nationalId: '2547 89654 0101', contact: '+502 5555 1234', address: 'Aldea El Rosario' },
  category: 'use_of_force', companyId, personnelConcerned: ['Agente con placa 1187'], summary: 'El agente empujó a mi hijo en la garita.', ...over,
});
const rows = (sql: string, ...p: unknown[]) => w.app.workspaces.db.prepare(sql).all(...p);

describe('incidents linked to the personnel register', () => {
  it('links the registered persons in the order given (once each), keeps the free-text names, and shows their credential', async () => {
    const i = await w.ok('incidents.create', incident({ personIds: [guard.id, other.id, guard.id] }));
    expect(rows('SELECT person_id, position FROM incident_persons WHERE incident_id = ? ORDER BY position', i.id)).toEqual([
      { person_id: guard.id, position: 0 }, { person_id: other.id, position: 1 },
    ]);
    expect(i.personnelInvolved).toEqual(['Agente sin credencial Byron Chávez']);
    expect(i.people).toEqual([
      { personId: guard.id, name: 'Marvin Estuardo López Ajú', nationalId: guard.nationalId, credentialNumber: expect.stringMatching(/\d/), credentialStatus: 'active' },
      { personId: other.id, name: 'Selvin Coc Tzul', nationalId: other.nationalId, credentialNumber: null, credentialStatus: 'applicant' },
    ]);
    expect((await w.ok('incidents.get', { id: i.id })).people).toEqual(i.people);
  });

  it('the person shown is the register as it is today (a credential suspended later reads as suspended)', async () => {
    const i = await w.ok('incidents.create', incident({ personIds: [guard.id] }));
    await w.ok('personnel.transitionCredential', { personId: guard.id, action: 'suspend', reason: 'Uso excesivo de la fuerza', legalBasis: 'Decreto 52-2010, art. 60' });
    expect((await w.ok('incidents.get', { id: i.id })).people[0]!.credentialStatus).toBe('suspended');
  });

  it('an unknown person refuses the whole incident: nothing written, not even a stolen firearm moved', async () => {
    const f = await w.ok('firearms.register', { companyId, type: 'pistol', make: 'Jericho', model: '941', calibre: '9 mm Parabellum', serial: 'JR-1' } as never);
    const before = snapshot(w, ['SELECT id, state, version FROM firearms']);
    const r = await w.app.call('incidents.create', incident({
      types: ['firearm_theft'], firearms: [{ serial: 'JR-1', outcome: 'stolen' }], personIds: [guard.id, uuidv7()],
    }));
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.personNotFound', field: 'personIds' });
    expect(snapshot(w, ['SELECT id, state, version FROM firearms'])).toBe(before);
    expect((await w.ok('firearms.get', { id: f.id })).state).toBe('in_armory');
  });

  it('refuses more than 100 persons and ids that are not ids', async () => {
    const tooMany = await w.app.call('incidents.create', incident({ personIds: Array.from({ length: 101 }, () => uuidv7()) }));
    expect(tooMany.ok ? 'ok' : tooMany.error.code).toBe('VALIDATION');
    const bad = await w.app.call('incidents.create', incident({ personIds: ['2547896410101'] }));
    expect(bad.ok ? 'ok' : bad.error).toMatchObject({ code: 'VALIDATION', field: 'personIds.0' });
    expect(rows('SELECT * FROM incidents')).toEqual([]);
  });

  it('lists one person’s incidents (in SQL, with the other filters and the total)', async () => {
    const a = await w.ok('incidents.create', incident({ personIds: [guard.id] }));
    const b = await w.ok('incidents.create', incident({ personIds: [guard.id, other.id], types: ['detention'] }));
    await w.ok('incidents.create', incident({ personIds: [other.id] }));
    await w.ok('incidents.create', incident());
    const mine = await w.ok('incidents.list', { personId: guard.id, sort: 'number', dir: 'asc' });
    expect(mine).toMatchObject({ total: 2 });
    expect(mine.rows.map((x) => x.id)).toEqual([a.id, b.id]);
    expect((await w.ok('incidents.list', { personId: guard.id, type: 'detention' })).rows.map((x) => x.id)).toEqual([b.id]);
    expect((await w.ok('incidents.list', { personId: guard.id, limit: 1, offset: 1, sort: 'number', dir: 'asc' }))).toMatchObject({ total: 2, rows: [{ id: b.id }] });
    expect((await w.ok('incidents.list', { personId: uuidv7() })).total).toBe(0);
    const plan = (w.app.workspaces.db.prepare(`EXPLAIN QUERY PLAN SELECT incident_id FROM incident_persons WHERE person_id = ?`).all('x') as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan).toContain('incident_persons_person');
  });
});

describe('grievances linked to the personnel register', () => {
  it('links the guards concerned and shows them; the complainant stays apart', async () => {
    const g = await w.ok('grievances.create', grievance({ personIds: [other.id, guard.id, other.id] }));
    expect(rows('SELECT person_id, position FROM grievance_persons WHERE grievance_id = ? ORDER BY position', g.id)).toEqual([
      { person_id: other.id, position: 0 }, { person_id: guard.id, position: 1 },
    ]);
    expect(g.people.map((p) => [p.personId, p.name])).toEqual([[other.id, 'Selvin Coc Tzul'], [guard.id, 'Marvin Estuardo López Ajú']]);
    expect(g.personnelConcerned).toEqual(['Agente con placa 1187']);
    const got = await w.ok('grievances.get', { id: g.id });
    expect(got.people).toEqual(g.people);
    expect((await w.ok('grievances.findByReference', { referenceCode: g.referenceCode })).people).toEqual(g.people);
    for (const v of [g, got]) expect(JSON.stringify(v)).not.toMatch(/Juana|2547 89654 0101|5555 1234|El Rosario/);
  });

  it('an unknown person refuses the grievance: no grievance, no identity, no journal entry', async () => {
    const before = snapshot(w);
    const r = await w.app.call('grievances.create', grievance({ personIds: [uuidv7()] }));
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.personNotFound', field: 'personIds' });
    expect(snapshot(w)).toBe(before);
    const tooMany = await w.app.call('grievances.create', grievance({ personIds: Array.from({ length: 51 }, () => uuidv7()) }));
    expect(tooMany.ok ? 'ok' : tooMany.error.code).toBe('VALIDATION');
    expect(snapshot(w)).toBe(before);
  });

  it('lists the grievances about one guard, never by who complained', async () => {
    const about = await w.ok('grievances.create', grievance({ personIds: [guard.id] }));
    await w.ok('grievances.create', grievance({ personIds: [other.id] }));
    // The registered guard is the complainant here (same national id), not the person concerned.
    await w.ok('grievances.create', grievance({ complainant: { fullName: 'Marvin Estuardo López Ajú', nationalId: guard.nationalId }, personIds: [] }));
    const mine = await w.ok('grievances.list', { personId: guard.id });
    expect(mine.total).toBe(1);
    expect(mine.rows.map((r) => r.id)).toEqual([about.id]);
    expect(JSON.stringify(mine)).not.toMatch(/Juana|2547 89654 0101/);
    expect((await w.ok('grievances.list', { personId: guard.id, status: 'closed' })).total).toBe(0);
  });

  it('a reader without the identity permission sees the people concerned but still not the complainant', async () => {
    const g = await w.ok('grievances.create', grievance({ personIds: [guard.id] }));
    await w.signInAs('analyst');
    const seen = await w.ok('grievances.get', { id: g.id });
    expect(seen.people.map((p) => p.personId)).toEqual([guard.id]);
    expect(JSON.stringify(seen)).not.toContain('Juana');
    const r = await w.app.call('grievances.getIdentity', { id: g.id, purpose: 'curiosidad' });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    expect((await w.ok('grievances.list', { personId: guard.id })).rows.map((x) => x.id)).toEqual([g.id]);
  });
});
