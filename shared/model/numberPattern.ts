/**
 * Register numbers made from a pattern the agency chooses, e.g. `DIGESSP-EPS-{year}-{seq:4}`
 * gives `DIGESSP-EPS-2026-0007`. Tokens: `{year}` (four digits), `{seq}` (no padding) or
 * `{seq:N}` (zero-padded to N digits, 1–9). Exactly one sequence token is required, so two
 * numbers of the same pattern and year can only differ by their sequence.
 * Shared by licences (licensing) and credentials (personnel).
 */
export const PATTERN_MAX_LENGTH = 80;

const TOKEN = /\{(year|seq)(?::(\d+))?\}/g;

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

/** Whether the pattern restarts its sequence every year (it prints the year). */
export function patternUsesYear(pattern: string): boolean {
  return /\{year\}/.test(pattern);
}

/** The number for one sequence value. A sequence wider than its padding is printed in full. */
export function formatNumber(pattern: string, v: { year: number; seq: number }): string {
  return pattern.replace(TOKEN, (_m, name: string, pad?: string) => {
    if (name === 'year') return String(v.year).padStart(4, '0');
    return pad ? String(v.seq).padStart(Number(pad), '0') : String(v.seq);
  });
}
