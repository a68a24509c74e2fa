import { calibreLabel, isKnownCalibre, normaliseCalibre as matchCalibre, SHIPPED_CALIBRES, type CalibreList } from './calibres.ts';
import { normaliseSerial as serialNorm } from './serial.ts';
import { normalizeNationalId } from './nationalId.ts';

/**
 * The returns importer's view of the shared rules: calibres through the firearms area's list
 * (`calibres.ts`, editable per workspace), serials through `serial.ts` (formatting-only
 * differences match), national ids through `nationalId.ts`. Nothing here guesses: an unknown
 * or ambiguous calibre is reported (UNKNOWN_CALIBRE).
 */
const calibreCache = new WeakMap<CalibreList, Map<string, string | null>>();

export function normaliseCalibre(raw: string, list: CalibreList = SHIPPED_CALIBRES): string | null {
  let cache = calibreCache.get(list);
  if (!cache) { cache = new Map(); calibreCache.set(list, cache); }
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const m = matchCalibre(raw, list);
  const out = isKnownCalibre(m) ? m.code : null;
  if (cache.size < 10_000) cache.set(raw, out);
  return out;
}

/** Display name of a stored calibre code. */
export const calibreName = (code: string, list: CalibreList = SHIPPED_CALIBRES) => calibreLabel(code, list);

/** Canonical names for the template's drop-down list. */
export const KNOWN_CALIBRES = SHIPPED_CALIBRES.map((c) => c.canonical);

export const normaliseSerial = (raw: string) => serialNorm(raw);
export const normaliseNationalId = (raw: string) => normalizeNationalId(raw);
