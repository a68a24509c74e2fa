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
  /** Base condition (e.g. only active licences), without the date range. */
  where: string;
  /** The date (ISO text) the item falls due on. May use `@today`. */
  due: string;
  entityId: string;
  companyId: string;
  companyName: string;
  /** What is due, as text. With `subjectIsKey`, a catalogue key the screen translates. */
  subject: string;
  subjectIsKey?: boolean;
  reference: string;
}
