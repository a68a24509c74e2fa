import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scrypt as scryptCb, sign, verify, type ScryptOptions } from 'node:crypto';
import { gunzipSync, gzipSync } from 'fflate';
import { AppError } from '../../../shared/errors.ts';
import { canonicalJson } from '../../store/journal.ts';

/**
 * The field package file: `CENTFLD1`, then a length-prefixed JSON header (plaintext: ids and
 * key material only, never a record value), a length-prefixed Ed25519 signature, then the
 * payload: gzip'd JSON, AES-256-GCM under a key derived from a passphrase with scrypt
 * (N = 2^17, r = 8, p = 1). The header is the cipher's associated data, and the signature covers
 * header and ciphertext: nothing in the file can change without being noticed.
 */
export const MAGIC = Buffer.from('CENTFLD1');
export const PACKAGE_SCRYPT = { N: 2 ** 17, r: 8, p: 1 };

export interface PackageHeader {
  format: 'centinela-field';
  version: 1;
  kind: 'export' | 'return';
  packageId: string;
  exportId: string;
  createdAt: string;
  /** The office workspace the records belong to, and the agency key that signs its exports. */
  workspaceId: string;
  agency: { label: string; keyFingerprint: string };
  /** Who made the file: the agency (export) or one inspector's field copy (return). */
  signer: { kind: 'agency' | 'inspector'; publicKey: string; userId: string | null; fieldWorkspaceId: string | null };
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string };
}

export interface SigningKey { privateKey: string; publicKey: string }

/** A fresh Ed25519 key pair, both halves as base64 DER (PKCS#8 / SPKI). */
export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export function fingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
}

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 };
  return new Promise((res, rej) => scryptCb(passphrase.normalize('NFC'), salt, 32, opts, (e, k) => (e ? rej(e) : res(k))));
}

function signedBytes(header: Buffer, ciphertext: Buffer): Buffer {
  return createHash('sha256').update(MAGIC).update(header).update(ciphertext).digest();
}

const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };

/** Encrypts and signs `payload`; returns the whole file. */
export async function sealPackage(o: {
  header: Omit<PackageHeader, 'kdf' | 'cipher' | 'format' | 'version'>; payload: unknown; passphrase: string; signWith: SigningKey; scrypt?: { N: number; r: number; p: number };
}): Promise<Buffer> {
  const kdfParams = o.scrypt ?? PACKAGE_SCRYPT;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await derive(o.passphrase, salt, kdfParams);
  const plain = Buffer.from(gzipSync(Buffer.from(JSON.stringify(o.payload)), { level: 6 }));
  // The tag is known only after encrypting, so the associated data is the header without it.
  const partial = { format: 'centinela-field' as const, version: 1 as const, ...o.header, kdf: { name: 'scrypt' as const, ...kdfParams, salt: salt.toString('base64') } };
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(canonicalJson({ ...partial, cipherIv: iv.toString('base64') })));
  const ciphertext = Buffer.concat([c.update(plain), c.final()]);
  key.fill(0);
  const header: PackageHeader = { ...partial, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64') } };
  const headerBytes = Buffer.from(canonicalJson(header));
  const sig = sign(null, signedBytes(headerBytes, ciphertext), createPrivateKey({ key: Buffer.from(o.signWith.privateKey, 'base64'), format: 'der', type: 'pkcs8' }));
  return Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes, u32(sig.length), sig, ciphertext]);
}

export interface ParsedPackage { header: PackageHeader; headerBytes: Buffer; signature: Buffer; ciphertext: Buffer }

/** Splits the file; anything that is not a well-formed package is refused as damaged. */
export function parsePackage(file: Buffer): ParsedPackage {
  const bad = () => new AppError('INTEGRITY', 'errors.fieldNotAPackage', {}, 'path');
  if (file.length < 16 || !file.subarray(0, 8).equals(MAGIC)) throw bad();
  const hl = file.readUInt32BE(8);
  if (hl > 1_000_000 || 12 + hl + 4 > file.length) throw bad();
  const headerBytes = file.subarray(12, 12 + hl);
  const sl = file.readUInt32BE(12 + hl);
  if (sl > 1024 || 16 + hl + sl > file.length) throw bad();
  const signature = file.subarray(16 + hl, 16 + hl + sl);
  const ciphertext = file.subarray(16 + hl + sl);
  let header: PackageHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as PackageHeader;
  } catch {
    throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  }
  if (header?.format !== 'centinela-field' || header.version !== 1 || !header.kdf || !header.cipher || !header.signer || !header.agency) {
    throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  }
  return { header, headerBytes, signature, ciphertext };
}

/** True when `publicKey` signed this header and ciphertext. */
export function signatureValid(p: ParsedPackage, publicKey: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, signedBytes(p.headerBytes, p.ciphertext), key, p.signature);
  } catch {
    return false;
  }
}

/** Decrypts; a wrong passphrase (or any altered byte the signature check let through) is refused. */
export async function openPayload<T>(p: ParsedPackage, passphrase: string): Promise<T> {
  const { kdf, cipher, ...rest } = p.header;
  if (kdf.name !== 'scrypt' || kdf.N < 2 ** 14 || kdf.N > 2 ** 20 || kdf.r > 16 || kdf.p > 4) throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  const key = await derive(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(cipher.iv, 'base64'));
    d.setAAD(Buffer.from(canonicalJson({ ...rest, kdf, cipherIv: cipher.iv })));
    d.setAuthTag(Buffer.from(cipher.tag, 'base64'));
    const plain = Buffer.concat([d.update(p.ciphertext), d.final()]);
    return JSON.parse(Buffer.from(gunzipSync(plain)).toString('utf8')) as T;
  } catch {
    throw new AppError('UNAUTHENTICATED', 'errors.fieldWrongPassphrase', {}, 'passphrase');
  } finally {
    key.fill(0);
  }
}
