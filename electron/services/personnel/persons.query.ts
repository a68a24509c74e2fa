import type { Db } from '../../store/db.ts';
import type { PersonQuery } from '../../../shared/commands/personnel.ts';
import type { PersonSortColumn } from '../../../shared/model/personnel.ts';
import { addDays } from '../../../shared/model/personnel.ts';
import { ftsQuery } from '../companies/companies.query.ts';
import { hydrateRow, ROW_COLUMNS, type PersonSqlRow } from './persons.repo.ts';

type Q = Required<Pick<PersonQuery, 'sort' | 'dir'>> & Omit<PersonQuery, 'sort' | 'dir'>;

const NAME = (dir: string) => `p.family_names COLLATE NOCASE ${dir}, p.given_names COLLATE NOCASE ${dir}, p.id ${dir}`;

/**
 * Sort keys map to fixed SQL (never user text), each ending in `id` so pages are stable, and each
 * matching an index in 0003_personnel exactly, so a page at 600,000 rows walks the index instead
 * of sorting. Expiry keeps NULLs last in both directions through two expression indexes.
 */
function orderBy(q: Q, reverse = false): string {
  const desc = (q.dir === 'desc') !== reverse;
  const dir = desc ? 'DESC' : 'ASC';
  switch (q.sort as PersonSortColumn) {
    case 'name': return NAME(dir);
    case 'nationalId': return `p.national_id_norm ${dir}, p.id ${dir}`;
    case 'role': return `p.role ${dir}, ${NAME(dir)}`;
    case 'credentialStatus': return `p.credential_status ${dir}, ${NAME(dir)}`;
    // NULLs last in the view; reversed for the far half, they come first and are read backwards.
    case 'credentialExpiresOn': return `p.credential_expires_on IS NULL ${reverse ? 'DESC' : 'ASC'}, p.credential_expires_on ${dir}, p.id ${dir}`;
    case 'updatedAt': return `p.updated_at ${dir}, p.id ${dir}`;
  }
}

function where(q: Q, today: string): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const fts = ftsQuery(q.search ?? '');
  if (fts) {
    // National ids match formatted ("2547 89641 0101") or bare ("2547896410101"): both are indexed.
    parts.push('p.rowid IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ?)');
    params.push(fts);
  }
  if (q.companyId) { parts.push('p.current_company_id = ?'); params.push(q.companyId); }
  if (q.role) { parts.push('p.role = ?'); params.push(q.role); }
  if (q.credentialStatus) { parts.push('p.credential_status = ?'); params.push(q.credentialStatus); }
  if (q.expiringWithinDays) {
    parts.push(`p.credential_expires_on >= ? AND p.credential_expires_on <= ? AND p.credential_status IN ('credentialed','active','inactive','suspended')`);
    params.push(today, addDays(today, q.expiringWithinDays));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * The table as the query names it. "Expiring within N days" is a narrow date range; without
 * statistics SQLite prefers the status index and reads every live person to test the date
 * (about a minute at 600,000 encrypted rows), so the range is pinned to the Due view's partial
 * index (migration 17), whose condition the filter repeats word for word: the count is then
 * answered from the index alone and a page sorts only the few thousand rows in the window.
 */
function source(q: Q): string {
  return q.expiringWithinDays ? 'persons p INDEXED BY persons_due_credential_id' : 'persons p';
}

/** True when the only filter is a search (then `where` has exactly the one MATCH parameter). */
function searchOnly(q: Q): boolean {
  return !!ftsQuery(q.search ?? '') && !q.companyId && !q.role && !q.credentialStatus && !q.expiringWithinDays;
}

/**
 * The SQL of one page, exported so the bench and tests can EXPLAIN it. `keys` finds the page's
 * row ids by walking an index alone (every index holds the rowid, so OFFSET skips index entries
 * without reading a single row or joining a company); `page` then reads just those rows. The
 * outer ORDER BY sorts at most one page.
 */
export function listSql(q: Q, today: string, reverse = false): { keys: string; page: string; count: string; params: unknown[] } {
  const w = where(q, today);
  const order = orderBy(q, reverse);
  const keys = `SELECT p.rowid AS k FROM ${source(q)} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
  return {
    keys,
    page: `SELECT ${ROW_COLUMNS} FROM (${keys}) AS pk CROSS JOIN persons p ON p.rowid = pk.k LEFT JOIN companies c ON c.id = p.current_company_id ORDER BY ${order}`,
    // A search alone is counted in the search index itself (one entry per person): counting through
    // the register would read every matching person's row, most of the time of a broad name search.
    count: searchOnly(q) ? 'SELECT count(*) AS n FROM persons_fts WHERE persons_fts MATCH ?' : `SELECT count(*) AS n FROM ${source(q)} ${w.sql}`,
    params: w.params,
  };
}

/**
 * One page of the personnel register plus the total for the pager; everything is done in SQL.
 * A page in the far half (the pager's "last page" at 600,000 rows) is read from the other end of
 * the same index in reverse order and flipped, so OFFSET never walks more than half the index.
 */
export function listPersons(db: Db, q: Q, offset: number, limit: number, today: string) {
  const s = listSql(q, today);
  const total = (db.prepare(s.count).get(...s.params) as { n: number }).n;
  if (offset >= total) return { rows: [], total };
  if (offset > total / 2) {
    const take = Math.min(limit, total - offset);
    const back = listSql(q, today, true);
    const rows = db.prepare(back.page).all(...back.params, take, total - offset - take) as PersonSqlRow[];
    return { rows: rows.reverse().map(hydrateRow), total };
  }
  const rows = db.prepare(s.page).all(...s.params, limit, offset) as PersonSqlRow[];
  return { rows: rows.map(hydrateRow), total };
}

/** Every row of a view, in order, for export (streamed from SQLite, not paged). */
export function* iteratePersons(db: Db, q: Q, today: string) {
  const w = where(q, today);
  const sql = `SELECT ${ROW_COLUMNS} FROM ${source(q)} LEFT JOIN companies c ON c.id = p.current_company_id ${w.sql} ORDER BY ${orderBy(q)}`;
  for (const r of db.prepare(sql).iterate(...w.params) as IterableIterator<PersonSqlRow>) yield hydrateRow(r);
}
