import type { Db } from '../../store/db.ts';

/** What other areas learn when an inspection report is issued. */
export interface IssuedInspection {
  inspectionId: string; companyId: string; type: string; site: 'office' | 'armory'; armoryId: string | null; licenceId: string | null;
  score: number | null; capped: boolean; issuedAt: string; documentId: string;
}

/**
 * Extension point, run inside the issuing transaction: an armory inspection updates that
 * armory's assessment score (firearms area), a pre-licence inspection feeds the licence
 * decision (licensing area). Those tables are not on main yet, so nothing is registered here;
 * each area appends one listener when it lands. A listener that throws aborts the issue.
 */
export const ISSUED_INSPECTION_LISTENERS: ((db: Db, i: IssuedInspection) => void)[] = [];

export function notifyIssuedInspection(db: Db, i: IssuedInspection): void {
  for (const l of ISSUED_INSPECTION_LISTENERS) l(db, i);
}
