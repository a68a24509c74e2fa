import type { ExamplesFactory } from './types.ts';
import { nextGtNit, sampleCompany } from '../../helpers/workspace.ts';

/** Role-matrix examples for grievances, incidents, statistics, public register and annual report. */
export const examples: ExamplesFactory = () => {
  let companyId = '';
  let grievanceId = '';
  let code = '';
  let incidentId = '';
  return {
    async setup(w) {
      await w.ok('signing.createSelfSigned', { commonName: 'Agencia', organization: 'Agencia', country: 'GT' });
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Rendición de Cuentas, S.A.' }))).id;
      const g = await w.ok('grievances.create', {
        receivedAt: '2026-11-20T10:00', channel: 'phone', anonymous: false, complainant: { fullName: 'Rosa Tzul' },
        category: 'use_of_force', companyId, summary: 'Agente empujó a un vendedor.', retaliationConcern: true,
      });
      grievanceId = g.id;
      code = g.referenceCode;
      incidentId = (await w.ok('incidents.create', {
        occurredAt: '2026-11-20T08:00', reportedAt: '2026-11-21T08:00', region: 'Guatemala', companyId, types: ['use_of_force'], description: 'Altercado en garita.',
      })).id;
    },
    examples: {
      'grievances.create': () => ({ receivedAt: '2026-11-22', channel: 'letter', anonymous: true, category: 'harassment', summary: 'Acoso a vecinos.' }),
      'grievances.get': () => ({ id: grievanceId }),
      'grievances.findByReference': () => ({ referenceCode: code }),
      'grievances.list': () => ({}),
      // A move the table refuses from "received" (INVALID_TRANSITION) for allowed roles; nothing is written either way.
      'grievances.transition': () => ({ id: grievanceId, version: 1, action: 'closeRemedied', note: 'x' }),
      'grievances.getIdentity': () => ({ id: grievanceId, purpose: 'Contactar para audiencia' }),
      'grievances.retaliationFlags': () => ({}),
      'incidents.create': () => ({ occurredAt: '2026-11-22T21:15', reportedAt: '2026-11-23T07:00', region: 'Escuintla', companyId, types: ['other'], description: 'Daño a garita.' }),
      'incidents.get': () => ({ id: incidentId }),
      'incidents.list': () => ({}),
      'incidents.transition': () => ({ id: incidentId, version: 1, action: 'reopen', note: 'x' }),
      'statistics.figures': () => ({}),
      'statistics.drill': () => ({ figure: 'incidentsByType', category: 'use_of_force' }),
      'accountability.getDeadlines': () => ({}),
      'accountability.setDeadlines': () => ({ grievanceDays: { received: 5, admissibility: 15, investigation: 60, remedy: 30 }, incidentReportHours: 72, firearmLossReportDays: 8 }),
      'accountability.exportPublicRegister': () => ({ language: 'es' }),
      'accountability.annualReport': () => ({ year: 2026, language: 'en' }),
    },
  };
};
