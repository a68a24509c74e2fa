import type { Db } from './db.ts';
import { formatNumber, sequenceScope } from '../../shared/model/numberPattern.ts';

/**
 * The next official number from `pattern` for the counter `name` (e.g. `credential`,
 * `licence`) on `date` (YYYY-MM-DD). Must run inside the caller's write transaction, so a
 * refused command gives its number back. `taken` says whether a candidate already exists
 * (an agency that changed its pattern may otherwise reproduce an old number): such numbers are
 * skipped, never reused.
 */
export function nextPatternNumber(db: Db, name: string, pattern: string, date: string, taken: (candidate: string) => boolean): string {
  const scope = sequenceScope(pattern, date);
  const row = db.prepare('SELECT last FROM number_sequences WHERE name = ? AND scope = ?').get(name, scope) as { last: number } | undefined;
  let seq = (row?.last ?? 0) + 1;
  let candidate = formatNumber(pattern, date, seq);
  for (let guard = 0; taken(candidate); guard++) {
    if (guard > 100_000) throw new Error(`no free number for pattern ${pattern}`);
    seq++;
    candidate = formatNumber(pattern, date, seq);
  }
  db.prepare('INSERT INTO number_sequences (name, scope, last) VALUES (?, ?, ?) ON CONFLICT(name, scope) DO UPDATE SET last = excluded.last')
    .run(name, scope, seq);
  return candidate;
}
