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
  const total = (db.prepare(`SELECT count(*) AS n FROM (${union(f)})`).get(p) as { n: number }).n;
  return { rows: rows.map((r) => hydrateDue(r, today)), total };
}

/** Every row of a view, for export. */
export function* iterateDue(db: Db, f: DueFilter, today: string) {
  for (const r of db.prepare(`SELECT * FROM (${union(f)}) ORDER BY due_on, kind, entity_id`).iterate(params(f, today)) as IterableIterator<DueSqlRow>) {
    yield hydrateDue(r, today);
  }
}

/** Per kind: overdue and due within 30, 60, 90 days (cumulative), one query per source. */
export function countDue(db: Db, today: string, companyId?: string | null) {
  const d30 = addDays(today, 30);
  const d60 = addDays(today, 60);
  const d90 = addDays(today, 90);
  return DUE_KINDS.map((kind) => {
    const s = select(DUE_SOURCES[kind], !!companyId);
    const r = db.prepare(`SELECT count(*) FILTER (WHERE due_on < @today) AS overdue, count(*) FILTER (WHERE due_on >= @today AND due_on <= @d30) AS d30,
      count(*) FILTER (WHERE due_on >= @today AND due_on <= @d60) AS d60, count(*) FILTER (WHERE due_on >= @today) AS d90 FROM (${s})`)
      .get({ lo: '0000-01-01', hi: d90, today, d30, d60, ...(companyId ? { companyId } : {}) }) as { overdue: number; d30: number; d60: number; d90: number };
    return { kind, overdue: r.overdue, d30: r.d30, d60: r.d60, d90: r.d90 };
  });
}
