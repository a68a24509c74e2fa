import type { DueSource } from '../source.ts';

/** Health / psychological certificates of people being vetted or holding a live credential. */
export const healthCertificate: DueSource = {
  kind: 'health_certificate', entityType: 'person',
  from: 'FROM persons p LEFT JOIN companies c ON c.id = p.current_company_id',
  where: "p.health_cert_expiry IS NOT NULL AND p.credential_status IN ('vetting','credentialed','active','inactive','suspended')",
  due: 'p.health_cert_expiry',
  countIndex: 'persons_due_health',
  entityId: 'p.id', companyId: 'p.current_company_id', companyName: 'c.legal_name',
  subject: "p.family_names || ', ' || p.given_names", reference: 'p.credential_number',
};
