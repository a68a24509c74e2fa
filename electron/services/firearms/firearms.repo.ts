import type { Db } from '../../store/db.ts';
import type { Firearm, FirearmRow, IssueRecord, LossReport } from '../../../shared/commands/firearms.ts';
import type { FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import type { FirearmCondition, FirearmType } from '../../../shared/model/firearms.ts';
import { daysBetween } from '../../../shared/model/firearms.ts';
import { labelOf } from './calibres.repo.ts';
import { personName } from './holderEligibility.ts';

/** The row as stored, with the joined names list and detail need. Only this file reads columns. */
export interface FirearmSqlRow {
  id: string; company_id: string; company_name: string; armory_id: string | null; armory_name: string | null; type: FirearmType;
  make: string; make_norm: string; model: string | null; calibre_code: string; calibre_written: string; serial: string; serial_norm: string;
  manufacturer: string | null; country_of_manufacture: string | null; year: number | null; import_mark: string | null;
  secondary_marks: string | null; permit_number: string | null; permit_expiry: string | null; condition: FirearmCondition;
  state: FirearmState; holder_person_id: string | null; post: string | null; notes: string | null; duplicates: number;
  version: number; created_at: string; updated_at: string;
}

/** Select list shared by list and detail; `duplicates` walks the (make_norm, serial_norm) index. */
export const FIREARM_SELECT = `SELECT f.*, c.legal_name AS company_name, a.name AS armory_name,
  (SELECT count(*) FROM firearms d WHERE d.make_norm = f.make_norm AND d.serial_norm = f.serial_norm AND d.company_id <> f.company_id) AS duplicates
  FROM firearms f JOIN companies c ON c.id = f.company_id LEFT JOIN armories a ON a.id = f.armory_id`;

export function hydrateFirearmRow(db: Db, r: FirearmSqlRow): FirearmRow {
  return {
    id: r.id, companyId: r.company_id, companyName: r.company_name, armoryId: r.armory_id, armoryName: r.armory_name, type: r.type,
    make: r.make, model: r.model, calibreCode: r.calibre_code, calibre: labelOf(db, r.calibre_code), calibreWritten: r.calibre_written,
    serial: r.serial, serialNorm: r.serial_norm, state: r.state, holderPersonId: r.holder_person_id,
    holderName: personName(db, r.holder_person_id), post: r.post, permitExpiry: r.permit_expiry, duplicates: r.duplicates,
    version: r.version, updatedAt: r.updated_at,
  };
}

export function firearmSqlRow(db: Db, id: string): FirearmSqlRow | undefined {
  return db.prepare(`${FIREARM_SELECT} WHERE f.id = ?`).get(id) as FirearmSqlRow | undefined;
}

interface IssueSqlRow {
  id: string; firearm_id: string; company_id: string; person_id: string; post: string; issued_at: string; shift_ends_at: string;
  returned_at: string | null; holder_check: 'verified' | 'unverified';
}

/** An issue still out after its shift ended is overdue (times are the agency's local time). */
export function hydrateIssue(db: Db, r: IssueSqlRow, nowLocal: string): IssueRecord {
  return {
    id: r.id, firearmId: r.firearm_id, companyId: r.company_id, personId: r.person_id, personName: personName(db, r.person_id),
    post: r.post, issuedAt: r.issued_at, shiftEndsAt: r.shift_ends_at, returnedAt: r.returned_at, holderCheck: r.holder_check,
    overdue: r.returned_at === null && r.shift_ends_at < nowLocal,
  };
}

interface LossSqlRow {
  id: string; firearm_id: string; company_id: string; kind: 'lost' | 'stolen'; event_date: string; report_date: string;
  deadline_days: number; late: number; police_report_number: string; circumstances: string | null; recovered_on: string | null;
}

export function hydrateLoss(r: LossSqlRow): LossReport {
  return {
    id: r.id, firearmId: r.firearm_id, companyId: r.company_id, kind: r.kind, eventDate: r.event_date, reportDate: r.report_date,
    deadlineDays: r.deadline_days, daysToReport: daysBetween(r.event_date, r.report_date), late: r.late === 1,
    policeReportNumber: r.police_report_number, circumstances: r.circumstances, recoveredOn: r.recovered_on,
  };
}

/** The firearm page: record, open issue, loss/theft reports, same make + serial elsewhere, open custody list. */
export function loadFirearm(db: Db, id: string, nowLocal: string): Firearm | null {
  const r = firearmSqlRow(db, id);
  if (!r) return null;
  const open = db.prepare('SELECT * FROM firearm_issues WHERE firearm_id = ? AND returned_at IS NULL ORDER BY issued_at DESC LIMIT 1').get(id) as IssueSqlRow | undefined;
  const losses = db.prepare('SELECT * FROM firearm_loss_reports WHERE firearm_id = ? ORDER BY report_date, id').all(id) as LossSqlRow[];
  const dups = db.prepare(`SELECT d.id, c.legal_name AS company_name, d.serial, d.state FROM firearms d JOIN companies c ON c.id = d.company_id
    WHERE d.make_norm = ? AND d.serial_norm = ? AND d.company_id <> ? ORDER BY d.created_at`).all(r.make_norm, r.serial_norm, r.company_id) as
    { id: string; company_name: string; serial: string; state: FirearmState }[];
  const custody = db.prepare(`SELECT l.id FROM custody_items i JOIN custody_lists l ON l.id = i.list_id
    WHERE i.firearm_id = ? AND i.accounted_at IS NULL AND l.closed_at IS NULL LIMIT 1`).get(id) as { id: string } | undefined;
  return {
    ...hydrateFirearmRow(db, r),
    manufacturer: r.manufacturer, countryOfManufacture: r.country_of_manufacture, year: r.year, importMark: r.import_mark,
    secondaryMarks: r.secondary_marks, permitNumber: r.permit_number, condition: r.condition, notes: r.notes, createdAt: r.created_at,
    openIssue: open ? hydrateIssue(db, open, nowLocal) : null,
    lossReports: losses.map(hydrateLoss),
    duplicateOf: dups.map((d) => ({ id: d.id, companyName: d.company_name, serial: d.serial, state: d.state })),
    openCustodyListId: custody?.id ?? null,
  };
}

export type { IssueSqlRow, LossSqlRow };
