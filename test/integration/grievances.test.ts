import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { GRIEVANCE_ACTIONS, GRIEVANCE_TRANSITIONS } from '../../shared/model/grievanceLifecycle.ts';
import { GRIEVANCE_STATUSES, type GrievanceStatus } from '../../shared/model/grievance.ts';
import type { CommandInput } from '../../shared/commands/index.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
let companyId: string;
beforeEach(async () => {
  w = await freshWorkspace();
  companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }))).id;
});
afterEach(() => w.cleanup());

const intake = (over: Partial<CommandInput<'grievances.create'>> = {}): CommandInput<'grievances.create'> => ({
  receivedAt: '2026-11-20T09:30', channel: 'in_person', anonymous: false,
  complainant: { fullName: 'Juana Pérez Coc', nationalId: '2547 89654 0101', contact: '+502 5555 1234', address: 'Aldea El Rosario' },
  category: 'use_of_force', companyId, personnelConcerned: ['Agente con placa 1187'], summary: 'El agente golpeó a mi hijo en la garita.',
  retaliationConcern: false, ...over,
});

const rowCount = (t: string) => (w.app.workspaces.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
const journalFor = (id: string) => w.app.workspaces.db.prepare('SELECT command, username FROM journal WHERE entity_id = ? ORDER BY seq').all(id) as { command: string; username: string }[];

describe('grievance intake', () => {
  it('records the grievance, gives a reference code that finds it, and keeps the identity apart', async () => {
    const g = await w.ok('grievances.create', intake());
    expect(g.status).toBe('received');
    expect(g.referenceCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(g.identityOnFile).toBe(true);
    expect(JSON.stringify(g)).not.toContain('Juana');
    expect(g.dueAt).toBe('2026-11-28T12:00:00.000Z'); // received stage: 5 days from intake at the fixed clock
    const found = await w.ok('grievances.findByReference', { referenceCode: g.referenceCode.toLowerCase().replace(/-/g, ' ') });
    expect(found.id).toBe(g.id);
    const row = w.app.workspaces.db.prepare('SELECT full_name FROM grievance_complainants WHERE grievance_id = ?').get(g.id) as { full_name: string };
    expect(row.full_name).toBe('Juana Pérez Coc');
    const listed = await w.ok('grievances.list', { search: g.referenceCode });
    expect(listed.rows.map((r) => r.id)).toEqual([g.id]);
  });

  it('an anonymous grievance stores no identity; a named one needs a name', async () => {
    const a = await w.ok('grievances.create', intake({ anonymous: true, complainant: null }));
    expect(a.identityOnFile).toBe(false);
    expect(rowCount('grievance_complainants')).toBe(0);
    const r = await w.app.call('grievances.create', intake({ complainant: null }));
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'VALIDATION', field: 'complainant.fullName', messageKey: 'validation.complainantRequired' });
    expect(rowCount('grievances')).toBe(1);
  });

  it('a wrong reference code is refused as such, not as not found', async () => {
    const g = await w.ok('grievances.create', intake());
    const typo = g.referenceCode.slice(0, 3) + (g.referenceCode[3] === 'A' ? 'B' : 'A') + g.referenceCode.slice(4);
    const r = await w.app.call('grievances.findByReference', { referenceCode: typo });
    expect(r.ok ? 'ok' : r.error.code).toMatch(/VALIDATION|NOT_FOUND/);
  });

  it('a retaliation concern flags the company', async () => {
    await w.ok('grievances.create', intake());
    expect(await w.ok('grievances.retaliationFlags', { companyId })).toEqual([]);
    await w.ok('grievances.create', intake({ retaliationConcern: true }));
    const flags = await w.ok('grievances.retaliationFlags', {});
    expect(flags).toMatchObject([{ companyId, grievances: 1, open: 1 }]);
    expect((await w.ok('grievances.list', { retaliation: true })).total).toBe(1);
  });
});

describe('complainant identity access', () => {
  it('a role without grievances.identity sees no identity anywhere and is refused in the main process', async () => {
    const g = await w.ok('grievances.create', intake());
    for (const role of ['licensing_officer', 'inspector', 'analyst'] as const) {
      await w.signInAs(role);
      const seqBefore = rowCount('journal');
      const got = await w.ok('grievances.get', { id: g.id });
      const list = await w.ok('grievances.list', {});
      const drill = await w.ok('statistics.drill', { figure: 'grievancesByCategory', category: 'use_of_force' });
      for (const v of [got, list, drill]) {
        const s = JSON.stringify(v);
        expect(s, role).not.toContain('Juana');
        expect(s, role).not.toContain('5555');
      }
      const r = await w.app.call('grievances.getIdentity', { id: g.id, purpose: 'curiosidad' });
      expect(r.ok ? 'ok' : r.error.code, role).toBe('FORBIDDEN');
      expect(rowCount('journal'), role).toBe(seqBefore);
    }
  });

  it('a role with the right sees it, and every view is journaled with who and why', async () => {
    const g = await w.ok('grievances.create', intake());
    await w.signInAs('supervisor');
    const a = await w.ok('grievances.getIdentity', { id: g.id, purpose: 'Citar a audiencia' });
    expect(a.complainant).toMatchObject({ fullName: 'Juana Pérez Coc', contact: '+502 5555 1234' });
    await w.ok('grievances.getIdentity', { id: g.id, purpose: 'Notificar resolución' });
    const views = journalFor(g.id).filter((j) => j.command === 'grievances.getIdentity');
    expect(views).toEqual([{ command: 'grievances.getIdentity', username: 'supervisor' }, { command: 'grievances.getIdentity', username: 'supervisor' }]);
  });
});

