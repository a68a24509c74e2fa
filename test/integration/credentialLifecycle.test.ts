import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDENTIAL_ACTIONS, CREDENTIAL_STATES, CREDENTIAL_TRANSITIONS, HOLDS_CREDENTIAL, transitionsFor,
  type CredentialAction, type CredentialState, type CredentialTransition,
} from '../../shared/model/credentialLifecycle.ts';
import { MANUAL_CREDENTIAL_ACTIONS } from '../../shared/commands/personnel.ts';
import { applyCredentialTransition } from '../../electron/services/personnel/index.ts';
import { AppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { directCtx, samplePerson, VALID_VETTING } from '../helpers/personnel.ts';

/**
 * Generated from CREDENTIAL_TRANSITIONS, not hand-listed: every row works (through the command
 * for manual actions, through the service function other areas call for automatic ones), and
 * every (state, action) pair the table does not list is refused with INVALID_TRANSITION and
 * writes nothing.
 */
let w: Awaited<ReturnType<typeof freshWorkspace>>;
let companyId = '';
beforeAll(async () => {
  w = await freshWorkspace();
  companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }))).id;
});
afterAll(() => w?.cleanup());

const db = () => w.app.workspaces.db;
const isManual = (a: CredentialAction) => (MANUAL_CREDENTIAL_ACTIONS as readonly string[]).includes(a);

/** A person forced into `state` (setup only, by SQL), with what a guard needs made true or false. */
async function personIn(state: CredentialState, opts: { employed: boolean; pastExpiry: boolean }): Promise<string> {
  const p = await w.ok('personnel.create', samplePerson(VALID_VETTING));
  const holds = HOLDS_CREDENTIAL.includes(state) || state === 'revoked' || state === 'expired';
  db().prepare('UPDATE persons SET credential_status = ?, credential_number = ?, credential_issued_on = ?, credential_expires_on = ? WHERE id = ?').run(
    state, holds ? `T-${p.id.slice(-12)}` : null, holds ? '2025-01-10' : null, holds ? (opts.pastExpiry ? '2026-11-01' : '2027-01-10') : null, p.id,
  );
  if (opts.employed) {
    db().prepare(`INSERT INTO employments (id, person_id, company_id, position, start_date, created_at, updated_at) VALUES (?, ?, ?, NULL, '2025-01-10', 'x', 'x')`)
      .run(uuidv7(), p.id, companyId);
    db().prepare('UPDATE persons SET current_company_id = ? WHERE id = ?').run(companyId, p.id);
  }
  return p.id;
}

/** Takes `action` the way the product does: the command for manual ones, the service function for automatic ones. */
async function take(personId: string, action: CredentialAction): Promise<{ ok: true } | { ok: false; code: string; key: string }> {
  if (isManual(action)) {
    const r = await w.app.call('personnel.transitionCredential', { personId, action, reason: 'Motivo de prueba', legalBasis: 'Decreto 52-2010, art. 54' });
    return r.ok ? { ok: true } : { ok: false, code: r.error.code, key: r.error.messageKey };
  }
  try {
    db().transaction(() => applyCredentialTransition(directCtx(w), { personId, action }))();
    return { ok: true };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.data.code, key: e.data.messageKey };
    throw e;
  }
}

const snapshot = (id: string) => JSON.stringify([
  db().prepare('SELECT * FROM persons WHERE id = ?').get(id),
  db().prepare('SELECT count(*) AS n FROM credential_events').get(),
  db().prepare('SELECT count(*) AS n FROM journal').get(),
  db().prepare('SELECT * FROM number_sequences').all(),
]);

function setupFor(t: CredentialTransition) {
  return { employed: t.guard !== 'notEmployed' && (t.guard === 'employed' || t.to === 'active'), pastExpiry: t.guard === 'pastExpiry' };
}

describe('credential lifecycle (generated from the transition table)', () => {
  for (const t of CREDENTIAL_TRANSITIONS) {
    it(`${t.from} --${t.action}--> ${t.to}`, async () => {
      // Issuing with an employer on record goes straight on to Active; test the row itself without one.
      const id = await personIn(t.from, t.action === 'issue' ? { employed: false, pastExpiry: false } : setupFor(t));
      const events = (db().prepare('SELECT count(*) AS n FROM credential_events WHERE person_id = ?').get(id) as { n: number }).n;
      expect(await take(id, t.action)).toEqual({ ok: true });
      const row = db().prepare('SELECT credential_status AS s, credential_number AS n, credential_expires_on AS e FROM persons WHERE id = ?').get(id) as { s: string; n: string | null; e: string | null };
      expect(row.s).toBe(t.to);
      const ev = db().prepare('SELECT * FROM credential_events WHERE person_id = ? ORDER BY at, rowid').all(id) as { action: string; from_status: string; to_status: string }[];
      expect(ev.length).toBe(events + 1);
      expect(ev.at(-1)).toMatchObject({ action: t.action, from_status: t.from, to_status: t.to });
      if (t.action === 'issue') {
        expect(row.n).toMatch(/^CRED-2026-\d{6}$/);
        expect(row.e).toBe('2028-11-23');
      }
      if (t.action === 'renew') expect(row.n).toBeNull();
    });
  }

  const refused: [CredentialState, CredentialAction][] = [];
  for (const s of CREDENTIAL_STATES) for (const a of CREDENTIAL_ACTIONS) if (transitionsFor(s, a).length === 0) refused.push([s, a]);

  it('covers every pair the table does not list', () => {
    expect(refused.length + new Set(CREDENTIAL_TRANSITIONS.map((t) => `${t.from}:${t.action}`)).size).toBe(CREDENTIAL_STATES.length * CREDENTIAL_ACTIONS.length);
  });

  for (const [s, a] of refused) {
    it(`refuses ${a} from ${s} and writes nothing`, async () => {
      const id = await personIn(s, { employed: a === 'activate' || a === 'reinstate', pastExpiry: a === 'expire' });
      const before = snapshot(id);
      const r = await take(id, a);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', key: 'errors.invalidCredentialTransition' });
      expect(snapshot(id)).toBe(before);
    });
  }
});
