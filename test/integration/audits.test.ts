import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_TEMPLATE_IDS } from '../../electron/store/migrations/0006_audits.ts';
import { ADMIN_PASSWORD, freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { armoryInspectionInFieldwork, pdfsig } from '../helpers/audits.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

const db = () => w.app.workspaces.db;
const n = (sql: string, ...a: unknown[]) => (db().prepare(sql).get(...a) as { n: number }).n;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000020000000208020000fdd49a730000001649444154789c63f8cfc0f09f8181e13f030303c37f0600002ff006fd8a6b03b70000000049454e44ae426082', 'hex');

/** Answers every item compliant except the given positions (1-based) → answer. */
async function answerAll(inspectionId: string, items: { id: string; position: number }[], except: Record<number, 'non_compliant' | 'partial' | 'not_applicable'> = {}) {
  let last;
  for (const it of items) last = await w.ok('inspections.answer', { inspectionId, itemId: it.id, answer: except[it.position] ?? 'compliant', note: except[it.position] ? `Observado en visita (ítem ${it.position})` : null });
  return last!;
}

describe('checklists', () => {
  it('ships the 21-item armory checklist and the ICoC checklist in Spanish and English', async () => {
    w = await freshWorkspace();
    const armory = await w.ok('checklists.get', { id: SHIPPED_TEMPLATE_IDS.armory });
    expect(armory.items).toHaveLength(21);
    expect(armory.items.filter((i) => i.level === 1).map((i) => i.position)).toEqual([1, 2, 4, 6, 11, 12, 13, 14, 15, 18]);
    expect(armory.items[3].text).toEqual({ es: 'Registro de llaves con custodios nombrados', en: 'Key register with named custodians' });
    const icoc = await w.ok('checklists.get', { id: SHIPPED_TEMPLATE_IDS.icoc });
    expect(icoc.items.length).toBe(19);
    expect(icoc.items.every((i) => i.text.es && i.text.en && i.ref)).toBe(true);
  });

  it('never changes a used version: an edit makes version 2 and keeps item keys for recurrence', async () => {
    w = await freshWorkspace();
    const { inspection } = await armoryInspectionInFieldwork(w);
    const v1 = await w.ok('checklists.get', { id: SHIPPED_TEMPLATE_IDS.armory });
    expect(v1.inUse).toBe(true);
    const before = JSON.stringify(v1.items);
    const sections = [{
      title: { es: 'Gestión', en: 'Management' },
      items: [
        { itemKey: v1.items[0].itemKey, ref: v1.items[0].ref, level: 1 as const, text: { es: 'Evaluación de riesgo actualizada cada año', en: 'Risk assessment updated yearly' }, guidance: { es: '', en: '' } },
        { itemKey: null, ref: 'Reglamento 12', level: 2 as const, text: { es: 'Simulacro anual', en: 'Yearly drill' }, guidance: { es: '', en: '' } },
      ],
    }];
    const v2 = await w.ok('checklists.saveVersion', { basedOnId: v1.id, code: 'armory-isacs', kind: 'armory', title: v1.title, sections });
    expect(v2).toMatchObject({ code: 'ARMORY-ISACS', version: 2, status: 'active', basedOnId: v1.id, itemCount: 2 });
    const again = await w.ok('checklists.get', { id: v1.id });
    expect(JSON.stringify(again.items)).toBe(before);
    expect(again.status).toBe('retired');
    const items2 = (await w.ok('checklists.get', { id: v2.id })).items;
    expect(items2[0].itemKey).toBe(v1.items[0].itemKey);
    // the inspection keeps the questions it was planned with
    expect((await w.ok('inspections.get', { id: inspection.id })).items).toHaveLength(21);
    // a retired version cannot be planned any more
    const r = await w.app.call('inspections.plan', { companyId: inspection.companyId, type: 'routine', site: 'armory', templateId: v1.id, plannedDate: '2026-12-01', leadInspectorId: inspection.leadInspectorId });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION', field: 'templateId', messageKey: 'errors.templateRetired' });
    // a new code that already exists is refused
    const dup = await w.app.call('checklists.saveVersion', { basedOnId: null, code: 'ICOC', kind: 'office', title: v1.title, sections });
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });
});

describe('inspections and findings', () => {
  it('answers raise findings, the score is weighted and capped, recurrence counts across inspections', async () => {
    w = await freshWorkspace();
    const { inspection, companyId } = await armoryInspectionInFieldwork(w);
    // items 4 (level 1) and 9 (level 2) non-compliant, 10 partial
    const last = await answerAll(inspection.id, inspection.items, { 4: 'non_compliant', 9: 'non_compliant', 10: 'partial' });
    // weights: 10 level-1 (30), 9 level-2 (18), 2 level-3 (2) = 50; lost: 3 (item 4) + 2 (item 9) + 0.5 (item 10) → 44.5/50 = 89 → capped 49
    expect(last.score).toMatchObject({ rawScore: 89, score: 49, capped: true, answered: 21, total: 21, rating: 'unsatisfactory' });
    const got = await w.ok('inspections.get', { id: inspection.id });
    expect(got.findings.map((f) => [f.reference, f.severity, f.recurrence]).sort()).toEqual([
      ['IATG 09.10', 'major', 1], ['IATG 09.10', 'minor', 1], ['IATG 09.10', 'observation', 1],
    ]);
    // correcting an answer withdraws its untouched finding
    await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[9].id, answer: 'compliant' });
    expect(n('SELECT count(*) AS n FROM findings WHERE inspection_id = ?', inspection.id)).toBe(2);

    // a second inspection of the same company finds item 4 again: recurrence 2
    const second = await armoryInspectionInFieldwork(w, companyId);
    const r = await w.ok('inspections.answer', { inspectionId: second.inspection.id, itemId: second.inspection.items[3].id, answer: 'non_compliant' });
    expect(r.finding).toMatchObject({ severity: 'major', recurrence: 2 });
    // another company's failure on the same item does not count
    const other = await armoryInspectionInFieldwork(w);
    const r3 = await w.ok('inspections.answer', { inspectionId: other.inspection.id, itemId: other.inspection.items[3].id, answer: 'non_compliant' });
    expect(r3.finding!.recurrence).toBe(1);
  });

  it('refuses answers outside fieldwork and finishing with unanswered items, writing nothing', async () => {
    w = await freshWorkspace();
    const { inspection } = await armoryInspectionInFieldwork(w);
    await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[0].id, answer: 'compliant' });
    const cur = await w.ok('inspections.get', { id: inspection.id });
    const journal = n('SELECT count(*) AS n FROM journal');
    const r = await w.app.call('inspections.transition', { id: inspection.id, action: 'finish_fieldwork', version: cur.version });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.answersMissing', params: { answered: 1, total: 21 } });
    expect(n('SELECT count(*) AS n FROM journal')).toBe(journal);
    await answerAll(inspection.id, inspection.items);
    const v = (await w.ok('inspections.get', { id: inspection.id })).version;
    const done = await w.ok('inspections.transition', { id: inspection.id, action: 'finish_fieldwork', version: v });
    expect(done).toMatchObject({ status: 'draft_report', score: 100 });
    const late = await w.app.call('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[0].id, answer: 'non_compliant' });
    expect(late.ok ? null : late.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.notInFieldwork' });
    const stale = await w.app.call('inspections.transition', { id: inspection.id, action: 'submit_for_review', version: v });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
  });

  it('only the inspection team answers its checklist, in the main process', async () => {
    w = await freshWorkspace();
    const { inspection, companyId } = await armoryInspectionInFieldwork(w); // the administrator leads it
    await w.signInAs('inspector', 'inspectora');
    const inspectorId = w.app.workspaces.user!.id;
    const before = [n('SELECT count(*) AS n FROM inspection_answers'), n('SELECT count(*) AS n FROM journal')];
    const r = await w.app.call('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[0].id, answer: 'compliant' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.notOnInspectionTeam' });
    expect([n('SELECT count(*) AS n FROM inspection_answers'), n('SELECT count(*) AS n FROM journal')]).toEqual(before);
    // On the team of the next inspection, the same inspector answers.
    await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
    const p = await w.ok('inspections.plan', {
      companyId, type: 'routine', site: 'armory', siteLabel: 'Armería norte', templateId: SHIPPED_TEMPLATE_IDS.armory, plannedDate: '2026-11-25',
      leadInspectorId: w.app.workspaces.user!.id, memberIds: [inspectorId],
    });
    const s = await w.ok('inspections.transition', { id: p.id, action: 'schedule', version: p.version, date: '2026-11-26' });
    const f = await w.ok('inspections.transition', { id: p.id, action: 'start_fieldwork', version: s.version });
    await w.signInAs('inspector', 'inspectora');
    expect((await w.ok('inspections.answer', { inspectionId: f.id, itemId: f.items[0].id, answer: 'compliant' })).answer).toMatchObject({ answer: 'compliant' });
  });

  it('walks a finding through its lifecycle and escalates overdue ones', async () => {
    w = await freshWorkspace();
    const { inspection } = await armoryInspectionInFieldwork(w);
    const a = await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[0].id, answer: 'non_compliant' });
    const b = await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[1].id, answer: 'non_compliant' });
    let f = a.finding!;
    const noPlan = await w.app.call('findings.transition', { id: f.id, action: 'submit_plan', version: f.version });
    expect(noPlan.ok ? null : noPlan.error).toMatchObject({ code: 'VALIDATION', field: 'correctiveAction' });
    f = await w.ok('findings.update', { id: f.id, version: f.version, severity: 'major', title: f.title, rootCause: 'Sin responsable asignado', correctiveAction: 'Elaborar y aprobar la evaluación de riesgo', dueDate: '2026-12-20' });
    for (const action of ['submit_plan', 'start_remediation', 'verify', 'close'] as const) f = await w.ok('findings.transition', { id: f.id, action, version: f.version });
    expect(f).toMatchObject({ status: 'closed', actions: [] });
    // not yet due: cannot be marked overdue by hand
    const early = await w.app.call('findings.transition', { id: b.finding!.id, action: 'mark_overdue', version: b.finding!.version });
    expect(early.ok ? null : early.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.notOverdue' });

    // b: due 2026-12-01; on 2026-12-02 it is overdue, 30 days later escalated
    let g = await w.ok('findings.update', { id: b.finding!.id, version: b.finding!.version, severity: 'major', title: b.finding!.title, dueDate: '2026-12-01' });
    expect(await w.ok('findings.sweepOverdue', {})).toEqual({ markedOverdue: 0, escalated: 0 });
    w.clock.set('2026-12-02T09:00:00Z');
    expect(await w.ok('findings.sweepOverdue', {})).toEqual({ markedOverdue: 1, escalated: 0 });
    g = (await w.ok('findings.list', { inspectionId: inspection.id, status: 'overdue' })).rows[0];
    expect(g).toMatchObject({ id: b.finding!.id, status: 'overdue' });
    w.clock.set('2026-12-31T09:00:00Z');
    expect(await w.ok('findings.sweepOverdue', {})).toEqual({ markedOverdue: 0, escalated: 0 });
    w.clock.set('2027-01-01T09:00:00Z');
    expect(await w.ok('findings.sweepOverdue', {})).toEqual({ markedOverdue: 0, escalated: 1 });
    const escalated = (await w.ok('findings.list', { status: 'escalated' })).rows;
    expect(escalated.map((x) => x.id)).toEqual([b.finding!.id]);
    // no licence in force: nothing to propose a sanction against
    expect(escalated[0].sanctionId).toBeNull();
    const entries = await w.ok('journal.list', { entityType: 'finding' });
    expect(entries.total).toBeGreaterThanOrEqual(8);
  });

  it('an inspector may not escalate: the sweep only marks overdue for them', async () => {
    w = await freshWorkspace();
    const { inspection } = await armoryInspectionInFieldwork(w);
    const a = await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[0].id, answer: 'non_compliant' });
    await w.ok('findings.update', { id: a.finding!.id, version: 1, severity: 'major', title: 'x', dueDate: '2026-10-01' });
    await w.signInAs('inspector');
    expect(await w.ok('findings.sweepOverdue', {})).toEqual({ markedOverdue: 1, escalated: 0 });
    const f = (await w.ok('findings.list', {})).rows[0];
    expect(f.actions).toEqual(['submit_plan']);
    expect(a.finding!.actions).toEqual(['submit_plan']); // no due date yet: not overdue
    const r = await w.app.call('findings.transition', { id: f.id, action: 'escalate', version: f.version });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });
});

