import type { DueSource } from '../source.ts';

/** Companies' bank guarantees (fianza) reaching expiry. */
export const guaranteeExpiry: DueSource = {
  kind: 'guarantee_expiry', entityType: 'company',
  from: 'FROM companies c', where: 'c.guarantee_expiry IS NOT NULL', due: 'c.guarantee_expiry',
  entityId: 'c.id', companyId: 'c.id', companyName: 'c.legal_name',
  subject: "'due.subject.guarantee'", subjectIsKey: true,
  reference: "CASE WHEN c.guarantee_amount IS NULL THEN NULL ELSE printf('%.2f', c.guarantee_amount) || COALESCE(' ' || c.guarantee_currency, '') END",
};
