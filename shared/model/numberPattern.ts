/**
 * Official numbers made from a pattern the agency chooses: credential numbers (`CRED-{year}-{seq:6}`),
 * licence numbers (`DIGESSP-EPS-{year}-{seq:4}` gives `DIGESSP-EPS-2026-0007`). Tokens: `{year}`
 * (4 digits), `{yy}`, `{month}` (2 digits), `{seq}` or `{seq:N}` (the counter, zero-padded to N,
 * 1–9; a counter wider than its padding is printed in full). Everything else is copied as written.
 * Exactly one sequence token is required, so two numbers of the same pattern and period can only
 * differ by their sequence. The counter restarts with each period the pattern names (`{year}`:
 * per year; `{year}` and `{month}`: per month; neither: never).
 * Pitfall: the counter lives in the database (`electron/store/sequences.ts`); this file only
 * formats and validates, so the renderer can preview a pattern without I/O.
 */
export const PATTERN_MAX_LENGTH = 80;

const TOKEN = /\{(year|yy|month|seq)(?::(\d+))?\}/g;

export type PatternProblem = 'empty' | 'tooLong' | 'noSeq' | 'twoSeq' | 'badToken' | 'badPadding' | 'badChars';

/** Why a pattern cannot be used, or null when it is fine. Problems map to `validation.pattern.<problem>`. */
export function validatePattern(pattern: string): PatternProblem | null {
  if (!pattern.trim()) return 'empty';
  if (pattern.length > PATTERN_MAX_LENGTH) return 'tooLong';
  const stripped = pattern.replace(TOKEN, '');
  if (/[{}]/.test(stripped)) return 'badToken';
  // Numbers are printed on certificates and typed by officers: letters, digits and simple separators only.
  if (!/^[A-Za-z0-9\-_/. ]*$/.test(stripped)) return 'badChars';
  let seqs = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    if (m[1] === 'seq') {
      seqs++;
      if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 9)) return 'badPadding';
    } else if (m[2] !== undefined) return 'badToken';
  }
  if (seqs === 0) return 'noSeq';
  if (seqs > 1) return 'twoSeq';
  return null;
}

/** Same check, for callers that only need yes or no. */
export const checkNumberPattern = validatePattern;

/** Whether the pattern restarts its sequence every year (it prints the year). */
export function patternUsesYear(pattern: string): boolean {
  return /\{(year|yy)\}/.test(pattern);
}

/** Which counter a number made on `date` (YYYY-MM-DD) draws from: resets follow the pattern. */
export function sequenceScope(pattern: string, date: string): string {
  const year = patternUsesYear(pattern);
  const month = /\{month\}/.test(pattern);
  if (year && month) return date.slice(0, 7);
  if (year) return date.slice(0, 4);
  return 'all';
}

/**
 * The number for counter value `seq` made on `date` (YYYY-MM-DD); the older form
 * `formatNumber(pattern, { year, seq })` is kept for callers that only know the year.
 */
export function formatNumber(pattern: string, date: string | { year: number; seq: number }, seq?: number): string {
  const d = typeof date === 'string' ? date : `${String(date.year).padStart(4, '0')}-01-01`;
  const n = typeof date === 'string' ? seq ?? 0 : date.seq;
  return pattern.replace(TOKEN, (_m, name: string, pad?: string) => {
    switch (name) {
      case 'year': return d.slice(0, 4);
      case 'yy': return d.slice(2, 4);
      case 'month': return d.slice(5, 7);
      default: return pad ? String(n).padStart(Number(pad), '0') : String(n);
    }
  });
}
