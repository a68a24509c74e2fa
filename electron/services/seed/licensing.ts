import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { addDays, addMonths } from '../../../shared/model/due.ts';
import type { LicenceState } from '../../../shared/model/licenceLifecycle.ts';
import type { ServiceType } from '../../../shared/model/company.ts';
import type { SanctionKind, SanctionState } from '../../../shared/model/sanctionLifecycle.ts';
import { appendJournal } from '../../store/journal.ts';
import { listLicenceTypes } from '../licensing/licenceTypes.repo.ts';
import { nextLicenceNumber } from '../licensing/licences.transition.ts';
import { prng } from './companies.data.ts';

const BASES = ['Decreto 52-2010, art. 21', 'Decreto 52-2010, art. 23', 'Reglamento, art. 14'];
const INFO = ['Falta la póliza de responsabilidad civil vigente.', 'Presentar antecedentes penales del nuevo socio.', 'Adjuntar inventario de armas actualizado.'];

/**
 * Licences, applications and sanctions for every company that has none yet, in one
 * transaction with one journal entry: most companies hold an active licence (some expiring in
 * the next 90 days, some with a renewal filed), a tenth are applications at every stage with
 * running, paused and overdue clocks, a few are suspended, revoked or expired; ~4% carry a
 * sanction. Deterministic for a seed (dates relative to `now`).
 */
