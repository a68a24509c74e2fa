import type { Db } from '../../store/db.ts';
import type { TimelineItem } from '../../../shared/commands/due.ts';
import { TIMELINE_SOURCES } from './sources/index.ts';

/**
 * A page of a company's timeline, newest first, merged from every source. Each source is
 * asked for its first `offset + limit + 1` items (all a merged page can need), so paging stays
 * correct without loading a source's whole history.
 */
export function companyTimeline(db: Db, companyId: string, offset: number, limit: number): { items: TimelineItem[]; hasMore: boolean } {
  const need = offset + limit + 1;
  const all = TIMELINE_SOURCES.flatMap((s) => s.read(db, companyId, need, 0));
  all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { items: all.slice(offset, offset + limit), hasMore: all.length > offset + limit };
}
