import { FIREARM_OUTCOMES, INCIDENT_TYPES } from '../../../../shared/model/incident.ts';
import type { StatisticsFilters } from '../../../../shared/commands/statistics.ts';
import type { Db } from '../../../store/db.ts';
import { and, eq, page, period, single, stacked, type FigureModule, type Where } from '../figure.ts';

/** Incidents count by when they occurred and where (the incident's own region). */
export function incidentWhere(f: StatisticsFilters): Where {
  return and(period('i.occurred_at', f), eq('i.region', f.region));
}

interface IRow { id: string; number: string; company_name: string; region: string; occurred_at: string; status: string }
const toRow = (r: IRow) => ({ id: r.id, title: `${r.number} · ${r.company_name}`, subtitle: r.region, date: r.occurred_at, status: r.status });

function drillIncidents(db: Db, f: StatisticsFilters, extra: Where, offset: number, limit: number) {
  const w = and(incidentWhere(f), extra);
  return page(db,
    `SELECT i.id, i.number, c.legal_name AS company_name, i.region, i.occurred_at, i.status FROM incidents i JOIN companies c ON c.id = i.company_id WHERE ${w.sql} ORDER BY i.occurred_at DESC, i.id DESC`,
    `SELECT count(*) AS n FROM incidents i WHERE ${w.sql}`, w.params, offset, limit, toRow);
}

function countIncidents(db: Db, w: Where): number {
  return (db.prepare(`SELECT count(*) AS n FROM incidents i WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
}

export const incidentsByType: FigureModule = {
  id: 'incidentsByType',
  compute(db, f) {
    const w = incidentWhere(f);
    const rows = db.prepare(`SELECT t.value AS k, count(*) AS n FROM incidents i, json_each(i.types) t WHERE ${w.sql} GROUP BY k`).all(...w.params) as { k: string; n: number }[];
    return single('incidentsByType', rows, countIncidents(db, w), INCIDENT_TYPES);
  },
  drill: (db, f, category, _s, offset, limit) => drillIncidents(db, f, { sql: 'EXISTS (SELECT 1 FROM json_each(i.types) WHERE value = ?)', params: [category] }, offset, limit),
};

export const incidentsByRegion: FigureModule = {
  id: 'incidentsByRegion',
  compute(db, f) {
    const w = incidentWhere(f);
    const rows = db.prepare(`SELECT i.region AS k, count(*) AS n FROM incidents i WHERE ${w.sql} GROUP BY k ORDER BY n DESC, k`).all(...w.params) as { k: string; n: number }[];
    return single('incidentsByRegion', rows, countIncidents(db, w));
  },
  drill: (db, f, category, _s, offset, limit) => drillIncidents(db, f, { sql: 'i.region = ?', params: [category] }, offset, limit),
};

/** Reported within the legal deadline or late (the delay is fixed when the incident is recorded). */
export const incidentReporting: FigureModule = {
  id: 'incidentReporting',
  compute(db, f) {
    const w = incidentWhere(f);
    const rows = db.prepare(`SELECT CASE i.late WHEN 1 THEN 'late' ELSE 'onTime' END AS k, count(*) AS n FROM incidents i WHERE ${w.sql} GROUP BY k`).all(...w.params) as { k: string; n: number }[];
    return single('incidentReporting', rows, countIncidents(db, w), ['onTime', 'late']);
  },
  drill: (db, f, category, _s, offset, limit) => drillIncidents(db, f, { sql: 'i.late = ?', params: [category === 'late' ? 1 : 0] }, offset, limit),
};

const LOSS = ['lost', 'stolen'] as const;
const lossOrder = FIREARM_OUTCOMES.filter((o) => (LOSS as readonly string[]).includes(o));

function lossFigure(id: 'firearmLossesByYear' | 'firearmLossesByRegion', key: string): FigureModule {
  return {
    id,
    compute(db, f) {
      const w = and(incidentWhere(f), { sql: `x.outcome IN ('lost', 'stolen')`, params: [] });
      const rows = db.prepare(`SELECT ${key} AS k, x.outcome AS s, count(*) AS n FROM incident_firearms x JOIN incidents i ON i.id = x.incident_id
        WHERE ${w.sql} GROUP BY k, s`).all(...w.params) as { k: string; s: string; n: number }[];
      return stacked(id, rows, rows.reduce((s, r) => s + r.n, 0), lossOrder);
    },
    /** The incidents that lost or had stolen at least one firearm in that bar. */
    drill: (db, f, category, series, offset, limit) => drillIncidents(db, f, {
      sql: `${key} = ? AND EXISTS (SELECT 1 FROM incident_firearms x WHERE x.incident_id = i.id AND x.outcome IN (${series ? '?' : `'lost', 'stolen'`}))`,
      params: series ? [category, series] : [category],
    }, offset, limit),
  };
}

/** Firearms lost or stolen (counted per firearm, from the incidents that reported them). */
export const firearmLossesByYear = lossFigure('firearmLossesByYear', 'substr(i.occurred_at, 1, 4)');
export const firearmLossesByRegion = lossFigure('firearmLossesByRegion', 'i.region');
