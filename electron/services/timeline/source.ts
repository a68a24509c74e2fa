import type { Db } from '../../store/db.ts';
import type { TimelineItem } from '../../../shared/commands/due.ts';

/**
 * One kind of event in a company's timeline. `read` returns that source's newest items up to
 * `before` (exclusive), at most `limit`; the timeline merges the sources by time. Another area
 * adds a file in `sources/` and one line in `sources/index.ts`.
 */
export interface TimelineSource {
  id: string;
  read(db: Db, companyId: string, limit: number, offset: number): TimelineItem[];
}
