import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Role } from '../../../shared/model/roles.ts';
import type { Calendar } from '../../core/calendar.ts';
import { availableActions } from '../../../shared/model/lifecycle.ts';
import { CERTIFICATION_TRANSITIONS, type CertificationAction, type CertificationState } from '../../../shared/model/certificationLifecycle.ts';
import type { Certification, certificationFields } from '../../../shared/commands/certifications.ts';
import { checkTransition } from './lifecycle.ts';

type Fields = z.output<typeof certificationFields>;
interface Row {
  id: string; company_id: string; company_name: string; standard: Certification['standard']; certificate_number: string | null; certification_body: string;
  accreditation_body: string | null; scope: string; issued_on: string; expires_on: string; surveillance_dates: string; corrective_plan_status: string | null;
  status: CertificationState; version: number; created_at: string; updated_at: string;
}
const SELECT = 'SELECT x.*, c.legal_name AS company_name FROM certifications x JOIN companies c ON c.id = x.company_id';

function hydrate(r: Row, today: string, role: Role | null): Certification {
  const dates = (JSON.parse(r.surveillance_dates) as string[]).sort();
  return {
    id: r.id, companyId: r.company_id, companyName: r.company_name, standard: r.standard, certificateNumber: r.certificate_number,
    certificationBody: r.certification_body, accreditationBody: r.accreditation_body, scope: r.scope, issuedOn: r.issued_on, expiresOn: r.expires_on,
    surveillanceDates: dates, correctivePlanStatus: r.corrective_plan_status, status: r.status,
    daysToExpiry: Math.round((Date.parse(`${r.expires_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
    nextSurveillance: dates.find((d) => d >= today) ?? null, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
    actions: role ? availableActions(CERTIFICATION_TRANSITIONS, r.status, role).filter((a) => a !== 'expire' || r.expires_on < today) : [],
  };
}

export function loadCertification(db: Db, id: string, today: string, role: Role | null): Certification | null {
  const r = db.prepare(`${SELECT} WHERE x.id = ?`).get(id) as Row | undefined;
  return r ? hydrate(r, today, role) : null;
}

export function listCertifications(db: Db, q: { companyId?: string | null; status?: CertificationState | null; expiringWithinDays?: number | null; offset: number; limit: number }, today: string, role: Role | null) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.companyId) { where.push('x.company_id = ?'); args.push(q.companyId); }
  if (q.status) { where.push('x.status = ?'); args.push(q.status); }
  if (q.expiringWithinDays != null) {
    where.push(`x.status IN ('transitional','certified','suspended') AND x.expires_on <= date(?, '+' || ? || ' days')`);
    args.push(today, q.expiringWithinDays);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM certifications x ${w}`).get(...args) as { n: number }).n;
  const rows = (db.prepare(`${SELECT} ${w} ORDER BY x.expires_on, x.id LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as Row[]).map((r) => hydrate(r, today, role));
  return { rows, total };
}

const cols = (f: Fields) => [f.standard, f.certificateNumber, f.certificationBody, f.accreditationBody, f.scope, f.issuedOn, f.expiresOn, JSON.stringify([...new Set(f.surveillanceDates)].sort()), f.correctivePlanStatus];

function checkCompany(db: Db, companyId: string): void {
  if (!db.prepare('SELECT 1 FROM companies WHERE id = ?').get(companyId)) throw AppError.validation('companyId', 'errors.companyNotFound', {}, 'NOT_FOUND');
}

export function insertCertification(db: Db, f: Fields, now: string, userId: string | null): string {
  checkCompany(db, f.companyId);
  const id = uuidv7();
  db.prepare(`INSERT INTO certifications (id, company_id, standard, certificate_number, certification_body, accreditation_body, scope, issued_on, expires_on,
    surveillance_dates, corrective_plan_status, status, version, created_at, updated_at, created_by, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'transitional', 1, ?, ?, ?, ?)`).run(id, f.companyId, ...cols(f), now, now, userId, userId);
  return id;
}

export function updateCertification(db: Db, id: string, version: number, f: Fields, now: string, userId: string | null): void {
  const cur = db.prepare('SELECT company_id FROM certifications WHERE id = ?').get(id) as { company_id: string } | undefined;
  if (!cur) throw new AppError('NOT_FOUND', 'errors.certificationNotFound', {}, 'id');
  if (cur.company_id !== f.companyId) throw AppError.validation('companyId', 'errors.certificationCompanyFixed');
  const r = db.prepare(`UPDATE certifications SET standard = ?, certificate_number = ?, certification_body = ?, accreditation_body = ?, scope = ?, issued_on = ?, expires_on = ?,
    surveillance_dates = ?, corrective_plan_status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`).run(...cols(f), now, userId, id, version);
  if (r.changes === 0) throw new AppError('CONFLICT', 'errors.recordChanged', {}, 'version');
}

export function transitionCertification(db: Db, id: string, version: number, action: CertificationAction, role: Role | Calendar, now: string, userId: string | null) {
  const cur = db.prepare('SELECT status, version, expires_on FROM certifications WHERE id = ?').get(id) as { status: CertificationState; version: number; expires_on: string } | undefined;
  if (!cur) throw new AppError('NOT_FOUND', 'errors.certificationNotFound', {}, 'id');
  const t = checkTransition(CERTIFICATION_TRANSITIONS, cur.status, action, role, 'certification');
  // Guard of `expire`: only once the expiry date has passed.
  if (action === 'expire' && cur.expires_on >= now.slice(0, 10)) throw new AppError('INVALID_TRANSITION', 'errors.notExpiredYet', { date: cur.expires_on }, 'action');
  if (cur.version !== version) throw new AppError('CONFLICT', 'errors.recordChanged', {}, 'version');
  db.prepare('UPDATE certifications SET status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(t.to, now, userId, id);
  return { from: t.from, to: t.to };
}
