import forge from 'node-forge';
import { Signer } from '@signpdf/utils';

/**
 * The PDF signer: a detached CMS (adbe.pkcs7.detached) with SHA-256 and the signed attributes
 * Adobe expects (content type, signing time, message digest, in that order), made from the
 * agency's PKCS#12. It is @signpdf's P12Signer with one correction: forge reads a certificate's
 * UTF8String names as raw UTF-8 bytes, but encodes them once more when it writes the signer's
 * issuer into the CMS. An accented issuer ("Dirección General…", common in agency certificates)
 * then no longer matches the certificate, and readers cannot find who signed. The issuer handed
 * to forge here is decoded first, so the bytes written are the certificate's own.
 */
export class AgencySigner extends Signer {
  private readonly p12: Buffer;
  private readonly passphrase: string;

  constructor(p12: Buffer, passphrase: string) {
    super();
    this.p12 = p12;
    this.passphrase = passphrase;
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(this.p12.toString('binary'))), false, this.passphrase);
    const key = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
    if (!key) throw new Error('the PKCS#12 holds no private key');
    const mine = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
    });
    if (!mine) throw new Error('no certificate in the PKCS#12 matches its private key');

    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of certs) p7.addCertificate(c);
    p7.addSigner({
      key,
      certificate: withDecodedIssuer(mine),
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** A view of `cert` whose UTF8String issuer values are text again (forge re-encodes them on output). */
function withDecodedIssuer(cert: forge.pki.Certificate): forge.pki.Certificate {
  const attributes = cert.issuer.attributes.map((a) => {
    if ((a.valueTagClass as unknown) !== forge.asn1.Type.UTF8 || typeof a.value !== 'string') return a;
    try {
      return { ...a, value: forge.util.decodeUtf8(a.value) };
    } catch {
      return a;
    }
  });
  return Object.assign(Object.create(Object.getPrototypeOf(cert) as object) as forge.pki.Certificate, cert, { issuer: { ...cert.issuer, attributes } });
}
