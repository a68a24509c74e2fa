import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The project's `resources/` folder (fonts): beside the packaged app (Electron's
 * `process.resourcesPath`), or found by walking up from this module in a checkout or bundle.
 */
export function resourcesDir(): string {
  if (cached) return cached;
  const candidates: string[] = [];
  const rp = (process as { resourcesPath?: string }).resourcesPath;
  if (rp) candidates.push(join(rp, 'resources'));
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(d, 'resources'));
    d = dirname(d);
  }
  const found = candidates.find((c) => existsSync(join(c, 'fonts', 'DejaVuSans.ttf')));
  if (!found) throw new Error('resources/fonts/DejaVuSans.ttf not found');
  cached = found;
  return found;
}

export const fontPath = (file: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf' | 'DejaVuSans-Oblique.ttf') => join(resourcesDir(), 'fonts', file);
