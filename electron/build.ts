import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the Electron shell: electron/main.ts → dist/electron/main.cjs and
 * electron/preload.ts → dist/electron/preload.cjs. Native and heavy packages stay external
 * (loaded from node_modules, unpacked from the asar by electron-builder).
 */
const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildElectron(opts: { quiet?: boolean } = {}): Promise<void> {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs' as const,
    platform: 'node' as const,
    target: 'node22',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'exceljs', 'pdfkit'],
    sourcemap: false,
    legalComments: 'none' as const,
    logLevel: opts.quiet ? ('warning' as const) : ('info' as const),
  };
  await build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // Modules written as ES modules may read import.meta.url; in the CommonJS bundle it is
    // the bundle's own file URL.
    banner: { js: "const __centinelaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__centinelaImportMetaUrl' },
  });
  // The preload runs in a sandbox: it may require only 'electron' (and a few polyfilled builtins).
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
  // The yearly-returns import worker runs in its own thread; jobs.ts looks for it beside main.cjs.
  // Its commit's writer thread (batchWriter.ts) likewise; both find their files from import.meta.url.
  const meta = { banner: { js: "const __centinelaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__centinelaImportMetaUrl' } };
  await build({ ...common, ...meta, entryPoints: ['electron/services/returns/import.worker.ts'], outfile: 'dist/electron/returns-worker.cjs' });
  await build({ ...common, ...meta, entryPoints: ['electron/services/returns/batchWriter.thread.ts'], outfile: 'dist/electron/returns-writer.cjs' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
