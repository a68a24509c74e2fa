/**
 * Calibre and serial normalisation as the returns importer needs it. The firearms area owns
 * the register's calibre list (`calibres.ts`) and serial rule (`serial.ts`); until those land
 * on main this is the importer's own table, kept small and conservative: an unknown spelling
 * is reported (UNKNOWN_CALIBRE), never guessed. Spellings taken from real SINARM statistics.
 */
const CALIBRES: Record<string, readonly string[]> = {
  '9x19mm': ['9mm', '9 mm', '9x19', '9x19mm', '9mm luger', '9mm parabellum', '9 parabellum', '9mm para', '9 luger'],
  '.380 ACP': ['.380', '380', '.380 acp', '380acp', '380 auto', '380auto', '9 short', '9mm corto', '9 corto', '9x17', '9 short .380'],
  '.38 SPL': ['.38', '38', '.38 spl', '.38 special', '38 spl', '38spl', '.38 tpc'],
  '.357 Magnum': ['.357', '357', '.357 mag', '.357 magnum', '357 mag'],
  '.40 S&W': ['.40', '40', '.40 s&w', '40 s&w', '.40sw', '40sw'],
  '.45 ACP': ['.45', '45', '.45 acp', '45 acp', '45 auto'],
  '.22 LR': ['.22', '22', '.22 lr', '22lr', '.22lr'],
  '.25 ACP': ['.25', '.25 acp', '6,35mm', '6.35mm', '635', '6,35', '6.35'],
  '7.65mm': ['7,65mm', '7.65mm', '7,65', '7.65', '.32 acp', '32 acp'],
  '5.56x45mm': ['5.56', '5,56', '5.56mm', '5,56x45mm', '5.56x45mm', '5.56x45', '.223', '.223 rem', '223 rem', '223rem'],
  '7.62x39mm': ['7.62x39', '7,62x39', '7.62x39mm', '7,62x39mm'],
  '7.62x51mm': ['7.62x51', '7,62x51', '7,62x51mm', '7.62x51mm', '.308', '.308 win', '308 win'],
  '12 GA': ['12', '12 ga', '12ga', '12 gauge', 'calibre 12', 'cal 12', '12 g'],
  '16 GA': ['16', '16 ga', '16ga', '16 gauge'],
  '20 GA': ['20', '20 ga', '20ga', '20 gauge'],
  '.410 Bore': ['.410', '410', '.410 bore', '410ga', '36', '36ga', '36 ga'],
};

const key = (s: string) => s.toLowerCase().replace(/^cal(ibre|iber)?\.?\s*/, '').replace(/\s+/g, ' ').trim();
const LOOKUP = new Map<string, string>();
for (const [canon, syns] of Object.entries(CALIBRES)) {
  LOOKUP.set(key(canon), canon);
  for (const s of syns) {
    LOOKUP.set(key(s), canon);
    LOOKUP.set(key(s).replace(/\s+/g, ''), canon);
  }
}

/** The canonical calibre for a spelling, or null when it is not one we know. */
export function normaliseCalibre(raw: string): string | null {
  const k = key(raw);
  if (!k) return null;
  return LOOKUP.get(k) ?? LOOKUP.get(k.replace(/\s+/g, '')) ?? null;
}

export const KNOWN_CALIBRES = Object.keys(CALIBRES);

/**
 * A serial with its formatting removed (spaces, dashes, dots, slashes; upper case), so that
 * "AB-12 345" and "ab12345" are recognised as the same weapon rather than duplicated.
 */
export function normaliseSerial(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-./_·]+/g, '');
}

/** A national id compared without spaces, dashes or dots (DPI "2547 89654 0101"). */
export function normaliseNationalId(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s\-./]+/g, '');
}
