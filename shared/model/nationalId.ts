import type { Country } from './taxId.ts';

/**
 * Personal identity documents of the region (DPI/CUI, cédula, CPF, CURP, DNI, RUN, DUI...).
 * Each country has a format and, where the law defines one, check digits or coded parts.
 * Pitfall: officers type ids with dots, dashes and spaces, and the same person must never be
 * registered twice: compare and store `normalizeNationalId`, display `formatNationalId`.
 */
export function normalizeNationalId(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s.\-/_]/g, '');
}

export type NationalIdProblem = 'format' | 'checkDigit' | 'place';

const digits = (s: string) => Array.from(s, (c) => Number(c));

/**
 * Municipalities per department of Guatemala (RENAP codes 01-22), in code order. A CUI ends
 * with the department and municipality of registration, so `0125` (Guatemala, 25) is impossible.
 */
export const GT_MUNICIPALITIES = [17, 8, 16, 16, 14, 14, 19, 8, 24, 21, 9, 30, 33, 21, 8, 17, 14, 5, 11, 11, 7, 17] as const;

/** Guatemala CUI (the DPI number): check digit of the 8-digit serial (weights 2..9, mod 11). */
export function gtCuiCheck(serial8: string): number {
  return digits(serial8).reduce((acc, d, i) => acc + d * (i + 2), 0) % 11;
}

function checkGtCui(n: string): NationalIdProblem | null {
  if (!/^\d{13}$/.test(n)) return 'format';
  const dept = Number(n.slice(9, 11));
  const muni = Number(n.slice(11, 13));
  if (dept < 1 || dept > GT_MUNICIPALITIES.length || muni < 1 || muni > GT_MUNICIPALITIES[dept - 1]) return 'place';
  return gtCuiCheck(n.slice(0, 8)) === Number(n[8]) ? null : 'checkDigit';
}

