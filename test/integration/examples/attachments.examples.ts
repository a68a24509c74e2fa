import type { ExamplesFactory } from './types.ts';
import { sampleCompany, nextGtNit } from '../../helpers/workspace.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

export const examples: ExamplesFactory = () => {
  let companyId = '';
  let attachmentId = '';
  return {
    async setup(w) {
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Adjuntos, S.A.' }))).id;
      attachmentId = (await w.ok('attachments.add', { ownerType: 'company', ownerId: companyId, kind: 'logo', filename: 'logo.png', base64: PNG })).id;
    },
    alsoNeeds: { 'attachments.add': 'companies.write', 'attachments.list': 'companies.read', 'attachments.get': 'companies.read' },
    examples: {
      'attachments.add': () => ({ ownerType: 'company', ownerId: companyId, kind: 'logo', filename: 'logo.png', base64: PNG }),
      'attachments.list': () => ({ ownerType: 'company', ownerId: companyId }),
      'attachments.get': () => ({ id: attachmentId }),
    },
  };
};
