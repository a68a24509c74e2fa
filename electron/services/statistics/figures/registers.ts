import { FIREARM_STATES } from '../../../../shared/model/firearmLifecycle.ts';
import { FIREARM_TYPES } from '../../../../shared/model/firearms.ts';
import { LICENCE_STATES } from '../../../../shared/model/licenceLifecycle.ts';
import { SANCTION_KINDS } from '../../../../shared/model/sanctionLifecycle.ts';
import type { StatisticsFilters } from '../../../../shared/commands/statistics.ts';
import type { FigureId } from '../../../../shared/statistics/figures.ts';
import type { Db } from '../../../store/db.ts';
import { labelOf } from '../../firearms/calibres.repo.ts';
import { and, page, period, single, type DrillRow, type FigureModule, type Where } from '../figure.ts';

/** Registers of other areas (firearms, personnel, licensing, sanctions); region = the owning company's city, or the person's. */
const companyIn = (col: string, f: StatisticsFilters): Where | null =>
  f.region ? { sql: `${col} IN (SELECT id FROM companies WHERE city = ?)`, params: [f.region] } : null;

/** A figure that groups one table by one column, and lists the rows of a bar. */
function grouped(o: {
  id: FigureId; from: string; key: string; where: (f: StatisticsFilters) => Where; order?: readonly string[]; byCount?: boolean; limit?: number;
  drillSelect: string; drillOrder: string; toRow: (r: Record<string, unknown>) => DrillRow; labels?: (db: Db, keys: string[]) => Record<string, string>;
}): FigureModule {
  return {
    id: o.id,
    compute(db, f) {
      const w = o.where(f);
      const rows = db.prepare(`SELECT ${o.key} AS k, count(*) AS n FROM ${o.from} WHERE ${w.sql} GROUP BY k ORDER BY n DESC, k`).all(...w.params) as { k: string; n: number }[];
      const total = rows.reduce((s, r) => s + r.n, 0);
      const shown = o.limit ? rows.slice(0, o.limit) : rows;
      const data = single(o.id, shown, total, o.byCount ? undefined : o.order);
      return o.labels ? { ...data, labels: o.labels(db, data.categories) } : data;
    },
    drill(db, f, category, _s, offset, limit) {
      const w = and(o.where(f), { sql: `${o.key} = ?`, params: [category] });
      return page(db, `${o.drillSelect} WHERE ${w.sql} ORDER BY ${o.drillOrder}`, `SELECT count(*) AS n FROM ${o.from} WHERE ${w.sql}`, w.params, offset, limit, o.toRow);
    },
  };
}

const firearmDrill = {
  drillSelect: 'SELECT x.id, x.serial, x.make, x.type, x.state, c.legal_name AS company, x.updated_at FROM firearms x JOIN companies c ON c.id = x.company_id',
  drillOrder: 'x.serial_norm, x.id',
  toRow: (r: Record<string, unknown>) => ({ id: String(r.id), title: `${r.serial} · ${r.make}`, subtitle: String(r.company), date: String(r.updated_at).slice(0, 10), status: String(r.state) }),
};
const firearmWhere = (f: StatisticsFilters) => and(companyIn('x.company_id', f));

export const firearmsByType = grouped({ id: 'firearmsByType', from: 'firearms x', key: 'x.type', where: firearmWhere, order: FIREARM_TYPES, ...firearmDrill });
export const firearmsByState = grouped({ id: 'firearmsByState', from: 'firearms x', key: 'x.state', where: firearmWhere, order: FIREARM_STATES, ...firearmDrill });
/** The fifteen most held calibres; labels from the agency's calibre list. */
export const firearmsByCalibre = grouped({
  id: 'firearmsByCalibre', from: 'firearms x', key: 'x.calibre_code', where: firearmWhere, byCount: true, limit: 15, ...firearmDrill,
  labels: (db, keys) => Object.fromEntries(keys.map((k) => [k, labelOf(db, k)])),
});

