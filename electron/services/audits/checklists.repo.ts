import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ChecklistItem, ChecklistTemplate, templateDraft } from '../../../shared/commands/inspections.ts';

interface TemplateRow {
  id: string; code: string; version: number; kind: string; title_es: string; title_en: string; status: 'active' | 'retired';
  based_on_id: string | null; created_at: string; in_use: number; item_count: number;
}
interface ItemRow {
  id: string; position: number; item_key: string; section_no: number; section_es: string; section_en: string; ref: string; level: number;
  text_es: string; text_en: string; guidance_es: string; guidance_en: string;
}

const TEMPLATE_SELECT = `SELECT t.*, EXISTS (SELECT 1 FROM inspections i WHERE i.template_id = t.id) AS in_use,
  (SELECT count(*) FROM checklist_items c WHERE c.template_id = t.id) AS item_count FROM checklist_templates t`;

function hydrateTemplate(r: TemplateRow): ChecklistTemplate {
  return {
    id: r.id, code: r.code, version: r.version, kind: r.kind, title: { es: r.title_es, en: r.title_en }, status: r.status,
    basedOnId: r.based_on_id, inUse: r.in_use === 1, itemCount: r.item_count, createdAt: r.created_at,
  };
}

export function hydrateItem(r: ItemRow): ChecklistItem {
  return {
    id: r.id, position: r.position, itemKey: r.item_key, sectionNo: r.section_no, section: { es: r.section_es, en: r.section_en }, ref: r.ref,
    level: r.level, text: { es: r.text_es, en: r.text_en }, guidance: { es: r.guidance_es, en: r.guidance_en },
  };
}

export function loadTemplate(db: Db, id: string): ChecklistTemplate | null {
  const r = db.prepare(`${TEMPLATE_SELECT} WHERE t.id = ?`).get(id) as TemplateRow | undefined;
  return r ? hydrateTemplate(r) : null;
}

/** Every template version, newest version of each code first. */
export function listTemplates(db: Db): ChecklistTemplate[] {
  return (db.prepare(`${TEMPLATE_SELECT} ORDER BY t.code, t.version DESC`).all() as TemplateRow[]).map(hydrateTemplate);
}

export function loadItems(db: Db, templateId: string): ChecklistItem[] {
  return (db.prepare('SELECT * FROM checklist_items WHERE template_id = ? ORDER BY position').all(templateId) as ItemRow[]).map(hydrateItem);
}

type Draft = z.output<typeof templateDraft>;

/**
 * Saves a template as a new version; never updates an existing version's items, so an
 * inspection (and its signed report) always refers to the exact questions asked. Editing
 * version n of a code makes n+1 and retires the older active versions of that code; a new
 * code starts at 1. Items keep their `itemKey` when edited, which is what recurrence matches.
 */
export function saveTemplateVersion(db: Db, d: Draft, now: string, userId: string | null): string {
  let version = 1;
  if (d.basedOnId) {
    const base = loadTemplate(db, d.basedOnId);
    if (!base) throw new AppError('NOT_FOUND', 'errors.templateNotFound', {}, 'basedOnId');
    if (base.code !== d.code) throw AppError.validation('code', 'errors.templateCodeChanged', { code: base.code });
  } else if (db.prepare('SELECT 1 FROM checklist_templates WHERE code = ?').get(d.code)) {
    throw AppError.validation('code', 'errors.templateCodeTaken', { code: d.code }, 'CONFLICT');
  }
  const max = db.prepare('SELECT max(version) AS v FROM checklist_templates WHERE code = ?').get(d.code) as { v: number | null };
  version = (max.v ?? 0) + 1;
  const knownKeys = new Set((db.prepare(`SELECT DISTINCT c.item_key FROM checklist_items c JOIN checklist_templates t ON t.id = c.template_id WHERE t.code = ?`).all(d.code) as { item_key: string }[]).map((r) => r.item_key));
  const seen = new Set<string>();
  const id = uuidv7();
  db.prepare('UPDATE checklist_templates SET status = ?, updated_at = ? WHERE code = ? AND status = ?').run('retired', now, d.code, 'active');
  db.prepare(`INSERT INTO checklist_templates (id, code, version, kind, title_es, title_en, status, based_on_id, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`).run(id, d.code, version, d.kind, d.title.es, d.title.en, d.basedOnId, now, now, userId);
  const ins = db.prepare(`INSERT INTO checklist_items (id, template_id, position, item_key, section_no, section_es, section_en, ref, level, text_es, text_en, guidance_es, guidance_en, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let pos = 0;
  d.sections.forEach((s, si) => {
    s.items.forEach((it, ii) => {
      pos++;
      let key = it.itemKey;
      if (key && !knownKeys.has(key)) throw AppError.validation(`sections.${si}.items.${ii}.itemKey`, 'errors.itemKeyUnknown');
      if (!key) key = `${d.code}-V${version}-${String(pos).padStart(2, '0')}`;
      if (seen.has(key)) throw AppError.validation(`sections.${si}.items.${ii}.itemKey`, 'errors.itemKeyTwice');
      seen.add(key);
      ins.run(uuidv7(), id, pos, key, si + 1, s.title.es, s.title.en, it.ref, it.level, it.text.es, it.text.en, it.guidance.es, it.guidance.en, now, now);
    });
  });
  return id;
}
