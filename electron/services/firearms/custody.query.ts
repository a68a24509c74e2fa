import type { Db } from '../../store/db.ts';
import type { CustodyReason } from '../../../shared/model/firearms.ts';
import type { FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import { labelOf } from './calibres.repo.ts';

interface ListSqlRow { id: string; company_id: string; company_name: string; reason: CustodyReason; opened_at: string; closed_at: string | null; total: number; outstanding: number }

const LIST_SELECT = `SELECT l.*, c.legal_name AS company_name,
  (SELECT count(*) FROM custody_items i WHERE i.list_id = l.id) AS total,
  (SELECT count(*) FROM custody_items i WHERE i.list_id = l.id AND i.accounted_at IS NULL) AS outstanding
  FROM custody_lists l JOIN companies c ON c.id = l.company_id`;

const hydrate = (r: ListSqlRow) => ({
  id: r.id, companyId: r.company_id, companyName: r.company_name, reason: r.reason, openedAt: r.opened_at, closedAt: r.closed_at,
  total: r.total, outstanding: r.outstanding,
});

export function custodyList(db: Db, id: string) {
  const r = db.prepare(`${LIST_SELECT} WHERE l.id = ?`).get(id) as ListSqlRow | undefined;
  return r ? hydrate(r) : null;
}

export function custodyLists(db: Db, q: { companyId?: string | null; openOnly: boolean; offset: number; limit: number }) {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.companyId) { parts.push('l.company_id = ?'); params.push(q.companyId); }
  if (q.openOnly) parts.push('l.closed_at IS NULL');
  const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const rows = db.prepare(`${LIST_SELECT} ${w} ORDER BY l.opened_at DESC, l.id LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as ListSqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM custody_lists l ${w}`).get(...params) as { n: number }).n;
  return { rows: rows.map(hydrate), total };
}

/** The weapons on a list, outstanding first. */
export function custodyItems(db: Db, listId: string) {
  const rows = db.prepare(`SELECT i.*, f.serial, f.make, f.calibre_code, f.state FROM custody_items i JOIN firearms f ON f.id = i.firearm_id
    WHERE i.list_id = ? ORDER BY i.accounted_at IS NOT NULL, f.serial_norm`).all(listId) as {
    firearm_id: string; serial: string; make: string; calibre_code: string; state_at_open: FirearmState; state: FirearmState;
    accounted_at: string | null; accounted_state: string | null;
  }[];
  return rows.map((r) => ({
    firearmId: r.firearm_id, serial: r.serial, make: r.make, calibre: labelOf(db, r.calibre_code), stateAtOpen: r.state_at_open, state: r.state,
    accountedAt: r.accounted_at, accountedState: r.accounted_state,
  }));
}
