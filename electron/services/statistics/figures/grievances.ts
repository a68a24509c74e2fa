import { GRIEVANCE_CATEGORIES, GRIEVANCE_STATUSES } from '../../../../shared/model/grievance.ts';
import type { StatisticsFilters } from '../../../../shared/commands/statistics.ts';
import type { Db } from '../../../store/db.ts';
import { and, page, period, single, type FigureModule, type Where } from '../figure.ts';

/** Grievances count by the day they were received; the region is that of the company concerned (its city). */
export function grievanceWhere(f: StatisticsFilters): Where {
  return and(period('g.received_at', f), f.region ? { sql: 'g.company_id IN (SELECT id FROM companies WHERE city = ?)', params: [f.region] } : null);
}

interface GRow { id: string; reference_code: string; company_name: string | null; category: string; received_at: string; status: string }

/** Drill rows show the reference code, company and category: never anything about the complainant. */
function drill(db: Db, f: StatisticsFilters, extra: Where, offset: number, limit: number) {
  const w = and(grievanceWhere(f), extra);
  return page(db,
    `SELECT g.id, g.reference_code, c.legal_name AS company_name, g.category, g.received_at, g.status FROM grievances g LEFT JOIN companies c ON c.id = g.company_id WHERE ${w.sql} ORDER BY g.received_at DESC, g.id DESC`,
    `SELECT count(*) AS n FROM grievances g WHERE ${w.sql}`, w.params, offset, limit,
    (r: GRow) => ({ id: r.id, title: r.reference_code, subtitle: r.company_name, date: r.received_at, status: r.status }));
}

function byColumn(id: 'grievancesByCategory' | 'grievancesByStatus', column: string, order: readonly string[]): FigureModule {
  return {
    id,
    compute(db, f) {
      const w = grievanceWhere(f);
      const rows = db.prepare(`SELECT ${column} AS k, count(*) AS n FROM grievances g WHERE ${w.sql} GROUP BY k`).all(...w.params) as { k: string; n: number }[];
      return single(id, rows, rows.reduce((s, r) => s + r.n, 0), order);
    },
    drill: (db, f, category, _s, offset, limit) => drill(db, f, { sql: `${column} = ?`, params: [category] }, offset, limit),
  };
}

export const grievancesByCategory = byColumn('grievancesByCategory', 'g.category', GRIEVANCE_CATEGORIES);
export const grievancesByStatus = byColumn('grievancesByStatus', 'g.status', GRIEVANCE_STATUSES);
