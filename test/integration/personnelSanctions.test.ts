import { afterEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../helpers/workspace.ts';
import { samplePerson, VALID_VETTING } from '../helpers/personnel.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

describe('sanctions against a credential', () => {
  it('a final suspension moves the credential through its own machine, referencing the sanction, journaled on the person', async () => {
    w = await freshWorkspace();
    const p = await w.ok('personnel.create', samplePerson(VALID_VETTING));
    await w.ok('personnel.transitionCredential', { personId: p.id, action: 'startVetting' });
    await w.ok('personnel.transitionCredential', { personId: p.id, action: 'issue' });
    await w.signInAs('licensing_officer', 'oficial');
    let s = await w.ok('sanctions.propose', { kind: 'suspension', targetType: 'credential', targetId: p.id, legalBasis: 'Decreto 52-2010, art. 60', reason: 'Portación de arma fuera de servicio.', appealDays: 5 });
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'notify' });
    s = await w.ok('sanctions.advance', { id: s.id, version: s.version, action: 'open_appeal_window' });
    expect((await w.ok('personnel.get', { id: p.id })).credentialStatus).toBe('credentialed');
    await w.signInAs('supervisor', 'supervisora');
    w.clock.advance(6 * 86_400_000);
    s = await w.ok('sanctions.decide', { id: s.id, version: s.version, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    const got = await w.ok('personnel.get', { id: p.id });
    expect(got.credentialStatus).toBe('suspended');
    expect(got.credentialEvents[0]).toMatchObject({ action: 'suspend', refType: 'sanction', refId: s.id, legalBasis: 'Decreto 52-2010, art. 60' });
    const journal = w.app.workspaces.db.prepare("SELECT entity_type FROM journal WHERE command = 'sanctions.decide'").all() as { entity_type: string }[];
    expect(new Set(journal.map((j) => j.entity_type))).toEqual(new Set(['person', 'sanction']));

    // A second suspension of a suspended credential is refused by the credential's table and rolls the sanction back.
    await w.signInAs('licensing_officer', 'oficial');
    let again = await w.ok('sanctions.propose', { kind: 'suspension', targetType: 'credential', targetId: p.id, legalBasis: 'Art. 60', reason: 'Otra vez.', appealDays: 1 });
    again = await w.ok('sanctions.advance', { id: again.id, version: again.version, action: 'notify' });
    again = await w.ok('sanctions.advance', { id: again.id, version: again.version, action: 'open_appeal_window' });
    await w.signInAs('supervisor', 'supervisora');
    w.clock.advance(2 * 86_400_000);
    const r = await w.app.call('sanctions.decide', { id: again.id, version: again.version, action: 'finalize', appealOutcome: 'none', note: 'Firme.' });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
    expect((await w.ok('sanctions.get', { id: again.id })).state).toBe('appeal_window');

    const missing = await w.app.call('sanctions.propose', { kind: 'warning', targetType: 'credential', targetId: '01900000-0000-7000-8000-0000000000ff', legalBasis: 'Art. 60', reason: 'x' });
    expect(missing.ok ? 'ok' : missing.error).toMatchObject({ code: 'NOT_FOUND', field: 'targetId', messageKey: 'errors.personNotFound' });
  });
});
