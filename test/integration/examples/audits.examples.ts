import type { ExamplesFactory, Workspace } from './types.ts';
import { roleCan } from '../../../shared/model/roles.ts';
import { sampleCompany, nextGtNit } from '../../helpers/workspace.ts';
import { SHIPPED_TEMPLATE_IDS } from '../../../electron/store/migrations/0006_audits.ts';

/** Checklists, inspections, findings, certifications, signing identity and signed documents. */
export const examples: ExamplesFactory = () => {
  let companyId = '';
  let adminId = '';
  let fieldworkId = '';
  let itemId = '';
  let findingId = '';
  let certificationId = '';
  let documentId = '';
  let pdf = '';
  let seq = 1;
  let ws: Workspace | null = null;
  return {
    async setup(w) {
      ws = w;
      adminId = w.app.workspaces.user!.id;
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Auditorías Ejemplo, S.A.' }))).id;
      const i = await w.ok('inspections.plan', { companyId, type: 'routine', site: 'armory', templateId: SHIPPED_TEMPLATE_IDS.armory, plannedDate: '2026-12-01', leadInspectorId: adminId });
      const s = await w.ok('inspections.transition', { id: i.id, action: 'schedule', version: i.version, date: '2026-12-02' });
      const f = await w.ok('inspections.transition', { id: i.id, action: 'start_fieldwork', version: s.version });
      fieldworkId = f.id;
      itemId = f.items[0].id;
      findingId = (await w.ok('inspections.answer', { inspectionId: fieldworkId, itemId, answer: 'non_compliant', note: 'Sin evaluación de riesgo' })).finding!.id;
      certificationId = (await w.ok('certifications.create', { companyId, standard: 'iso_18788', certificationBody: 'Bureau Ejemplo', scope: 'Vigilancia fija', issuedOn: '2025-01-10', expiresOn: '2028-01-09' })).id;
      await w.ok('signing.createSelfSigned', { commonName: 'Dirección General', organization: 'DIGESSP', country: 'GT' });
      const d = await w.ok('documents.issueComplianceSummary', { companyId });
      documentId = d.document.id;
      pdf = d.base64;
    },
    examples: {
      'checklists.list': () => ({}),
      'checklists.get': () => ({ id: SHIPPED_TEMPLATE_IDS.icoc }),
      'checklists.saveVersion': () => ({
        basedOnId: null, code: `PRUEBA-${seq++}`, kind: 'office', title: { es: 'Prueba', en: 'Test' },
        sections: [{ title: { es: 'Sección', en: 'Section' }, items: [{ ref: 'Ley 1', level: 1, text: { es: 'Ítem', en: 'Item' }, guidance: { es: '', en: '' } }] }],
      }),
      'inspections.plan': () => ({ companyId, type: 'routine', site: 'office', templateId: SHIPPED_TEMPLATE_IDS.icoc, plannedDate: '2026-12-05', leadInspectorId: adminId }),
      'inspections.list': () => ({}),
      'inspections.listInspectors': () => ({}),
      'inspections.get': () => ({ id: fieldworkId }),
      'inspections.transition': () => ({ id: fieldworkId, action: 'finish_fieldwork', version: 999 }),
      // Answering is for the inspection's team: a user whose role may answer joins it first (a refused role does not, so it writes nothing).
      'inspections.answer': () => {
        const me = ws!.app.workspaces.user!;
        if (roleCan(me.role, 'inspections.write')) {
          ws!.app.workspaces.db.prepare(`INSERT OR IGNORE INTO inspection_team (id, inspection_id, user_id, role, created_at, updated_at) VALUES (?, ?, ?, 'member', '2026-11-23', '2026-11-23')`)
            .run(`team-${me.id}`, fieldworkId, me.id);
        }
        return { inspectionId: fieldworkId, itemId, answer: 'non_compliant', note: 'Sin evaluación de riesgo' };
      },
      'findings.list': () => ({ inspectionId: fieldworkId }),
      'findings.update': () => ({ id: findingId, version: 999, severity: 'major', title: 'Sin evaluación de riesgo' }),
      'findings.transition': () => ({ id: findingId, action: 'mark_overdue', version: 999 }),
      'findings.sweepOverdue': () => ({}),
      'certifications.create': () => ({ companyId, standard: 'national', certificationBody: 'Organismo Nacional', scope: 'Escolta', issuedOn: '2026-01-01', expiresOn: '2027-01-01' }),
      'certifications.update': () => ({ id: certificationId, version: 999, fields: { companyId, standard: 'iso_18788', certificationBody: 'Bureau Ejemplo', scope: 'Vigilancia fija', issuedOn: '2025-01-10', expiresOn: '2028-01-09' } }),
      'certifications.transition': () => ({ id: certificationId, action: 'certify', version: 999 }),
      'certifications.list': () => ({}),
      'signing.get': () => ({}),
      'signing.createSelfSigned': () => ({ commonName: 'Dirección General', organization: 'DIGESSP', country: 'GT' }),
      'signing.importPkcs': () => ({ base64: Buffer.from('no es un p12').toString('base64'), passphrase: 'x' }),
      'documents.issueInspectionReport': () => ({ inspectionId: fieldworkId, version: 999 }),
      // A valid input for a company that does not exist: cheap NOT_FOUND for allowed roles (the gate validates before it checks roles).
      'documents.issueComplianceSummary': () => ({ companyId: '01900000-0000-7000-8000-000000000000' }),
      // Valid input for a licence that does not exist: NOT_FOUND for allowed roles, FORBIDDEN for the others.
      'documents.issueLicenceCertificate': () => ({ licenceId: '01900000-0000-7000-8000-000000000000' }),
      'documents.list': () => ({}),
      'documents.get': () => ({ id: documentId }),
      'documents.verify': () => ({ base64: pdf }),
    },
  };
};
