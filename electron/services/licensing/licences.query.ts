import type { Db } from '../../store/db.ts';
import type { LicenceQuery } from '../../../shared/commands/licensing.ts';
import { APPLICATION_STATES } from '../../../shared/model/licenceLifecycle.ts';
import { DUE_SOON_DAYS } from '../../../shared/model/processingClock.ts';
import { ftsQuery } from '../companies/companies.query.ts';
import { CLOCK_STATES_SQL, REMAINING_SQL } from './clock.sql.ts';
import { hydrateLicenceRow, LICENCE_SELECT, type LicenceSqlRow } from './licences.repo.ts';

type Q = Required<Pick<LicenceQuery, 'sort' | 'dir'>> & Omit<LicenceQuery, 'sort' | 'dir'>;

/** Sort keys map to fixed SQL, each ending in `l.id` so pages are stable. */
const ORDER: Record<NonNullable<LicenceQuery['sort']>, string> = {
  createdAt: 'l.created_at',
  companyName: 'c.legal_name COLLATE NOCASE',
  state: 'l.state',
  number: 'l.number',
  expiresOn: 'l.expires_on',
  remainingDays: REMAINING_SQL,
};

function where(q: Q): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const fts = ftsQuery(q.search ?? '');
  if (fts) {
    // A licence number or the company's name, trade name or tax id.
    parts.push(`(l.company_id IN (SELECT id FROM companies WHERE rowid IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH @fts))
      OR l.number LIKE @numberLike ESCAPE '!')`);
    params.fts = fts;
    params.numberLike = `%${(q.search ?? '').trim().replace(/[%_!]/g, (m) => `!${m}`)}%`;
  }
  if (q.state) { parts.push('l.state = @state'); params.state = q.state; }
  if (q.stage === 'application') parts.push(`l.state IN (${APPLICATION_STATES.map((s) => `'${s}'`).join(',')})`);
  if (q.stage === 'licence') parts.push(`l.state NOT IN (${APPLICATION_STATES.map((s) => `'${s}'`).join(',')}, 'refused')`);
  if (q.companyId) { parts.push('l.company_id = @companyId'); params.companyId = q.companyId; }
  if (q.typeId) { parts.push('l.type_id = @typeId'); params.typeId = q.typeId; }
  if (q.queue === 'overdue') parts.push(`${CLOCK_STATES_SQL} AND ${REMAINING_SQL} < 0`);
  if (q.queue === 'dueSoon') { parts.push(`${CLOCK_STATES_SQL} AND ${REMAINING_SQL} BETWEEN 0 AND @soon`); params.soon = DUE_SOON_DAYS; }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of applications and licences with their processing clocks; everything in SQL. */
export function listLicences(db: Db, q: Q, offset: number, limit: number, today: string) {
  const w = where(q);
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const col = ORDER[q.sort];
  const nullable = q.sort === 'number' || q.sort === 'expiresOn' || q.sort === 'remainingDays';
  const order = `${nullable ? `(${col}) IS NULL, ` : ''}${col} ${dir}, l.id ${dir}`;
  const params = { ...w.params, today, limit, offset };
  const rows = db.prepare(`${LICENCE_SELECT} ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as LicenceSqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM licences l JOIN companies c ON c.id = l.company_id ${w.sql}`).get({ ...w.params, today }) as { n: number }).n;
  return { rows: rows.map((r) => hydrateLicenceRow(r, today)), total };
}
