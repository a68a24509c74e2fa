import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, Keyring, newRecoveryKey, normalizeRecoveryKey } from '../../electron/store/keyring.ts';
import { FAST_SCRYPT } from '../helpers/workspace.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp() { const d = mkdtempSync(join(tmpdir(), 'kr-')); dirs.push(d); return join(d, 'keyring.json'); }

describe('keyring', () => {
  it('wraps the data key with the real default scrypt cost and unwraps it only with the right password', async () => {
    const path = tmp();
    const k = Keyring.create(path, { workspaceId: 'ws-1', label: 'Agencia', demo: false, createdAt: 'now' });
    const key = randomBytes(32);
    await k.wrapForUser('ana', 'Clave-Muy-Segura-1', key, DEFAULT_SCRYPT);
    k.save();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    const again = Keyring.load(path);
    expect((await again.unwrapForUser('ana', 'Clave-Muy-Segura-1'))?.equals(key)).toBe(true);
    expect(await again.unwrapForUser('ana', 'clave-muy-segura-1')).toBeNull();
    expect(await again.unwrapForUser('otro', 'Clave-Muy-Segura-1')).toBeNull();
  });

  it('an entry moved to another username or workspace does not open', async () => {
    const path = tmp();
    const k = Keyring.create(path, { workspaceId: 'ws-1', label: 'A', demo: false, createdAt: 'now' });
    await k.wrapForUser('ana', 'Clave-Muy-Segura-1', randomBytes(32), FAST_SCRYPT);
    const entry = { ...k.file.entries[0], username: 'mallory' };
    k.file.entries.push(entry);
    expect(await k.unwrapForUser('mallory', 'Clave-Muy-Segura-1')).toBeNull();
    k.file.workspaceId = 'ws-2';
    expect(await k.unwrapForUser('ana', 'Clave-Muy-Segura-1')).toBeNull();
  });

  it('recovery keys are 160-bit, readable, and forgiving of how they are typed', () => {
    const r = newRecoveryKey();
    expect(r).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeRecoveryKey(r.toLowerCase().replace(/-/g, ' '))).toBe(r.replace(/-/g, ''));
    const k = Keyring.create(tmp(), { workspaceId: 'w', label: 'A', demo: false, createdAt: 'now' });
    const key = randomBytes(32);
    k.setRecovery(r, key);
    expect(k.unwrapWithRecovery(r.toLowerCase())?.equals(key)).toBe(true);
    expect(k.unwrapWithRecovery(newRecoveryKey())).toBeNull();
  });

  it('a damaged keyring is reported, not crashed on', () => {
    const path = tmp();
    writeFileSync(path, '{"format":"otra cosa"');
    expect(() => Keyring.load(path)).toThrow(/INTEGRITY/);
  });
});