/** Brazil CPF: the two check digits of a 9-digit base. */
export function brCpfCheck(base9: string): string {
  const calc = (s: string) => {
    const ds = digits(s);
    const sum = ds.reduce((acc, d, i) => acc + d * (ds.length + 1 - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = calc(base9);
  const d2 = calc(base9 + d1);
  return `${d1}${d2}`;
}

const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const CURP_STATES = 'AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' ');

/** Mexico CURP: the final verification digit of the first 17 characters (RENAPO). */
export function mxCurpCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_CHARS.indexOf(first17[i]) * (18 - i);
  return String((10 - (sum % 10)) % 10);
}

function checkMxCurp(n: string): NationalIdProblem | null {
  const m = /^[A-Z][AEIOUX][A-Z]{2}(\d{2})(\d{2})(\d{2})[HMX]([A-Z]{2})[B-DF-HJ-NP-TV-ZÑ]{3}[0-9A-Z]\d$/.exec(n);
  if (!m) return 'format';
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'format';
  if (!CURP_STATES.includes(m[4])) return 'place';
  return mxCurpCheck(n.slice(0, 17)) === n[17] ? null : 'checkDigit';
}

/** Chile RUN: mod-11 check character (0-9 or K) of the body. */
export function clRunCheck(body: string): string {
  const ds = digits(body).reverse();
  const sum = ds.reduce((acc, d, i) => acc + d * (2 + (i % 6)), 0);
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'K' : String(r);
}

/** Ecuador cédula: province 01-24 (or 30 abroad), third digit < 6, Luhn-like mod-10 check. */
export function ecCedulaCheck(first9: string): number {
  const sum = digits(first9).reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** El Salvador DUI: 8 digits and a check digit (weights 9..2, mod 10). */
export function svDuiCheck(first8: string): number {
  const sum = digits(first8).reduce((acc, d, i) => acc + d * (9 - i), 0);
  return (10 - (sum % 10)) % 10;
}

interface Rule {
  /** Example shown in messages, in the country's usual display. */
  example: string;
  /** The document's usual name (DPI, cédula, CPF...), for hints. */
  document: string;
  test: (n: string) => NationalIdProblem | null;
  format?: (n: string) => string;
}

const re = (rx: RegExp) => (n: string): NationalIdProblem | null => (rx.test(n) ? null : 'format');
const thousands = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const RULES: Partial<Record<Country, Rule>> = {
  GT: { document: 'DPI (CUI)', example: '2547 89641 0101', test: checkGtCui, format: (n) => `${n.slice(0, 4)} ${n.slice(4, 9)} ${n.slice(9)}` },
  CO: { document: 'cédula de ciudadanía', example: '1.020.304.050', test: re(/^[1-9]\d{5,9}$/), format: thousands },
  BR: {
    document: 'CPF',
    example: '529.982.247-25',
    test: (n) => (!/^\d{11}$/.test(n) || /^(\d)\1+$/.test(n) ? 'format' : brCpfCheck(n.slice(0, 9)) === n.slice(9) ? null : 'checkDigit'),
    format: (n) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9)}`,
  },
  MX: { document: 'CURP', example: 'HEGG560427MVZRRL04', test: checkMxCurp },
  PE: { document: 'DNI', example: '45678912', test: re(/^\d{8}$/) },
  CL: {
    document: 'RUN',
    example: '12.345.678-5',
    test: (n) => (!/^\d{7,8}[0-9K]$/.test(n) ? 'format' : clRunCheck(n.slice(0, -1)) === n.slice(-1) ? null : 'checkDigit'),
    format: (n) => `${thousands(n.slice(0, -1))}-${n.slice(-1)}`,
  },
  EC: {
    document: 'cédula',
    example: '1710034065',
    test: (n) => {
      if (!/^\d{10}$/.test(n)) return 'format';
      const prov = Number(n.slice(0, 2));
      if (!((prov >= 1 && prov <= 24) || prov === 30) || Number(n[2]) > 5) return 'place';
      return ecCedulaCheck(n.slice(0, 9)) === Number(n[9]) ? null : 'checkDigit';
    },
  },
  SV: {
    document: 'DUI',
    example: '04567891-1',
    test: (n) => (!/^\d{9}$/.test(n) ? 'format' : svDuiCheck(n.slice(0, 8)) === Number(n[8]) ? null : 'checkDigit'),
    format: (n) => `${n.slice(0, 8)}-${n[8]}`,
  },
  AR: { document: 'DNI', example: '30.123.456', test: re(/^\d{7,8}$/), format: thousands },
  HN: { document: 'DNI', example: '0801-1990-12345', test: re(/^\d{13}$/), format: (n) => `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}` },
  CR: { document: 'cédula', example: '1-0234-0567', test: re(/^[1-9]\d{8}$/), format: (n) => `${n[0]}-${n.slice(1, 5)}-${n.slice(5)}` },
  NI: { document: 'cédula', example: '001-010190-0001A', test: re(/^\d{13}[A-Z]$/), format: (n) => `${n.slice(0, 3)}-${n.slice(3, 9)}-${n.slice(9)}` },
  DO: { document: 'cédula', example: '001-1234567-8', test: re(/^\d{11}$/), format: (n) => `${n.slice(0, 3)}-${n.slice(3, 10)}-${n.slice(10)}` },
  UY: { document: 'cédula', example: '1.234.567-2', test: re(/^\d{7,8}$/) },
  PY: { document: 'cédula', example: '1234567', test: re(/^\d{5,8}$/) },
  BO: { document: 'cédula', example: '1234567', test: re(/^\d{5,9}[A-Z0-9]{0,3}$/) },
  VE: { document: 'cédula', example: 'V12345678', test: re(/^[VE]?\d{6,9}$/) },
  PA: { document: 'cédula', example: '8-123-4567', test: re(/^(\d{1,2}|PE|E|N|\d{1,2}AV|\d{1,2}PI)\d{2,4}\d{2,6}$/) },
};

/** Anything else: letters and digits only, a plausible length. */
const GENERIC: Rule = { document: 'documento', example: 'A1234567', test: re(/^[0-9A-Z]{5,20}$/) };

/** Null when valid; otherwise the problem, an example and the document's name. */
export function checkNationalId(country: Country, raw: string): { problem: NationalIdProblem; example: string; document: string } | null {
  const rule = RULES[country] ?? GENERIC;
  const problem = rule.test(normalizeNationalId(raw));
  return problem ? { problem, example: rule.example, document: rule.document } : null;
}

/** The document's usual name in `country` (for labels and hints). */
export function nationalIdDocument(country: Country): string {
  return (RULES[country] ?? GENERIC).document;
}

/** The id as the country usually writes it (falls back to the normalised form). */
export function formatNationalId(country: Country, raw: string): string {
  const n = normalizeNationalId(raw);
  const rule = RULES[country] ?? GENERIC;
  return rule.format && !rule.test(n) ? rule.format(n) : n;
}