describe('signed inspection report', () => {
  it('issues a signed PDF that pdfsig and centinela verify accept, and both catch one flipped byte', async () => {
    w = await freshWorkspace();
    const none = await w.app.call('signing.get', {});
    expect(none).toEqual({ ok: true, value: null });
    const id = await w.ok('signing.createSelfSigned', { commonName: 'Dirección General de Servicios de Seguridad Privada', organization: 'DIGESSP', country: 'GT' });
    expect(id.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(JSON.stringify(await w.ok('signing.get', {}))).not.toMatch(/PRIVATE|p12/i);

    const { inspection } = await armoryInspectionInFieldwork(w);
    await answerAll(inspection.id, inspection.items, { 4: 'non_compliant', 9: 'non_compliant' });
    await w.ok('attachments.add', { ownerType: 'inspection', ownerId: inspection.id, kind: 'photo', filename: 'puerta.png', base64: PNG.toString('base64'), note: 'Puerta de la armería' });
    let v = (await w.ok('inspections.get', { id: inspection.id })).version;
    v = (await w.ok('inspections.transition', { id: inspection.id, action: 'finish_fieldwork', version: v })).version;
    const q = await w.ok('inspections.transition', { id: inspection.id, action: 'submit_for_review', version: v });
    expect(q.actions).toEqual(['return_to_draft', 'issue']);

    // an inspector cannot issue; nothing is written
    await w.signInAs('inspector');
    const refused = await w.app.call('documents.issueInspectionReport', { inspectionId: inspection.id, version: q.version });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    await w.signInAs('supervisor');
    const issued = await w.ok('documents.issueInspectionReport', { inspectionId: inspection.id, version: q.version });
    expect(issued.document).toMatchObject({ serial: 'INS-2026-000001', kind: 'inspection_report', subjectId: inspection.id, signerFingerprint: id.fingerprint });
    const after = await w.ok('inspections.get', { id: inspection.id });
    expect(after).toMatchObject({ status: 'issued', score: 49, capped: true, issuedDocumentId: issued.document.id });
    expect(after.findings.every((f) => f.dueDate === (f.severity === 'major' ? '2026-12-23' : '2027-01-22'))).toBe(true);

    const pdf = Buffer.from(issued.base64, 'base64');
    const head = db().prepare('SELECT journal_hash FROM issued_documents').get() as { journal_hash: string };
    expect(head.journal_hash).toMatch(/^[0-9a-f]{64}$/);
    const out = pdfsig(w.root, pdf);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(await w.ok('documents.verify', { base64: issued.base64 })).toMatchObject({ status: 'valid', entry: { serial: 'INS-2026-000001' } });

    const bad = Buffer.from(pdf);
    const at = pdf.indexOf('Informe') > 0 ? pdf.indexOf('/Producer') : 400;
    bad[at + 2] ^= 0x01;
    const badOut = pdfsig(w.root, bad, 'bad.pdf');
    expect(badOut).not.toContain('Signature is Valid.');
    expect(badOut).toMatch(/Digest Mismatch|Invalid/);
    expect(await w.ok('documents.verify', { base64: bad.toString('base64') })).toMatchObject({ status: 'tampered', entry: { serial: 'INS-2026-000001' } });

    // the command line says the same, with exit 0 only for the valid one
    const bin = join(fileURLToPath(new URL('../..', import.meta.url)), 'electron', 'cli', 'bin.mjs');
    const env = { ...process.env, CENTINELA_TEST_FAST_KDF: '1', CENTINELA_PASSWORD: ADMIN_PASSWORD, LANG: 'en_US.UTF-8' };
    writeFileSync(join(w.root, 'good.pdf'), pdf);
    writeFileSync(join(w.root, 'bad.pdf'), bad);
    const good = spawnSync(process.execPath, [bin, 'verify', join(w.root, 'good.pdf'), '--dir', w.dir, '--user', 'admin'], { encoding: 'utf8', env, timeout: 60_000 });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^VALID: .*\n.*INS-2026-000001/);
    const tampered = spawnSync(process.execPath, [bin, 'verify', join(w.root, 'bad.pdf'), '--dir', w.dir, '--user', 'admin'], { encoding: 'utf8', env, timeout: 60_000 });
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/^TAMPERED: /);
  }, 180_000); // two CLI processes, each opening and unlocking the workspace

  it('says unknown for a signed document not in the register, other identity for another signer, unsigned for a plain PDF', async () => {
    w = await freshWorkspace();
    await w.ok('signing.createSelfSigned', { commonName: 'Agencia A', organization: 'A', country: 'GT' });
    const company = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }));
    const a = await w.ok('documents.issueComplianceSummary', { companyId: company.id });
    expect(pdfsig(w.root, Buffer.from(a.base64, 'base64'))).toContain('Signature is Valid.');
    // remove it from the register: same bytes, same signer, no entry → unknown
    db().prepare('DELETE FROM issued_documents WHERE id = ?').run(a.document.id);
    expect((await w.ok('documents.verify', { base64: a.base64 })).status).toBe('unknown');
    // a new identity replaces the old one; the old signer still counts as the agency's
    await w.ok('signing.createSelfSigned', { commonName: 'Agencia A 2027', organization: 'A', country: 'GT' });
    const b = await w.ok('documents.issueComplianceSummary', { companyId: company.id });
    expect((await w.ok('documents.verify', { base64: b.base64 })).status).toBe('valid');
    // another workspace's document: another identity
    const other = await freshWorkspace({ agency: 'Otra Superintendencia' });
    try {
      await other.ok('signing.createSelfSigned', { commonName: 'Otra', organization: 'Otra', country: 'HN' });
      const oc = await other.ok('companies.create', sampleCompany({ taxId: nextGtNit() }));
      const foreign = await other.ok('documents.issueComplianceSummary', { companyId: oc.id });
      expect((await w.ok('documents.verify', { base64: foreign.base64 })).status).toBe('other_identity');
    } finally {
      other.cleanup();
    }
    expect((await w.ok('documents.verify', { base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') })).status).toBe('unsigned');
  });

  it('imports a PKCS#12 identity and refuses a wrong passphrase without writing', async () => {
    w = await freshWorkspace();
    const { createSelfSignedIdentity } = await import('../../electron/services/documents/identity.ts');
    const forge = (await import('node-forge')).default;
    const m = createSelfSignedIdentity({ commonName: 'Importada', organization: 'Org', country: 'PE', now: new Date('2026-11-01T00:00:00Z') });
    // re-pack under a passphrase the officer knows
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(m.p12.toString('binary')), m.p12Secret);
    const key = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]![0].key!;
    const cert = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]![0].cert!;
    const file = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], 'clave-del-archivo', { algorithm: '3des' })).getBytes(), 'binary').toString('base64');
    const wrong = await w.app.call('signing.importPkcs', { base64: file, passphrase: 'otra' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION', field: 'passphrase', messageKey: 'errors.p12Unreadable' });
    expect(n('SELECT count(*) AS n FROM signing_identities')).toBe(0);
    const ok = await w.ok('signing.importPkcs', { base64: file, passphrase: 'clave-del-archivo' });
    expect(ok).toMatchObject({ source: 'imported', fingerprint: m.fingerprint, subject: 'CN=Importada, O=Org, C=PE' });
  });

  it('signs with an OpenSSL-made agency certificate whose names carry accents, and readers find the signer', async () => {
    w = await freshWorkspace();
    // How an agency's IT would make (or receive) its certificate: OpenSSL, UTF-8 names.
    const dir = w.root;
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '730', '-utf8',
      '-subj', '/C=GT/O=Ministerio de Gobernación/CN=Dirección General de Servicios de Seguridad Privada']);
    // OpenSSL 3's defaults: PBES2 with AES-256-CBC, MAC with SHA-256.
    run(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'agencia.p12', '-passout', 'pass:clave-del-archivo']);
    const file = readFileSync(join(dir, 'agencia.p12')).toString('base64');
    const id = await w.ok('signing.importPkcs', { base64: file, passphrase: 'clave-del-archivo' });
    expect(id.subject).toBe('C=GT, O=Ministerio de Gobernación, CN=Dirección General de Servicios de Seguridad Privada');
    const company = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }));
    const doc = await w.ok('documents.issueComplianceSummary', { companyId: company.id });
    const out = pdfsig(w.root, Buffer.from(doc.base64, 'base64'));
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Signer Certificate Common Name: Dirección General de Servicios de Seguridad Privada');
    expect((await w.ok('documents.verify', { base64: doc.base64 })).status).toBe('valid');
  });
});

