/**
 * Canonical calibre list and the pure normaliser every area uses (firearms register, personnel
 * qualifications, yearly-returns importer).
 *
 * Why: the same cartridge reaches the regulator written a dozen ways ("9 mm", "9x19mm",
 * "9 mm Parabellum"; ".380" / "380AUTO" / "9 SHORT"; "12" / "12 GA" / "calibre 12"). Tracing and
 * qualification checks need one canonical value, but a wrong guess is worse than no answer, so a
 * spelling that is not in the list, or that the list gives to more than one calibre (".45" is
 * ACP or Colt), comes back as `{ unknown }` for an officer to resolve. Nothing is guessed.
 *
 * The administrator edits the list (it lives in the workspace database, seeded from
 * `SHIPPED_CALIBRES`); `normaliseCalibre` therefore takes the list as a parameter.
 *
 * Matching rules (`calibreKey`), applied to both the list's spellings and the input:
 * - Unicode NFKC, lower case, text in parentheses dropped ("(arma multicalibre)", "(duplo cano)");
 * - "×" and "*" read as "x"; a comma between digits is a decimal point ("6,35mm" = "6.35mm");
 * - a leading word calibre / calibre / caliber / calibro / cal. is dropped ("calibre 12" = "12");
 * - spaces, hyphens and underscores are ignored; a dot counts only before a digit (".38", "7.62");
 * - a leading dot is ignored when the spelling has letters (".38 SPL" = "38 SPL") but NOT on a bare
 *   number: ".32" (a handgun cartridge) is not "32" (a shotgun gauge). Bare numbers are gauges.
 * - "/" separates the calibres of a multi-calibre weapon ("38 SPL / 357 MAG", "36/.22LR (duplo
 *   cano)"). If all parts are the same calibre (".410/36", "9 SHORT/.380") the result is that
 *   calibre; otherwise a multi-calibre result listing each component. One unknown part makes the
 *   whole spelling unknown.
 */

export const CALIBRE_KINDS = ['handgun', 'rifle', 'shotgun', 'rimfire'] as const;
export type CalibreKind = (typeof CALIBRE_KINDS)[number];

/** One calibre of the list. `code` is the stable id stored on firearms, lots and qualifications. */
export interface CalibreDef {
  code: string;
  /** Display name, the one spelling officers see everywhere. */
  canonical: string;
  kind: CalibreKind;
  /** Other spellings accepted for this calibre. A spelling given to two calibres is ambiguous. */
  synonyms: readonly string[];
}

export type CalibreList = readonly CalibreDef[];

/** Recognised: one calibre, or a multi-calibre weapon (components in written order, deduplicated). */
export interface CalibreKnown {
  canonical: string;
  /** Calibre code; for multi-calibre weapons the component codes joined with "+". */
  code: string;
  components: readonly { code: string; canonical: string }[];
}

export type CalibreUnknownReason = 'empty' | 'unrecognised' | 'ambiguous';

/** Not recognised: flagged for an officer. `candidates` are codes when the spelling is ambiguous. */
export interface CalibreUnknown {
  unknown: string;
  reason: CalibreUnknownReason;
  candidates: readonly string[];
}

export type CalibreMatch = CalibreKnown | CalibreUnknown;

export const isKnownCalibre = (m: CalibreMatch): m is CalibreKnown => 'canonical' in m;

export const MULTI_CALIBRE_SEPARATOR = ' / ';

/** Shotgun gauges that appear as bare numbers (SINARM: 10, 12, 16, 20, 24, 28, 32; 36 is .410). */
const GAUGES = [10, 12, 16, 20, 24, 28, 32] as const;

function gaugeSynonyms(n: number | string): string[] {
  return [`${n}`, `${n} GA`, `${n}GA`, `${n} gauge`, `${n} gage`, `${n} G`, `calibre ${n}`, `cal ${n}`, `${n} bore`];
}

/**
 * The shipped list. Every spelling observed in Brazil's SINARM statistics (shared/realdata/SOURCE.txt)
 * resolves here except "Outros Calibres" (other calibres) and the deliberately ambiguous ones:
 * ".17", ".30", ".32", ".44", ".45", "8mm" (several calibres) and a bare "40" (not a gauge in use,
 * and not safely ".40 S&W").
 */
