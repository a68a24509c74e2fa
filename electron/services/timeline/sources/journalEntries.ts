import type { TimelineSource } from '../source.ts';

/** Journal entries about the company record itself (created, edited, documents attached). */
export const journalEntries: TimelineSource = {
  id: 'journal',
  read(db, companyId, limit, offset) {
    const rows = db.prepare(`SELECT at, command, username FROM journal WHERE entity_type = 'company' AND entity_id = ?
      ORDER BY seq DESC LIMIT ? OFFSET ?`).all(companyId, limit, offset) as { at: string; command: string; username: string | null }[];
    return rows.map((r) => ({
      at: r.at, source: 'journal', titleKey: 'timeline.journal', params: { command: r.command },
      detail: null, entityType: 'company', entityId: companyId, username: r.username,
    }));
  },
};