describe('links to other areas', () => {
  it('an escalated finding becomes a proposed sanction against the company’s licence in force', async () => {
    w = await freshWorkspace();
    const { inspection, companyId } = await armoryInspectionInFieldwork(w);
    const type = db().prepare('SELECT id FROM licence_types LIMIT 1').get() as { id: string };
    db().prepare(`INSERT INTO licences (id, company_id, type_id, state, service_types, number, issued_on, expires_on, version, created_at, updated_at)
      VALUES ('01900000-0000-7000-8000-0000000000aa', ?, ?, 'active', '["static_guarding"]', 'LIC-TEST-1', '2025-01-01', '2028-01-01', 1, '2025-01-01', '2025-01-01')`).run(companyId, type.id);
    const a = await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[13].id, answer: 'non_compliant' });
    let f = await w.ok('findings.update', { id: a.finding!.id, version: 1, severity: 'major', title: a.finding!.title, dueDate: '2026-11-01' });
    f = await w.ok('findings.transition', { id: f.id, action: 'mark_overdue', version: f.version });
    f = await w.ok('findings.transition', { id: f.id, action: 'escalate', version: f.version });
    expect(f.sanctionId).toMatch(/^[0-9a-f-]{36}$/);
    const sanction = await w.ok('sanctions.get', { id: f.sanctionId! });
    expect(sanction).toMatchObject({ kind: 'warning', state: 'proposed', targetType: 'licence', targetId: '01900000-0000-7000-8000-0000000000aa' });
    expect((await w.ok('journal.list', { entityType: 'sanction' })).total).toBe(1);
  });

  it('an issued armory inspection becomes the armory’s assessment; certifications show among due items', async () => {
    w = await freshWorkspace();
    await w.ok('signing.createSelfSigned', { commonName: 'Agencia', organization: 'Agencia', country: 'GT' });
    const company = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }));
    const armory = await w.ok('armories.create', { companyId: company.id, name: 'Armería central', address: '20 calle 5-12, zona 12', alarmLink: 'police', cameras: 4 });
    const other = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Otra, S.A.' }));
    const plan = { type: 'routine' as const, site: 'armory' as const, templateId: SHIPPED_TEMPLATE_IDS.armory, plannedDate: '2026-11-25', leadInspectorId: w.app.workspaces.user!.id, armoryId: armory.id };
    const wrong = await w.app.call('inspections.plan', { ...plan, companyId: other.id });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ field: 'armoryId', messageKey: 'errors.armoryOfOtherCompany' });
    let i = await w.ok('inspections.plan', { ...plan, companyId: company.id });
    i = await w.ok('inspections.transition', { id: i.id, action: 'schedule', version: i.version, date: '2026-11-26' });
    i = await w.ok('inspections.transition', { id: i.id, action: 'start_fieldwork', version: i.version });
    for (const it of i.items) await w.ok('inspections.answer', { inspectionId: i.id, itemId: it.id, answer: it.position === 9 ? 'partial' : 'compliant' });
    i = await w.ok('inspections.transition', { id: i.id, action: 'finish_fieldwork', version: (await w.ok('inspections.get', { id: i.id })).version });
    i = await w.ok('inspections.transition', { id: i.id, action: 'submit_for_review', version: i.version });
    await w.ok('documents.issueInspectionReport', { inspectionId: i.id, version: i.version });
    // 9 level-2 item partial: (50 - 1) / 50 = 98
    expect(await w.ok('armories.get', { id: armory.id })).toMatchObject({ lastAssessmentScore: 98, lastAssessmentAt: '2026-11-23T12:00:00.000Z' });

    await w.ok('certifications.create', { companyId: company.id, standard: 'iso_18788', certificateNumber: 'ISO-77', certificationBody: 'Bureau', scope: 'Vigilancia', issuedOn: '2024-01-01', expiresOn: '2027-01-10' });
    const due = await w.ok('due.list', { kinds: ['certification_expiry'], window: '90' });
    expect(JSON.stringify(due)).toContain('ISO-77');
  });
});

