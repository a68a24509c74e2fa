import type { Permission, Role } from './roles.ts';
import { roleCan } from './roles.ts';

/**
 * One allowed move of a lifecycle: from a state, by an action, to a state, for holders of a
 * permission. Each lifecycle is ONE array of these; the service checks, the UI's buttons and
 * the generated tests are all derived from it, so they cannot disagree.
 */
export interface Transition<S extends string, A extends string> {
  from: S;
  to: S;
  action: A;
  permission: Permission;
}

/** The transition for `action` out of `from`, or null when the table has none. */
export function findTransition<S extends string, A extends string>(table: readonly Transition<S, A>[], from: S, action: A): Transition<S, A> | null {
  return table.find((t) => t.from === from && t.action === action) ?? null;
}

/** Actions a role may take from `from` (what the UI shows). */
export function availableActions<S extends string, A extends string>(table: readonly Transition<S, A>[], from: S, role: Role): A[] {
  return table.filter((t) => t.from === from && roleCan(role, t.permission)).map((t) => t.action);
}
