import forge from 'node-forge';
import { Signer } from '@signpdf/utils';

/**
 * A detached CMS signature (DER) over `content` with the key and certificate in the agency's
 * PKCS#12: SHA-256, the signed attributes Adobe expects (content type, signing time, message
 * digest, in that order), every certificate of the file included. Signed PDFs and the public
 * register's manifest both use it; `openssl cms -verify` and PDF readers accept it.
 *
 * One correction to how forge (and @signpdf's P12Signer, built on it) does this: forge reads a
 * certificate's UTF8String names as raw UTF-8 bytes, but encodes them once more when it writes
 * the signer's issuer. An accented issuer ("Dirección General…", common in agency
 * certificates) then no longer matches the certificate, and readers cannot find who signed. The
 * issuer handed to forge here is decoded first, so the bytes written are the certificate's own.
 */
export function signDetachedCms(p12File: Buffer, passphrase: string, content: Buffer, at: Date): Buffer {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12File.toString('binary'))), false, passphrase);
  const bag = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const key = (bag(forge.pki.oids.pkcs8ShroudedKeyBag)[0]?.key ?? bag(forge.pki.oids.keyBag)[0]?.key) as forge.pki.rsa.PrivateKey | undefined;
  const certs = bag(forge.pki.oids.certBag).map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  if (!key) throw new Error('the PKCS#12 holds no private key');
  const mine = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!mine) throw new Error('no certificate in the PKCS#12 matches its private key');

  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  for (const c of certs) p7.addCertificate(c);
  p7.addSigner({
    key,
    certificate: withDecodedIssuer(mine),
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.signingTime, value: at as unknown as string },
      { type: forge.pki.oids.messageDigest },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** The PDF signer @signpdf calls: {@link signDetachedCms} over the bytes it hands over. */
export class AgencySigner extends Signer {
  private readonly p12: Buffer;
  private readonly passphrase: string;

  constructor(p12: Buffer, passphrase: string) {
    super();
    this.p12 = p12;
    this.passphrase = passphrase;
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return signDetachedCms(this.p12, this.passphrase, pdf, signingTime ?? new Date());
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
