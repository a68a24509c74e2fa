import type { TimelineSource } from '../source.ts';

/** Sanctions against the company (through its licences): proposal, notification, appeal, finality. */
export const sanctionEvents: TimelineSource = {
  id: 'sanction',
  read(db, companyId, limit, offset) {
    const rows = db.prepare(`SELECT e.at, e.action, e.note, e.username, s.id AS sanction_id, s.kind
      FROM sanction_events e JOIN sanctions s ON s.id = e.sanction_id
      WHERE s.company_id = ? ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?`).all(companyId, limit, offset) as {
      at: string; action: string; note: string | null; username: string | null; sanction_id: string; kind: string;
    }[];
    return rows.map((r) => ({
      at: r.at, source: 'sanction', titleKey: `timeline.sanction.${r.action}`, params: { kind: `sanctions.kind.${r.kind}` },
      detail: r.note, entityType: 'sanction', entityId: r.sanction_id, username: r.username,
    }));
  },
};
