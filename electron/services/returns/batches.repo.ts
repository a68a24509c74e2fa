import type { ReturnBatch, ReturnFlag, MappingProfile } from '../../../shared/commands/returns.ts';
import type { Db } from '../../store/db.ts';
import type { ImportReport } from './importer.ts';

interface BatchRow {
  id: string; year: number; status: 'committed' | 'undone'; files: string; counts: string; row_count: number; flag_count: number;
  created_at: string; created_by: string | null; undone_at: string | null; undone_by: string | null;
}

function hydrate(r: BatchRow): ReturnBatch {
  return {
    id: r.id, year: r.year, status: r.status, files: JSON.parse(r.files) as string[], counts: JSON.parse(r.counts) as ReturnBatch['counts'],
    rowCount: r.row_count, flagCount: r.flag_count, createdAt: r.created_at, createdBy: r.created_by, undoneAt: r.undone_at, undoneBy: r.undone_by,
  };
}

/** Batches newest first; the list is small (one per import) but paged anyway. */
export function listBatches(db: Db, offset: number, limit: number): { rows: ReturnBatch[]; total: number } {
  const rows = db.prepare(`SELECT b.*, u.username AS created_by_name, v.username AS undone_by_name FROM return_batches b
    LEFT JOIN users u ON u.id = b.created_by LEFT JOIN users v ON v.id = b.undone_by ORDER BY b.created_at DESC, b.id DESC LIMIT ? OFFSET ?`)
    .all(limit, offset) as (BatchRow & { created_by_name: string | null; undone_by_name: string | null })[];
  const total = (db.prepare('SELECT count(*) AS n FROM return_batches').get() as { n: number }).n;
  return { rows: rows.map((r) => ({ ...hydrate(r), createdBy: r.created_by_name ?? r.created_by, undoneBy: r.undone_by_name ?? r.undone_by })), total };
}

export function getBatch(db: Db, id: string): ReturnBatch | null {
  const r = db.prepare('SELECT * FROM return_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return r ? hydrate(r) : null;
}

export function batchFlags(db: Db, id: string): ReturnFlag[] {
  return (db.prepare('SELECT kind, company_licence_no, serial_no, national_id, other_company_licence_no FROM return_flags WHERE batch_id = ? ORDER BY kind, company_licence_no, serial_no, national_id LIMIT 5000')
    .all(id) as { kind: ReturnFlag['kind']; company_licence_no: string; serial_no: string | null; national_id: string | null; other_company_licence_no: string | null }[])
    .map((f) => ({
      kind: f.kind, companyLicenceNo: f.company_licence_no,
      ...(f.serial_no ? { serialNo: f.serial_no } : {}), ...(f.national_id ? { nationalId: f.national_id } : {}),
      ...(f.other_company_licence_no ? { otherCompanyLicenceNo: f.other_company_licence_no } : {}),
    }));
}

interface ProfileRow { id: string; name: string; company_licence_no: string | null; answers: string; date_order: 'dmy' | 'mdy' | null; updated_at: string }
const hydrateProfile = (r: ProfileRow): MappingProfile => ({
  id: r.id, name: r.name, companyLicenceNo: r.company_licence_no, answers: JSON.parse(r.answers) as MappingProfile['answers'], dateOrder: r.date_order, updatedAt: r.updated_at,
});

export function listProfiles(db: Db): MappingProfile[] {
  return (db.prepare('SELECT * FROM return_mapping_profiles ORDER BY name COLLATE NOCASE').all() as ProfileRow[]).map(hydrateProfile);
}

export function getProfile(db: Db, id: string): MappingProfile | null {
  const r = db.prepare('SELECT * FROM return_mapping_profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  return r ? hydrateProfile(r) : null;
}

/** Saves by name: saving "Quetzal 2026" again replaces its answers. */
export function upsertProfile(db: Db, p: { id: string; name: string; companyLicenceNo: string | null; answers: MappingProfile['answers']; dateOrder: 'dmy' | 'mdy' | null }, now: string, by: string | null): MappingProfile {
  db.prepare(`INSERT INTO return_mapping_profiles (id, name, company_licence_no, answers, date_order, created_at, updated_at, created_by)
    VALUES (@id, @name, @company, @answers, @dateOrder, @now, @now, @by)
    ON CONFLICT(name) DO UPDATE SET company_licence_no = excluded.company_licence_no, answers = excluded.answers, date_order = excluded.date_order, updated_at = excluded.updated_at`)
    .run({ id: p.id, name: p.name, company: p.companyLicenceNo, answers: JSON.stringify(p.answers), dateOrder: p.dateOrder, now, by });
  return hydrateProfile(db.prepare('SELECT * FROM return_mapping_profiles WHERE name = ?').get(p.name) as ProfileRow);
}

/**
 * The report of a batch that committed although its job never said so (its worker was killed
 * between the commit and its last message): rebuilt from what the batch itself recorded.
 */
export function reportFromBatch(db: Db, id: string): ImportReport | null {
  const b = getBatch(db, id);
  if (!b) return null;
  return {
    year: b.year, dryRun: false, committed: true, batchId: b.id,
    files: b.files.map((file) => ({ file, dateOrder: null, sheets: [] })),
    counts: b.counts as ImportReport['counts'], errors: [], warnings: [], problemsNotListed: 0,
    flags: batchFlags(db, id) as ImportReport['flags'], questions: [], diff: [],
  };
}
