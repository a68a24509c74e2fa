import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExamplesFactory } from './types.ts';
import { sampleCompany, nextGtNit } from '../../helpers/workspace.ts';
import { armoryInspectionInFieldwork } from '../../helpers/audits.ts';

const PASSPHRASE = 'Campo Petén Norte, 7 días de visita';

/**
 * Field packages in the office workspace. Import examples point at a file that is not a package:
 * an allowed role gets past the gate and is refused for the file (never FORBIDDEN). Opening a
 * package is public (it creates a new workspace, so the example names a missing file).
 */
export const examples: ExamplesFactory = () => {
  let companyId = '';
  let inspectionId = '';
  let adminId = '';
  let dir = '';
  let n = 0;
  return {
    async setup(w) {
      dir = mkdtempSync(join(tmpdir(), 'centinela-field-ex-'));
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Campo, S.A.' }))).id;
      adminId = w.app.workspaces.user!.id;
      inspectionId = (await armoryInspectionInFieldwork(w, companyId)).inspection.id;
    },
    examples: {
      'field.status': () => ({}),
      'field.countWeapons': () => ({ inspectionId, serials: ['AB-12 345'] }),
      'field.exportPackage': () => ({ label: 'Ejemplo', items: [{ table: 'companies', ids: [companyId] }], memberIds: [adminId], passphrase: PASSPHRASE, path: join(dir, `p${n++}.cfp`) }),
      'field.listExports': () => ({}),
      'field.listMembers': () => ({}),
      'field.previewImport': () => ({ path: join(dir, 'no-existe.cfp'), passphrase: PASSPHRASE }),
      'field.applyImport': () => ({ path: join(dir, 'no-existe.cfp'), passphrase: PASSPHRASE, resolutions: [] }),
      'field.openPackage': () => ({ path: join(dir, 'no-existe.cfp'), passphrase: PASSPHRASE, username: 'admin', password: 'Laptop-Campo#2026' }),
      'field.exportReturn': () => ({ passphrase: PASSPHRASE, path: join(dir, `r${n++}.cfp`) }),
    },
  };
};
