import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { roleCan } from '../../../shared/model/roles.ts';
import { incidentTransition } from '../../../shared/model/incidentLifecycle.ts';
import { reportingDelay } from '../../../shared/model/accountabilityDeadlines.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { readDeadlines } from '../accountability/deadlines.repo.ts';
import { loadIncident, loadIncidentEvents, normalizeSerial } from './incidents.repo.ts';
import { listIncidents } from './incidents.query.ts';
import { linkIncidentFirearms } from './firearmsLink.ts';
import { linkPersons, requirePersons } from '../accountability/people.repo.ts';

type IncidentsCommand = 'incidents.create' | 'incidents.get' | 'incidents.list' | 'incidents.transition';

function mustLoad(ctx: Ctx, id: string) {
  const i = loadIncident(ctx.db, id);
  if (!i) throw new AppError('NOT_FOUND', 'errors.incidentNotFound', {}, 'id');
  return i;
}

function event(ctx: Ctx, incidentId: string, action: string, from: string | null, to: string, note: string | null) {
  ctx.db.prepare(`INSERT INTO incident_events (id, incident_id, at, action, from_status, to_status, note, user_id, username)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(uuidv7(), incidentId, ctx.nowIso(), action, from, to, note, ctx.user?.id ?? null, ctx.user?.username ?? null);
}

/** `INC-2026-000042`: numbered per year of the report, inside the write transaction so two never collide. */
function nextNumber(ctx: Ctx, year: string): string {
  const last = ctx.db.prepare(`SELECT max(number) AS n FROM incidents WHERE number LIKE ?`).get(`INC-${year}-%`) as { n: string | null };
  const seq = last.n ? Number(last.n.slice(9)) + 1 : 1;
  return `INC-${year}-${String(seq).padStart(6, '0')}`;
}

/** Incidents reported by companies (ICoC ¶63) and the regulator's review of each. */
export const incidentsHandlers: Handlers<IncidentsCommand> = {
  'incidents.create': (ctx, input) => {
    if (!ctx.db.prepare('SELECT 1 FROM companies WHERE id = ?').get(input.companyId)) throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'companyId');
    const now = ctx.nowIso();
    if (input.reportedAt > now.slice(0, input.reportedAt.length)) throw AppError.validation('reportedAt', 'validation.dateInFuture');
    requirePersons(ctx.db, input.personIds);
    const delay = reportingDelay(input.occurredAt, input.reportedAt, input.types, readDeadlines(ctx.db));
    const id = uuidv7();
    const number = nextNumber(ctx, input.reportedAt.slice(0, 4));
    const primary = input.types[0]!;
    ctx.db.prepare(`INSERT INTO incidents (id, number, occurred_at, reported_at, region, municipality, latitude, longitude, company_id, types, primary_type,
        description, personnel_involved, shots_fired, use_of_force, injuries, deaths, damage, police_report_number, measures_taken,
        report_hours, report_limit_hours, late, status, version, created_at, updated_at, created_by, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reported', 1, ?, ?, ?, ?)`)
      .run(id, number, input.occurredAt, input.reportedAt, input.region, input.municipality, input.latitude, input.longitude, input.companyId,
        JSON.stringify(input.types), primary, input.description, JSON.stringify(input.personnelInvolved), input.shotsFired, input.useOfForce ? 1 : 0,
        input.injuries, input.deaths, input.damage, input.policeReportNumber, input.measuresTaken, delay.hours, delay.limitHours, delay.late ? 1 : 0,
        now, now, ctx.user!.id, ctx.user!.id);
    const firearms = input.firearms.map((f) => ({ ...f, serialNorm: normalizeSerial(f.serial) }));
    const linked = linkIncidentFirearms(ctx, { number, companyId: input.companyId, occurredAt: input.occurredAt, reportedAt: input.reportedAt, policeReportNumber: input.policeReportNumber, description: input.description }, firearms);
    const ins = ctx.db.prepare(`INSERT INTO incident_firearms (id, incident_id, position, serial, serial_norm, firearm_type, make, calibre, outcome, firearm_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    firearms.forEach((f, i) => ins.run(uuidv7(), id, i, f.serial, f.serialNorm, f.firearmType, f.make, f.calibre, f.outcome, linked[i] ?? null));
    linkPersons(ctx.db, 'incident', id, input.personIds, now, ctx.user!.id);
    event(ctx, id, 'report', null, 'reported', null);
    const after = mustLoad(ctx, id);
    ctx.audit({ entityType: 'incident', entityId: id, payload: { after } });
    return after;
  },

  'incidents.get': (ctx, input) => ({ ...mustLoad(ctx, input.id), events: loadIncidentEvents(ctx.db, input.id) }),

  'incidents.list': (ctx, input) => listIncidents(ctx.db, input),

  'incidents.transition': (ctx, input) => {
    const before = mustLoad(ctx, input.id);
    const t = incidentTransition(before.status, input.action);
    if (!t) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition', { from: before.status, action: input.action });
    if (!roleCan(ctx.user!.role, t.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `incidents.${input.action}` });
    if (t.needs.includes('note') && !input.note) throw AppError.validation('note', 'validation.reasonRequired');
    if (input.action === 'closeReview' && input.followUp !== 'none' && !input.followUpRef) throw AppError.validation('followUpRef', 'validation.followUpRef');
    const now = ctx.nowIso();
    const closing = input.action === 'closeReview';
    const r = ctx.db.prepare(`UPDATE incidents SET status = ?, review_note = CASE WHEN ? THEN ? ELSE review_note END,
        follow_up = CASE WHEN ? THEN ? ELSE follow_up END, follow_up_ref = CASE WHEN ? THEN ? ELSE follow_up_ref END,
        version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`)
      .run(t.to, closing ? 1 : 0, input.note, closing ? 1 : 0, input.followUp, closing ? 1 : 0, input.followUpRef, now, ctx.user!.id, input.id, input.version);
    if (r.changes === 0) throw new AppError('CONFLICT', 'errors.staleRecord', {}, 'version');
    event(ctx, input.id, input.action, before.status, t.to, input.note);
    const after = mustLoad(ctx, input.id);
    ctx.audit({ entityType: 'incident', entityId: input.id, payload: { action: input.action, from: before.status, to: t.to, followUp: input.followUp } });
    return after;
  },
};
