import type { Ctx } from '../../core/context.ts';

/**
 * The seam between an incident and the firearms register. For each firearm named by serial it
 * returns the register's firearm id (null when the register has no such serial) and, for a
 * `lost` or `stolen` outcome, moves the firearm to that status THROUGH the firearms state
 * machine, in the incident's transaction.
 *
 * The firearms register is built on its own branch and is not yet part of this workspace's
 * schema: until it lands, serials are kept on the incident (searchable, counted in the
 * statistics) and no firearm status changes. Replace the body with the register's lookup and
 * its transition function; the incident side and its tests do not change.
 */
export function linkIncidentFirearms(
  ctx: Ctx,
  _incident: { id: string; number: string; occurredAt: string },
  firearms: readonly { serialNorm: string; outcome: string }[],
): (string | null)[] {
  void ctx;
  return firearms.map(() => null);
}
