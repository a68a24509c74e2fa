/**
 * Company tax identifiers of the region (NIT, RUC, CNPJ, RFC, RTN...). Each country has a
 * format and, where the law defines one, a check digit. Unknown countries get a generic rule.
 * Pitfall: officers type ids with dots, dashes and spaces; compare and store `normalizeTaxId`.
 */
export const COUNTRIES = [
  'AR', 'BO', 'BR', 'CL', 'CO', 'CR', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PY', 'SV', 'UY', 'VE',
] as const;
export type Country = (typeof COUNTRIES)[number];

export function normalizeTaxId(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s.\-/_]/g, '');
}

const digits = (s: string) => Array.from(s, (c) => Number(c));

function weightedSum(ds: number[], weights: number[]): number {
  return ds.reduce((acc, d, i) => acc + d * weights[i], 0);
}

/** Guatemala NIT: digits then a mod-11 check character (0-9 or K). */
export function gtNitCheck(body: string): string {
  const ds = digits(body);
  const sum = ds.reduce((acc, d, i) => acc + d * (ds.length + 1 - i), 0);
  const r = (11 - (sum % 11)) % 11;
  return r === 10 ? 'K' : String(r);
}

/** Colombia NIT verification digit (DIAN prime weights). */
export function coNitCheck(body: string): string {
  const w = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
  const ds = digits(body).reverse();
  const r = weightedSum(ds, w) % 11;
  return String(r > 1 ? 11 - r : r);
}

/** Brazil CNPJ: the two check digits of a 12-digit base. */
export function brCnpjCheck(base12: string): string {
  const calc = (s: string, w: number[]) => {
    const r = weightedSum(digits(s), w) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = calc(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = calc(base12 + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${d1}${d2}`;
}

/** Peru RUC check digit of a 10-digit base. */
export function peRucCheck(base10: string): string {
  const r = 11 - (weightedSum(digits(base10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return String(r === 10 ? 0 : r === 11 ? 1 : r);
}

export type TaxIdProblem = 'format' | 'checkDigit';

interface Rule {
  /** Example shown in messages, in the country's usual display. */
  example: string;
  test: (n: string) => TaxIdProblem | null;
  format?: (n: string) => string;
}

const re = (rx: RegExp) => (n: string): TaxIdProblem | null => (rx.test(n) ? null : 'format');

const RULES: Partial<Record<Country, Rule>> = {
  GT: {
    example: '1234567-9',
    test: (n) => (!/^\d{2,12}[0-9K]$/.test(n) ? 'format' : gtNitCheck(n.slice(0, -1)) === n.slice(-1) ? null : 'checkDigit'),
    format: (n) => `${n.slice(0, -1)}-${n.slice(-1)}`,
  },
  CO: {
    example: '900.123.456-8',
    test: (n) => (!/^\d{9,10}$/.test(n) ? 'format' : coNitCheck(n.slice(0, -1)) === n.slice(-1) ? null : 'checkDigit'),
    format: (n) => `${n.slice(0, -1).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${n.slice(-1)}`,
  },
  BR: {
    example: '11.222.333/0001-81',
    test: (n) => (!/^\d{14}$/.test(n) || /^(\d)\1+$/.test(n) ? 'format' : brCnpjCheck(n.slice(0, 12)) === n.slice(12) ? null : 'checkDigit'),
    format: (n) => `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 8)}/${n.slice(8, 12)}-${n.slice(12)}`,
  },
  PE: {
    example: '20123456786',
    test: (n) => (!/^(10|15|17|20)\d{9}$/.test(n) ? 'format' : peRucCheck(n.slice(0, 10)) === n.slice(10) ? null : 'checkDigit'),
  },
  MX: {
    // Persona moral: 3 letters, yymmdd of incorporation, 3-character homoclave.
    example: 'ABC010203XY9',
    test: (n) => {
      const m = /^[A-ZÑ&]{3}(\d{2})(\d{2})(\d{2})[A-Z0-9]{3}$/.exec(n);
      if (!m) return 'format';
      const month = Number(m[2]);
      const day = Number(m[3]);
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? null : 'format';
    },
  },
  HN: { example: '08011999123456', test: re(/^\d{14}$/) },
  SV: { example: '0614-010101-101-1', test: re(/^\d{14}$/), format: (n) => `${n.slice(0, 4)}-${n.slice(4, 10)}-${n.slice(10, 13)}-${n.slice(13)}` },
  CR: { example: '3-101-123456', test: re(/^3\d{9}$/), format: (n) => `${n[0]}-${n.slice(1, 4)}-${n.slice(4)}` },
  EC: { example: '1790012345001', test: re(/^\d{10}001$/) },
  PA: { example: '155612345-2-2021', test: re(/^[0-9A-Z]{5,20}$/) },
  NI: { example: 'J0310000000123', test: re(/^J\d{13}$/) },
  CL: { example: '76.123.456-K', test: re(/^\d{7,8}[0-9K]$/), format: (n) => `${n.slice(0, -1).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${n.slice(-1)}` },
  AR: { example: '30-71234567-1', test: re(/^\d{11}$/), format: (n) => `${n.slice(0, 2)}-${n.slice(2, 10)}-${n.slice(10)}` },
  DO: { example: '1-01-12345-6', test: re(/^\d{9}$/) },
};

const GENERIC: Rule = { example: 'A1234567', test: re(/^[0-9A-Z]{5,20}$/) };

/** Null when valid; otherwise the problem and an example of the expected shape. */
export function checkTaxId(country: Country, raw: string): { problem: TaxIdProblem; example: string } | null {
  const rule = RULES[country] ?? GENERIC;
  const problem = rule.test(normalizeTaxId(raw));
  return problem ? { problem, example: rule.example } : null;
}

/** The id as the country usually writes it (falls back to the normalised form). */
export function formatTaxId(country: Country, raw: string): string {
  const n = normalizeTaxId(raw);
  const rule = RULES[country] ?? GENERIC;
  return rule.format && !rule.test(n) ? rule.format(n) : n;
}
