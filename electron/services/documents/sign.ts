import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import type { AgencyIdentity } from './identity.ts';
import { AgencySigner } from './cmsSigner.ts';

/**
 * Signs a finished PDF (as drawn by pdfkit: classic xref, no object streams) with the agency
 * identity: a detached CMS (adbe.pkcs7.detached) over the whole file but the signature itself.
 * A new signer is made for every call (it holds nothing between documents).
 */
export async function signPdfBuffer(pdf: Buffer, identity: Pick<AgencyIdentity, 'p12' | 'p12Secret'>, o: { reason: string; location: string; name: string; contact?: string; signingTime: Date }): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf, reason: o.reason, contactInfo: o.contact ?? '', name: o.name, location: o.location,
    signingTime: o.signingTime, signatureLength: 16384, appName: 'Centinela',
  });
  const signer = new AgencySigner(identity.p12, identity.p12Secret);
  return new SignPdf().sign(withPlaceholder, signer, o.signingTime);
}
