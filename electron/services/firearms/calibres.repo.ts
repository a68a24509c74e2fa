import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  calibreLabel, isKnownCalibre, normaliseCalibre, SHIPPED_CALIBRES, type CalibreDef, type CalibreKnown, type CalibreList,
} from '../../../shared/model/calibres.ts';

interface CalibreSqlRow { code: string; canonical: string; kind: CalibreDef['kind']; synonyms: string }

/**
 * The workspace's calibre list. Until an administrator first edits it the table is empty and the
 * shipped list applies; the first edit stores the shipped list, then the edit (`storeShippedCalibres`).
 * Cached per database handle and invalidated on every write, so resolving a calibre is a map lookup.
 */
const cache = new WeakMap<Db, CalibreList>();

export function calibreList(db: Db): CalibreList {
  const hit = cache.get(db);
  if (hit) return hit;
  const rows = db.prepare('SELECT code, canonical, kind, synonyms FROM firearm_calibres ORDER BY position, code').all() as CalibreSqlRow[];
  const list: CalibreList = rows.length === 0
    ? SHIPPED_CALIBRES
    : rows.map((r) => ({ code: r.code, canonical: r.canonical, kind: r.kind, synonyms: JSON.parse(r.synonyms) as string[] }));
  cache.set(db, list);
  return list;
}

export function invalidateCalibres(db: Db): void {
  cache.delete(db);
}

/** Copies the shipped list into the workspace if it holds none yet (idempotent, inside the caller's transaction). */
export function storeShippedCalibres(db: Db, now: string, userId: string | null): void {
  const n = (db.prepare('SELECT count(*) AS n FROM firearm_calibres').get() as { n: number }).n;
  if (n > 0) return;
  const ins = db.prepare('INSERT INTO firearm_calibres (code, canonical, kind, synonyms, position, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  SHIPPED_CALIBRES.forEach((c, i) => ins.run(c.code, c.canonical, c.kind, JSON.stringify(c.synonyms), i, now, now, userId));
  invalidateCalibres(db);
}

/**
 * Resolves a written calibre or refuses it naming the field: unknown spellings and ambiguous ones
 * (with their candidates) go back to the officer, never guessed.
 */
export function resolveCalibre(db: Db, written: string, field: string): CalibreKnown {
  const list = calibreList(db);
  const m = normaliseCalibre(written, list);
  if (isKnownCalibre(m)) return m;
  if (m.reason === 'ambiguous') {
    throw AppError.validation(field, 'errors.calibreAmbiguous', { written: m.unknown, candidates: m.candidates.map((c) => calibreLabel(c, list)).join(', ') });
  }
  throw AppError.validation(field, 'errors.calibreUnknown', { written: m.unknown });
}

export function labelOf(db: Db, code: string): string {
  return calibreLabel(code, calibreList(db));
}