export const SHIPPED_CALIBRES: CalibreList = [
  // Handgun, centre-fire
  { code: '9x19', canonical: '9×19 mm', kind: 'handgun', synonyms: [
    '9mm', '9 mm', '9x19', '9x19mm', '9 x 19 mm', '9mm Parabellum', '9 mm Parabellum', '9x19 Parabellum', '9mm Para',
    '9 Para', '9mm Luger', '9 mm Luger', '9 Luger', '9mm P', '9mm NATO', 'Parabellum'] },
  { code: '380acp', canonical: '.380 ACP', kind: 'handgun', synonyms: [
    '.380', '380', '.380 ACP', '380 ACP', '.380 Auto', '380 Auto', '380AUTO', '9 SHORT', '9mm Short', '9 mm corto',
    '9mm Kurz', '9x17', '9x17mm', '9 mm Browning Short'] },
  { code: '38spl', canonical: '.38 SPL', kind: 'handgun', synonyms: [
    '.38', '38', '.38 SPL', '38 SPL', '.38 Special', '38 Special', '.38 S&W Special', '.38 Especial', '38 Especial',
    '.38 TPC', '.38 SPL +P', '.38+P'] },
  { code: '357mag', canonical: '.357 Magnum', kind: 'handgun', synonyms: [
    '.357', '357', '.357 Mag', '357 MAG', '.357 Magnum', '357 Magnum'] },
  { code: '357sig', canonical: '.357 SIG', kind: 'handgun', synonyms: ['.357 SIG', '357 SIG'] },
  { code: '38super', canonical: '.38 Super Auto', kind: 'handgun', synonyms: [
    '.38 Super', '38 Super', '.38 Super Auto', '.38 Super ACP', '.38 Super +P'] },
  { code: '40sw', canonical: '.40 S&W', kind: 'handgun', synonyms: [
    '.40', '.40 S&W', '40 S&W', '.40 SW', '40SW', '.40 Smith & Wesson'] },
  { code: '10mm', canonical: '10 mm Auto', kind: 'handgun', synonyms: ['10mm Auto', '10 mm Auto', '10mm', '10 mm', '10mm ACP'] },
  { code: '45acp', canonical: '.45 ACP', kind: 'handgun', synonyms: [
    '.45', '.45 ACP', '45 ACP', '45ACP', '.45 Auto', '45 Auto', '11.43x23', '11,43mm', '11.43 mm'] },
  { code: '45colt', canonical: '.45 Colt', kind: 'handgun', synonyms: [
    '.45', '.45 Colt', '45 Colt', '.45 Long Colt', '.45 LC', '45 LC'] },
  { code: '44mag', canonical: '.44 Magnum', kind: 'handgun', synonyms: ['.44', '.44 Magnum', '44 Magnum', '.44 Mag', '44 Mag', '.44 Rem Mag'] },
  { code: '44spl', canonical: '.44 Special', kind: 'handgun', synonyms: ['.44', '.44 Special', '44 Special', '.44 SPL'] },
  { code: '454casull', canonical: '.454 Casull', kind: 'handgun', synonyms: ['.454', '.454 Casull', '454 Casull'] },
  { code: '32acp', canonical: '7.65×17 mm (.32 ACP)', kind: 'handgun', synonyms: [
    '.32', '7,65mm', '7.65mm', '7,65 mm', '7.65 Browning', '7.65x17', '7,65x17mm', '.32 ACP', '32 ACP', '.32 Auto'] },
  { code: '32sw', canonical: '.32 S&W', kind: 'handgun', synonyms: ['.32', '.32 S&W', '32 S&W', '.32 Short'] },
  { code: '32swl', canonical: '.32 S&W Long', kind: 'handgun', synonyms: ['.32', '.32 Long', '32 Long', '.32 S&W Long', '.32 SWL'] },
  { code: '320rev', canonical: '.320 Revolver', kind: 'handgun', synonyms: ['.320', '320', '.320 Revolver'] },
  { code: '25acp', canonical: '6.35×15 mm (.25 ACP)', kind: 'handgun', synonyms: [
    '.25', '.25 ACP', '25 ACP', '.25 Auto', '6,35mm', '6.35mm', '6,35 mm', '635', '6.35 Browning'] },
  { code: '9x18', canonical: '9×18 mm Makarov', kind: 'handgun', synonyms: ['9x18', '9x18mm', '9mm Makarov', '9x18 Makarov'] },
  { code: '57x28', canonical: '5.7×28 mm', kind: 'handgun', synonyms: ['5.7x28', '5,7x28mm', '5.7x28mm', '5.7mm'] },
  // Rimfire
  { code: '22lr', canonical: '.22 LR', kind: 'rimfire', synonyms: [
    '.22', '.22 LR', '22 LR', '22LR', '.22 L.R.', '.22 Long Rifle', '22 Long Rifle'] },
  { code: '22short', canonical: '.22 Short', kind: 'rimfire', synonyms: ['.22 Short', '22 Short'] },
  { code: '22wmr', canonical: '.22 WMR', kind: 'rimfire', synonyms: [
    '.22 WMR', '22 WMR', '22WMR', '.22 MAGNUM', '22 Magnum', '.22 Mag', '22MAG', '.22 Win Mag'] },
  { code: '17hmr', canonical: '.17 HMR', kind: 'rimfire', synonyms: ['.17', '.17 HMR', '17 HMR', '17HMR'] },
  { code: '17hm2', canonical: '.17 Mach 2', kind: 'rimfire', synonyms: ['.17', '.17 HM2', '.17 Mach 2'] },
  // Rifle, centre-fire
  { code: '556', canonical: '5.56×45 mm (.223 Rem)', kind: 'rifle', synonyms: [
    '.223', '223', '.223 Rem', '223 Rem', '223REM', '.223 Remington', '5,56x45mm', '5.56x45mm', '5.56x45', '5.56mm', '5,56mm',
    '5.56', '5.56 NATO', '556', '556MR'] },
  { code: '308', canonical: '7.62×51 mm (.308 Win)', kind: 'rifle', synonyms: [
    '.308', '308', '.308 Win', '308 WIN', '.308 Winchester', '7,62x51mm', '7.62x51mm', '7.62x51', '7.62 NATO', '7,62 NATO'] },
  { code: '762x39', canonical: '7.62×39 mm', kind: 'rifle', synonyms: ['7.62x39', '7.62x39mm', '7,62x39mm', '7.62 Soviet'] },
  { code: '3006', canonical: '.30-06 Springfield', kind: 'rifle', synonyms: ['.30', '.30-06', '30-06', '30.06', '.30-06 Springfield'] },
  { code: '3030', canonical: '.30-30 Win', kind: 'rifle', synonyms: ['.30', '.30-30', '30-30', '.30-30 Win', '.30 WCF'] },
  { code: '30carbine', canonical: '.30 Carbine', kind: 'rifle', synonyms: ['.30', '.30 Carbine', '30 Carbine', '.30 M1', '7.62x33'] },
  { code: '300blk', canonical: '.300 AAC Blackout', kind: 'rifle', synonyms: [
    '.300BLK', '.300 BLK', '300 BLK', '300 Blackout', '.300 AAC', '300AAC', '7.62x35'] },
  { code: '243win', canonical: '.243 Win', kind: 'rifle', synonyms: ['.243', '243', '.243 Win', '243 Win', '.243 Winchester'] },
  { code: '375hh', canonical: '.375 H&H Magnum', kind: 'rifle', synonyms: ['.375 Mag', '.375 H&H', '375 H&H', '.375 H&H Mag'] },
  { code: '37maynard', canonical: '.37 Maynard', kind: 'rifle', synonyms: ['.37 Maynard'] },
  { code: '3220', canonical: '.32-20 Win', kind: 'rifle', synonyms: ['.32-20', '32-20', '.32-20 Win', '.32 WCF'] },
  { code: '3840', canonical: '.38-40 Win', kind: 'rifle', synonyms: ['.38-40', '38-40', '.38-40 Win', '.38 WCF'] },
  { code: '4440', canonical: '.44-40 Win', kind: 'rifle', synonyms: ['.44', '.44-40', '44-40', '.44-40 Win', '.44 WCF'] },
  { code: '8x57', canonical: '8×57 mm IS Mauser', kind: 'rifle', synonyms: ['8mm', '8 mm', '8x57', '8x57mm', '8x57 IS', '8x57JS', '8mm Mauser', '7.92x57'] },
  { code: '8lebel', canonical: '8 mm Lebel', kind: 'rifle', synonyms: ['8mm', '8 mm', '8mm Lebel', '8x50R'] },
  { code: '765x53', canonical: '7.65×53 mm Mauser', kind: 'rifle', synonyms: ['7.65x53', '7,65x53mm', '7.65 Argentino', '7,65 Mauser'] },
  { code: '7x57', canonical: '7×57 mm Mauser', kind: 'rifle', synonyms: ['7x57', '7x57mm', '7mm Mauser', '7 mm Mauser'] },
  // Shotgun
  ...GAUGES.map((g): CalibreDef => ({ code: `${g}ga`, canonical: `${g} GA`, kind: 'shotgun', synonyms: gaugeSynonyms(g) })),
  { code: '410', canonical: '.410 bore (36)', kind: 'shotgun', synonyms: [
    '.410', '410', '.410 Bore', '410 bore', '410GA', '.410 GA', '410 gauge', ...gaugeSynonyms(36)] },
];

