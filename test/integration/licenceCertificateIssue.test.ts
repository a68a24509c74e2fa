import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../helpers/workspace.ts';
import { pdfsig } from '../helpers/audits.ts';
import { forceLicence, makeCompany, signInAdmin, snapshot } from '../helpers/licensing.ts';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

/** `documents.issueLicenceCertificate`: a signed certificate drawn from the real licence record, only while it is in force. */
describe('documents.issueLicenceCertificate', () => {
  it('issues a signed, registered, journalled certificate for a granted licence; refuses a draft application and writes nothing', async () => {
    w = await freshWorkspace();
    const companyId = await makeCompany(w, { legalName: 'Protección Peñón, S.A.' });
    await w.signInAs('licensing_officer', 'oficial');
    const officerId = w.app.workspaces.user!.id;
    await signInAdmin(w);
    await w.ok('signing.createSelfSigned', { commonName: 'Dirección General', organization: 'DIGESSP', country: 'GT' });
    const id = forceLicence(w, { companyId, state: 'pre_licence_inspection', recommendedBy: officerId, expiresInDays: 0 });
    const granted = await w.ok('licensing.decide', { id, version: 1, action: 'grant', legalBasis: 'Decreto 52-2010, art. 21', reason: 'Cumple.' });
    expect(granted.state).toBe('active');
    const withCondition = await w.ok('licensing.addCondition', { id, version: granted.version, text: 'Presentar la nómina trimestral de armas.' });

    const out = await w.ok('documents.issueLicenceCertificate', { licenceId: id, language: 'es' });
    expect(out.document).toMatchObject({ kind: 'licence_certificate', subjectType: 'licence', subjectId: id, companyId, serial: 'LIC-2026-000001', pages: 1 });
    const pdf = Buffer.from(out.base64, 'base64');
    const sig = pdfsig(w.root, pdf);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect((await w.ok('documents.verify', { base64: out.base64 })).status).toBe('valid');
    // What the certificate states comes from the licence record.
    const f = join(w.root, 'cert.pdf');
    writeFileSync(f, pdf);
    const text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    for (const s of ['Protección Peñón, S.A.', granted.number!, 'Vigilancia fija', 'Decreto 52-2010, art. 21', 'Presentar la nómina trimestral de armas.', 'Ana Administradora']) expect(text).toContain(s);
    expect(withCondition.conditions).toHaveLength(1);
    // Registered and journalled.
    expect((await w.ok('documents.list', { subjectId: id })).total).toBe(1);
    const db = w.app.workspaces.db;
    const journal = db.prepare(`SELECT count(*) AS n FROM journal WHERE entity_type = 'issued_document' AND entity_id = ? AND command = 'documents.issueLicenceCertificate'`).get(out.document.id) as { n: number };
    expect(journal.n).toBe(1);

    // A draft application has no certificate: typed error, clear message, nothing written.
    const draft = forceLicence(w, { companyId, state: 'draft', recommendedBy: null, expiresInDays: 0 });
    const before = snapshot(w);
    const refused = await w.app.call('documents.issueLicenceCertificate', { licenceId: draft, language: 'es' });
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.licenceNotInForce', params: { state: 'Borrador' }, field: 'licenceId' });
    expect(snapshot(w)).toBe(before);
  });
});
