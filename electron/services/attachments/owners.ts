import type { AttachmentOwnerType } from '../../../shared/model/attachments.ts';
import type { Permission } from '../../../shared/model/roles.ts';

/**
 * Where each owner type lives and who may read or add its files. An area that adds an owner
 * type adds one line here; the table must have an `id` column.
 */
export const ATTACHMENT_OWNERS: Record<AttachmentOwnerType, { table: string; read: Permission; write: Permission }> = {
  company: { table: 'companies', read: 'companies.read', write: 'companies.write' },
  person: { table: 'persons', read: 'personnel.read', write: 'personnel.write' },
  licence: { table: 'licences', read: 'licensing.read', write: 'licensing.write' },
  inspection: { table: 'inspections', read: 'inspections.read', write: 'inspections.write' },
  finding: { table: 'findings', read: 'inspections.read', write: 'inspections.write' },
};