/**
 * The comparison key of a spelling (rules in the file header). Exported so the database can store
 * keys and the admin screen can show which spellings collide.
 */
export function calibreKey(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().trim();
  s = s.replace(/\([^)]*\)?/g, ' ');
  s = s.replace(/[×*]/g, 'x');
  s = s.replace(/(\d)\s*,\s*(\d)/g, '$1.$2');
  s = s.replace(/^\s*(calibre|caliber|calibro|cal)\b\.?/, '');
  s = s.replace(/[\s\-_‐‑‒–—]+/g, '');
  s = s.replace(/\.(?!\d)/g, '');
  if (/[a-z]/.test(s) && s.startsWith('.')) s = s.slice(1);
  return s;
}

interface CalibreIndex {
  byKey: Map<string, string[]>;
  byCode: Map<string, CalibreDef>;
}

const indexes = new WeakMap<CalibreList, CalibreIndex>();

function indexOf(list: CalibreList): CalibreIndex {
  let idx = indexes.get(list);
  if (idx) return idx;
  const byKey = new Map<string, string[]>();
  const byCode = new Map<string, CalibreDef>();
  for (const def of list) {
    byCode.set(def.code, def);
    for (const spelling of [def.canonical, ...def.synonyms]) {
      const key = calibreKey(spelling);
      if (!key) continue;
      const codes = byKey.get(key) ?? [];
      if (!codes.includes(def.code)) codes.push(def.code);
      byKey.set(key, codes);
    }
  }
  idx = { byKey, byCode };
  indexes.set(list, idx);
  return idx;
}

