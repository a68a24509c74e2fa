import { ICOCA_STATUSES } from '../../../../shared/model/company.ts';
import { and, eq, page, single, type FigureModule, type Where } from '../figure.ts';
import type { StatisticsFilters } from '../../../../shared/commands/statistics.ts';

/** Companies are a snapshot of the register today: the region filter applies (their city), the period does not. */
function base(f: StatisticsFilters): Where {
  return and(eq('c.city', f.region));
}

interface CRow { id: string; legal_name: string; city: string | null; created_at: string; icoca_status: string }
const drillSelect = 'SELECT c.id, c.legal_name, c.city, c.created_at, c.icoca_status FROM companies c';
const toRow = (r: CRow) => ({ id: r.id, title: r.legal_name, subtitle: r.city, date: r.created_at.slice(0, 10), status: r.icoca_status });

function drillWhere(f: StatisticsFilters, extra: Where) {
  return and(base(f), extra);
}

export const companiesByRegion: FigureModule = {
  id: 'companiesByRegion',
  compute(db, f) {
    const w = base(f);
    const rows = db.prepare(`SELECT coalesce(c.city, '') AS k, count(*) AS n FROM companies c WHERE ${w.sql} GROUP BY k ORDER BY n DESC, k`).all(...w.params) as { k: string; n: number }[];
    return single('companiesByRegion', rows, rows.reduce((s, r) => s + r.n, 0));
  },
  drill(db, f, category, _s, offset, limit) {
    const w = drillWhere(f, { sql: `coalesce(c.city, '') = ?`, params: [category] });
    return page(db, `${drillSelect} WHERE ${w.sql} ORDER BY c.legal_name COLLATE NOCASE, c.id`, `SELECT count(*) AS n FROM companies c WHERE ${w.sql}`, w.params, offset, limit, toRow);
  },
};

export const companiesByIcoca: FigureModule = {
  id: 'companiesByIcoca',
  compute(db, f) {
    const w = base(f);
    const rows = db.prepare(`SELECT c.icoca_status AS k, count(*) AS n FROM companies c WHERE ${w.sql} GROUP BY k`).all(...w.params) as { k: string; n: number }[];
    return single('companiesByIcoca', rows, rows.reduce((s, r) => s + r.n, 0), ICOCA_STATUSES);
  },
  drill(db, f, category, _s, offset, limit) {
    const w = drillWhere(f, { sql: 'c.icoca_status = ?', params: [category] });
    return page(db, `${drillSelect} WHERE ${w.sql} ORDER BY c.legal_name COLLATE NOCASE, c.id`, `SELECT count(*) AS n FROM companies c WHERE ${w.sql}`, w.params, offset, limit, toRow);
  },
};
