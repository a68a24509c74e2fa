import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';

/**
 * keyring.json sits beside the database and wraps the workspace's random data key:
 * once per user under a scrypt-derived key, once under the printed recovery key.
 * Changing a password rewraps one entry; the database is never re-encrypted.
 * Each entry is AES-256-GCM with associated data binding it to this workspace, its kind
 * and its username, so entries cannot be swapped between users or workspaces.
 * Pitfall: usernames and the workspace label are plaintext here (needed before unlock);
 * nothing else about the agency's records is.
 */
export interface ScryptParams { N: number; r: number; p: number }
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

interface Wrapped { iv: string; tag: string; ct: string }
export interface UserEntry extends Wrapped { kind: 'user'; username: string; salt: string; scrypt: ScryptParams }
export interface RecoveryEntry extends Wrapped { kind: 'recovery'; salt: string }
export interface KeyringFile {
  format: 'centinela-keyring';
  version: 1;
  workspaceId: string;
  label: string;
  demo: boolean;
  createdAt: string;
  entries: (UserEntry | RecoveryEntry)[];
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

function scrypt(password: string, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 };
  return new Promise((res, rej) => scryptCb(password.normalize('NFC'), salt, 32, opts, (e, k) => (e ? rej(e) : res(k))));
}

function aad(workspaceId: string, kind: string, username = ''): Buffer {
  return Buffer.from(`centinela/v1/${workspaceId}/${kind}/${username}`);
}

function seal(kek: Buffer, dataKey: Buffer, ad: Buffer): Wrapped {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(ad);
  const ct = Buffer.concat([c.update(dataKey), c.final()]);
  return { iv: b64(iv), tag: b64(c.getAuthTag()), ct: b64(ct) };
}

function open(kek: Buffer, w: Wrapped, ad: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, unb64(w.iv));
    d.setAAD(ad);
    d.setAuthTag(unb64(w.tag));
    return Buffer.concat([d.update(unb64(w.ct)), d.final()]);
  } catch {
    return null;
  }
}

// Crockford base32 without I, L, O, U: easy to read aloud and to retype from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits shown as 8 groups of 4 characters, e.g. `7K2M-...`. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person types: lower case, spaces, O for 0, I/L for 1. */
export function normalizeRecoveryKey(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function recoveryKek(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', normalizeRecoveryKey(recoveryKey), salt, 'centinela recovery', 32));
}

export class Keyring {
  readonly path: string;
  file: KeyringFile;

  constructor(path: string, file: KeyringFile) {
    this.path = path;
    this.file = file;
  }

  static exists(path: string): boolean {
    return existsSync(path);
  }

  static load(path: string): Keyring {
    let parsed: KeyringFile;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyringFile;
    } catch {
      throw new AppError('INTEGRITY', 'errors.keyringUnreadable');
    }
    if (parsed.format !== 'centinela-keyring' || parsed.version !== 1 || !Array.isArray(parsed.entries)) {
      throw new AppError('INTEGRITY', 'errors.keyringUnreadable');
    }
    return new Keyring(path, parsed);
  }

  static create(path: string, meta: { workspaceId: string; label: string; demo: boolean; createdAt: string }): Keyring {
    return new Keyring(path, { format: 'centinela-keyring', version: 1, ...meta, entries: [] });
  }

  hasUser(username: string): boolean {
    return this.file.entries.some((e) => e.kind === 'user' && e.username === username);
  }

  async unwrapForUser(username: string, password: string): Promise<Buffer | null> {
    const entry = this.file.entries.find((e): e is UserEntry => e.kind === 'user' && e.username === username);
    if (!entry) {
      // Same cost as a real attempt so timing does not reveal which usernames exist.
      await scrypt(password, randomBytes(16), DEFAULT_SCRYPT);
      return null;
    }
    const kek = await scrypt(password, unb64(entry.salt), entry.scrypt);
    return open(kek, entry, aad(this.file.workspaceId, 'user', username));
  }

  unwrapWithRecovery(recoveryKey: string): Buffer | null {
    const entry = this.file.entries.find((e): e is RecoveryEntry => e.kind === 'recovery');
    if (!entry) return null;
    return open(recoveryKek(recoveryKey, unb64(entry.salt)), entry, aad(this.file.workspaceId, 'recovery'));
  }

  /** Wraps the data key under a password (slow: scrypt). Nothing changes until `putUser`. */
  async makeUserEntry(username: string, password: string, dataKey: Buffer, params: ScryptParams = DEFAULT_SCRYPT): Promise<UserEntry> {
    const salt = randomBytes(16);
    const kek = await scrypt(password, salt, params);
    return { kind: 'user', username, salt: b64(salt), scrypt: params, ...seal(kek, dataKey, aad(this.file.workspaceId, 'user', username)) };
  }

  /** Adds or replaces the user's entry in memory; `save()` writes it. */
  putUser(entry: UserEntry): void {
    this.file.entries = [...this.file.entries.filter((e) => !(e.kind === 'user' && e.username === entry.username)), entry];
  }

  async wrapForUser(username: string, password: string, dataKey: Buffer, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
    this.putUser(await this.makeUserEntry(username, password, dataKey, params));
  }

  setRecovery(recoveryKey: string, dataKey: Buffer): void {
    const salt = randomBytes(16);
    const entry: RecoveryEntry = { kind: 'recovery', salt: b64(salt), ...seal(recoveryKek(recoveryKey, salt), dataKey, aad(this.file.workspaceId, 'recovery')) };
    this.file.entries = [...this.file.entries.filter((e) => e.kind !== 'recovery'), entry];
  }

  removeUser(username: string): void {
    this.file.entries = this.file.entries.filter((e) => !(e.kind === 'user' && e.username === username));
  }

  /** Atomic replace: write a temp file, fsync, rename. A crash leaves the old or the new file, never half. */
  save(): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.file, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
