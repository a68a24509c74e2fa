import type { Db } from '../../store/db.ts';
import type { DueRow } from '../../../shared/commands/due.ts';
import { addDays, DUE_KINDS, type DueKind, type DueWindow } from '../../../shared/model/due.ts';
import type { DueSource } from './source.ts';
import { DUE_SOURCES } from './sources/index.ts';

interface DueSqlRow {
  kind: DueKind; entity_type: DueRow['entityType']; entity_id: string; company_id: string | null; company_name: string | null;
  subject: string; subject_is_key: number; reference: string | null; due_on: string;
}

/** One source as a SELECT of the uniform columns, restricted to `@lo ≤ due ≤ @hi` (and a company). */
function select(s: DueSource, byCompany: boolean): string {
  return `SELECT '${s.kind}' AS kind, '${s.entityType}' AS entity_type, ${s.entityId} AS entity_id, ${s.companyId} AS company_id,
    ${s.companyName} AS company_name, ${s.subject} AS subject, ${s.subjectIsKey ? 1 : 0} AS subject_is_key, ${s.reference} AS reference, ${s.due} AS due_on
    ${s.from} WHERE (${s.where}) AND ${s.due} BETWEEN @lo AND @hi${byCompany ? ` AND ${s.companyId} = @companyId` : ''}`;
}

/**
 * How many rows of one source fall in `@lo ≤ due ≤ @hi`: only the base condition and the range,
 * so SQLite counts entries of the source's partial date index.
 */
function countSql(s: DueSource, byCompany: boolean, lo = '@lo', hi = '@hi'): string {
  // Only the source's own table: its where, due and companyId use that alias alone, and the joins
  // (to a parent by foreign key) add no rows; with them SQLite would not use the index as covering.
  const table = s.from.split(/\s+(?:LEFT\s+)?JOIN\s/)[0] + (s.countIndex ? ` INDEXED BY ${s.countIndex}` : '');
  return `SELECT count(*) ${table} WHERE (${s.where}) AND ${s.due} BETWEEN ${lo} AND ${hi}${byCompany ? ` AND ${s.companyId} = @companyId` : ''}`;
}

function range(window: DueWindow, today: string): { lo: string; hi: string } {
  // Overdue reaches back without limit: a guarantee that lapsed years ago is still a problem today.
  if (window === 'overdue') return { lo: '0000-01-01', hi: addDays(today, -1) };
  return { lo: today, hi: addDays(today, Number(window)) };
}

export interface DueFilter {
  window: DueWindow;
  kinds: DueKind[];
  companyId?: string | null;
}

function union(f: DueFilter): string {
  const kinds = f.kinds.length ? f.kinds : [...DUE_KINDS];
  return kinds.map((k) => select(DUE_SOURCES[k], !!f.companyId)).join('\nUNION ALL\n');
}

function params(f: DueFilter, today: string) {
  return { ...range(f.window, today), today, ...(f.companyId ? { companyId: f.companyId } : {}) };
}

export function hydrateDue(r: DueSqlRow, today: string): DueRow {
  return {
    kind: r.kind, entityType: r.entity_type, entityId: r.entity_id, companyId: r.company_id, companyName: r.company_name,
    subject: r.subject, subjectIsKey: r.subject_is_key === 1, reference: r.reference, dueOn: r.due_on,
    daysLeft: Math.round((Date.parse(`${r.due_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
  };
}

/**
 * One page of the Due view, soonest first. Each source is asked only for its first
 * `offset + limit` rows in date order (walking its date index), so a page never sorts a whole
 * 90-day window of 600,000 credentials; the page is then cut from that small union.
 */
export function listDue(db: Db, f: DueFilter, offset: number, limit: number, today: string) {
  const kinds = f.kinds.length ? f.kinds : [...DUE_KINDS];
  const p = params(f, today);
  const top = kinds.map((k) => `SELECT * FROM (${select(DUE_SOURCES[k], !!f.companyId)} ORDER BY due_on, entity_id LIMIT @top)`).join('\nUNION ALL\n');
  const rows = db.prepare(`SELECT * FROM (${top}) ORDER BY due_on, kind, entity_id LIMIT @limit OFFSET @offset`).all({ ...p, top: offset + limit, limit, offset }) as DueSqlRow[];
  // The total is a sum of one bare range count per source (its partial index alone, no joins, no
  // columns built), not a count over the whole union, which would build every row of the window.
  const total = kinds.reduce((n, k) => n + (db.prepare(countSql(DUE_SOURCES[k], !!f.companyId)).pluck().get(p) as number), 0);
  return { rows: rows.map((r) => hydrateDue(r, today)), total };
}

/** Every row of a view, for export. */
export function* iterateDue(db: Db, f: DueFilter, today: string) {
  for (const r of db.prepare(`SELECT * FROM (${union(f)}) ORDER BY due_on, kind, entity_id`).iterate(params(f, today)) as IterableIterator<DueSqlRow>) {
    yield hydrateDue(r, today);
  }
}

/**
 * Per kind: overdue and due within 30, 60, 90 days (cumulative). One statement per source of four
 * bare range counts on its date index, so the home screen never builds a row or reads the table.
 */
export function countDue(db: Db, today: string, companyId?: string | null) {
  const p = { today, yesterday: addDays(today, -1), lo: '0000-01-01', d30: addDays(today, 30), d60: addDays(today, 60), d90: addDays(today, 90), ...(companyId ? { companyId } : {}) };
  return DUE_KINDS.map((kind) => {
    const s = DUE_SOURCES[kind];
    const c = (lo: string, hi: string) => `(${countSql(s, !!companyId, lo, hi)})`;
    const r = db.prepare(`SELECT ${c('@lo', '@yesterday')} AS overdue, ${c('@today', '@d30')} AS d30, ${c('@today', '@d60')} AS d60, ${c('@today', '@d90')} AS d90`)
      .get(p) as { overdue: number; d30: number; d60: number; d90: number };
    return { kind, overdue: r.overdue, d30: r.d30, d60: r.d60, d90: r.d90 };
  });
}
