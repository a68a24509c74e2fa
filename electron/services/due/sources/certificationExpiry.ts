import type { DueSource } from '../source.ts';

/** Companies' certifications (ICoCA, ISO 18788, ISO 28007, national) reaching expiry while still in force. */
export const certificationExpiry: DueSource = {
  kind: 'certification_expiry', entityType: 'certification',
  from: 'FROM certifications x JOIN companies c ON c.id = x.company_id',
  where: "x.status IN ('transitional','certified','suspended')", due: 'x.expires_on',
  entityId: 'x.id', companyId: 'c.id', companyName: 'c.legal_name',
  subject: "'audits.standard.' || x.standard", subjectIsKey: true,
  reference: "NULLIF(TRIM(COALESCE(x.certificate_number, '') || ' ' || x.certification_body), '')",
};
