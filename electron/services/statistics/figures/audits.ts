import { FINDING_SEVERITIES } from '../../../../shared/model/findingLifecycle.ts';
import type { StatisticsFilters } from '../../../../shared/commands/statistics.ts';
import { and, page, period, single, stacked, type FigureModule, type Where } from '../figure.ts';

/** Inspections and findings (audits area); region = the inspected company's city. */
const companyIn = (col: string, f: StatisticsFilters): Where | null =>
  f.region ? { sql: `${col} IN (SELECT id FROM companies WHERE city = ?)`, params: [f.region] } : null;

const BAND = `CASE WHEN i.score < 50 THEN 'band0_49' WHEN i.score < 70 THEN 'band50_69' WHEN i.score < 85 THEN 'band70_84' ELSE 'band85_100' END`;
const inspWhere = (f: StatisticsFilters) => and({ sql: 'i.score IS NOT NULL', params: [] }, period('coalesce(i.scheduled_date, i.planned_date)', f), companyIn('i.company_id', f));
const inspDrill = 'SELECT i.id, i.reference, i.score, i.status, coalesce(i.scheduled_date, i.planned_date) AS d, c.legal_name AS company FROM inspections i JOIN companies c ON c.id = i.company_id';

/** Scored inspections by score band, in the period of their date. */
export const inspectionScores: FigureModule = {
  id: 'inspectionScores',
  compute(db, f) {
    const w = inspWhere(f);
    const rows = db.prepare(`SELECT ${BAND} AS k, count(*) AS n FROM inspections i WHERE ${w.sql} GROUP BY k`).all(...w.params) as { k: string; n: number }[];
    return single('inspectionScores', rows, rows.reduce((s, r) => s + r.n, 0), ['band0_49', 'band50_69', 'band70_84', 'band85_100']);
  },
  drill(db, f, category, _s, offset, limit) {
    const w = and(inspWhere(f), { sql: `${BAND} = ?`, params: [category] });
    return page(db, `${inspDrill} WHERE ${w.sql} ORDER BY i.score, i.id`, `SELECT count(*) AS n FROM inspections i WHERE ${w.sql}`, w.params, offset, limit,
      (r: { id: string; reference: string; score: number; status: string; d: string; company: string }) => ({ id: r.id, title: `${r.reference} · ${r.company}`, subtitle: `${Math.round(r.score)} / 100`, date: r.d, status: r.status }));
  },
};

/** Findings still open (not verified or closed) by severity, stacked by age since raised (as of today). */
const AGE = `CASE WHEN julianday(?) - julianday(x.created_at) <= 30 THEN 'age0_30' WHEN julianday(?) - julianday(x.created_at) <= 90 THEN 'age31_90' ELSE 'age91plus' END`;
const findWhere = (f: StatisticsFilters) => and({ sql: `x.status NOT IN ('verified', 'closed')`, params: [] }, companyIn('x.company_id', f));
export const findingsBySeverity: FigureModule = {
  id: 'findingsBySeverity',
  compute(db, f, env) {
    const w = findWhere(f);
    const rows = db.prepare(`SELECT x.severity AS k, ${AGE} AS s, count(*) AS n FROM findings x WHERE ${w.sql} GROUP BY k, s`).all(env.today, env.today, ...w.params) as { k: string; s: string; n: number }[];
    const data = stacked('findingsBySeverity', rows, rows.reduce((s, r) => s + r.n, 0), ['age0_30', 'age31_90', 'age91plus']);
    // Severities in their order of gravity, not alphabetically.
    const order = FINDING_SEVERITIES.filter((s) => data.categories.includes(s));
    return { ...data, categories: order, values: data.values.map((v) => order.map((c) => v[data.categories.indexOf(c)]!)) };
  },
  drill(db, f, category, series, offset, limit, env) {
    const w = and(findWhere(f), { sql: 'x.severity = ?', params: [category] }, series ? { sql: `${AGE} = ?`, params: [env.today, env.today, series] } : null);
    return page(db, `SELECT x.id, x.inspection_id, x.title, x.status, x.created_at, c.legal_name AS company FROM findings x JOIN companies c ON c.id = x.company_id WHERE ${w.sql} ORDER BY x.created_at, x.id`,
      `SELECT count(*) AS n FROM findings x WHERE ${w.sql}`, w.params, offset, limit,
      (r: { id: string; inspection_id: string; title: string; status: string; created_at: string; company: string }) => ({ id: r.inspection_id, title: r.title, subtitle: r.company, date: r.created_at.slice(0, 10), status: r.status }));
  },
};
