import forge from 'node-forge';
import type { AgencyIdentity } from '../documents/identity.ts';

/** The key and certificate inside the agency's PKCS#12 (main process only). */
function keyAndCert(id: Pick<AgencyIdentity, 'p12' | 'p12Secret'>): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(id.p12.toString('binary'))), id.p12Secret);
  const key = (p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? [])[0]?.key
    ?? (p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? [])[0]?.key;
  const cert = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])[0]?.cert;
  if (!key || !cert) throw new Error('the agency PKCS#12 holds no key or certificate');
  return { key: key as forge.pki.rsa.PrivateKey, cert };
}

/**
 * Detached CMS/PKCS#7 signature (DER) over `content` with the agency's signing identity (the
 * signed-documents service's), verifiable with `openssl cms -verify -binary -content <file>`.
 */
export function signDetached(id: Pick<AgencyIdentity, 'p12' | 'p12Secret'>, content: Buffer, at: Date): Buffer {
  const { key, cert } = keyAndCert(id);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  p7.addCertificate(cert);
  p7.addSigner({
    key, certificate: cert, digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: at as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}
