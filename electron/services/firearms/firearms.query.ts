import type { Db } from '../../store/db.ts';
import type { FirearmEvent, FirearmQuery } from '../../../shared/commands/firearms.ts';
import type { FirearmSortColumn } from '../../../shared/model/firearms.ts';
import { normaliseMake } from '../../../shared/model/firearms.ts';
import { serialSearchFragment } from '../../../shared/model/serial.ts';
import { FIREARM_SELECT, hydrateFirearmRow, hydrateIssue, hydrateLoss, type FirearmSqlRow, type IssueSqlRow, type LossSqlRow } from './firearms.repo.ts';
import { personName } from './holderEligibility.ts';

type Q = Required<Pick<FirearmQuery, 'sort' | 'dir' | 'serialMode'>> & Omit<FirearmQuery, 'sort' | 'dir' | 'serialMode'>;

/** Upper bound for a prefix range on a BINARY-collated column: walks the index, unlike LIKE. */
const TOP = '\u{10FFFF}';

const ORDER: Record<FirearmSortColumn, string> = {
  serial: 'f.serial_norm', make: 'f.make_norm', calibre: 'f.calibre_code', company: 'c.legal_name COLLATE NOCASE', state: 'f.state',
  updatedAt: 'f.updated_at', createdAt: 'f.created_at',
};

/**
 * Trace search filters. The serial is normalised like stored serials, then matched exactly, by
 * prefix (index range on serial_norm) or as a fragment anywhere (trigram FTS5 for 3+ characters).
 */
function where(q: Q): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const frag = serialSearchFragment(q.serial ?? '');
  if (frag) {
    if (q.serialMode === 'exact') { parts.push('f.serial_norm = ?'); params.push(frag); }
    else if (q.serialMode === 'prefix') { parts.push('f.serial_norm >= ? AND f.serial_norm < ?'); params.push(frag, frag + TOP); }
    else if (frag.length >= 3) {
      parts.push('f.rowid IN (SELECT rowid FROM firearms_serial_fts WHERE firearms_serial_fts MATCH ?)');
      params.push(`"${frag}"`);
    } else { parts.push('instr(f.serial_norm, ?) > 0'); params.push(frag); }
  }
  const make = normaliseMake(q.make ?? '');
  if (make) { parts.push('f.make_norm >= ? AND f.make_norm < ?'); params.push(make, make + TOP); }
  if (q.calibreCode) { parts.push('f.calibre_code = ?'); params.push(q.calibreCode); }
  if (q.companyId) { parts.push('f.company_id = ?'); params.push(q.companyId); }
  if (q.armoryId) { parts.push('f.armory_id = ?'); params.push(q.armoryId); }
  if (q.state) { parts.push('f.state = ?'); params.push(q.state); }
  if (q.duplicatesOnly) parts.push('EXISTS (SELECT 1 FROM firearms d WHERE d.make_norm = f.make_norm AND d.serial_norm = f.serial_norm AND d.company_id <> f.company_id)');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of the register plus the total; search, filter and sort all in SQL. */
export function listFirearms(db: Db, q: Q, offset: number, limit: number) {
  const w = where(q);
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = db.prepare(`${FIREARM_SELECT} ${w.sql} ORDER BY ${ORDER[q.sort]} ${dir}, f.id ${dir} LIMIT ? OFFSET ?`).all(...w.params, limit, offset) as FirearmSqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM firearms f ${w.sql}`).get(...w.params) as { n: number }).n;
  return { rows: rows.map((r) => hydrateFirearmRow(db, r)), total };
}

interface EventSqlRow {
  id: string; kind: FirearmEvent['kind']; occurred_at: string; company_id: string; company_name: string; counterpart_company_id: string | null;
  counterpart_name: string | null; from_state: FirearmEvent['fromState']; to_state: FirearmEvent['toState']; person_id: string | null;
  post: string | null; details: string; created_by_name: string | null;
}

/**
 * Every fact about one weapon, oldest first, across owners, holders and states. Ordered by day, then
 * by the order facts were recorded: some facts carry a time, others only a date.
 */
export function firearmTimeline(db: Db, firearmId: string): FirearmEvent[] {
  const rows = db.prepare(`SELECT e.*, c.legal_name AS company_name, cc.legal_name AS counterpart_name, u.display_name AS created_by_name
    FROM firearm_events e JOIN companies c ON c.id = e.company_id LEFT JOIN companies cc ON cc.id = e.counterpart_company_id
    LEFT JOIN users u ON u.id = e.created_by WHERE e.firearm_id = ? ORDER BY substr(e.occurred_at, 1, 10), e.rowid`).all(firearmId) as EventSqlRow[];
  return rows.map((r) => ({
    id: r.id, kind: r.kind, occurredAt: r.occurred_at, companyId: r.company_id, companyName: r.company_name,
    counterpartCompanyId: r.counterpart_company_id, counterpartCompanyName: r.counterpart_name, fromState: r.from_state, toState: r.to_state,
    personId: r.person_id, personName: personName(db, r.person_id), post: r.post, details: JSON.parse(r.details) as Record<string, unknown>,
    createdBy: r.created_by_name,
  }));
}

/** The issue/return log; open issues past their shift are flagged (and can be listed alone). */
export function issueLog(db: Db, q: { companyId?: string | null; firearmId?: string | null; openOnly: boolean; overdueOnly: boolean; offset: number; limit: number }, nowLocal: string) {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.companyId) { parts.push('i.company_id = ?'); params.push(q.companyId); }
  if (q.firearmId) { parts.push('i.firearm_id = ?'); params.push(q.firearmId); }
  if (q.openOnly || q.overdueOnly) parts.push('i.returned_at IS NULL');
  if (q.overdueOnly) { parts.push('i.shift_ends_at < ?'); params.push(nowLocal); }
  const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT i.*, f.serial, f.make FROM firearm_issues i JOIN firearms f ON f.id = i.firearm_id ${w} ORDER BY i.issued_at DESC, i.id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as (IssueSqlRow & { serial: string; make: string })[];
  const total = (db.prepare(`SELECT count(*) AS n FROM firearm_issues i ${w}`).get(...params) as { n: number }).n;
  return { rows: rows.map((r) => ({ ...hydrateIssue(db, r, nowLocal), serial: r.serial, make: r.make })), total };
}

/** Loss and theft reports, newest first; `lateOnly` lists those filed after the legal deadline. */
export function lossReports(db: Db, q: { companyId?: string | null; lateOnly: boolean; offset: number; limit: number }) {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.companyId) { parts.push('r.company_id = ?'); params.push(q.companyId); }
  if (q.lateOnly) parts.push('r.late = 1');
  const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT r.*, f.serial, f.make, c.legal_name AS company_name FROM firearm_loss_reports r JOIN firearms f ON f.id = r.firearm_id
    JOIN companies c ON c.id = r.company_id ${w} ORDER BY r.report_date DESC, r.id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as
    (LossSqlRow & { serial: string; make: string; company_name: string })[];
  const total = (db.prepare(`SELECT count(*) AS n FROM firearm_loss_reports r ${w}`).get(...params) as { n: number }).n;
  return { rows: rows.map((r) => ({ ...hydrateLoss(r), serial: r.serial, make: r.make, companyName: r.company_name })), total };
}
