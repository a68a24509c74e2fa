import type { TimelineSource } from '../source.ts';

/** Every step of the company's applications and licences, with the decision's legal basis. */
export const licenceEvents: TimelineSource = {
  id: 'licence',
  read(db, companyId, limit, offset) {
    const rows = db.prepare(`SELECT e.at, e.action, e.to_state, e.legal_basis, e.reason, e.username, l.id AS licence_id, l.number, t.name AS type_name
      FROM licence_events e JOIN licences l ON l.id = e.licence_id JOIN licence_types t ON t.id = l.type_id
      WHERE l.company_id = ? ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?`).all(companyId, limit, offset) as {
      at: string; action: string; to_state: string; legal_basis: string | null; reason: string | null; username: string | null;
      licence_id: string; number: string | null; type_name: string;
    }[];
    return rows.map((r) => ({
      at: r.at, source: 'licence', titleKey: `timeline.licence.${r.action}`, params: { type: r.type_name, number: r.number ?? '' },
      detail: [r.legal_basis, r.reason].filter(Boolean).join(' — ') || null, entityType: 'licence', entityId: r.licence_id, username: r.username,
    }));
  },
};
