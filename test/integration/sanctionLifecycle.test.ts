import { afterEach, describe, expect, it } from 'vitest';
import { SANCTION_ACTIONS, SANCTION_DECISION_ACTIONS, SANCTION_STATES, SANCTION_TRANSITIONS, type SanctionAction } from '../../shared/model/sanctionLifecycle.ts';
import { freshWorkspace } from '../helpers/workspace.ts';
import { forceLicence, forcePerson, forceSanction, makeCompany, snapshot } from '../helpers/licensing.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

const row = (id: string) => w.app.workspaces.db.prepare('SELECT state, version FROM sanctions WHERE id = ?').get(id) as { state: string; version: number };
const licenceState = (id: string) => (w.app.workspaces.db.prepare('SELECT state FROM licences WHERE id = ?').get(id) as { state: string }).state;

function act(id: string, action: SanctionAction) {
  const v = row(id).version;
  if ((SANCTION_DECISION_ACTIONS as string[]).includes(action)) {
    return w.app.call('sanctions.decide', { id, version: v, action, appealOutcome: 'dismissed', note: 'Resolución de prueba.' });
  }
  return w.app.call('sanctions.advance', { id, version: v, action, note: null });
}

describe('sanction lifecycle: every state × action pair', () => {
  it('allows exactly the table’s transitions and refuses the rest with INVALID_TRANSITION, writing nothing', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('supervisor', 'supervisora');
    let allowed = 0;
    for (const from of SANCTION_STATES) {
      for (const action of SANCTION_ACTIONS) {
        const tr = SANCTION_TRANSITIONS.find((x) => x.from === from && x.action === action);
        const licenceId = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 200 });
        // Guards satisfied: `pay` needs a fine, `execute` anything else.
        const id = forceSanction(w, { licenceId, companyId, state: from, kind: action === 'pay' ? 'fine' : 'warning' });
        const before = snapshot(w, [`SELECT * FROM sanctions WHERE id = '${id}'`]);
        const r = await act(id, action);
        if (tr) {
          expect(r.ok ? 'ok' : JSON.stringify(r.error), `${from} --${action}--> ${tr.to}`).toBe('ok');
          expect(row(id).state).toBe(tr.to);
          allowed++;
        } else {
          expect(r.ok ? 'ok' : r.error.code, `${from} --${action}`).toBe('INVALID_TRANSITION');
          expect(snapshot(w, [`SELECT * FROM sanctions WHERE id = '${id}'`]), `${from} --${action} wrote something`).toBe(before);
        }
      }
    }
    expect(allowed).toBe(SANCTION_TRANSITIONS.length);
  });
});

