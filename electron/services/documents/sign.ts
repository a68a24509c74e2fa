import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import type { AgencyIdentity } from './identity.ts';

/**
 * Signs a finished PDF (as drawn by pdfkit: classic xref, no object streams) with the agency
 * identity: a detached CMS (adbe.pkcs7.detached) over the whole file but the signature itself.
 * A P12Signer can sign only once, so a new one is made for every call.
 */
export async function signPdfBuffer(pdf: Buffer, identity: Pick<AgencyIdentity, 'p12' | 'p12Secret'>, o: { reason: string; location: string; name: string; contact?: string; signingTime: Date }): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf, reason: o.reason, contactInfo: o.contact ?? '', name: o.name, location: o.location,
    signingTime: o.signingTime, signatureLength: 16384, appName: 'Centinela',
  });
  const signer = new P12Signer(identity.p12, { passphrase: identity.p12Secret });
  return new SignPdf().sign(withPlaceholder, signer, o.signingTime);
}
