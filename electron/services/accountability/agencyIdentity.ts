import { generateKeyPairSync, randomBytes, createHash } from 'node:crypto';
import forge from 'node-forge';
import type { Db } from '../../store/db.ts';
import { readSettings } from '../settings/settings.repo.ts';

/**
 * The agency's signing identity (PKCS#12) for signed publications and reports.
 *
 * Interim: the signed-documents service (audits area) will own the agency identity; until it
 * is merged, this module keeps a self-signed identity in the encrypted settings table and is
 * the only place to swap for that service. Key generation uses Node's crypto (fast, native);
 * node-forge only builds the certificate and the PKCS#12.
 */
export interface AgencyIdentity { p12: Buffer; passphrase: string; certPem: string; keyPem: string; fingerprint: string; subject: string }

const KEY = 'accountability_signing_identity';

export function readAgencyIdentity(db: Db): AgencyIdentity | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  const v = JSON.parse(row.value) as { p12: string; passphrase: string; certPem: string; keyPem: string; fingerprint: string; subject: string };
  return { ...v, p12: Buffer.from(v.p12, 'base64') };
}

/** A new self-signed identity named after the agency (10 years); not stored: see {@link storeAgencyIdentity}. */
export function makeAgencyIdentity(db: Db, now: Date): AgencyIdentity {
  const s = readSettings(db);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  const attrs = [{ name: 'commonName', value: s.name || 'Centinela' }, { name: 'organizationName', value: s.name || 'Centinela' }, { name: 'countryName', value: s.country }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  const fkey = forge.pki.privateKeyFromPem(keyPem);
  cert.sign(fkey, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(fkey, [cert], passphrase, { algorithm: '3des', friendlyName: 'agency' });
  const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  const certPem = forge.pki.certificateToPem(cert);
  const fingerprint = createHash('sha256').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')).digest('hex');
  return { p12, passphrase, certPem, keyPem, fingerprint, subject: s.name };
}

/** Stores a new identity inside the write transaction; keeps the one already there (its fingerprint decides). */
export function storeAgencyIdentity(db: Db, id: AgencyIdentity): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING')
    .run(KEY, JSON.stringify({ ...id, p12: id.p12.toString('base64') }));
}

/** Detached CMS/PKCS#7 signature (DER) over `content`, verifiable with `openssl cms -verify -binary`. */
export function signDetached(id: AgencyIdentity, content: Buffer, at: Date): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  const cert = forge.pki.certificateFromPem(id.certPem);
  p7.addCertificate(cert);
  p7.addSigner({
    key: forge.pki.privateKeyFromPem(id.keyPem) as forge.pki.rsa.PrivateKey,
    certificate: cert,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: at as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}
