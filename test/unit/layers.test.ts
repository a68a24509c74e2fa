import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of docs ARCHITECTURE.md ("One picture"), checked on every import of every
 * source file. When one fails, read ARCHITECTURE.md before moving code: the fix is usually to
 * put the code in the right layer, not to widen the rule.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SEE = 'see ARCHITECTURE.md ("One picture" and "A command\'s path")';
const ELECTRON_SHELL = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']);
/** Packages that need a DOM (or React) and so never belong in shared/. */
const DOM_ONLY = [/^react(-dom)?(\/|$)/, /^@tanstack\/react-/, /^react-/];
/** Build configuration of the renderer runs in Node at build time, not in the window. */
const RENDERER_BUILD_CONFIG = new Set(['renderer/vite.config.ts']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mts|mjs|cjs|js)$/.test(e.name)) out.push(rel);
  }
  return out;
}

/** Every module specifier: static imports/exports, side-effect imports, import(), require(). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) specs.add(m[1]);
  return [...specs];
}

/** The project folder a relative import lands in (`shared/...`), or null for a package. */
function target(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(root, resolve(root, dirname(file), spec)).split(sep).join('/');
}

const all = ['shared', 'electron', 'renderer', 'test'].flatMap(sources);

describe('layer rules (ARCHITECTURE.md)', () => {
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all).toContain('electron/main.ts');
  });

  it('only electron/main.ts, preload.ts and ipc.ts use the electron package', () => {
    const bad = all.filter((f) => !ELECTRON_SHELL.has(f) && importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')))
      .map((f) => `${f} imports 'electron': keep Electron in main.ts/preload.ts/ipc.ts; ${SEE}`);
    expect(bad).toEqual([]);
  });

  it('shared/ is pure: no node: builtins, no electron/ or renderer/ files, no DOM-only packages', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => x.startsWith('shared/'))) {
      for (const s of importsOf(f)) {
        const t = target(f, s);
        if (s.startsWith('node:')) bad.push(`${f} imports ${s}: shared/ does no I/O; ${SEE}`);
        else if (t && !t.startsWith('shared/')) bad.push(`${f} imports ${s} (${t}): shared/ imports nothing outside shared/; ${SEE}`);
        else if (!t && DOM_ONLY.some((r) => r.test(s))) bad.push(`${f} imports ${s}: shared/ must run in Node too (no DOM/React); ${SEE}`);
        else if (!t && s === 'electron') bad.push(`${f} imports electron; ${SEE}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('renderer/ imports only shared/, renderer/ and npm packages (never electron/, never node: builtins)', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => x.startsWith('renderer/') && !RENDERER_BUILD_CONFIG.has(x))) {
      for (const s of importsOf(f)) {
        const t = target(f, s);
        if (s.startsWith('node:')) bad.push(`${f} imports ${s}: the renderer has no Node; ${SEE}`);
        else if (t && !t.startsWith('renderer/') && !t.startsWith('shared/')) bad.push(`${f} imports ${s} (${t}): the renderer knows only the contract in shared/; ${SEE}`);
        else if (!t && s === 'electron') bad.push(`${f} imports electron: use api/transport.ts; ${SEE}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('electron/services, store and core never import renderer/', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => /^electron\/(services|store|core|workers)\//.test(x))) {
      for (const s of importsOf(f)) {
        const t = target(f, s);
        if (t?.startsWith('renderer/')) bad.push(`${f} imports ${s}: the back end never depends on the UI; ${SEE}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the import scanner sees every import form', () => {
    // Guards the checks above against a scanner that silently finds nothing.
    const specs = importsOf('electron/main.ts');
    expect(specs).toContain('electron');
    expect(specs).toContain('./ipc.ts');
    expect(importsOf('electron/cli/bin.mjs')).toContain('./main.ts');
  });
});

describe('preload bridge', () => {
  it("exposes exactly one object, window.centinela: call() forwarding to 'centinela:call' and pickPath() to 'centinela:pickPath'", async () => {
    const src = readFileSync(join(root, 'electron/preload.ts'), 'utf8');
    const { code } = transformSync(src, { loader: 'ts', format: 'cjs', platform: 'node' });
    const exposed: { key: string; api: Record<string, unknown> }[] = [];
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
      ipcRenderer: { invoke: (...args: unknown[]) => { invoked.push(args); return Promise.resolve({ ok: true, value: 1 }); } },
    };
    const required: string[] = [];
    const fakeRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return fakeElectron;
      throw new Error(`preload must not require ${id}; ${SEE}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);

    expect(required).toEqual(['electron']);
    expect(exposed.map((e) => e.key)).toEqual(['centinela']);
    expect(Object.keys(exposed[0].api)).toEqual(['call', 'pickPath']);
    const call = exposed[0].api.call as (n: string, i: unknown) => Promise<unknown>;
    await expect(call('companies.list', { page: 1 })).resolves.toEqual({ ok: true, value: 1 });
    const pickPath = exposed[0].api.pickPath as (r: unknown) => Promise<unknown>;
    await pickPath({ kind: 'folder', title: 'Carpeta' });
    // Each forwards its own arguments and nothing else (no channel name comes from the page).
    expect(invoked).toEqual([['centinela:call', 'companies.list', { page: 1 }], ['centinela:pickPath', { kind: 'folder', title: 'Carpeta' }]]);
  });
});
