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

describe('incident → firearm state change (through the firearms state machine)', () => {
  const pistol = (serial: string, over: Record<string, unknown> = {}) =>
    w.ok('firearms.register', { companyId, type: 'pistol', make: 'Jericho', model: '941', calibre: '9 mm Parabellum', serial, ...over } as never);

  it('a theft moves the registered pistol to stolen, with its loss report and timeline event', async () => {
    const f = await pistol('JR-778812');
    expect(f.state).toBe('in_armory');
    // Written differently by the company (lower case, spaces): the normalised serial still matches.
    const i = await w.ok('incidents.create', theft({ firearms: [{ serial: 'jr 778812', outcome: 'stolen' }] }));
    expect(i.firearms[0]!.firearmId).toBe(f.id);
    expect(i.firearms[0]!.registerState).toBe('stolen');
    const after = await w.ok('firearms.get', { id: f.id });
    expect(after.state).toBe('stolen');
    const tl = await w.ok('firearms.timeline', { id: f.id });
    expect(tl.map((e) => e.kind)).toContain('reportStolen');
    const loss = w.app.workspaces.db.prepare('SELECT kind, event_date, report_date, police_report_number, circumstances FROM firearm_loss_reports WHERE firearm_id = ?').get(f.id) as Record<string, string>;
    expect(loss).toMatchObject({ kind: 'stolen', event_date: '2026-11-10', report_date: '2026-11-12', police_report_number: 'MP-2026-88812' });
    expect(loss.circumstances).toContain(i.number);
  });

  it('a loss moves it to lost; a firearm only involved keeps its state but is linked', async () => {
    const a = await pistol('LS-1');
    const b = await pistol('LS-2');
    const i = await w.ok('incidents.create', theft({ types: ['firearm_loss'], firearms: [{ serial: 'LS-1', outcome: 'lost' }, { serial: 'LS-2', outcome: 'involved' }] }));
    expect(i.firearms.map((x) => x.firearmId)).toEqual([a.id, b.id]);
    expect((await w.ok('firearms.get', { id: a.id })).state).toBe('lost');
    expect((await w.ok('firearms.get', { id: b.id })).state).toBe('in_armory');
  });

  it('a firearm the machine cannot move (declared surplus) refuses the whole incident; nothing is written', async () => {
    let f = await pistol('DX-9');
    f = await w.ok('firearms.transition', { id: f.id, version: f.version, action: 'declareSurplus', date: '2026-11-01' } as never);
    expect(f.state).toBe('surplus');
    const before = count('incidents');
    const r = await w.app.call('incidents.create', theft({ firearms: [{ serial: 'DX-9', outcome: 'stolen' }] }));
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'VALIDATION', field: 'firearms.0.outcome', messageKey: 'validation.firearmStateRefuses' });
    expect(count('incidents')).toBe(before);
    expect(count('incident_firearms')).toBe(0);
  });

  it('an unknown serial stays on the incident only; a serial of another company is linked when unique', async () => {
    const other = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Otra Empresa, S.A.' }))).id;
    const f = await pistol('OT-5', { companyId: other });
    const i = await w.ok('incidents.create', theft({ firearms: [{ serial: 'NO-SUCH-1', outcome: 'stolen' }, { serial: 'OT-5', outcome: 'involved' }] }));
    expect(i.firearms.map((x) => x.firearmId)).toEqual([null, f.id]);
  });
});