export function seedLicensing(db: Db, opts: { now: Date; userId: string | null; username: string | null; seed?: number }): { licences: number; sanctions: number } {
  const r = prng(opts.seed ?? 4242);
  const today = opts.now.toISOString().slice(0, 10);
  const nowIso = opts.now.toISOString();
  const types = listLicenceTypes(db, false);
  const officer = (db.prepare("SELECT id, username FROM users WHERE role = 'licensing_officer' AND active = 1 ORDER BY created_at LIMIT 1").get() as { id: string; username: string } | undefined)
    ?? (opts.userId ? { id: opts.userId, username: opts.username ?? '' } : undefined);
  const companies = db.prepare(`SELECT id, service_types FROM companies c WHERE NOT EXISTS (SELECT 1 FROM licences l WHERE l.company_id = c.id) ORDER BY legal_name, id`).all() as { id: string; service_types: string }[];
  const insLicence = db.prepare(`INSERT INTO licences (id, company_id, type_id, state, service_types, number, issued_on, expires_on, submitted_on, processing_days, paused_days, paused_since,
      decided_on, renewal_filed_on, recommendation, recommendation_basis, recommendation_reason, recommended_by, recommended_at, created_at, updated_at, created_by)
    VALUES (@id, @company, @type, @state, @services, @number, @issued, @expires, @submitted, @processing, @pausedDays, @pausedSince, @decided, @renewal,
      @rec, @recBasis, @recReason, @recBy, @recAt, @created, @now, @user)`);
  const insCheck = db.prepare('INSERT INTO licence_checklist (licence_id, position, label, received_on, received_by) VALUES (?, ?, ?, ?, ?)');
  const insEvent = db.prepare(`INSERT INTO licence_events (id, licence_id, action, from_state, to_state, legal_basis, reason, at, user_id, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insSanction = db.prepare(`INSERT INTO sanctions (id, kind, target_type, target_id, company_id, state, amount, currency, condition_text, legal_basis, reason, appeal_days, notified_on, appeal_deadline, appeal_outcome, final_on, created_at, updated_at, created_by)
    VALUES (?, ?, 'licence', ?, ?, ?, ?, ?, ?, ?, ?, 10, ?, ?, ?, ?, ?, ?, ?)`);
  const insSanctionEvent = db.prepare('INSERT INTO sanction_events (id, sanction_id, action, from_state, to_state, note, at, user_id, username) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)');
  const at = (d: string) => `${d}T14:00:00.000Z`;
  let licences = 0;
  let sanctions = 0;

  db.transaction(() => {
    for (const c of companies) {
      const services = JSON.parse(c.service_types) as ServiceType[];
      const type = types.find((t) => t.serviceTypes.some((s) => services.includes(s))) ?? types[0]!;
      const covered = services.filter((s) => type.serviceTypes.includes(s));
      const x = r();
      if (x < 0.05) continue; // a few companies have never applied
      let state: LicenceState;
      if (x < 0.72) state = 'active';
      else if (x < 0.77) state = 'renewal_filed';
      else if (x < 0.80) state = 'suspended';
      else if (x < 0.82) state = 'revoked';
      else if (x < 0.85) state = 'expired';
      else if (x < 0.88) state = 'draft';
      else if (x < 0.93) state = 'submitted';
      else if (x < 0.96) state = 'information_requested';
      else state = 'pre_licence_inspection';
      const id = uuidv7();
      const application = ['draft', 'submitted', 'information_requested', 'pre_licence_inspection'].includes(state);
      // Granted licences: issued so that expiries spread over the whole validity period (some inside 90 days).
      let issued: string | null = null;
      let expires: string | null = null;
      if (!application) {
        const back = state === 'expired' ? type.validityMonths * 30 + 5 + Math.floor(r() * 200) : state === 'renewal_filed' ? type.validityMonths * 30 - 10 - Math.floor(r() * 20) : Math.floor(r() * (type.validityMonths * 30 - 5));
        issued = addDays(today, -back);
        expires = addMonths(issued, type.validityMonths);
      }
      const submitted = application && state !== 'draft' ? addDays(today, -Math.floor(r() * (type.processingDays + 25))) : issued ? addDays(issued, -Math.floor(20 + r() * 30)) : null;
      const pausedSince = state === 'information_requested' ? addDays(today, -Math.floor(r() * 12)) : null;
      const created = submitted ? addDays(submitted, -Math.floor(1 + r() * 10)) : addDays(today, -Math.floor(r() * 15));
      const renewalOn = state === 'renewal_filed' ? addDays(today, -Math.floor(r() * 10)) : null;
      const rec = state === 'pre_licence_inspection' && r() < 0.6 && officer;
      insLicence.run({
        id, company: c.id, type: type.id, state, services: JSON.stringify(covered.length ? covered : [type.serviceTypes[0]]),
        number: issued ? nextLicenceNumber(db, type.numberPattern, issued) : null, issued, expires, submitted,
        processing: type.processingDays, pausedDays: 0, pausedSince, decided: issued, renewal: renewalOn,
        rec: rec ? 'grant' : null, recBasis: rec ? BASES[0] : null, recReason: rec ? 'Inspección previa favorable; documentación completa.' : null,
        recBy: rec ? officer.id : null, recAt: rec ? at(today) : null, created: at(created), now: nowIso, user: opts.userId,
      });
      const allReceived = !application || state === 'pre_licence_inspection';
      type.requiredDocuments.forEach((label, i) => {
        const got = allReceived || (state !== 'draft' && r() < 0.6);
        insCheck.run(id, i, label, got ? submitted ?? created : null, got ? officer?.id ?? null : null);
      });
      const ev = (action: string, from: LicenceState | null, to: LicenceState, day: string, basis: string | null = null, reason: string | null = null) =>
        insEvent.run(uuidv7(), id, action, from, to, basis, reason, at(day), officer?.id ?? opts.userId, officer?.username ?? opts.username);
      ev('create', null, 'draft', created);
      if (submitted) ev('submit', 'draft', 'submitted', submitted);
      if (pausedSince) ev('request_information', 'submitted', 'information_requested', pausedSince, null, INFO[Math.floor(r() * INFO.length)]!);
      if (state === 'pre_licence_inspection') ev('start_inspection', 'submitted', 'pre_licence_inspection', addDays(submitted!, 5));
      if (issued) {
        ev('start_inspection', 'submitted', 'pre_licence_inspection', addDays(issued, -7));
        ev('grant', 'pre_licence_inspection', 'active', issued, BASES[0], 'Cumple los requisitos legales y la inspección previa fue favorable.');
      }
      if (renewalOn) ev('file_renewal', 'active', 'renewal_filed', renewalOn);
      if (state === 'suspended' || state === 'revoked') ev(state === 'suspended' ? 'suspend' : 'revoke', 'active', state, addDays(today, -Math.floor(r() * 60)), 'Decreto 52-2010, art. 62', 'Operar con guardias sin credencial vigente.');
      if (state === 'expired') ev('expire', 'active', 'expired', addDays(expires!, 1));
      licences++;

      if (state === 'active' && r() < 0.06) {
        const kinds: SanctionKind[] = ['warning', 'fine', 'fine', 'extra_condition', 'suspension'];
        const kind = kinds[Math.floor(r() * kinds.length)]!;
        const states: SanctionState[] = ['proposed', 'notified', 'appeal_window', 'appeal_window', 'final', 'paid'];
        let sstate = states[Math.floor(r() * states.length)]!;
        if (sstate === 'paid' && kind !== 'fine') sstate = 'final';
        if (kind === 'suspension' && sstate !== 'proposed' && sstate !== 'notified' && sstate !== 'appeal_window') sstate = 'appeal_window';
        const proposed = addDays(today, -Math.floor(5 + r() * 40));
        const notified = sstate === 'proposed' ? null : addDays(proposed, 3);
        const deadline = ['appeal_window', 'final', 'paid'].includes(sstate) ? addDays(today, Math.floor(-12 + r() * 20)) : null;
        const sid = uuidv7();
        insSanction.run(sid, kind, id, c.id, sstate, kind === 'fine' ? Math.round(5 + r() * 95) * 1000 : null, kind === 'fine' ? 'GTQ' : null,
          kind === 'extra_condition' ? 'Presentar informe trimestral de incidentes y uso de la fuerza.' : null,
          'Decreto 52-2010, art. 60', 'Inspección de rutina: libro de novedades sin firmar y guardias sin uniforme reglamentario.',
          notified, deadline, sstate === 'final' || sstate === 'paid' ? 'none' : null, sstate === 'final' || sstate === 'paid' ? deadline : null, at(proposed), nowIso, opts.userId);
        insSanctionEvent.run(uuidv7(), sid, 'propose', null, 'proposed', at(proposed), opts.userId, opts.username);
        if (notified) insSanctionEvent.run(uuidv7(), sid, 'notify', 'proposed', 'notified', at(notified), opts.userId, opts.username);
        if (deadline) insSanctionEvent.run(uuidv7(), sid, 'open_appeal_window', 'notified', 'appeal_window', at(addDays(deadline, -10)), opts.userId, opts.username);
        sanctions++;
      }
    }
    appendJournal(db, { at: nowIso, userId: opts.userId, username: opts.username, command: 'seed.licensing', entityType: 'licence', entityId: null, payload: { licences, sanctions } });
  })();
  return { licences, sanctions };
}
