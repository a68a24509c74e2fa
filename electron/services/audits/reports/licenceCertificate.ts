import { COLORS, createDocument, facts, finishDocument, formatDate, paragraph, signatureBlock, type DocumentMeta } from '../../documents/pdf.ts';

/**
 * What a licence certificate needs from the licensing area. Designed as a small interface so
 * the certificate does not depend on licensing's tables: licensing maps its licence to this
 * and calls {@link drawLicenceCertificate} through `prepareSignedDocument`.
 */
export interface LicenceForCertificate {
  number: string;
  company: { legalName: string; tradeName: string | null; taxId: string; country: string; address: string | null };
  serviceTypes: string[];
  armed: boolean;
  grantedOn: string;
  validFrom: string;
  expiresOn: string;
  conditions: string[];
  legalBasis: string;
  decidedByName: string;
}

/** Draws a licence certificate (unsigned): one page, large licence number, conditions. */
export async function drawLicenceCertificate(meta: DocumentMeta, l: LicenceForCertificate, signer: { subject: string; fingerprint: string }): Promise<{ pdf: Buffer; pages: number }> {
  const f = await createDocument(meta);
  const { doc, t } = f;
  doc.moveDown(0.5).font('bold').fontSize(13).fillColor(COLORS.accent).text(t('audits.licence.certifies'), f.left, doc.y, { width: f.width, align: 'center' });
  doc.moveDown(0.4).font('bold').fontSize(20).fillColor(COLORS.ink).text(l.company.legalName, { width: f.width, align: 'center' });
  doc.moveDown(0.2).font('regular').fontSize(10).fillColor(COLORS.muted).text(`${l.company.taxId} · ${l.company.country}`, { width: f.width, align: 'center' });
  doc.moveDown(0.6).font('regular').fontSize(11).fillColor(COLORS.ink).text(t('audits.licence.holds'), { width: f.width, align: 'center' });
  doc.moveDown(0.3).font('bold').fontSize(24).fillColor(COLORS.accent).text(l.number, { width: f.width, align: 'center' });
  doc.moveDown(1);
  facts(f, [
    [t('audits.licence.services'), l.serviceTypes.join(', ')],
    [t('audits.licence.armed'), l.armed ? t('audits.yes') : t('audits.no')],
    [t('audits.licence.granted'), formatDate(l.grantedOn, meta.language)],
    [t('audits.licence.valid'), `${formatDate(l.validFrom, meta.language)} — ${formatDate(l.expiresOn, meta.language)}`],
    [t('audits.licence.legalBasis'), l.legalBasis],
    [t('audits.licence.decidedBy'), l.decidedByName],
  ]);
  if (l.conditions.length) {
    doc.moveDown(0.5).font('bold').fontSize(10).fillColor(COLORS.ink).text(t('audits.licence.conditions'), f.left, doc.y, { width: f.width });
    for (const c of l.conditions) paragraph(f, `• ${c}`);
  }
  signatureBlock(f, { issuedByName: l.decidedByName, signerSubject: signer.subject, fingerprint: signer.fingerprint });
  return finishDocument(f);
}
