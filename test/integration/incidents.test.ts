import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { INCIDENT_ACTIONS, INCIDENT_TRANSITIONS } from '../../shared/model/incidentLifecycle.ts';
import { INCIDENT_STATUSES } from '../../shared/model/incident.ts';
import type { CommandInput } from '../../shared/commands/index.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
let companyId: string;
beforeEach(async () => {
  w = await freshWorkspace();
  companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }))).id;
});
afterEach(() => w.cleanup());

const theft = (over: Partial<CommandInput<'incidents.create'>> = {}): CommandInput<'incidents.create'> => ({
  occurredAt: '2026-11-10T22:40', reportedAt: '2026-11-12T09:00', region: 'Escuintla', municipality: 'Santa Lucía Cotzumalguapa',
  latitude: 14.335, longitude: -91.02, companyId, types: ['firearm_theft', 'injury'],
  description: 'Dos hombres armados redujeron al agente en la garita de la finca y se llevaron su pistola.',
  personnelInvolved: ['Agente Marvin López'], firearms: [{ serial: 'ABC-12345', firearmType: 'pistol', make: 'Jericho', calibre: '9mm', outcome: 'stolen' }],
  shotsFired: 0, useOfForce: false, injuries: 1, deaths: 0, damage: null, policeReportNumber: 'MP-2026-88812', measuresTaken: 'Denuncia y refuerzo del puesto.', ...over,
});
const count = (t: string) => (w.app.workspaces.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

describe('incidents', () => {
  it('records an ICoC ¶63 incident with its firearms by serial and its reporting delay', async () => {
    const i = await w.ok('incidents.create', theft());
    expect(i).toMatchObject({ number: 'INC-2026-000001', status: 'reported', reportHours: 34.3, reportLimitHours: 72, late: false, companyName: 'Seguridad Quetzal Integral, S.A.' });
    expect(i.firearms).toMatchObject([{ serial: 'ABC-12345', outcome: 'stolen', firearmId: null }]);
    const second = await w.ok('incidents.create', theft({ firearms: [{ serial: 'ZX 900', outcome: 'lost' }], types: ['firearm_loss'] }));
    expect(second.number).toBe('INC-2026-000002');
    // A serial typed another way still finds the incident.
    expect((await w.ok('incidents.list', { serial: 'abc 12345' })).rows.map((r) => r.id)).toEqual([i.id]);
    expect((await w.ok('incidents.list', { search: 'ABC12345' })).total).toBe(1);
  });

  it('late reporting is measured against the agency deadline in force at the time', async () => {
    await w.ok('accountability.setDeadlines', { grievanceDays: { received: 5, admissibility: 15, investigation: 60, remedy: 30 }, incidentReportHours: 24, firearmLossReportDays: 8 });
    const i = await w.ok('incidents.create', theft());
    expect(i).toMatchObject({ reportLimitHours: 24, late: true });
    expect((await w.ok('incidents.list', { late: true })).total).toBe(1);
  });

  it('refuses incoherent reports and writes nothing', async () => {
    const cases: [Partial<CommandInput<'incidents.create'>>, string, string][] = [
      [{ reportedAt: '2026-11-09T10:00' }, 'reportedAt', 'validation.reportBeforeIncident'],
      [{ firearms: [] }, 'firearms', 'validation.lossNeedsFirearm'],
      [{ firearms: [{ serial: 'A-1', outcome: 'stolen' }, { serial: 'a1', outcome: 'involved' }] }, 'firearms.1.serial', 'validation.serialRepeated'],
      [{ types: [] }, 'types', 'validation.incidentTypes'],
      [{ latitude: 95 }, 'latitude', 'validation.latitude'],
      [{ reportedAt: '2027-01-01T10:00' }, 'reportedAt', 'validation.dateInFuture'],
      [{ occurredAt: '2026-02-30T10:00' }, 'occurredAt', 'validation.dateTime'],
    ];
    for (const [over, field, key] of cases) {
      const r = await w.app.call('incidents.create', theft(over));
      expect(r.ok ? 'ok' : { field: r.error.field, key: r.error.messageKey }, field).toEqual({ field, key });
    }
    expect(count('incidents')).toBe(0);
    expect(count('incident_firearms')).toBe(0);
  });

  it('review lifecycle: every table pair works, every other pair is refused and writes nothing', async () => {
    const path: Record<string, string[]> = { reported: [], under_review: ['startReview'], closed: ['startReview', 'closeReview'] };
    for (const from of INCIDENT_STATUSES) {
      for (const action of INCIDENT_ACTIONS) {
        let i = await w.ok('incidents.create', theft());
        for (const a of path[from]!) i = await w.ok('incidents.transition', { id: i.id, version: i.version, action: a as never, note: 'revisado' });
        const t = INCIDENT_TRANSITIONS.find((x) => x.from === from && x.action === action);
        const before = count('incident_events');
        const r = await w.app.call('incidents.transition', { id: i.id, version: i.version, action, note: 'nota' });
        if (t) expect(r.ok ? (r.value as { status: string }).status : r.error.code, `${from} ${action}`).toBe(t.to);
        else {
          expect(r.ok ? 'ok' : r.error.code, `${from} ${action}`).toBe('INVALID_TRANSITION');
          expect(count('incident_events')).toBe(before);
        }
      }
    }
  });

  it('closing a review records its follow-up (inspection or sanction proposal with its number)', async () => {
    let i = await w.ok('incidents.create', theft());
    i = await w.ok('incidents.transition', { id: i.id, version: i.version, action: 'startReview' });
    const bad = await w.app.call('incidents.transition', { id: i.id, version: i.version, action: 'closeReview', note: 'Falla de custodia', followUp: 'inspection' });
    expect(bad.ok ? 'ok' : bad.error.field).toBe('followUpRef');
    i = await w.ok('incidents.transition', { id: i.id, version: i.version, action: 'closeReview', note: 'Falla de custodia', followUp: 'inspection', followUpRef: 'INSP-2026-0042' });
    expect(i).toMatchObject({ status: 'closed', followUp: 'inspection', followUpRef: 'INSP-2026-0042', reviewNote: 'Falla de custodia' });
    await w.signInAs('inspector');
    const r = await w.app.call('incidents.transition', { id: i.id, version: i.version, action: 'reopen', note: 'nuevo hecho' });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });
});
