import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import type { LinkedPerson } from '../../../shared/commands/grievances.ts';

/**
 * The link between an incident or a grievance and the personnel register (migration 19). One
 * shape for both owners; the table and column names come from this closed list, never from input.
 */
const OWNERS = {
  incident: { table: 'incident_persons', column: 'incident_id' },
  grievance: { table: 'grievance_persons', column: 'grievance_id' },
} as const;
export type PeopleOwner = keyof typeof OWNERS;

/**
 * Refuses the record when any id is not a person in the register (NOT_FOUND on `personIds`).
 * Called before the owner row is written; the handler's transaction would undo it anyway.
 */
export function requirePersons(db: Db, personIds: readonly string[]): void {
  const exists = db.prepare('SELECT 1 FROM persons WHERE id = ?');
  for (const id of personIds) {
    if (!exists.get(id)) throw AppError.validation('personIds', 'errors.personNotFound', {}, 'NOT_FOUND');
  }
}

/** Writes the links in the order given (ids already deduplicated by the contract and checked by {@link requirePersons}). */
export function linkPersons(db: Db, owner: PeopleOwner, ownerId: string, personIds: readonly string[], at: string, userId: string | null): void {
  const o = OWNERS[owner];
  const ins = db.prepare(`INSERT INTO ${o.table} (${o.column}, person_id, position, created_at, created_by) VALUES (?, ?, ?, ?, ?)`);
  personIds.forEach((personId, i) => ins.run(ownerId, personId, i, at, userId));
}

/** The linked persons with their national id and credential as the register holds them now. */
export function loadPersons(db: Db, owner: PeopleOwner, ownerId: string): LinkedPerson[] {
  const o = OWNERS[owner];
  const rows = db.prepare(`SELECT p.id, p.given_names, p.family_names, p.national_id, p.credential_number, p.credential_status
    FROM ${o.table} x JOIN persons p ON p.id = x.person_id WHERE x.${o.column} = ? ORDER BY x.position`).all(ownerId) as {
    id: string; given_names: string; family_names: string; national_id: string; credential_number: string | null; credential_status: LinkedPerson['credentialStatus'];
  }[];
  return rows.map((r) => ({
    personId: r.id, name: `${r.given_names} ${r.family_names}`, nationalId: r.national_id,
    credentialNumber: r.credential_number, credentialStatus: r.credential_status,
  }));
}

/** SQL condition "the owner row `alias.id` is linked to person ?" (walks the person index). */
export function linkedToPersonSql(owner: PeopleOwner, alias: string): string {
  const o = OWNERS[owner];
  return `${alias}.id IN (SELECT ${o.column} FROM ${o.table} WHERE person_id = ?)`;
}