/** Guards by credential status (personnel register); drill rows name the person: personnel.read is required. */
export const guardsByCredential = grouped({
  id: 'guardsByCredential', from: 'persons p', key: 'p.credential_status',
  where: (f) => and(f.region ? { sql: 'p.city = ?', params: [f.region] } : null),
  order: ['applicant', 'vetting', 'credentialed', 'active', 'inactive', 'suspended', 'revoked', 'expired'],
  drillSelect: 'SELECT p.id, p.given_names, p.family_names, p.credential_number, p.city, p.updated_at, p.credential_status FROM persons p',
  drillOrder: 'p.family_names COLLATE NOCASE, p.id',
  toRow: (r) => ({ id: String(r.id), title: `${r.family_names}, ${r.given_names}`, subtitle: (r.credential_number as string | null) ?? null, date: String(r.updated_at).slice(0, 10), status: String(r.credential_status) }),
});

const licenceDrill = {
  drillSelect: 'SELECT l.id, l.number, l.state, l.submitted_on, l.expires_on, c.legal_name AS company FROM licences l JOIN companies c ON c.id = l.company_id',
  drillOrder: 'l.submitted_on DESC, l.id',
  toRow: (r: Record<string, unknown>) => ({ id: String(r.id), title: `${(r.number as string | null) ?? '—'} · ${r.company}`, subtitle: (r.expires_on as string | null) ?? null, date: (r.submitted_on as string | null) ?? null, status: String(r.state) }),
};
export const licencesByState = grouped({ id: 'licencesByState', from: 'licences l', key: 'l.state', where: (f) => and(companyIn('l.company_id', f)), order: LICENCE_STATES, ...licenceDrill });

/**
 * Licence processing against the statutory deadline (each licence's own `processing_days`,
 * paused days excluded): decided within it or late; pending within it or already overdue.
 * The period is that of the submission.
 */
const PROCESSING = `CASE WHEN l.decided_on IS NOT NULL THEN
    CASE WHEN julianday(l.decided_on) - julianday(l.submitted_on) - l.paused_days <= l.processing_days THEN 'decidedOnTime' ELSE 'decidedLate' END
  ELSE CASE WHEN julianday(?) - julianday(l.submitted_on) - l.paused_days <= l.processing_days THEN 'pendingOnTime' ELSE 'pendingOverdue' END END`;
function processingWhere(f: StatisticsFilters): Where {
  return and({ sql: 'l.submitted_on IS NOT NULL AND l.processing_days IS NOT NULL', params: [] }, period('l.submitted_on', f), companyIn('l.company_id', f));
}
export const licenceProcessing: FigureModule = (() => {
  return {
    id: 'licenceProcessing',
    compute(db, f, env) {
      const w = processingWhere(f);
      const rows = db.prepare(`SELECT ${PROCESSING} AS k, count(*) AS n FROM licences l WHERE ${w.sql} GROUP BY k`).all(env.today, ...w.params) as { k: string; n: number }[];
      return single('licenceProcessing', rows, rows.reduce((s, r) => s + r.n, 0), ['decidedOnTime', 'decidedLate', 'pendingOnTime', 'pendingOverdue']);
    },
    drill(db, f, category, _s, offset, limit, env) {
      const w = processingWhere(f);
      return page(db, `${licenceDrill.drillSelect} WHERE ${w.sql} AND ${PROCESSING} = ? ORDER BY ${licenceDrill.drillOrder}`,
        `SELECT count(*) AS n FROM licences l WHERE ${w.sql} AND ${PROCESSING} = ?`, [...w.params, env.today, category], offset, limit, licenceDrill.toRow);
    },
  };
})();

/** Sanctions made final (final, executed, paid) by kind, in the period of the day they became final. */
export const sanctionsByKind = grouped({
  id: 'sanctionsByKind', from: 'sanctions s', key: 's.kind',
  where: (f) => and({ sql: `s.state IN ('final', 'executed', 'paid')`, params: [] }, period('s.final_on', f), companyIn('s.company_id', f)),
  order: SANCTION_KINDS,
  drillSelect: 'SELECT s.id, s.kind, s.state, s.final_on, s.amount, s.currency, c.legal_name AS company FROM sanctions s LEFT JOIN companies c ON c.id = s.company_id',
  drillOrder: 's.final_on DESC, s.id',
  toRow: (r) => ({ id: String(r.id), title: `${(r.company as string | null) ?? '—'}`, subtitle: r.amount != null ? `${r.amount} ${(r.currency as string | null) ?? ''}`.trim() : null, date: (r.final_on as string | null) ?? null, status: String(r.state) }),
});
