import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import type { LicenceType, licenceTypeFields } from '../../../shared/commands/licensing.ts';
import type { ServiceType } from '../../../shared/model/company.ts';

interface TypeSqlRow {
  id: string; name: string; service_types: string; validity_months: number; processing_days: number; renewal_window_days: number;
  required_documents: string; number_pattern: string; active: number; version: number; updated_at: string;
}

function hydrate(r: TypeSqlRow): LicenceType {
  return {
    id: r.id, name: r.name, serviceTypes: JSON.parse(r.service_types) as ServiceType[], validityMonths: r.validity_months,
    processingDays: r.processing_days, renewalWindowDays: r.renewal_window_days, requiredDocuments: JSON.parse(r.required_documents) as string[],
    numberPattern: r.number_pattern, active: r.active === 1, version: r.version, updatedAt: r.updated_at,
  };
}

export function listLicenceTypes(db: Db, includeInactive: boolean): LicenceType[] {
  const rows = db.prepare(`SELECT * FROM licence_types ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name COLLATE NOCASE`).all() as TypeSqlRow[];
  return rows.map(hydrate);
}

export function loadLicenceType(db: Db, id: string): LicenceType | null {
  const r = db.prepare('SELECT * FROM licence_types WHERE id = ?').get(id) as TypeSqlRow | undefined;
  return r ? hydrate(r) : null;
}

type Fields = z.output<typeof licenceTypeFields>;

/**
 * Creates or updates a type. The name is unique (CONFLICT on the field). Changing a type
 * does not touch applications already made: they copied the checklist and the deadline.
 */
export function saveLicenceType(db: Db, input: { id?: string | null; version?: number | null; fields: Fields }, now: string, userId: string): string {
  const f = input.fields;
  const clash = db.prepare('SELECT id FROM licence_types WHERE name = ? COLLATE NOCASE').get(f.name) as { id: string } | undefined;
  if (clash && clash.id !== input.id) throw AppError.validation('fields.name', 'errors.licenceTypeNameTaken', { name: f.name }, 'CONFLICT');
  const row = {
    name: f.name, service_types: JSON.stringify(f.serviceTypes), validity_months: f.validityMonths, processing_days: f.processingDays,
    renewal_window_days: f.renewalWindowDays, required_documents: JSON.stringify(f.requiredDocuments), number_pattern: f.numberPattern,
    active: f.active ? 1 : 0, now, user: userId,
  };
  if (!input.id) {
    const id = uuidv7();
    db.prepare(`INSERT INTO licence_types (id, name, service_types, validity_months, processing_days, renewal_window_days, required_documents, number_pattern, active, created_at, updated_at, created_by)
      VALUES (@id, @name, @service_types, @validity_months, @processing_days, @renewal_window_days, @required_documents, @number_pattern, @active, @now, @now, @user)`).run({ ...row, id });
    return id;
  }
  if (!loadLicenceType(db, input.id)) throw new AppError('NOT_FOUND', 'errors.licenceTypeNotFound', {}, 'id');
  const r = db.prepare(`UPDATE licence_types SET name = @name, service_types = @service_types, validity_months = @validity_months,
      processing_days = @processing_days, renewal_window_days = @renewal_window_days, required_documents = @required_documents,
      number_pattern = @number_pattern, active = @active, version = version + 1, updated_at = @now
    WHERE id = @id AND version = @version`).run({ ...row, id: input.id, version: input.version ?? 0 });
  if (r.changes === 0) throw new AppError('CONFLICT', 'errors.staleVersion', {}, 'version');
  return input.id;
}