function matchOne(part: string, idx: CalibreIndex): CalibreDef | CalibreUnknown {
  const key = calibreKey(part);
  if (!key) return { unknown: part.trim(), reason: 'empty', candidates: [] };
  const codes = idx.byKey.get(key);
  if (!codes) return { unknown: part.trim(), reason: 'unrecognised', candidates: [] };
  if (codes.length > 1) return { unknown: part.trim(), reason: 'ambiguous', candidates: [...codes] };
  return idx.byCode.get(codes[0])!;
}

/**
 * Resolve a written calibre against `list` (default: the shipped list). Pure and deterministic;
 * the list's index is cached per list object, so importers can call it for every row.
 */
export function normaliseCalibre(text: string, list: CalibreList = SHIPPED_CALIBRES): CalibreMatch {
  const written = (text ?? '').trim();
  const idx = indexOf(list);
  // The whole spelling first: an admin may list a slash spelling as one synonym.
  const whole = matchOne(written, idx);
  if ('code' in whole) return { canonical: whole.canonical, code: whole.code, components: [{ code: whole.code, canonical: whole.canonical }] };
  const parts = written.replace(/\([^)]*\)?/g, ' ').split('/').filter((p) => p.trim() !== '');
  if (parts.length < 2) return { ...whole, unknown: written };
  const components: { code: string; canonical: string }[] = [];
  for (const part of parts) {
    const m = matchOne(part, idx);
    if (!('code' in m)) return { unknown: written, reason: m.reason === 'empty' ? 'unrecognised' : m.reason, candidates: m.candidates };
    if (!components.some((c) => c.code === m.code)) components.push({ code: m.code, canonical: m.canonical });
  }
  return {
    canonical: components.map((c) => c.canonical).join(MULTI_CALIBRE_SEPARATOR),
    code: components.map((c) => c.code).join('+'),
    components,
  };
}

/** The component codes of a stored calibre code ("38spl+357mag" → ["38spl", "357mag"]). */
export function calibreComponents(code: string): string[] {
  return code.split('+').filter(Boolean);
}

/** Display name of a stored code with the given list; unknown codes are shown as stored. */
export function calibreLabel(code: string, list: CalibreList = SHIPPED_CALIBRES): string {
  const idx = indexOf(list);
  return calibreComponents(code).map((c) => idx.byCode.get(c)?.canonical ?? c).join(MULTI_CALIBRE_SEPARATOR);
}

/**
 * Spellings that the list gives to more than one calibre. Some are deliberate (".45" is ACP or Colt
 * and must be resolved by an officer); the admin screen shows them so new collisions are noticed.
 */
export function calibreCollisions(list: CalibreList): { key: string; codes: string[] }[] {
  return [...indexOf(list).byKey].filter(([, codes]) => codes.length > 1).map(([key, codes]) => ({ key, codes }));
}
