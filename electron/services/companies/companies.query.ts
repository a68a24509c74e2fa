import type { Db } from '../../store/db.ts';
import type { CompanyQuery } from '../../../shared/commands/companies.ts';
import type { CompanySortColumn } from '../../../shared/model/company.ts';
import { hydrateRow, type CompanySqlRow } from './companies.repo.ts';

/** Sort keys map to fixed SQL (never user text), each ending in `id` so pages are stable. */
const NULLABLE = new Set<CompanySortColumn>(['tradeName', 'city', 'guaranteeExpiry', 'insuranceExpiry']);
const ORDER: Record<CompanySortColumn, string> = {
  legalName: 'c.legal_name COLLATE NOCASE',
  tradeName: 'c.trade_name COLLATE NOCASE',
  taxId: 'c.tax_id_norm',
  country: 'c.country',
  city: 'c.city COLLATE NOCASE',
  armed: 'c.armed',
  icocaStatus: 'c.icoca_status',
  guaranteeExpiry: 'c.guarantee_expiry',
  insuranceExpiry: 'c.insurance_expiry',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

/**
 * Turns what an officer types into a safe FTS5 query: every word becomes a quoted prefix
 * term, so `seg. quetz` finds "Seguridad Quetzal" and no FTS syntax can be injected.
 */
export function ftsQuery(search: string): string | null {
  const words = search.normalize('NFKC').split(/[\s,;:()"'*^+\-./\\]+/u).filter((w) => w.length > 0).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
}

type Q = Required<Pick<CompanyQuery, 'sort' | 'dir'>> & Omit<CompanyQuery, 'sort' | 'dir'>;

function where(q: Q): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const fts = ftsQuery(q.search ?? '');
  if (fts) {
    // Tax ids are also matched without punctuation, as officers type them both ways.
    parts.push('c.rowid IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?)');
    params.push(fts);
  }
  if (q.country) { parts.push('c.country = ?'); params.push(q.country); }
  if (q.armed !== null && q.armed !== undefined) { parts.push('c.armed = ?'); params.push(q.armed ? 1 : 0); }
  if (q.icocaStatus) { parts.push('c.icoca_status = ?'); params.push(q.icocaStatus); }
  if (q.serviceType) { parts.push('EXISTS (SELECT 1 FROM json_each(c.service_types) WHERE value = ?)'); params.push(q.serviceType); }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * NULLs last whichever the direction (an officer sorting by expiry wants real dates first);
 * the extra term only for nullable columns, so the others can walk their index.
 */
function orderBy(q: Q): string {
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const col = ORDER[q.sort];
  return `${NULLABLE.has(q.sort) ? `${col} IS NULL, ` : ''}${col} ${dir}, c.id ${dir}`;
}

/** One page of the register plus the total for the pager; everything is done in SQL. */
export function listCompanies(db: Db, q: Q, offset: number, limit: number) {
  const w = where(q);
  const order = orderBy(q);
  const rows = db.prepare(`SELECT c.* FROM companies c ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.params, limit, offset) as CompanySqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM companies c ${w.sql}`).get(...w.params) as { n: number }).n;
  return { rows: rows.map(hydrateRow), total };
}

/** Every row of a view, in order, for export (streamed from SQLite, not paged). */
export function* iterateCompanies(db: Db, q: Q) {
  const w = where(q);
  const order = orderBy(q);
  for (const r of db.prepare(`SELECT c.* FROM companies c ${w.sql} ORDER BY ${order}`).iterate(...w.params) as IterableIterator<CompanySqlRow>) {
    yield hydrateRow(r);
  }
}

/** Id, legal name and tax id of every company, by name (accents and case folded as the list sorts them). */
export function companyNames(db: Db): { id: string; legalName: string; taxId: string }[] {
  return db.prepare('SELECT id, legal_name AS legalName, tax_id AS taxId FROM companies ORDER BY legal_name COLLATE NOCASE, id').all() as { id: string; legalName: string; taxId: string }[];
}
