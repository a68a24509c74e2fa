import { AppError } from '../../../shared/errors.ts';
import { findTransition, type Transition } from '../../../shared/model/lifecycle.ts';
import { roleCan, type Role } from '../../../shared/model/roles.ts';
import { CALENDAR, CALENDAR_ACTION, type Calendar } from '../../core/calendar.ts';

/**
 * The one check every lifecycle move goes through: the pair must be in the table
 * (INVALID_TRANSITION otherwise) and the user's role must hold its permission (FORBIDDEN).
 * The calendar (daily upkeep) has no role to check: it may take only `expire`.
 */
export function checkTransition<S extends string, A extends string>(table: readonly Transition<S, A>[], from: S, action: A, role: Role | Calendar, entity: string): Transition<S, A> {
  const t = findTransition(table, from, action);
  if (!t) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition', { entity, from, action }, 'action');
  if (role === CALENDAR ? action !== CALENDAR_ACTION : !roleCan(role, t.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `${entity}:${action}` });
  return t;
}

/** Whole days from `fromIso` to `toIso` (dates or date-times), never negative. */
export function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.parse(fromIso.length === 10 ? `${fromIso}T00:00:00Z` : fromIso);
  const b = Date.parse(toIso.length === 10 ? `${toIso}T00:00:00Z` : toIso);
  return Math.max(0, Math.floor((b - a) / 86_400_000));
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
