/**
 * Official numbers made from an agency's pattern: credential numbers (`CRED-{year}-{seq:6}`),
 * licence numbers (`DIGESSP-EPS-{year}-{seq:4}`). Tokens: `{year}` (4 digits), `{yy}`,
 * `{month}` (2 digits), `{seq}` or `{seq:N}` (the counter, zero-padded to N). Everything else
 * is copied as written. The counter restarts with each period the pattern names (a pattern with
 * `{year}` counts per year; one with `{year}` and `{month}` per month; one with neither, forever).
 * Pitfall: the counter lives in the database (`electron/store/sequences.ts`); this file only
 * formats and validates, so the renderer can preview a pattern without I/O.
 */
const TOKEN = /\{(year|yy|month|seq)(?::(\d{1,2}))?\}/g;

export type PatternProblem = 'noSeq' | 'twoSeq' | 'badToken' | 'badChars' | 'tooLong';

/** Null when `pattern` is usable; otherwise what is wrong with it. */
export function checkNumberPattern(pattern: string): PatternProblem | null {
  if (pattern.length === 0 || pattern.length > 60) return 'tooLong';
  const tokens = [...pattern.matchAll(TOKEN)];
  const seqs = tokens.filter((t) => t[1] === 'seq');
  if (seqs.length === 0) return 'noSeq';
  if (seqs.length > 1) return 'twoSeq';
  if (tokens.some((t) => t[1] !== 'seq' && t[2] !== undefined)) return 'badToken';
  if (seqs[0][2] !== undefined && (Number(seqs[0][2]) < 1 || Number(seqs[0][2]) > 12)) return 'badToken';
  const literal = pattern.replace(TOKEN, '');
  if (/[{}]/.test(literal)) return 'badToken';
  if (!/^[A-Za-z0-9\-/_. ]*$/.test(literal)) return 'badChars';
  return null;
}

/** Which counter a number made on `date` (YYYY-MM-DD) draws from: resets follow the pattern. */
export function sequenceScope(pattern: string, date: string): string {
  const year = /\{(year|yy)\}/.test(pattern);
  const month = /\{month\}/.test(pattern);
  if (year && month) return date.slice(0, 7);
  if (year) return date.slice(0, 4);
  return 'all';
}

/** The number for counter value `seq` on `date` (YYYY-MM-DD). */
export function formatNumber(pattern: string, date: string, seq: number): string {
  return pattern.replace(TOKEN, (_m, name: string, width?: string) => {
    switch (name) {
      case 'year': return date.slice(0, 4);
      case 'yy': return date.slice(2, 4);
      case 'month': return date.slice(5, 7);
      default: return String(seq).padStart(width ? Number(width) : 1, '0');
    }
  });
}
