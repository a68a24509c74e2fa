import type { DueSource } from '../source.ts';

/** Sanctions whose appeal window closes: after it, the sanction can become final. */
export const appealWindow: DueSource = {
  kind: 'appeal_window', entityType: 'sanction',
  from: 'FROM sanctions s LEFT JOIN companies c ON c.id = s.company_id',
  where: "s.state = 'appeal_window'", due: 's.appeal_deadline',
  entityId: 's.id', companyId: 's.company_id', companyName: 'c.legal_name',
  subject: "'sanctions.kind.' || s.kind", subjectIsKey: true,
  reference: "CASE s.target_type WHEN 'licence' THEN (SELECT number FROM licences WHERE id = s.target_id) END",
};
