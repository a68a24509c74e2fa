import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import { ANSWERABLE_STATES, type InspectionState } from '../../../shared/model/inspectionLifecycle.ts';
import type { Answer } from '../../../shared/model/checklist.ts';
import { syncFindingForAnswer } from './findings.repo.ts';
import { scoreOf } from './inspections.repo.ts';

/**
 * Records one checklist answer (one row per item, upserted, with its own id and updated_at so
 * field packages can merge it by row) and keeps the item's finding in step. Fieldwork only.
 */
export function recordAnswer(db: Db, a: { inspectionId: string; itemId: string; answer: Answer; note: string | null; now: string; userId: string | null; lang: 'es' | 'en' }) {
  const insp = db.prepare('SELECT status, template_id, company_id FROM inspections WHERE id = ?').get(a.inspectionId) as { status: InspectionState; template_id: string; company_id: string } | undefined;
  if (!insp) throw new AppError('NOT_FOUND', 'errors.inspectionNotFound', {}, 'inspectionId');
  if (!ANSWERABLE_STATES.includes(insp.status)) throw new AppError('INVALID_TRANSITION', 'errors.notInFieldwork', { status: insp.status });
  const item = db.prepare('SELECT id, item_key, ref, level, text_es, text_en FROM checklist_items WHERE id = ? AND template_id = ?').get(a.itemId, insp.template_id) as
    { id: string; item_key: string; ref: string; level: number; text_es: string; text_en: string } | undefined;
  if (!item) throw AppError.validation('itemId', 'errors.itemNotInChecklist', {}, 'NOT_FOUND');
  db.prepare(`INSERT INTO inspection_answers (id, inspection_id, item_id, answer, note, created_at, updated_at, created_by, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(inspection_id, item_id) DO UPDATE SET answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run(uuidv7(), a.inspectionId, a.itemId, a.answer, a.note, a.now, a.now, a.userId, a.userId);
  db.prepare('UPDATE inspections SET updated_at = ?, updated_by = ? WHERE id = ?').run(a.now, a.userId, a.inspectionId);
  const findingId = syncFindingForAnswer(db, {
    inspectionId: a.inspectionId, companyId: insp.company_id,
    item: { id: item.id, itemKey: item.item_key, ref: item.ref, level: item.level, text: a.lang === 'en' ? item.text_en : item.text_es },
    answer: a.answer, note: a.note, now: a.now, userId: a.userId,
  });
  const row = db.prepare('SELECT id, item_id, answer, note, updated_at, updated_by FROM inspection_answers WHERE inspection_id = ? AND item_id = ?').get(a.inspectionId, a.itemId) as
    { id: string; item_id: string; answer: Answer; note: string | null; updated_at: string; updated_by: string | null };
  return {
    answer: { id: row.id, itemId: row.item_id, answer: row.answer, note: row.note, updatedAt: row.updated_at, updatedBy: row.updated_by },
    score: scoreOf(db, insp.template_id, a.inspectionId),
    findingId,
  };
}
