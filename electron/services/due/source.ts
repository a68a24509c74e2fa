import type { DueEntityType, DueKind } from '../../../shared/model/due.ts';

/**
 * One kind of deadline in the Due view: a table, a base condition and a date expression.
 * The query builder wraps it as `SELECT <uniform columns> FROM … WHERE <where> AND <due> BETWEEN @lo AND @hi`,
 * so every source is one indexed SQL query and the view stays a UNION ALL of them.
 * Expressions are fixed SQL written here, never user text.
 */
export interface DueSource {
  kind: DueKind;
  entityType: DueEntityType;
  /** `FROM …` with any joins. */
  from: string;
  /** Base condition (e.g. only active licences), without the date range. With `due` and `companyId`, uses only the first table of `from` (counts skip the joins). */
  where: string;
  /** The date (ISO text) the item falls due on. May use `@today`. */
  due: string;
  /**
   * The partial date index counts must use (`INDEXED BY`): on persons, SQLite's planner otherwise
   * picks personnel's non-covering expiry index and reads the table for every row of the window.
   */
  countIndex?: string;
  entityId: string;
  companyId: string;
  companyName: string;
  /** What is due, as text. With `subjectIsKey`, a catalogue key the screen translates. */
  subject: string;
  subjectIsKey?: boolean;
  reference: string;
}
