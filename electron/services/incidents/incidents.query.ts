import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import type { incidentsCommands } from '../../../shared/commands/incidents.ts';
import { linkedToPersonSql } from '../accountability/people.repo.ts';
import { hydrateIncidentRow, INCIDENT_SELECT, normalizeSerial, type IncidentSqlRow } from './incidents.repo.ts';

type Q = z.output<(typeof incidentsCommands)['incidents.list']['input']>;

const ORDER: Record<Q['sort'], string> = {
  occurredAt: 'i.occurred_at', number: 'i.number', region: 'i.region COLLATE NOCASE', status: 'i.status', reportHours: 'i.report_hours',
};

/**
 * One page of incidents; every filter and the sort in SQL. A serial finds every incident that named
 * that firearm; a person id, every incident that person is linked to (a guard's page).
 */
export function listIncidents(db: Db, q: Q) {
  const parts: string[] = [];
  const params: unknown[] = [];
  const s = q.search.trim();
  if (s) {
    const like = `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(`(i.number LIKE ? ESCAPE '\\' OR c.legal_name LIKE ? ESCAPE '\\' OR i.region LIKE ? ESCAPE '\\' OR i.police_report_number LIKE ? ESCAPE '\\'
      OR i.id IN (SELECT incident_id FROM incident_firearms WHERE serial_norm = ?))`);
    params.push(like, like, like, like, normalizeSerial(s));
  }
  if (q.companyId) { parts.push('i.company_id = ?'); params.push(q.companyId); }
  if (q.region) { parts.push('i.region = ?'); params.push(q.region); }
  if (q.type) { parts.push('EXISTS (SELECT 1 FROM json_each(i.types) WHERE value = ?)'); params.push(q.type); }
  if (q.status) { parts.push('i.status = ?'); params.push(q.status); }
  if (q.late != null) { parts.push('i.late = ?'); params.push(q.late ? 1 : 0); }
  if (q.serial) { parts.push('i.id IN (SELECT incident_id FROM incident_firearms WHERE serial_norm = ?)'); params.push(normalizeSerial(q.serial)); }
  if (q.personId) { parts.push(linkedToPersonSql('incident', 'i')); params.push(q.personId); }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = db.prepare(`${INCIDENT_SELECT} ${where} ORDER BY ${ORDER[q.sort]} ${dir}, i.id ${dir} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as IncidentSqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM incidents i JOIN companies c ON c.id = i.company_id ${where}`).get(...params) as { n: number }).n;
  return { rows: rows.map(hydrateIncidentRow), total };
}
