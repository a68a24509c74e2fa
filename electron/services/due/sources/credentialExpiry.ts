import type { DueSource } from '../source.ts';

/** Guards' credentials (carné) reaching expiry, while the credential is live. */
export const credentialExpiry: DueSource = {
  kind: 'credential_expiry', entityType: 'person',
  from: 'FROM persons p LEFT JOIN companies c ON c.id = p.current_company_id',
  // The same condition as the partial index persons_due_credential_id (migration 17), so it is used.
  where: "p.credential_expires_on IS NOT NULL AND p.credential_status IN ('credentialed','active','inactive','suspended')",
  due: 'p.credential_expires_on',
  countIndex: 'persons_due_credential_id',
  entityId: 'p.id', companyId: 'p.current_company_id', companyName: 'c.legal_name',
  subject: "p.family_names || ', ' || p.given_names", reference: 'p.credential_number',
};
