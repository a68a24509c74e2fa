import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { Db } from '../../store/db.ts';
import type { VerifyResult } from '../../../shared/commands/documents.ts';
import { agencyFingerprints, certFingerprint, dn } from './identity.ts';
import { findIssuedBy, sha256Hex } from './register.ts';

/** What a PDF's (last) signature says about the file, independent of the register. */
export interface SignatureCheck {
  signed: boolean;
  /** The signed byte ranges cover the whole file except the signature value itself. */
  coversWholeFile: boolean;
  /** The digest in the signature matches the file's bytes. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  signerFingerprint: string | null;
  signerSubject: string | null;
  claimedSerial: string | null;
}

const OID_MESSAGE_DIGEST = forge.pki.oids.messageDigest;

/**
 * The CMS blob inside a signature's /Contents hex string. The signer pads the placeholder
 * with zeros after the blob, so the blob's end is read from its own DER length: stripping
 * trailing "00" pairs would also eat a signature whose last byte happens to be zero
 * (one signature in 256), and a good document would read as tampered. Returns null when
 * the hex is not one complete SEQUENCE followed by zeros.
 */
export function derFromContents(hex: string): Buffer | null {
  const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  if (bytes.length < 2 || bytes[0] !== 0x30) return null; // a SEQUENCE, or nothing we know
  let len = bytes[1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || bytes.length < 2 + n) return null; // indefinite or absurd length
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i];
    header += n;
  }
  if (header + len > bytes.length) return null;
  // Anything but zeros after the blob is not the signer's padding: treat the file as altered.
  for (let i = header + len; i < bytes.length; i++) if (bytes[i] !== 0) return null;
  return bytes.subarray(0, header + len);
}

/**
 * Checks a PDF's CMS signature (adbe.pkcs7.detached, as @signpdf writes it) without trusting
 * anything in the file: byte ranges, message digest, the RSA signature over the signed
 * attributes, and the certificate it was made with. Pure: no database.
 */
export function checkPdfSignature(pdf: Buffer): SignatureCheck {
  const text = pdf.toString('latin1');
  const serial = /centinela-serial:([A-Z]{3}-\d{4}-\d{6})/.exec(text)?.[1] ?? null;
  const none: SignatureCheck = { signed: false, coversWholeFile: false, digestMatches: false, signatureValid: false, signerFingerprint: null, signerSubject: null, claimedSerial: serial };
  const brs = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (brs.length === 0) return none;
  const [a, b, c, d] = brs[brs.length - 1].slice(1, 5).map(Number);
  const res: SignatureCheck = { ...none, signed: true };
  res.coversWholeFile = a === 0 && c + d === pdf.length && b < c && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
  if (b >= c || c + d > pdf.length) return res;
  let p7: forge.pkcs7.PkcsSignedData;
  try {
    const der = derFromContents(pdf.subarray(b + 1, c - 1).toString('latin1'));
    if (!der) return res;
    p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der.toString('binary'), false)) as forge.pkcs7.PkcsSignedData;
  } catch {
    return res;
  }
  const cert = p7.certificates?.[0];
  if (!cert) return res;
  res.signerFingerprint = certFingerprint(cert);
  res.signerSubject = dn(cert.subject.attributes);
  const raw = (p7 as unknown as { rawCapture: { authenticatedAttributes?: forge.asn1.Asn1[]; signature: string } }).rawCapture;
  const attrs = raw.authenticatedAttributes ?? [];
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const actual = createHash('sha256').update(signed).digest('binary');
  for (const attr of attrs) {
    const parts = attr.value as forge.asn1.Asn1[];
    if (forge.asn1.derToOid(parts[0].value as string) === OID_MESSAGE_DIGEST) {
      const v = ((parts[1].value as forge.asn1.Asn1[])[0].value as string);
      res.digestMatches = v === actual;
    }
  }
  try {
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(set).getBytes());
    res.signatureValid = (cert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().bytes(), raw.signature);
  } catch {
    res.signatureValid = false;
  }
  return res;
}

/**
 * Verifies a PDF against the agency: its signature (see {@link checkPdfSignature}), the
 * signer (one of the agency's identities) and the register (its SHA-256 is an issued
 * document). Only `valid` when all three hold.
 */
export function verifyPdf(db: Db, pdf: Buffer): VerifyResult {
  const sha256 = sha256Hex(pdf);
  const s = checkPdfSignature(pdf);
  const claimed = s.claimedSerial ? findIssuedBy(db, 'serial', s.claimedSerial) : null;
  const base = { sha256, signerSubject: s.signerSubject, signerFingerprint: s.signerFingerprint };
  if (!s.signed) return { ...base, status: 'unsigned', entry: claimed, reasonKey: 'documents.verify.reason.unsigned' };
  if (!s.coversWholeFile || !s.digestMatches || !s.signatureValid) {
    const reasonKey = !s.signatureValid && s.digestMatches ? 'documents.verify.reason.badSignature' : !s.coversWholeFile ? 'documents.verify.reason.partial' : 'documents.verify.reason.digest';
    return { ...base, status: 'tampered', entry: claimed, reasonKey };
  }
  if (!agencyFingerprints(db).has(s.signerFingerprint!)) return { ...base, status: 'other_identity', entry: null, reasonKey: 'documents.verify.reason.otherIdentity' };
  const entry = findIssuedBy(db, 'sha256', sha256);
  if (!entry) return { ...base, status: 'unknown', entry: claimed, reasonKey: 'documents.verify.reason.notInRegister' };
  return { ...base, status: 'valid', entry, reasonKey: 'documents.verify.reason.valid' };
}
