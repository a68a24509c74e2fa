import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppUrl, mimeOf, resolveAppFile } from '../../electron/core/appProtocol.ts';

const root = mkdtempSync(join(tmpdir(), 'centinela-app-'));
const dist = join(root, 'renderer');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html>');
writeFileSync(join(dist, 'assets', 'main.js'), '');
writeFileSync(join(root, 'secret.txt'), 'do not serve');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('accepts only our origin', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://centinela/assets/main.js')).toBe(true);
    for (const u of ['app://other/index.html', 'https://centinela/', 'file:///etc/passwd', 'app://user:pw@centinela/', 'javascript:alert(1)', '', null, 'not a url']) {
      expect(isAppUrl(u), String(u)).toBe(false);
    }
  });

  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(dist, 'app://centinela/')).toBe(join(dist, 'index.html'));
    expect(resolveAppFile(dist, 'app://centinela/assets/main.js')).toBe(join(dist, 'assets', 'main.js'));
    expect(mimeOf('x/index.html')).toMatch(/^text\/html/);
    expect(mimeOf('x/a.js')).toMatch(/^text\/javascript/);
  });

  it('refuses traversal, other hosts, folders and missing files', () => {
    for (const u of [
      'app://centinela/../secret.txt', 'app://centinela/%2e%2e/secret.txt', 'app://centinela/assets/..%2f..%2fsecret.txt',
      'app://centinela/..%5csecret.txt', 'app://centinela/assets', 'app://centinela/nope.js', 'app://evil/index.html', 'app://centinela/%00',
    ]) expect(resolveAppFile(dist, u), u).toBeNull();
  });
});
