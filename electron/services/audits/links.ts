import type { Db } from '../../store/db.ts';

/** What other areas learn when an inspection report is issued. */
export interface IssuedInspection {
  inspectionId: string; companyId: string; type: string; site: 'office' | 'armory'; armoryId: string | null; licenceId: string | null;
  score: number | null; capped: boolean; issuedAt: string; documentId: string;
}

/** An issued armory inspection becomes the armory's last assessment (firearms area's `armories`). */
function armoryAssessment(db: Db, i: IssuedInspection): void {
  if (i.site !== 'armory' || !i.armoryId || i.score === null) return;
  db.prepare('UPDATE armories SET last_assessment_score = ?, last_assessment_at = ?, version = version + 1, updated_at = ? WHERE id = ?')
    .run(i.score, i.issuedAt, i.issuedAt, i.armoryId);
}

/**
 * Run inside the issuing transaction, so the report and its effects commit together; a
 * listener that throws aborts the issue. Armory inspections update the armory's assessment.
 * A pre-licence inspection is linked to its licence by `inspections.licence_id`; the licence
 * decision reads it from there (licensing keeps no score column of its own to update).
 */
export const ISSUED_INSPECTION_LISTENERS: ((db: Db, i: IssuedInspection) => void)[] = [armoryAssessment];

export function notifyIssuedInspection(db: Db, i: IssuedInspection): void {
  for (const l of ISSUED_INSPECTION_LISTENERS) l(db, i);
}
