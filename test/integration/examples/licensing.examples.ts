import type { ExamplesFactory } from './types.ts';
import { ADMIN_PASSWORD, nextGtNit, sampleCompany } from '../../helpers/workspace.ts';

export const GUARDING_TYPE = '01900000-0000-7000-8000-000000000001';

/** Licensing, sanctions, the Due view and the company timeline. */
export const examples: ExamplesFactory = () => {
  let companyId = '';
  let draftId = '';
  let inspectionId = '';
  let activeId = '';
  let sanctionId = '';
  let seq = 1;
  return {
    async setup(w) {
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Licencias Ejemplo, S.A.' }))).id;
      const app = () => w.ok('licensing.createApplication', { companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding'] });
      draftId = (await app()).id;
      // One application taken to inspection with an officer's recommendation, so supervisors can decide it.
      const insp = await app();
      inspectionId = insp.id;
      let v = (await w.ok('licensing.advance', { id: inspectionId, version: insp.version, action: 'submit' })).version;
      for (let i = 0; i < insp.checklist.length; i++) v = (await w.ok('licensing.setChecklistItem', { id: inspectionId, version: v, position: i, received: true })).version;
      v = (await w.ok('licensing.advance', { id: inspectionId, version: v, action: 'start_inspection' })).version;
      await w.signInAs('licensing_officer', 'oficial_recomienda');
      await w.ok('licensing.recommend', { id: inspectionId, version: v, recommendation: 'grant', legalBasis: 'Art. 21 Ley DIGESSP', reason: 'Cumple requisitos.' });
      await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
      // An active licence (granted by the administrator) for sanctions and conditions.
      const a = await app();
      activeId = a.id;
      let av = (await w.ok('licensing.advance', { id: activeId, version: a.version, action: 'submit' })).version;
      for (let i = 0; i < a.checklist.length; i++) av = (await w.ok('licensing.setChecklistItem', { id: activeId, version: av, position: i, received: true })).version;
      av = (await w.ok('licensing.advance', { id: activeId, version: av, action: 'start_inspection' })).version;
      await w.signInAs('licensing_officer', 'oficial_recomienda');
      av = (await w.ok('licensing.recommend', { id: activeId, version: av, recommendation: 'grant', legalBasis: 'Art. 21', reason: 'Cumple.' })).version;
      await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
      await w.ok('licensing.decide', { id: activeId, version: av, action: 'grant', legalBasis: 'Art. 21', reason: 'Cumple.' });
      sanctionId = (await w.ok('sanctions.propose', { kind: 'warning', targetType: 'licence', targetId: activeId, legalBasis: 'Art. 60', reason: 'Uniformes no reglamentarios.' })).id;
    },
    alsoNeeds: {},
    examples: {
      'licensing.listTypes': () => ({}),
      'licensing.saveType': () => ({
        fields: { name: `Tipo de ejemplo ${seq++}`, serviceTypes: ['canine'], validityMonths: 12, processingDays: 30, renewalWindowDays: 60, requiredDocuments: ['Escritura'], numberPattern: 'EJ-{year}-{seq:3}' },
      }),
      'licensing.createApplication': () => ({ companyId, typeId: GUARDING_TYPE, serviceTypes: ['static_guarding'] }),
      'licensing.list': () => ({ stage: 'application' }),
      'licensing.get': () => ({ id: draftId }),
      // Stale versions: allowed roles get CONFLICT, never FORBIDDEN; refused roles are stopped at the gate.
      'licensing.advance': () => ({ id: draftId, version: 999, action: 'submit' }),
      'licensing.decide': () => ({ id: inspectionId, version: 999, action: 'grant', legalBasis: 'Art. 21', reason: 'Cumple.' }),
      'licensing.recommend': () => ({ id: inspectionId, version: 999, recommendation: 'grant', legalBasis: 'Art. 21', reason: 'Cumple.' }),
      'licensing.setChecklistItem': () => ({ id: draftId, version: 999, position: 0, received: true }),
      'licensing.addCondition': () => ({ id: activeId, version: 999, text: 'Presentar póliza renovada.' }),
      'sanctions.propose': () => ({ kind: 'warning', targetType: 'licence', targetId: activeId, legalBasis: 'Art. 60', reason: 'Falta de libro de novedades.' }),
      'sanctions.list': () => ({ companyId }),
      'sanctions.get': () => ({ id: sanctionId }),
      'sanctions.advance': () => ({ id: sanctionId, version: 999, action: 'notify' }),
      'sanctions.decide': () => ({ id: sanctionId, version: 999, action: 'annul', note: 'Error en la identificación.' }),
      'due.list': () => ({ window: '90' }),
      'due.counts': () => ({}),
      'due.expiredToday': () => ({}),
      'due.export': () => ({ window: '90', format: 'csv' }),
      'timeline.list': () => ({ companyId }),
    },
  };
};
