import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { freshWorkspace } from '../helpers/workspace.ts';
import { pdfsig } from '../helpers/audits.ts';
import { prepareSignedDocument, registerPrepared } from '../../electron/services/documents/issue.ts';
import { verifyPdf } from '../../electron/services/documents/verify.ts';
import { drawLicenceCertificate, type LicenceForCertificate } from '../../electron/services/audits/reports/licenceCertificate.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let w: Awaited<ReturnType<typeof freshWorkspace>>;
afterEach(() => w?.cleanup());

/**
 * The licence certificate through the reusable signed-documents service, the way the
 * licensing area (or the annual report) issues a document: prepare (draw + sign), then
 * register in the transaction; the result verifies and carries accents in the embedded font.
 */
describe('licence certificate via the documents service', () => {
  it('draws, signs, registers and verifies; Spanish, Portuguese and French accents are in the text', async () => {
    w = await freshWorkspace();
    await w.ok('signing.createSelfSigned', { commonName: 'Superintendência de Segurança', organization: 'Agência Reguladora', country: 'BR' });
    const db = w.app.workspaces.db;
    const licence: LicenceForCertificate = {
      number: 'LIC-GT-2026-00042', company: { legalName: 'Sécurité Açaí e Peñón, S.A.', tradeName: null, taxId: '1234567-9', country: 'GT', address: 'zona 10' },
      serviceTypes: ['Vigilancia fija', 'Escolta'], armed: true, grantedOn: '2026-11-20', validFrom: '2026-11-20', expiresOn: '2028-11-19',
      conditions: ['Presentar la nómina trimestral de armas.'], legalBasis: 'Decreto 52-2010, art. 21', decidedByName: 'Ramón Cifuentes',
    };
    const prepared = await prepareSignedDocument(db, {
      kind: 'licence_certificate', language: 'es', title: 'Certificado de licencia', subject: licence.company.legalName, issuedAt: '2026-11-23T12:00:00.000Z',
      content: licence, draw: (meta, signer) => drawLicenceCertificate(meta, licence, signer),
    });
    expect(prepared.serial).toBe('LIC-2026-000001');
    const doc = db.transaction(() => registerPrepared(db, prepared, { type: 'licence', id: '01900000-0000-7000-8000-000000000042', label: licence.number, companyId: null }, null))();
    expect(doc).toMatchObject({ serial: 'LIC-2026-000001', kind: 'licence_certificate', pages: 1 });
    const out = pdfsig(w.root, prepared.pdf);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    // The signer is found and named with its accents (the CMS issuer matches the certificate's UTF8String name).
    expect(out).toContain('Signer Certificate Common Name: Superintendência de Segurança');
    expect(out).toContain('O=Agência Reguladora');
    expect(verifyPdf(db, prepared.pdf).status).toBe('valid');
    const f = join(w.root, 'lic.pdf');
    writeFileSync(f, prepared.pdf);
    const text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    expect(text).toContain('Sécurité Açaí e Peñón, S.A.');
    expect(text).toContain('LIC-GT-2026-00042');
    // a second document: a fresh signer each time, next serial
    const again = await prepareSignedDocument(db, {
      kind: 'licence_certificate', language: 'en', title: 'Licence certificate', subject: 'x', issuedAt: '2026-11-23T12:05:00.000Z',
      content: licence, draw: (meta, signer) => drawLicenceCertificate(meta, licence, signer),
    });
    expect(again.serial).toBe('LIC-2026-000002');
    expect(pdfsig(w.root, again.pdf, 'b.pdf')).toContain('Signature is Valid.');
  });
});
