import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/index.ts';
import { computeClock } from '../../shared/model/processingClock.ts';
import { formatNumber, validatePattern } from '../../shared/model/numberPattern.ts';
import { SHIPPED_TEMPLATE_IDS } from '../../electron/store/migrations/0006_audits.ts';
import { freshWorkspace } from '../helpers/workspace.ts';
import { forceLicence, forcePerson, GUARDING_TYPE, makeCompany, signInAdmin, snapshot } from '../helpers/licensing.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());
const DAY = 86_400_000;

/** Draft → submitted → checklist ticked → inspection, as the officer does it; returns the detail. */
async function toInspection(companyId: string) {
  let a = await w.ok('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding', 'escort'] });
  a = await w.ok('licensing.advance', { id: a.id, version: a.version, action: 'submit' });
  for (const c of a.checklist) a = await w.ok('licensing.setChecklistItem', { id: a.id, version: a.version, position: c.position, received: true });
  return w.ok('licensing.advance', { id: a.id, version: a.version, action: 'start_inspection' });
}

describe('applications and licences', () => {
  it('takes an application through an information request to a grant with a patterned number', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('licensing_officer', 'oficial');
    let a = await w.ok('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding'] });
    expect(a.state).toBe('draft');
    expect(a.checklist).toHaveLength(9);
    expect(a.clock.status).toBe('not_started');
    a = await w.ok('licensing.advance', { id: a.id, version: a.version, action: 'submit' });
    expect(a).toMatchObject({ state: 'submitted', submittedOn: '2026-11-23' });

    // Start inspection needs the whole checklist.
    const early = await w.app.call('licensing.advance', { id: a.id, version: a.version, action: 'start_inspection' });
    expect(early.ok ? 'ok' : early.error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.checklistIncomplete', params: { missing: 9 } });

    w.clock.advance(4 * DAY);
    const noNote = await w.app.call('licensing.advance', { id: a.id, version: a.version, action: 'request_information' });
    expect(noNote.ok ? 'ok' : noNote.error.field).toBe('note');
    a = await w.ok('licensing.advance', { id: a.id, version: a.version, action: 'request_information', note: 'Falta la póliza de responsabilidad civil.' });
    expect(a.clock).toMatchObject({ status: 'paused', elapsedDays: 4 });
    // Ten days waiting for the applicant do not count.
    w.clock.advance(10 * DAY);
    expect((await w.ok('licensing.get', { id: a.id })).clock).toMatchObject({ status: 'paused', elapsedDays: 4, pausedDays: 10, remainingDays: 26 });
    a = await w.ok('licensing.advance', { id: a.id, version: a.version, action: 'receive_information' });
    w.clock.advance(2 * DAY);
    a = await w.ok('licensing.get', { id: a.id });
    expect(a.clock).toMatchObject({ status: 'running', elapsedDays: 6, pausedDays: 10, remainingDays: 24 });

    for (const c of a.checklist) a = await w.ok('licensing.setChecklistItem', { id: a.id, version: a.version, position: c.position, received: true });
    a = await w.ok('licensing.advance', { id: a.id, version: a.version, action: 'start_inspection' });
    a = await w.ok('licensing.recommend', { id: a.id, version: a.version, recommendation: 'grant', legalBasis: 'Decreto 52-2010, art. 21', reason: 'Inspección favorable.' });
    expect(a.recommendedByName).toBe('Usuario licensing_officer');

    await w.signInAs('supervisor', 'supervisora');
    a = await w.ok('licensing.decide', { id: a.id, version: a.version, action: 'grant', legalBasis: 'Decreto 52-2010, art. 21', reason: 'Cumple todos los requisitos.' });
    expect(a).toMatchObject({ state: 'active', number: 'DIGESSP-EPS-2026-0001', issuedOn: '2026-12-09', expiresOn: '2028-12-09', decidedOn: '2026-12-09' });
    expect(a.clock).toMatchObject({ status: 'stopped', elapsedDays: 6 });
    const grant = a.events.find((e) => e.action === 'grant')!;
    expect(grant).toMatchObject({ legalBasis: 'Decreto 52-2010, art. 21', reason: 'Cumple todos los requisitos.', username: 'supervisora' });
    expect(a.events.map((e) => e.action)).toEqual(['create', 'submit', 'request_information', 'receive_information', 'start_inspection', 'recommend_grant', 'grant']);
  });

  it('four eyes: whoever recommended cannot decide, refused in the main process with a clear message and nothing written', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('supervisor', 'supervisora');
    let a = await toInspection(companyId);
    a = await w.ok('licensing.recommend', { id: a.id, version: a.version, recommendation: 'grant', legalBasis: 'Art. 21', reason: 'Favorable.' });
    const before = snapshot(w, [`SELECT * FROM licences WHERE id = '${a.id}'`]);
    for (const action of ['grant', 'refuse'] as const) {
      const r = await w.app.call('licensing.decide', { id: a.id, version: a.version, action, legalBasis: 'Art. 21', reason: 'Decido yo.' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.fourEyes', params: { recommendedBy: 'supervisora' } });
        expect(translate('es', r.error.messageKey, r.error.params)).toMatch(/Cuatro ojos: usted \(supervisora\) registró la recomendación/);
      }
    }
    expect(snapshot(w, [`SELECT * FROM licences WHERE id = '${a.id}'`])).toBe(before);
    // Without any recommendation a decision is refused too.
    const b = await toInspection(companyId);
    const r = await w.app.call('licensing.decide', { id: b.id, version: b.version, action: 'grant', legalBasis: 'Art. 21', reason: 'x' });
    expect(r.ok ? 'ok' : r.error.messageKey).toBe('errors.noRecommendation');
    // Another supervisor may decide, against the recommendation if they judge so.
    await w.signInAs('supervisor', 'otro_supervisor');
    a = await w.ok('licensing.decide', { id: a.id, version: a.version, action: 'refuse', legalBasis: 'Art. 23', reason: 'Antecedentes del socio.' });
    expect(a.state).toBe('refused');
  });

  it('numbers are unique per pattern and year, skipping a number already taken', async () => {
    expect(formatNumber('DIGESSP-EPS-{year}-{seq:4}', { year: 2026, seq: 7 })).toBe('DIGESSP-EPS-2026-0007');
    expect(formatNumber('CC/{seq}', { year: 2026, seq: 12345 })).toBe('CC/12345');
    expect(validatePattern('X-{year}')).toBe('noSeq');
    expect(validatePattern('X-{seq:2}-{seq}')).toBe('twoSeq');
    expect(validatePattern('X-{mes}-{seq}')).toBe('badToken');
    expect(validatePattern('X-{seq:0}')).toBe('badPadding');
    expect(validatePattern('X<{seq}>')).toBe('badChars');
    expect(validatePattern('DIGESSP-EPS-{year}-{seq:4}')).toBeNull();

    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('licensing_officer', 'oficial');
    const officerId = w.app.workspaces.user!.id;
    // An imported licence already holds 0002.
    forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 300, number: 'DIGESSP-EPS-2026-0002' });
    await signInAdmin(w);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = forceLicence(w, { companyId, state: 'pre_licence_inspection', recommendedBy: officerId, expiresInDays: 0 });
      const v = (w.app.workspaces.db.prepare('SELECT version FROM licences WHERE id = ?').get(id) as { version: number }).version;
      numbers.push((await w.ok('licensing.decide', { id, version: v, action: 'grant', legalBasis: 'Art. 21', reason: 'Cumple.' })).number!);
    }
    expect(numbers).toEqual(['DIGESSP-EPS-2026-0001', 'DIGESSP-EPS-2026-0003', 'DIGESSP-EPS-2026-0004']);
    // The next year starts again at 0001.
    w.clock.set('2027-01-05T12:00:00Z');
    const id = forceLicence(w, { companyId, state: 'pre_licence_inspection', recommendedBy: officerId, expiresInDays: 0 });
    expect((await w.ok('licensing.decide', { id, version: 1, action: 'grant', legalBasis: 'Art. 21', reason: 'Cumple.' })).number).toBe('DIGESSP-EPS-2027-0001');
  });

  it('a renewal filed inside the window keeps the licence valid past its expiry, and renews from the old expiry', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('supervisor', 'supervisora');
    const early = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 90 });
    const tooEarly = await w.app.call('licensing.advance', { id: early, version: 1, action: 'file_renewal' });
    expect(tooEarly.ok ? 'ok' : tooEarly.error).toMatchObject({ messageKey: 'errors.outsideRenewalWindow', params: { opens: '2026-12-23', expires: '2027-02-21' } });

    const id = forceLicence(w, { companyId, state: 'active', recommendedBy: null, expiresInDays: 30 });
    let l = await w.ok('licensing.advance', { id, version: 1, action: 'file_renewal' });
    expect(l.state).toBe('renewal_filed');
    w.clock.advance(45 * DAY);
    // Past the expiry date it is still valid: it cannot be expired and is not listed as expiring.
    const exp = await w.app.call('licensing.advance', { id, version: l.version, action: 'expire' });
    expect(exp.ok ? 'ok' : exp.error.code).toBe('INVALID_TRANSITION');
    const due = await w.ok('due.list', { window: 'overdue', kinds: ['licence_expiry'] });
    expect(due.rows.map((r) => r.entityId)).not.toContain(id);
    expect((await w.ok('due.list', { window: '60', kinds: ['licence_expiry'] })).rows.map((r) => r.entityId)).toEqual([early]);
    l = await w.ok('licensing.decide', { id, version: l.version, action: 'renew', legalBasis: 'Art. 30', reason: 'Renovación conforme.' });
    expect(l).toMatchObject({ state: 'active', expiresOn: '2028-12-23' });
  });

  it('lists the processing clock in SQL: overdue and due-soon queues, sort by days left', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('licensing_officer', 'oficial');
    // forceLicence submits on 2026-11-01 with a 30-day deadline; today is 2026-11-23.
    const running = forceLicence(w, { companyId, state: 'submitted', recommendedBy: null, expiresInDays: 0 });
    const paused = forceLicence(w, { companyId, state: 'information_requested', recommendedBy: null, expiresInDays: 0 });
    w.clock.advance(5 * DAY); // day 27 for `running`; `paused` stopped counting on 2026-11-10 (day 9)
    let r = await w.ok('licensing.list', { queue: 'dueSoon' });
    expect(r.rows.map((x) => x.id)).toEqual([running]);
    expect(r.rows[0]!.clock).toMatchObject({ status: 'running', elapsedDays: 27, remainingDays: 3 });
    w.clock.advance(10 * DAY);
    r = await w.ok('licensing.list', { queue: 'overdue' });
    expect(r.rows.map((x) => x.id)).toEqual([running]);
    r = await w.ok('licensing.list', { stage: 'application', sort: 'remainingDays', dir: 'asc' });
    expect(r.rows.map((x) => x.id)).toEqual([running, paused]);
    // SQL and the shared function agree.
    const p = r.rows[1]!;
    expect(p.clock).toEqual(computeClock({ state: 'information_requested', submittedOn: '2026-11-01', decidedOn: null, processingDays: 30, pausedDays: 0, pausedSince: '2026-11-10' }, '2026-12-08'));
    expect(p.clock).toMatchObject({ status: 'paused', elapsedDays: 9, remainingDays: 21 });
    const due = await w.ok('due.list', { window: 'overdue', kinds: ['application_deadline'] });
    expect(due.rows).toEqual([expect.objectContaining({ entityId: running, dueOn: '2026-12-01', daysLeft: -7 })]);
  });

  it('keeps the application’s documents encrypted with it; only licensing staff may add them', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    await w.signInAs('licensing_officer', 'oficial');
    const a = await w.ok('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding'] });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
    const meta = await w.ok('attachments.add', { ownerType: 'licence', ownerId: a.id, kind: a.checklist[0]!.label, filename: 'escritura.pdf', base64: pdf, documentDate: '2026-11-20' });
    expect(meta).toMatchObject({ mime: 'application/pdf', ownerType: 'licence', documentDate: '2026-11-20' });
    expect((await w.ok('attachments.get', { id: meta.id })).base64).toBe(pdf);
    // An inspector may add files in general, but not to a licence file (that needs licensing.write).
    await w.signInAs('inspector', 'inspectora');
    const before = snapshot(w);
    const r = await w.app.call('attachments.add', { ownerType: 'licence', ownerId: a.id, kind: 'Otro', filename: 'otro.pdf', base64: pdf });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    expect(snapshot(w)).toBe(before);
    expect((await w.ok('attachments.list', { ownerType: 'licence', ownerId: a.id })).map((x) => x.filename)).toEqual(['escritura.pdf']);
  });

  it('refuses service types the licence type does not cover, and a licence type with a bad pattern', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const before = snapshot(w);
    const r = await w.app.call('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['cash_in_transit'] });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ field: 'serviceTypes', messageKey: 'errors.serviceNotCovered' });
    // Covered by the type but not what the company is registered for (it does static guarding and escort).
    const r2 = await w.app.call('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding', 'canine'] });
    expect(r2.ok ? 'ok' : r2.error).toMatchObject({ field: 'serviceTypes', messageKey: 'errors.serviceNotRegistered', params: { company: 'Seguridad Quetzal Integral, S.A.' } });
    const t = await w.app.call('licensing.saveType', { fields: { name: 'Canina', serviceTypes: ['canine'], validityMonths: 12, processingDays: 30, renewalWindowDays: 30, requiredDocuments: [], numberPattern: 'K9-{year}' } });
    expect(t.ok ? 'ok' : t.error).toMatchObject({ field: 'fields.numberPattern', messageKey: 'validation.pattern.noSeq' });
    const dup = await w.app.call('licensing.saveType', { fields: { name: 'Licencia de transporte de valores', serviceTypes: ['canine'], validityMonths: 12, processingDays: 30, renewalWindowDays: 30, requiredDocuments: [], numberPattern: 'K9-{seq}' } });
    expect(dup.ok ? 'ok' : dup.error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.licenceTypeNameTaken' });
    expect(snapshot(w)).toBe(before);
    const ok = await w.ok('licensing.saveType', { fields: { name: 'Canina', serviceTypes: ['canine'], validityMonths: 12, processingDays: 30, renewalWindowDays: 30, requiredDocuments: ['Registro de canes'], numberPattern: 'K9-{year}-{seq:3}' } });
    expect((await w.ok('licensing.listTypes', {})).map((x) => x.name)).toContain('Canina');
    const edited = await w.ok('licensing.saveType', { id: ok.id, version: ok.version, fields: { ...ok, active: false } });
    expect(edited.active).toBe(false);
    expect((await w.ok('licensing.listTypes', {})).map((x) => x.name)).not.toContain('Canina');
  });

  it('shows the linked pre-licence inspection and its result on the application the supervisor decides', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const a = await toInspection(companyId);
    expect(a.inspections).toEqual([]);
    const planned = await w.ok('inspections.plan', {
      companyId, type: 'pre_licence', site: 'office', siteLabel: 'Oficina central', templateId: SHIPPED_TEMPLATE_IDS.icoc,
      plannedDate: '2026-11-25', leadInspectorId: w.app.workspaces.user!.id, licenceId: a.id,
    });
    let d = await w.ok('licensing.get', { id: a.id });
    expect(d.inspections).toEqual([{ id: planned.id, reference: planned.reference, type: 'pre_licence', status: 'planned', score: null, capped: false, issuedAt: null }]);
    // The audits area issues the report (its own tests walk that flow); here, its result as stored.
    w.app.workspaces.db.prepare(`UPDATE inspections SET status = 'issued', score = 49, raw_score = 88, capped = 1, issued_at = '2026-11-27T15:00:00.000Z' WHERE id = ?`).run(planned.id);
    d = await w.ok('licensing.get', { id: a.id });
    expect(d.inspections[0]).toMatchObject({ status: 'issued', score: 49, capped: true, issuedAt: '2026-11-27T15:00:00.000Z' });
  });
});

