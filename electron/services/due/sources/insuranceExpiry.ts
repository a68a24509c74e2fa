import type { DueSource } from '../source.ts';

/** Companies' liability insurance policies reaching expiry. */
export const insuranceExpiry: DueSource = {
  kind: 'insurance_expiry', entityType: 'company',
  from: 'FROM companies c', where: 'c.insurance_expiry IS NOT NULL', due: 'c.insurance_expiry',
  entityId: 'c.id', companyId: 'c.id', companyName: 'c.legal_name',
  subject: "'due.subject.insurance'", subjectIsKey: true,
  reference: "NULLIF(TRIM(COALESCE(c.insurer, '') || ' ' || COALESCE(c.insurance_policy, '')), '')",
};
