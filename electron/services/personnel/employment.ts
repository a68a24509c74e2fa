import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { Ctx } from '../../core/context.ts';
import { followEmployment, localDate } from './credentials.ts';
import { currentEmployment, loadPersonRow } from './persons.repo.ts';
import { touchPerson } from './persons.write.ts';

/**
 * Employment is history: a person moves between companies and every period is kept. At most
 * one period is open (the current employer; a partial unique index enforces it), periods never
 * overlap, and `persons.current_company_id` mirrors the open one so the list can filter by it.
 */
function latestEnd(ctx: Ctx, personId: string): string | null {
  const r = ctx.db.prepare('SELECT max(end_date) AS d FROM employments WHERE person_id = ? AND end_date IS NOT NULL').get(personId) as { d: string | null };
  return r.d;
}

/** Starts employment with `companyId` on `startDate`; an open period with another company ends that day. */
export function setEmployer(ctx: Ctx, input: { personId: string; companyId: string; startDate: string; position: string | null }): void {
  const db = ctx.db;
  const p = loadPersonRow(db, input.personId);
  if (!p) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'personId');
  const company = db.prepare('SELECT id, legal_name FROM companies WHERE id = ?').get(input.companyId) as { id: string; legal_name: string } | undefined;
  if (!company) throw AppError.validation('companyId', 'errors.companyNotFound', {}, 'NOT_FOUND');
  const today = localDate(ctx.clock.now());
  if (input.startDate > today) throw AppError.validation('startDate', 'validation.dateFuture');
  const now = ctx.nowIso();
  const userId = ctx.user?.id ?? null;
  const open = currentEmployment(db, p.id);
  if (open) {
    if (open.company_id === input.companyId) throw AppError.validation('companyId', 'errors.alreadyEmployedThere', { company: company.legal_name }, 'CONFLICT');
    if (input.startDate < open.start_date) throw AppError.validation('startDate', 'validation.employmentOverlap', { date: open.start_date });
    db.prepare('UPDATE employments SET end_date = ?, end_reason = ?, updated_at = ? WHERE id = ?').run(input.startDate, 'transfer', now, open.id);
  } else {
    const last = latestEnd(ctx, p.id);
    if (last && input.startDate < last) throw AppError.validation('startDate', 'validation.employmentOverlap', { date: last });
  }
  const id = uuidv7();
  db.prepare(`INSERT INTO employments (id, person_id, company_id, position, start_date, end_date, end_reason, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`).run(id, p.id, input.companyId, input.position, input.startDate, now, now, userId);
  db.prepare('UPDATE persons SET current_company_id = ? WHERE id = ?').run(input.companyId, p.id);
  touchPerson(db, p.id, now, userId);
  ctx.audit({ entityType: 'person', entityId: p.id, payload: { employment: { id, companyId: input.companyId, startDate: input.startDate, endedPrevious: open?.id ?? null } } });
  followEmployment(ctx, p.id);
}

/** Ends the open employment on `endDate`; the person then has no employer (Active becomes Inactive). */
export function endEmployment(ctx: Ctx, input: { personId: string; endDate: string; reason: string | null }): void {
  const db = ctx.db;
  const p = loadPersonRow(db, input.personId);
  if (!p) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'personId');
  const open = currentEmployment(db, p.id);
  if (!open) throw new AppError('INVALID_TRANSITION', 'errors.noCurrentEmployer');
  if (input.endDate > localDate(ctx.clock.now())) throw AppError.validation('endDate', 'validation.dateFuture');
  if (input.endDate < open.start_date) throw AppError.validation('endDate', 'validation.endBeforeStart', { date: open.start_date });
  const now = ctx.nowIso();
  const userId = ctx.user?.id ?? null;
  db.prepare('UPDATE employments SET end_date = ?, end_reason = ?, updated_at = ? WHERE id = ?').run(input.endDate, input.reason, now, open.id);
  db.prepare('UPDATE persons SET current_company_id = NULL WHERE id = ?').run(p.id);
  touchPerson(db, p.id, now, userId);
  ctx.audit({ entityType: 'person', entityId: p.id, payload: { employment: { id: open.id, endDate: input.endDate, reason: input.reason } } });
  followEmployment(ctx, p.id);
}
