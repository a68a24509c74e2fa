import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder with the embedded fonts. Looked up from this file upwards, so it is found from the
 * sources (tests, CLI), from the bundled main process and from a packaged app's resources.
 */
export function fontsDir(): string {
  const tried: string[] = [];
  const starts = [dirname(fileURLToPath(import.meta.url)), (process as { resourcesPath?: string }).resourcesPath ?? ''].filter(Boolean);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const f = join(dir, 'resources', 'fonts');
      tried.push(f);
      if (existsSync(join(f, 'DejaVuSans.ttf'))) return f;
      dir = dirname(dir);
    }
  }
  throw new Error(`fonts not found (looked in ${tried.length} places)`);
}