describe('sanctions change the licence through its own machine', () => {
  it('a final suspension suspends the licence in the same transaction, journaled; the appeal window is respected', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const licenceId = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 200 });
    await w.signInAs('licensing_officer', 'oficial');
    let s = await w.ok('sanctions.propose', { kind: 'suspension', targetType: 'licence', targetId: licenceId, legalBasis: 'Decreto 52-2010, art. 62', reason: 'Guardias sin credencial vigente.', appealDays: 5 });
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'notify' });
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'open_appeal_window' });
    expect(s.appealDeadline).toBe('2026-11-28');
    await w.signInAs('supervisor', 'supervisora');
    // The window is open and no appeal outcome: refused, nothing changes.
    const early = await w.app.call('sanctions.decide', { id: s.id, version: s.version, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    expect(early.ok ? 'ok' : early.error.messageKey).toBe('errors.appealWindowOpen');
    expect(licenceState(licenceId)).toBe('active');
    w.clock.advance(6 * 86_400_000);
    s = await w.ok('sanctions.decide', { id: s.id, version: s.version, action: 'finalize', appealOutcome: 'none', note: 'Sin recurso; firme.' });
    expect(s.state).toBe('final');
    expect(licenceState(licenceId)).toBe('suspended');
    const ev = w.app.workspaces.db.prepare("SELECT * FROM licence_events WHERE licence_id = ? AND action = 'suspend'").get(licenceId) as { sanction_id: string; legal_basis: string };
    expect(ev).toMatchObject({ sanction_id: s.id, legal_basis: 'Decreto 52-2010, art. 62' });
    const journal = w.app.workspaces.db.prepare("SELECT entity_type FROM journal WHERE command = 'sanctions.decide'").all() as { entity_type: string }[];
    expect(journal.map((j) => j.entity_type).sort()).toEqual(['licence', 'sanction']);
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'execute' });
    expect(s.state).toBe('executed');
  });

  it('finalising a revocation of a licence that cannot be revoked rolls the sanction back too', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const licenceId = forceLicence(w, { companyId, state: 'expired', recommendedBy: null, expiresInDays: -10 });
    const sid = forceSanction(w, { licenceId, companyId, state: 'appeal_window', kind: 'revocation', appealDeadline: '2026-11-01' });
    const before = snapshot(w, [`SELECT * FROM sanctions WHERE id = '${sid}'`, `SELECT * FROM licences WHERE id = '${licenceId}'`]);
    const r = await w.app.call('sanctions.decide', { id: sid, version: 1, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
    expect(snapshot(w, [`SELECT * FROM sanctions WHERE id = '${sid}'`, `SELECT * FROM licences WHERE id = '${licenceId}'`])).toBe(before);
  });

  it('a fine reduced on appeal keeps the new amount and is closed by payment; an extra condition lands on the licence', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const licenceId = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 200 });
    const fine = forceSanction(w, { licenceId, companyId, state: 'appeal_window', kind: 'fine', appealDeadline: '2026-12-01' });
    const bad = await w.app.call('sanctions.decide', { id: fine, version: 1, action: 'finalize', appealOutcome: 'reduced', reducedAmount: 9000, note: 'Reducida' });
    expect(bad.ok ? 'ok' : bad.error).toMatchObject({ field: 'reducedAmount', messageKey: 'errors.reducedAmount' });
    let s = await w.ok('sanctions.decide', { id: fine, version: 1, action: 'finalize', appealOutcome: 'reduced', reducedAmount: 2500, note: 'Recurso parcialmente con lugar.' });
    expect(s).toMatchObject({ state: 'final', amount: 2500, appealOutcome: 'reduced' });
    const exec = await w.app.call('sanctions.advance', { id: fine, version: s.version, action: 'execute' });
    expect(exec.ok ? 'ok' : exec.error.messageKey).toBe('errors.finesArePaid');
    s = await w.ok('sanctions.advance', { id: fine, version: s.version, action: 'pay' });
    expect(s.state).toBe('paid');

    const cond = forceSanction(w, { licenceId, companyId, state: 'appeal_window', kind: 'extra_condition', appealDeadline: '2026-11-01' });
    await w.ok('sanctions.decide', { id: cond, version: 1, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    const l = await w.ok('licensing.get', { id: licenceId });
    expect(l.conditions).toEqual([expect.objectContaining({ text: 'Auditoría trimestral', sanctionId: cond })]);
  });

  it('a final revocation against a person revokes their credential through personnel’s machine, with the sanction as reference', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const personId = forcePerson(w, { companyId, credentialStatus: 'active', credentialExpiresOn: '2027-06-30', healthCertExpiry: '2027-01-10', number: 'CRED-2025-000777' });
    await w.signInAs('supervisor', 'supervisora');
    let s = await w.ok('sanctions.propose', { kind: 'revocation', targetType: 'credential', targetId: personId, legalBasis: 'Decreto 52-2010, art. 64', reason: 'Uso indebido del arma de dotación.', appealDays: 0 });
    expect(s).toMatchObject({ targetLabel: 'CRED-2025-000777', companyId, companyName: 'Seguridad Quetzal Integral, S.A.' });
    const cond = await w.app.call('sanctions.propose', { kind: 'extra_condition', targetType: 'credential', targetId: personId, conditionText: 'x', legalBasis: 'Art.', reason: 'y' });
    expect(cond.ok ? 'ok' : cond.error.messageKey).toBe('errors.conditionNeedsLicence');
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'notify' });
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'open_appeal_window' });
    w.clock.advance(86_400_000);
    s = await w.ok('sanctions.decide', { id: s.id, version: s.version, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    const p = w.app.workspaces.db.prepare('SELECT credential_status FROM persons WHERE id = ?').get(personId) as { credential_status: string };
    expect(p.credential_status).toBe('revoked');
    const ev = w.app.workspaces.db.prepare("SELECT ref_type, ref_id, legal_basis FROM credential_events WHERE person_id = ? AND action = 'revoke'").get(personId);
    expect(ev).toEqual({ ref_type: 'sanction', ref_id: s.id, legal_basis: 'Decreto 52-2010, art. 64' });
    // A credential that cannot be revoked (already revoked) refuses a second revocation, and nothing changes.
    const again = forceSanction(w, { licenceId: personId, companyId, state: 'appeal_window', kind: 'revocation', appealDeadline: '2026-11-01' });
    w.app.workspaces.db.prepare("UPDATE sanctions SET target_type = 'credential' WHERE id = ?").run(again);
    const before = snapshot(w, [`SELECT * FROM sanctions WHERE id = '${again}'`]);
    const r = await w.app.call('sanctions.decide', { id: again, version: 1, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
    expect(snapshot(w, [`SELECT * FROM sanctions WHERE id = '${again}'`])).toBe(before);
  });

  it('validates a proposal by kind and refuses a target that does not exist', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const licenceId = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 200 });
    const r = await w.app.call('sanctions.propose', { kind: 'fine', targetType: 'licence', targetId: licenceId, legalBasis: 'Art. 60', reason: 'x' });
    expect(r.ok ? 'ok' : r.error.issues?.map((i) => i.field).sort()).toEqual(['amount', 'currency']);
    const missing = await w.app.call('sanctions.propose', { kind: 'warning', targetType: 'licence', targetId: '01900000-0000-7000-8000-0000000000ff', legalBasis: 'Art. 60', reason: 'x' });
    expect(missing.ok ? 'ok' : missing.error).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' });
    const draft = forceLicence(w, { companyId, state: 'submitted', recommendedBy: null, expiresInDays: 0 });
    const notInForce = await w.app.call('sanctions.propose', { kind: 'warning', targetType: 'licence', targetId: draft, legalBasis: 'Art. 60', reason: 'x' });
    expect(notInForce.ok ? 'ok' : notInForce.error).toMatchObject({ code: 'CONFLICT', field: 'targetId', messageKey: 'errors.targetNotSanctionable' });
    expect((w.app.workspaces.db.prepare('SELECT count(*) AS n FROM sanctions').get() as { n: number }).n).toBe(0);
  });
});
