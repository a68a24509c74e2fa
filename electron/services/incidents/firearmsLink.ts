import { AppError } from '../../../shared/errors.ts';
import type { Ctx } from '../../core/context.ts';
import { firearmTransition, type FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import { applyFirearmTransition } from '../firearms/firearms.transition.ts';

interface Incident { number: string; companyId: string; occurredAt: string; reportedAt: string; policeReportNumber: string | null; description: string }
interface Named { serialNorm: string; outcome: string }
interface Found { id: string; version: number; state: FirearmState; company_id: string }

/**
 * The seam between an incident and the firearms register. Each firearm named by serial is
 * looked up (normalised serial; the incident's company first, else a serial unique in the
 * register); a `lost` or `stolen` outcome then moves that firearm THROUGH the firearms state
 * machine (`applyFirearmTransition`: loss report with its own deadline, timeline event,
 * custody refresh), inside the incident's transaction: if the firearm cannot take that move,
 * the whole incident is refused and nothing is written.
 * A firearm already reported lost or stolen is linked and left as it is. Serials the register
 * does not know stay on the incident only (a company may report before registering).
 */
export function linkIncidentFirearms(ctx: Ctx, incident: Incident, firearms: readonly Named[]): (string | null)[] {
  const find = ctx.db.prepare(`SELECT id, version, state, company_id FROM firearms WHERE serial_norm = ? ORDER BY (company_id = ?) DESC, id LIMIT 2`);
  return firearms.map((f, i) => {
    const rows = find.all(f.serialNorm, incident.companyId) as Found[];
    const own = rows.filter((r) => r.company_id === incident.companyId);
    const hit = own.length === 1 ? own[0] : own.length === 0 && rows.length === 1 ? rows[0] : undefined;
    if (!hit) return null;
    if (f.outcome !== 'lost' && f.outcome !== 'stolen') return hit.id;
    if (hit.state === f.outcome) return hit.id;
    const action = f.outcome === 'lost' ? 'reportLost' : 'reportStolen';
    if (!firearmTransition(hit.state, action)) {
      throw AppError.validation(`firearms.${i}.outcome`, 'validation.firearmStateRefuses', { state: hit.state, serial: f.serialNorm });
    }
    applyFirearmTransition(ctx.db, {
      id: hit.id, version: hit.version, action, eventDate: incident.occurredAt.slice(0, 10), reportDate: incident.reportedAt.slice(0, 10),
      policeReportNumber: incident.policeReportNumber ?? incident.number,
      circumstances: `${incident.number}: ${incident.description}`.slice(0, 2000),
    } as Parameters<typeof applyFirearmTransition>[1], ctx.user!.role, ctx.nowIso(), ctx.user!.id);
    return hit.id;
  });
}