describe('demo seed', () => {
  it('puts inspections in every working state, findings and certifications on the first companies', async () => {
    w = await freshWorkspace();
    const { seedCompanies } = await import('../../electron/services/seed/seed.ts');
    const { seedAudits } = await import('../../electron/services/seed/audits.ts');
    const now = new Date('2026-11-23T12:00:00Z');
    seedCompanies(db(), 30, { now, userId: null, username: null });
    const r = seedAudits(db(), { now, userId: w.app.workspaces.user!.id, username: 'admin', companies: 20 });
    expect(r).toEqual({ inspections: 20, certifications: 7 });
    const states = (db().prepare('SELECT status, count(*) AS n FROM inspections GROUP BY status ORDER BY status').all() as { status: string; n: number }[]).map((x) => `${x.status}:${x.n}`);
    expect(states).toEqual(['draft_report:4', 'fieldwork:4', 'planned:4', 'quality_review:4', 'scheduled:4']);
    expect(n("SELECT count(*) AS n FROM findings WHERE status = 'overdue'")).toBeGreaterThan(0);
    const list = await w.ok('inspections.list', { status: 'quality_review' });
    expect(list.rows.every((x) => x.score !== null)).toBe(true);
  });
});

describe('certifications', () => {
  it('records a certification, walks its lifecycle, lists the expiring ones', async () => {
    w = await freshWorkspace();
    const company = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }));
    const bad = await w.app.call('certifications.create', { companyId: company.id, standard: 'iso_18788', certificationBody: 'X', scope: 'Y', issuedOn: '2026-01-01', expiresOn: '2025-01-01' });
    expect(bad.ok ? null : bad.error.issues?.[0]).toMatchObject({ field: 'expiresOn', messageKey: 'validation.expiryBeforeIssue' });
    let c = await w.ok('certifications.create', {
      companyId: company.id, standard: 'icoca_psc1', certificateNumber: 'PSC1-0042', certificationBody: 'Certificadora Andina', accreditationBody: 'ANAB',
      scope: 'Vigilancia fija y escolta', issuedOn: '2024-04-01', expiresOn: '2027-03-31', surveillanceDates: ['2026-02-01', '2027-01-15'],
    });
    expect(c).toMatchObject({ status: 'transitional', daysToExpiry: 128, nextSurveillance: '2027-01-15', actions: ['certify', 'withdraw'] });
    c = await w.ok('certifications.transition', { id: c.id, action: 'certify', version: c.version });
    c = await w.ok('certifications.transition', { id: c.id, action: 'suspend', version: c.version });
    expect(c.actions.sort()).toEqual(['reinstate', 'withdraw']); // not expired yet: no 'expire'
    const early = await w.app.call('certifications.transition', { id: c.id, action: 'expire', version: c.version });
    expect(early.ok ? null : early.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.notExpiredYet' });
    const inv = await w.app.call('certifications.transition', { id: c.id, action: 'certify', version: c.version });
    expect(inv.ok ? null : inv.error.code).toBe('INVALID_TRANSITION');
    expect((await w.ok('certifications.list', { expiringWithinDays: 90 })).total).toBe(0);
    w.clock.set('2026-12-30T00:00:00Z');
    expect((await w.ok('certifications.list', { expiringWithinDays: 90 })).total).toBe(0);
    w.clock.set('2027-01-01T00:00:00Z');
    expect((await w.ok('certifications.list', { expiringWithinDays: 90 })).rows.map((r) => r.id)).toEqual([c.id]);
  });
});
