import type { Db } from '../../store/db.ts';
import type { Incident } from '../../../shared/commands/incidents.ts';
import { normaliseSerial } from '../../../shared/model/serial.ts';
import { loadPersons } from '../accountability/people.repo.ts';

export interface IncidentSqlRow {
  id: string; number: string; occurred_at: string; reported_at: string; region: string; municipality: string | null;
  latitude: number | null; longitude: number | null; company_id: string; company_name: string; types: string; description: string;
  personnel_involved: string; shots_fired: number; use_of_force: number; injuries: number; deaths: number; damage: string | null;
  police_report_number: string | null; measures_taken: string | null; report_hours: number; report_limit_hours: number; late: number;
  status: string; review_note: string | null; follow_up: string; follow_up_ref: string | null; version: number; created_at: string; updated_at: string;
  firearm_count?: number;
}

export const INCIDENT_SELECT = `SELECT i.*, c.legal_name AS company_name,
  (SELECT count(*) FROM incident_firearms f WHERE f.incident_id = i.id) AS firearm_count
  FROM incidents i JOIN companies c ON c.id = i.company_id`;

export function hydrateIncidentRow(r: IncidentSqlRow) {
  return {
    id: r.id, number: r.number, occurredAt: r.occurred_at, reportedAt: r.reported_at, region: r.region, municipality: r.municipality,
    latitude: r.latitude, longitude: r.longitude, companyId: r.company_id, companyName: r.company_name,
    types: JSON.parse(r.types) as Incident['types'], shotsFired: r.shots_fired, useOfForce: r.use_of_force === 1,
    injuries: r.injuries, deaths: r.deaths, policeReportNumber: r.police_report_number, reportHours: r.report_hours,
    reportLimitHours: r.report_limit_hours, late: r.late === 1, status: r.status as Incident['status'], reviewNote: r.review_note,
    followUp: r.follow_up as Incident['followUp'], followUpRef: r.follow_up_ref, version: r.version, createdAt: r.created_at,
    updatedAt: r.updated_at, firearmCount: r.firearm_count ?? 0,
  };
}

export function loadIncident(db: Db, id: string): Incident | null {
  const r = db.prepare(`${INCIDENT_SELECT} WHERE i.id = ?`).get(id) as IncidentSqlRow | undefined;
  if (!r) return null;
  const { firearmCount: _n, ...row } = hydrateIncidentRow(r);
  // The linked firearm's status in its register today (it may have been recovered since).
  const firearms = (db.prepare(`SELECT x.id, x.serial, x.firearm_type, x.make, x.calibre, x.outcome, x.firearm_id, r.state AS register_state FROM incident_firearms x
    LEFT JOIN firearms r ON r.id = x.firearm_id WHERE x.incident_id = ? ORDER BY x.position`).all(id) as { id: string; serial: string; firearm_type: string | null; make: string | null; calibre: string | null; outcome: string; firearm_id: string | null; register_state: string | null }[])
    .map((f) => ({ id: f.id, serial: f.serial, firearmType: f.firearm_type, make: f.make, calibre: f.calibre, outcome: f.outcome as Incident['firearms'][number]['outcome'], firearmId: f.firearm_id, registerState: f.register_state }));
  return {
    ...row, description: r.description, personnelInvolved: JSON.parse(r.personnel_involved) as string[], damage: r.damage,
    measuresTaken: r.measures_taken, people: loadPersons(db, 'incident', id), firearms,
  };
}

export function loadIncidentEvents(db: Db, id: string) {
  return (db.prepare('SELECT id, at, action, from_status, to_status, note, username FROM incident_events WHERE incident_id = ? ORDER BY at, id').all(id) as
    { id: string; at: string; action: string; from_status: string | null; to_status: string; note: string | null; username: string | null }[])
    .map((e) => ({ id: e.id, at: e.at, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, username: e.username }));
}

/** Serial numbers compared in the firearms register's normalised form (case, punctuation, accents, leading zeros). */
export function normalizeSerial(s: string): string {
  return normaliseSerial(s);
}
