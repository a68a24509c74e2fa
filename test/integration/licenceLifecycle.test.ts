import { afterEach, describe, expect, it } from 'vitest';
import { LICENCE_ACTIONS, LICENCE_STATES, LICENCE_TRANSITIONS, DECISION_ACTIONS, type LicenceAction } from '../../shared/model/licenceLifecycle.ts';
import { freshWorkspace } from '../helpers/workspace.ts';
import { forceLicence, makeCompany, snapshot } from '../helpers/licensing.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

const version = (id: string) => (w.app.workspaces.db.prepare('SELECT version FROM licences WHERE id = ?').get(id) as { version: number }).version;
const state = (id: string) => (w.app.workspaces.db.prepare('SELECT state FROM licences WHERE id = ?').get(id) as { state: string }).state;

/** Calls the command that answers this action, with everything a decision needs. */
function act(id: string, action: LicenceAction) {
  const v = version(id);
  if ((DECISION_ACTIONS as string[]).includes(action)) {
    return w.app.call('licensing.decide', { id, version: v, action, legalBasis: 'Decreto 52-2010, art. 21', reason: 'Motivación de prueba.' });
  }
  return w.app.call('licensing.advance', { id, version: v, action, note: 'Nota de prueba.' });
}

/**
 * Generated from LICENCE_TRANSITIONS: every (state, action) pair. Allowed pairs reach their
 * target state; every other pair answers INVALID_TRANSITION and leaves every table as it was.
 */
describe('licence lifecycle: every state × action pair', () => {
  it('allows exactly the table’s transitions', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('licensing_officer', 'oficial');
    const officerId = w.app.workspaces.user!.id;
    await w.signInAs('supervisor', 'supervisora');
    let allowed = 0;
    let refused = 0;
    for (const from of LICENCE_STATES) {
      for (const action of LICENCE_ACTIONS) {
        const tr = LICENCE_TRANSITIONS.find((x) => x.from === from && x.action === action);
        // Guards satisfied: expiry past for `expire`, inside the renewal window otherwise.
        const id = forceLicence(w, { companyId, state: from, recommendedBy: officerId, expiresInDays: action === 'expire' ? -1 : 20 });
        const before = snapshot(w, [`SELECT * FROM licences WHERE id = '${id}'`]);
        const r = await act(id, action);
        if (tr) {
          expect(r.ok ? 'ok' : JSON.stringify(r.error), `${from} --${action}--> ${tr.to}`).toBe('ok');
          expect(state(id), `${from} --${action}`).toBe(tr.to);
          const ev = w.app.workspaces.db.prepare('SELECT * FROM licence_events WHERE licence_id = ? AND action = ?').get(id, action) as { from_state: string; to_state: string; legal_basis: string | null; username: string };
          expect(ev).toMatchObject({ from_state: from, to_state: tr.to, username: 'supervisora' });
          if (tr.decision) expect(ev.legal_basis).toBe('Decreto 52-2010, art. 21');
          allowed++;
        } else {
          expect(r.ok ? 'ok' : r.error.code, `${from} --${action}`).toBe('INVALID_TRANSITION');
          expect(snapshot(w, [`SELECT * FROM licences WHERE id = '${id}'`]), `${from} --${action} wrote something`).toBe(before);
          refused++;
        }
      }
    }
    expect(allowed).toBe(LICENCE_TRANSITIONS.length);
    expect(allowed + refused).toBe(LICENCE_STATES.length * LICENCE_ACTIONS.length);
  });

  it('refuses a supervisor’s action to an officer with FORBIDDEN at the gate, writing nothing', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('licensing_officer', 'oficial');
    const id = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 100 });
    const before = snapshot(w);
    const r = await w.app.call('licensing.decide', { id, version: version(id), action: 'suspend', legalBasis: 'x', reason: 'y' });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    // An officer cannot slip a decision through the officer's command either.
    const r2 = await w.app.call('licensing.advance', { id, version: version(id), action: 'suspend' as never });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('VALIDATION');
    expect(snapshot(w)).toBe(before);
  });
});
