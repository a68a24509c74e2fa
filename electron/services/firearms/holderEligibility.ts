import type { Db } from '../../store/db.ts';

/**
 * Whether a guard may be issued a weapon: a valid credential on the date and a firearm
 * qualification for every calibre the weapon takes (personnel area). The check is a provider so
 * the firearms register does not import personnel internals; `personnelEligibility` is the real one.
 *
 * `verified: false` means the personnel register could not be consulted (no personnel tables in
 * this workspace): the issue is recorded with holder_check = 'unverified' and shown as such.
 */
export type HolderCheck =
  | { ok: true; verified: boolean }
  | { ok: false; messageKey: string; params: Record<string, string | number> };

export type HolderEligibility = (db: Db, personId: string, calibreCodes: readonly string[], date: string) => HolderCheck;

/** Used while the personnel register is absent from the workspace schema. */
export const unverifiedEligibility: HolderEligibility = () => ({ ok: true, verified: false });

let provider: HolderEligibility = unverifiedEligibility;

/** Replaces the provider (personnel wiring at start-up; tests inject refusals). Returns the previous one. */
export function setHolderEligibility(p: HolderEligibility): HolderEligibility {
  const prev = provider;
  provider = p;
  return prev;
}

export function checkHolder(db: Db, personId: string, calibreCodes: readonly string[], date: string): HolderCheck {
  return provider(db, personId, calibreCodes, date);
}

/** Display name of a person when the personnel register exists; the id is what the register stores. */
export function personName(_db: Db, _personId: string | null): string | null {
  return null;
}
