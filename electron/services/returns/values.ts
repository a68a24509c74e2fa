import type { Cell } from './read/types.ts';

/**
 * Cell values as companies really write them, turned into plain text or typed values.
 * Pure functions; the importer decides what is a problem.
 */

/** Null conventions seen in real files: empty, "None", "N/A", "-", "s/d", blank date masks "  /  /    ". */
const NULLISH = new Set(['', 'none', 'null', 'n/a', 'na', '-', '--', '—', 's/d', 'sd', 'sin dato', 'sin datos', 'nan', '#n/a']);

export function isNullish(s: string): boolean {
  // Fast path: most cells are long and start with an ASCII letter or digit (checked without a regular expression).
  if (s.length > 8) {
    const c = s.charCodeAt(0) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || /^[\p{L}\p{N}]/u.test(s)) return false;
  }
  const t = s.trim().toLowerCase();
  return NULLISH.has(t) || /^[\s/.\-_]+$/.test(s) && s.length > 0;
}

/** Cell text, trimmed; numbers without the float artefact ("229030294.0" → "229030294"). */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(c);
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  return cellText(c.result);
}

/** An identifier written as a number by a spreadsheet comes back as "12345.0": the ".0" is not part of it. */
export function idText(s: string): string {
  return /^\d+\.0+$/.test(s) ? s.replace(/\.0+$/, '') : s;
}

/** A date cell before the day/month order is known: settled, or parts waiting for the file's order. */
export type PendingDate = { iso: string } | { a: number; b: number; y: number; raw: string } | { bad: true };

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** The ISO date, or null when there is no such day (31 April, 29 February 2025). Plain arithmetic: it runs for every date of a national return. */
const validIso = (y: number, m: number, d: number): string | null => {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d > days ? null : `${y}-${pad2(m)}-${pad2(d)}`;
};

/** Spreadsheet serial day numbers (1900 date system, Lotus leap-year bug included as Excel does). */
export function serialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 109_574) return null; // 1900-01-01 .. 2199-12-31
  const ms = Math.round((Math.floor(n) - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function pendingDate(c: Cell): PendingDate | null {
  if (c !== null && typeof c === 'object' && !(c instanceof Date)) return pendingDate(c.result);
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? { bad: true } : { iso: c.toISOString().slice(0, 10) };
  if (typeof c === 'number') { const iso = serialToIso(c); return iso ? { iso } : { bad: true }; }
  const s = cellText(c);
  if (isNullish(s)) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) { const iso = validIso(+m[1], +m[2], +m[3]); return iso ? { iso } : { bad: true }; }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) { const iso = validIso(+m[1], +m[2], +m[3]); return iso ? { iso } : { bad: true }; }
  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?: [\d:]+(?: ?[AP]M)?)?$/i.exec(s);
  if (m) {
    const a = +m[1], b = +m[2], y = +m[3];
    if (a === b || (a > 12 && b > 12)) { const iso = validIso(y, b, a); return iso ? { iso } : { bad: true }; }
    return { a, b, y, raw: s };
  }
  if (/^\d+(\.\d+)?$/.test(s)) { const iso = serialToIso(Number(s)); return iso ? { iso } : { bad: true }; }
  return { bad: true };
}

/** What the day/month parts of a file's dates say about their order. */
export function orderEvidence(p: PendingDate): 'dmy' | 'mdy' | 'ambiguous' | null {
  if (!('a' in p)) return null;
  if (p.a > 12) return 'dmy';
  if (p.b > 12) return 'mdy';
  return 'ambiguous';
}

export function settleDate(p: PendingDate, order: 'dmy' | 'mdy' | null): string | null {
  if ('iso' in p) return p.iso;
  if ('bad' in p) return null;
  if (!order) return null;
  return order === 'dmy' ? validIso(p.y, p.b, p.a) : validIso(p.y, p.a, p.b);
}

export function parseIntCell(c: Cell): number | null {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? c : null;
  const s = cellText(c).replace(/[\s,]/g, '').replace(/\.0+$/, '');
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
