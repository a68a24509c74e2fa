import type { ExamplesFactory } from './types.ts';
import { sampleCompany, nextGtNit } from '../../helpers/workspace.ts';
import { b64, csv, firearm, FIREARMS_HEADER, grantLicence } from '../../helpers/returnsFiles.ts';

export const examples: ExamplesFactory = () => {
  let jobId = '';
  let batchId = '';
  let licence = '';
  const file = () => ({ name: 'armas.csv', base64: b64(csv([FIREARMS_HEADER, firearm({ lic: licence })])) });
  return {
    async setup(w) {
      licence = nextGtNit();
      const c = await w.ok('companies.create', sampleCompany({ taxId: licence, legalName: 'Declarante, S.A.' }));
      grantLicence(w.app.workspaces.db, c.id, `ESP-EX-${licence}`);
      licence = `ESP-EX-${licence}`;
      jobId = (await w.ok('returns.startImport', { files: [file()], year: 2026, dryRun: false })).jobId;
      for (let i = 0; i < 600; i++) {
        const s = await w.ok('returns.jobStatus', { jobId });
        if (s.state !== 'running') {
          if (!s.report?.batchId) throw new Error(`setup import did not commit: ${JSON.stringify(s)}`);
          batchId = s.report.batchId;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    examples: {
      // A dry run: nothing written even for allowed roles; a second one while one runs is CONFLICT, not FORBIDDEN.
      'returns.startImport': () => ({ files: [file()], year: 2026, dryRun: true }),
      'returns.jobStatus': () => ({ jobId }),
      'returns.cancelJob': () => ({ jobId }),
      'returns.exportProblems': () => ({ jobId }),
      'returns.template': () => ({ language: 'es' }),
      'returns.listBatches': () => ({}),
      'returns.getBatch': () => ({ id: batchId }),
      'returns.undoBatch': () => ({ id: batchId }),
      'returns.listProfiles': () => ({}),
      'returns.saveProfile': () => ({ name: `Perfil ${Math.random().toString(36).slice(2)}`, answers: { FIREARMS: { 'dpi asignado': 'assigned_to_national_id' } } }),
    },
  };
};
