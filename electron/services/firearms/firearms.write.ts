import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { FirearmEventKind } from '../../../shared/model/firearms.ts';
import { normaliseMake } from '../../../shared/model/firearms.ts';
import type { FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import { checkSerial, SERIAL_MAX_LENGTH, toSerialNumber } from '../../../shared/model/serial.ts';
import type { FirearmFields } from '../../../shared/commands/firearms.ts';
import type { firearmFields } from '../../../shared/commands/firearms.ts';
import type { z } from 'zod';
import { resolveCalibre } from './calibres.repo.ts';

type Fields = z.output<typeof firearmFields>;
export type { FirearmFields };

export interface NewEvent {
  firearmId: string; kind: FirearmEventKind; occurredAt: string; companyId: string; counterpartCompanyId?: string | null;
  fromState?: FirearmState | null; toState?: FirearmState | null; personId?: string | null; post?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one timeline row. Every fact about a weapon goes through here. */
export function addEvent(db: Db, e: NewEvent, now: string, userId: string | null): string {
  const id = uuidv7();
  db.prepare(`INSERT INTO firearm_events (id, firearm_id, kind, occurred_at, company_id, counterpart_company_id, from_state, to_state,
    person_id, post, details, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, e.firearmId, e.kind, e.occurredAt, e.companyId, e.counterpartCompanyId ?? null, e.fromState ?? null, e.toState ?? null,
    e.personId ?? null, e.post ?? null, JSON.stringify(e.details ?? {}), now, userId,
  );
  return id;
}

export function requireCompany(db: Db, companyId: string, field: string): void {
  if (!db.prepare('SELECT 1 FROM companies WHERE id = ?').get(companyId)) throw AppError.validation(field, 'errors.companyNotFound', {}, 'NOT_FOUND');
}

/** The armory must exist and belong to the company the weapon or lot is recorded under. */
export function requireArmoryOf(db: Db, armoryId: string | null, companyId: string, field: string): void {
  if (!armoryId) return;
  const a = db.prepare('SELECT company_id FROM armories WHERE id = ?').get(armoryId) as { company_id: string } | undefined;
  if (!a) throw AppError.validation(field, 'errors.armoryNotFound', {}, 'NOT_FOUND');
  if (a.company_id !== companyId) throw AppError.validation(field, 'errors.armoryOfOtherCompany');
}

interface Checked { calibreCode: string; serialNorm: string; makeNorm: string }

/** Field rules beyond the schema: calibre in the list, a usable serial, company and armory consistent, no twin in the same company. */
export function checkFirearmFields(db: Db, f: Fields, selfId: string | null): Checked {
  const problem = checkSerial(f.serial);
  if (problem) throw AppError.validation('serial', problem === 'noAlphanumeric' ? 'errors.serialNoAlphanumeric' : `validation.${problem}`, problem === 'tooLong' ? { max: SERIAL_MAX_LENGTH } : {});
  const calibre = resolveCalibre(db, f.calibre, 'calibre');
  requireCompany(db, f.companyId, 'companyId');
  requireArmoryOf(db, f.armoryId, f.companyId, 'armoryId');
  const serialNorm = toSerialNumber(f.serial).normalised;
  const makeNorm = normaliseMake(f.make);
  const twin = db.prepare('SELECT id, serial FROM firearms WHERE make_norm = ? AND serial_norm = ? AND company_id = ? AND id <> ?')
    .get(makeNorm, serialNorm, f.companyId, selfId ?? '') as { id: string; serial: string } | undefined;
  if (twin) throw AppError.validation('serial', 'errors.firearmSerialTaken', { serial: twin.serial }, 'CONFLICT');
  return { calibreCode: calibre.code, serialNorm, makeNorm };
}

export function insertFirearm(db: Db, f: Fields, c: Checked, now: string, userId: string | null): string {
  const id = uuidv7();
  db.prepare(`INSERT INTO firearms (id, company_id, armory_id, type, make, make_norm, model, calibre_code, calibre_written, serial, serial_norm,
    manufacturer, country_of_manufacture, year, import_mark, secondary_marks, permit_number, permit_expiry, condition, state,
    holder_person_id, post, notes, version, created_at, updated_at, created_by, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_armory', NULL, NULL, ?, 1, ?, ?, ?, ?)`).run(
    id, f.companyId, f.armoryId, f.type, f.make, c.makeNorm, f.model, c.calibreCode, f.calibre, f.serial.trim(), c.serialNorm,
    f.manufacturer, f.countryOfManufacture, f.year, f.importMark, f.secondaryMarks, f.permitNumber, f.permitExpiry, f.condition,
    f.notes, now, now, userId, userId,
  );
  addEvent(db, { firearmId: id, kind: 'registered', occurredAt: now.slice(0, 19), companyId: f.companyId, toState: 'in_armory' }, now, userId);
  return id;
}

/**
 * Corrects the record. The owner only changes by transfer (recorded on both sides), so a
 * different companyId here is refused.
 */
export function updateFirearm(db: Db, id: string, version: number, f: Fields, c: Checked, ownerId: string, now: string, userId: string | null): void {
  if (f.companyId !== ownerId) throw AppError.validation('companyId', 'errors.ownerChangesByTransfer');
  const r = db.prepare(`UPDATE firearms SET armory_id = ?, type = ?, make = ?, make_norm = ?, model = ?, calibre_code = ?, calibre_written = ?,
    serial = ?, serial_norm = ?, manufacturer = ?, country_of_manufacture = ?, year = ?, import_mark = ?, secondary_marks = ?, permit_number = ?,
    permit_expiry = ?, condition = ?, notes = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`).run(
    f.armoryId, f.type, f.make, c.makeNorm, f.model, c.calibreCode, f.calibre, f.serial.trim(), c.serialNorm, f.manufacturer,
    f.countryOfManufacture, f.year, f.importMark, f.secondaryMarks, f.permitNumber, f.permitExpiry, f.condition, f.notes, now, userId, id, version,
  );
  if (r.changes !== 1) throw new AppError('CONFLICT', 'errors.firearmStale');
  addEvent(db, { firearmId: id, kind: 'edited', occurredAt: now.slice(0, 19), companyId: ownerId }, now, userId);
}