describe('grievance lifecycle', () => {
  /** Brings a fresh grievance to `status` along the table's own transitions. */
  async function at(status: GrievanceStatus) {
    let g = await w.ok('grievances.create', intake({ anonymous: true, complainant: null }));
    const path: Record<GrievanceStatus, string[]> = {
      received: [], admissibility: ['openAdmissibility'], investigation: ['openAdmissibility', 'admit'],
      remedy: ['openAdmissibility', 'admit', 'substantiate'], closed: ['openAdmissibility', 'declareInadmissible'],
      referred: ['openAdmissibility', 'refer'],
    };
    for (const action of path[status]) {
      g = await w.ok('grievances.transition', { id: g.id, version: g.version, action: action as never, note: 'motivo', referralTarget: 'prosecutor' });
    }
    expect(g.status).toBe(status);
    return g;
  }

  it('every pair in the table works and every other pair is refused with INVALID_TRANSITION, writing nothing', async () => {
    for (const from of GRIEVANCE_STATUSES) {
      for (const action of GRIEVANCE_ACTIONS) {
        const g = await at(from);
        const t = GRIEVANCE_TRANSITIONS.find((x) => x.from === from && x.action === action);
        const before = rowCount('grievance_events');
        const r = await w.app.call('grievances.transition', { id: g.id, version: g.version, action, note: 'motivo', referralTarget: 'icoca' });
        if (t) {
          expect(r.ok ? (r.value as { status: string }).status : r.error.code, `${from} ${action}`).toBe(t.to);
          expect(rowCount('grievance_events')).toBe(before + 1);
        } else {
          expect(r.ok ? 'ok' : r.error.code, `${from} ${action}`).toBe('INVALID_TRANSITION');
          expect(rowCount('grievance_events')).toBe(before);
          expect((await w.ok('grievances.get', { id: g.id })).version).toBe(g.version);
        }
      }
    }
  });

  it('deciding moves need grievances.decide; the officer may only advance', async () => {
    const g = await at('investigation');
    await w.signInAs('licensing_officer');
    const r = await w.app.call('grievances.transition', { id: g.id, version: g.version, action: 'closeUnsubstantiated', note: 'sin pruebas' });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    const ok = await w.ok('grievances.transition', { id: g.id, version: g.version, action: 'substantiate', note: 'testigos' });
    expect(ok.status).toBe('remedy');
  });

  it('referral needs a target and a reason; stale versions are refused', async () => {
    const g = await at('admissibility');
    const r = await w.app.call('grievances.transition', { id: g.id, version: g.version, action: 'refer', note: 'competencia penal' });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'VALIDATION', field: 'referralTarget' });
    const done = await w.ok('grievances.transition', { id: g.id, version: g.version, action: 'refer', note: 'competencia penal', referralTarget: 'prosecutor' });
    expect(done).toMatchObject({ status: 'referred', referralTarget: 'prosecutor', outcomeNote: 'competencia penal', dueAt: null });
    const stale = await w.app.call('grievances.transition', { id: g.id, version: g.version, action: 'admit' });
    expect(stale.ok ? 'ok' : stale.error.code).toMatch(/CONFLICT|INVALID_TRANSITION/);
  });

  it('the stage clock restarts at each stage and follows the agency deadlines; overdue is filtered in SQL', async () => {
    const g = await w.ok('grievances.create', intake());
    await w.ok('accountability.setDeadlines', { grievanceDays: { received: 2, admissibility: 10, investigation: 60, remedy: 30 }, incidentReportHours: 72, firearmLossReportDays: 8 });
    w.clock.advance(3 * 86_400_000);
    expect((await w.ok('grievances.get', { id: g.id }))).toMatchObject({ overdue: true, daysLeft: -1 });
    expect((await w.ok('grievances.list', { overdue: true })).total).toBe(1);
    const moved = await w.ok('grievances.transition', { id: g.id, version: 1, action: 'openAdmissibility' });
    expect(moved).toMatchObject({ status: 'admissibility', overdue: false, daysLeft: 10 });
    expect((await w.ok('grievances.list', { overdue: true })).total).toBe(0);
    const history = await w.ok('grievances.get', { id: g.id });
    expect(history.events.map((e) => e.action)).toEqual(['receive', 'openAdmissibility']);
  });
});
