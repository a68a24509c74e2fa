import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build.ts';
import { defaultDataRoot } from './core/paths.ts';
import { startServer } from './serve.ts';

/**
 * `npm start`: builds what is stale, then opens the Electron window; where the Electron binary
 * is missing (no internet on first run) it falls back to browser mode. `npm run serve` (`--browser`)
 * goes straight to browser mode.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const browserOnly = process.argv.includes('--browser');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The renderer's inputs: its own folder and the shared contract it imports. */
function rendererStale(): boolean {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared'))) > built;
}

function buildRenderer(): void {
  console.log('centinela: building the renderer...');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('centinela: the renderer build failed (see above).');
    process.exit(r.status ?? 1);
  }
}

/** The path of the Electron binary, or null when the package could not fetch it. */
function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

async function browserMode(): Promise<void> {
  const dataRoot = defaultDataRoot();
  const h = await startServer({ dataRoot });
  console.log(`Centinela (browser mode) is running. Open this address in a browser:\n${h.url}`);
  console.log(`Workspaces folder: ${dataRoot}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => { void h.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  if (rendererStale()) buildRenderer();
  if (!browserOnly) {
    const bin = electronBinary();
    if (bin) {
      await buildElectron({ quiet: true });
      const child = spawn(bin, [root], { cwd: root, stdio: 'inherit' });
      child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => child.kill(s));
      return;
    }
    console.log('Electron binary not available on this machine; starting browser mode instead.');
  }
  await browserMode();
}

main().catch((e: unknown) => {
  console.error(`centinela: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
