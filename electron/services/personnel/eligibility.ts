import type { Db } from '../../store/db.ts';
import type { HolderCheck } from '../firearms/holderEligibility.ts';
import { calibreLabel } from '../../../shared/model/calibres.ts';
import { calibreList } from '../firearms/calibres.repo.ts';
import { credentialValidOn, qualifiedFor } from './credentials.ts';

/**
 * Whether a weapon of `calibreCodes` may be issued to `personId` on `date` (the firearms
 * register's `HolderEligibility`): the person exists, holds a credential in force that day, and
 * has a qualification in force for every calibre the weapon takes. The refusal names the first
 * reason, in the firearms catalogue's words.
 */
export function personnelEligibility(db: Db, personId: string, calibreCodes: readonly string[], date: string): HolderCheck {
  const exists = db.prepare('SELECT 1 FROM persons WHERE id = ?').get(personId);
  if (!exists) return { ok: false, messageKey: 'errors.personNotFound', params: {} };
  if (!credentialValidOn(db, personId, date)) return { ok: false, messageKey: 'errors.holderNoCredential', params: { date } };
  for (const code of calibreCodes) {
    if (!qualifiedFor(db, personId, code, date)) {
      return { ok: false, messageKey: 'errors.holderNotQualified', params: { calibre: calibreLabel(code, calibreList(db)), date } };
    }
  }
  return { ok: true };
}
