import type { Db } from '../../store/db.ts';
import { credentialValidOn, loadPersonRow, qualifiedFor } from '../personnel/index.ts';
import { calibreList } from './calibres.repo.ts';

/**
 * Whether a guard may be issued a weapon: a person in the personnel register, holding a credential
 * in force on the date, and a firearm qualification in force for every calibre the weapon takes
 * (both halves of a ".38 SPL / .357 Magnum" revolver).
 *
 * Personnel stores qualifications as written ("9 mm", "9MM"); its `qualifiedFor` compares ignoring
 * case and spaces. So each calibre is asked under its canonical name and every synonym of the
 * workspace list: "9mm", "9x19" and "9 mm Parabellum" are the same qualification.
 */
export type HolderCheck =
  | { ok: true }
  | { ok: false; messageKey: string; params: Record<string, string | number> };

export function checkHolder(db: Db, personId: string, calibreCodes: readonly string[], date: string): HolderCheck {
  if (!loadPersonRow(db, personId)) return { ok: false, messageKey: 'errors.holderNotFound', params: {} };
  if (!credentialValidOn(db, personId, date)) return { ok: false, messageKey: 'errors.holderNoCredential', params: { date } };
  const list = calibreList(db);
  for (const code of calibreCodes) {
    const def = list.find((c) => c.code === code);
    const spellings = def ? [def.canonical, ...def.synonyms] : [code];
    if (!spellings.some((s) => qualifiedFor(db, personId, s, date))) {
      return { ok: false, messageKey: 'errors.holderNotQualified', params: { calibre: def?.canonical ?? code, date } };
    }
  }
  return { ok: true };
}

/** Display name of a person of the personnel register; the firearms register stores only the id. */
const nameStatements = new WeakMap<Db, ReturnType<Db['prepare']>>();

export function personName(db: Db, personId: string | null): string | null {
  if (!personId) return null;
  let stmt = nameStatements.get(db);
  if (!stmt) nameStatements.set(db, (stmt = db.prepare('SELECT given_names, family_names FROM persons WHERE id = ?')));
  const r = stmt.get(personId) as { given_names: string; family_names: string } | undefined;
  return r ? `${r.given_names} ${r.family_names}` : null;
}