describe('Due view', () => {
  it('buckets expiries into overdue / 30 / 60 / 90 days, counts them, pages and exports', async () => {
    w = await freshWorkspace();
    const a = await makeCompany(w, { legalName: 'Alfa Vigilancia, S.A.', guaranteeExpiry: '2026-12-13', insuranceExpiry: '2027-01-12' });
    const b = await makeCompany(w, { legalName: 'Beta Custodia, S.A.', guaranteeExpiry: '2026-11-01', insuranceExpiry: null });
    const lic = forceLicence(w, { companyId: b, state: 'active', recommendedBy: null, expiresInDays: 80, number: 'DIGESSP-EPS-2025-0042' });
    forceLicence(w, { companyId: b, state: 'suspended', recommendedBy: null, expiresInDays: 10 }); // not active: not listed
    const kinds = async (window: '30' | '60' | '90' | 'overdue') => (await w.ok('due.list', { window })).rows.map((r) => `${r.kind}:${r.companyId === a ? 'A' : 'B'}`);
    expect(await kinds('overdue')).toEqual(['guarantee_expiry:B']);
    expect(await kinds('30')).toEqual(['guarantee_expiry:A']);
    expect(await kinds('60')).toEqual(['guarantee_expiry:A', 'insurance_expiry:A']);
    expect(await kinds('90')).toEqual(['guarantee_expiry:A', 'insurance_expiry:A', 'licence_expiry:B']);
    const l = (await w.ok('due.list', { window: '90', kinds: ['licence_expiry'] })).rows[0]!;
    expect(l).toMatchObject({ entityId: lic, reference: 'DIGESSP-EPS-2025-0042', subject: 'Licencia de operación: vigilancia y protección', daysLeft: 80, companyName: 'Beta Custodia, S.A.' });
    const page = await w.ok('due.list', { window: '90', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [expect.objectContaining({ kind: 'insurance_expiry' })] });
    expect((await w.ok('due.list', { window: '90', companyId: a })).total).toBe(2);
    const counts = Object.fromEntries((await w.ok('due.counts', {})).map((c) => [c.kind, c]));
    expect(counts.guarantee_expiry).toMatchObject({ overdue: 1, d30: 1, d60: 1, d90: 1 });
    expect(counts.insurance_expiry).toMatchObject({ overdue: 0, d30: 0, d60: 1, d90: 1 });
    expect(counts.licence_expiry).toMatchObject({ overdue: 0, d30: 0, d60: 0, d90: 1 });
    const csv = await w.ok('due.export', { window: '90', format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.rows).toBe(3);
    expect(text).toContain('Garantía bancaria');
    expect(text).toContain('DIGESSP-EPS-2025-0042');
    const xlsx = await w.ok('due.export', { window: '90', format: 'xlsx', language: 'en' });
    expect(xlsx.filename).toMatch(/^due-dates-90-2026-11-23\.xlsx$/);
  });

  it('lists personnel credentials and health certificates by window, live credentials only', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    const soon = forcePerson(w, { companyId, credentialStatus: 'active', credentialExpiresOn: '2026-12-10', healthCertExpiry: '2027-02-01' });
    forcePerson(w, { companyId, credentialStatus: 'revoked', credentialExpiresOn: '2026-12-05', healthCertExpiry: '2026-12-05' });
    const vetting = forcePerson(w, { companyId: null, credentialStatus: 'vetting', credentialExpiresOn: null, healthCertExpiry: '2026-11-20' });
    const d30 = await w.ok('due.list', { window: '30', kinds: ['credential_expiry', 'health_certificate'] });
    expect(d30.rows.map((r) => `${r.kind}:${r.entityId === soon ? 'soon' : r.entityId}`)).toEqual(['credential_expiry:soon']);
    expect(d30.rows[0]).toMatchObject({ entityType: 'person', subject: 'Tzul Ajanel, Juan Carlos', daysLeft: 17, companyName: 'Seguridad Quetzal Integral, S.A.' });
    const over = await w.ok('due.list', { window: 'overdue', kinds: ['health_certificate'] });
    expect(over.rows.map((r) => r.entityId)).toEqual([vetting]);
    const d90 = await w.ok('due.list', { window: '90', kinds: ['health_certificate'] });
    expect(d90.rows.map((r) => r.entityId)).toEqual([soon]);
  });

  it('shows a company timeline merged from licence events, sanctions and the journal', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w);
    w.clock.advance(1000);
    await w.signInAs('licensing_officer', 'oficial');
    const a = await w.ok('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding'] });
    w.clock.advance(1000);
    await w.ok('licensing.advance', { id: a.id, version: a.version, action: 'submit' });
    const t = await w.ok('timeline.list', { companyId, limit: 2 });
    expect(t.items.map((i) => i.titleKey)).toEqual(['timeline.licence.submit', 'timeline.licence.create']);
    expect(t.hasMore).toBe(true);
    const all = await w.ok('timeline.list', { companyId });
    expect(all.items.map((i) => i.titleKey)).toEqual(['timeline.licence.submit', 'timeline.licence.create', 'timeline.journal']);
  });
});
