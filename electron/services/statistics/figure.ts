import type { Db } from '../../store/db.ts';
import type { StatisticsFilters } from '../../../shared/commands/statistics.ts';
import type { FigureData, FigureId } from '../../../shared/statistics/figures.ts';

export interface DrillRow { id: string; title: string; subtitle: string | null; date: string | null; status: string | null }

/**
 * One statistic: an SQL aggregate and the list behind each of its bars. Both take the same
 * filters, so a bar's value always equals the drill-down's total.
 */
export interface FigureModule {
  id: FigureId;
  compute(db: Db, f: StatisticsFilters, env: FigureEnv): FigureData;
  drill(db: Db, f: StatisticsFilters, category: string, series: string | null, offset: number, limit: number, env: FigureEnv): { rows: DrillRow[]; total: number };
}

/** What a figure may need besides its filters: today's date (from the clock, so tests can fix it). */
export interface FigureEnv { today: string }

/** A WHERE fragment and its parameters. */
export interface Where { sql: string; params: unknown[] }

export function and(...ws: (Where | null)[]): Where {
  const parts = ws.filter((w): w is Where => !!w && w.sql !== '');
  return { sql: parts.length ? parts.map((w) => `(${w.sql})`).join(' AND ') : '1', params: parts.flatMap((w) => w.params) };
}

/** The period on a date or date-time column; `to` includes its whole day. */
export function period(column: string, f: StatisticsFilters): Where | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.from) { parts.push(`${column} >= ?`); params.push(f.from); }
  if (f.to) { parts.push(`${column} <= ?`); params.push(`${f.to}T99`); }
  return parts.length ? { sql: parts.join(' AND '), params } : null;
}

export function eq(column: string, value: unknown): Where | null {
  return value == null ? null : { sql: `${column} = ?`, params: [value] };
}

/** Rows of `(category, n)` in a single-series figure, in the order given or by count. */
export function single(id: FigureId, rows: { k: string | null; n: number }[], total: number, order?: readonly string[]): FigureData {
  const m = new Map(rows.map((r) => [r.k ?? '', r.n]));
  const categories = order ? order.filter((k) => m.has(k)) : rows.map((r) => r.k ?? '');
  return { id, categories, series: ['count'], values: [categories.map((c) => m.get(c) ?? 0)], total };
}

/** Rows of `(category, series, n)` as a stacked figure; categories sorted, series in the order given. */
export function stacked(id: FigureId, rows: { k: string; s: string; n: number }[], total: number, seriesOrder: readonly string[]): FigureData {
  const categories = [...new Set(rows.map((r) => r.k))].sort();
  const series = seriesOrder.filter((s) => rows.some((r) => r.s === s));
  const values = series.map((s) => categories.map((c) => rows.find((r) => r.k === c && r.s === s)?.n ?? 0));
  return { id, categories, series, values, total };
}

export function page<T>(db: Db, select: string, countSql: string, params: unknown[], offset: number, limit: number, map: (r: T) => DrillRow) {
  const rows = (db.prepare(`${select} LIMIT ? OFFSET ?`).all(...params, limit, offset) as T[]).map(map);
  const total = (db.prepare(countSql).get(...params) as { n: number }).n;
  return { rows, total };
}
