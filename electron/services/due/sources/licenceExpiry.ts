import type { DueSource } from '../source.ts';

/** Active licences reaching their expiry date. A renewal filed in time takes the licence out of this list. */
export const licenceExpiry: DueSource = {
  kind: 'licence_expiry', entityType: 'licence',
  from: 'FROM licences l JOIN companies c ON c.id = l.company_id JOIN licence_types t ON t.id = l.type_id',
  where: "l.state = 'active'", due: 'l.expires_on',
  entityId: 'l.id', companyId: 'l.company_id', companyName: 'c.legal_name', subject: 't.name', reference: 'l.number',
};
