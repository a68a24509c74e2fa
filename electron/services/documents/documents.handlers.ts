import { AppError } from '../../../shared/errors.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { DAYS_TO_CORRECT } from '../../../shared/model/findingLifecycle.ts';
import { INSPECTION_TRANSITIONS } from '../../../shared/model/inspectionLifecycle.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { loadCompany } from '../companies/companies.repo.ts';
import { listAttachments, readAttachment } from '../attachments/attachments.repo.ts';
import { loadInspection } from '../audits/inspections.repo.ts';
import { addDays, checkTransition } from '../audits/lifecycle.ts';
import { notifyIssuedInspection } from '../audits/links.ts';
import { drawInspectionReport, type InspectionReportData } from '../audits/reports/inspectionReport.ts';
import { drawComplianceSummary } from '../audits/reports/complianceSummary.ts';
import { complianceSections } from '../audits/reports/complianceSources.ts';
import { createSelfSignedIdentity, importP12, loadAgencyIdentity, publicIdentity, storeIdentity, type IdentityMaterial } from './identity.ts';
import { documentFilename, prepareSignedDocument, registerPrepared, type PreparedDocument } from './issue.ts';
import { listIssuedDocuments, loadIssuedDocument, readIssuedPdf } from './register.ts';
import { verifyPdf } from './verify.ts';
import { certifiableLicence } from './licenceCertificateSource.ts';
import { drawLicenceCertificate } from '../audits/reports/licenceCertificate.ts';
import { formatDate } from './pdf.ts';

type DocumentsCommand =
  | 'signing.get' | 'signing.createSelfSigned' | 'signing.importPkcs'
  | 'documents.issueInspectionReport' | 'documents.issueComplianceSummary' | 'documents.issueLicenceCertificate' | 'documents.list' | 'documents.get' | 'documents.verify';

const file = (doc: ReturnType<typeof loadIssuedDocument>, pdf: Buffer) => ({ document: doc!, filename: documentFilename(doc!), base64: pdf.toString('base64') });

/** Loads an inspection that may be issued now by this user, with due dates filled in for its findings. */
function issuableInspection(ctx: Ctx, id: string, version: number, lang: 'es' | 'en') {
  const i = loadInspection(ctx.db, id, ctx.nowIso(), ctx.user!.role, lang);
  if (!i) throw new AppError('NOT_FOUND', 'errors.inspectionNotFound', {}, 'inspectionId');
  checkTransition(INSPECTION_TRANSITIONS, i.status, 'issue', ctx.user!.role, 'inspection');
  if (i.version !== version) throw new AppError('CONFLICT', 'errors.recordChanged', {}, 'version');
  const today = ctx.nowIso().slice(0, 10);
  // Findings get their due date when the report is issued (the company is told then).
  i.findings = i.findings.map((f) => (f.dueDate ? f : { ...f, dueDate: addDays(today, DAYS_TO_CORRECT[f.severity]) }));
  return i;
}

/** The agency's signing identity and its documents: issue, list, fetch, verify. */
export const documentsHandlers: Handlers<DocumentsCommand> = {
  'signing.get': (ctx) => {
    const i = loadAgencyIdentity(ctx.db);
    return i ? publicIdentity(i) : null;
  },
  'signing.createSelfSigned': {
    prepare: async (ctx, input): Promise<IdentityMaterial> => createSelfSignedIdentity({ ...input, now: ctx.clock.now() }),
    run: (ctx, _input, m: IdentityMaterial) => {
      const after = storeIdentity(ctx.db, m, ctx.nowIso(), ctx.user!.id);
      ctx.audit({ entityType: 'signing_identity', entityId: after.id, payload: { after } });
      return after;
    },
  },
  'signing.importPkcs': {
    prepare: async (ctx, input): Promise<IdentityMaterial> => importP12(Buffer.from(input.base64, 'base64'), input.passphrase, ctx.clock.now()),
    run: (ctx, _input, m: IdentityMaterial) => {
      const after = storeIdentity(ctx.db, m, ctx.nowIso(), ctx.user!.id);
      ctx.audit({ entityType: 'signing_identity', entityId: after.id, payload: { after } });
      return after;
    },
  },

  'documents.issueInspectionReport': {
    prepare: async (ctx, input): Promise<PreparedDocument> => {
      const i = issuableInspection(ctx, input.inspectionId, input.version, input.language);
      const company = loadCompany(ctx.db, i.companyId)!;
      const photos: InspectionReportData['photos'] = [];
      for (const owner of [{ type: 'inspection' as const, id: i.id }, ...i.findings.map((f) => ({ type: 'finding' as const, id: f.id }))]) {
        for (const m of listAttachments(ctx.db, owner.type, owner.id)) {
          if (m.mime !== 'image/png' && m.mime !== 'image/jpeg') continue;
          photos.push({ caption: m.note ?? m.filename, mime: m.mime, content: readAttachment(ctx.db, m.id)!.content });
        }
      }
      const t = (k: string) => translate(input.language, k);
      return prepareSignedDocument(ctx.db, {
        kind: 'inspection_report', language: input.language, issuedAt: ctx.nowIso(),
        title: t('audits.pdf.reportTitle'), subject: `${company.legalName} — ${i.reference}`,
        content: { inspection: { ...i, actions: undefined, findings: i.findings.map((f) => ({ ...f, actions: undefined })) }, photos: photos.map((p) => p.caption) },
        draw: (meta, signer) => drawInspectionReport(meta, { inspection: i, company, photos, issuedByName: ctx.user!.displayName, signer }),
      });
    },
    run: (ctx, input, p: PreparedDocument) => {
      const i = issuableInspection(ctx, input.inspectionId, input.version, input.language);
      const doc = registerPrepared(ctx.db, p, { type: 'inspection', id: i.id, label: `${i.companyName} — ${i.reference}`, companyId: i.companyId }, ctx.user!.id);
      const setDue = ctx.db.prepare('UPDATE findings SET due_date = ?, updated_at = ? WHERE id = ? AND due_date IS NULL');
      for (const f of i.findings) setDue.run(f.dueDate, p.issuedAt, f.id);
      const s = i.liveScore;
      ctx.db.prepare(`UPDATE inspections SET status = 'issued', score = ?, raw_score = ?, capped = ?, issued_at = ?, issued_document_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`)
        .run(s.score, s.rawScore, s.capped ? 1 : 0, p.issuedAt, doc.id, p.issuedAt, ctx.user!.id, i.id);
      notifyIssuedInspection(ctx.db, {
        inspectionId: i.id, companyId: i.companyId, type: i.type, site: i.site, armoryId: i.armoryId, licenceId: i.licenceId,
        score: s.score, capped: s.capped, issuedAt: p.issuedAt, documentId: doc.id,
      });
      ctx.audit({ entityType: 'inspection', entityId: i.id, payload: { from: 'quality_review', to: 'issued', action: 'issue', document: doc } });
      ctx.audit({ entityType: 'issued_document', entityId: doc.id, payload: { document: doc } });
      return file(doc, p.pdf);
    },
  },

  'documents.issueComplianceSummary': {
    prepare: async (ctx, input): Promise<PreparedDocument> => {
      const company = loadCompany(ctx.db, input.companyId);
      if (!company) throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'companyId');
      const today = ctx.nowIso().slice(0, 10);
      const t = (k: string, params?: Record<string, string | number>) => translate(input.language, k, params);
      const sections = complianceSections(ctx.db, company.id, input.language, today);
      const headline: [string, string][] = [
        [t('audits.pdf.armed'), company.armed ? t('audits.yes') : t('audits.no')],
        [t('audits.pdf.icoca'), t(`icoca.${company.icocaStatus}`)],
        [t('audits.pdf.asOf'), formatDate(today, input.language)],
      ];
      return prepareSignedDocument(ctx.db, {
        kind: 'compliance_summary', language: input.language, issuedAt: ctx.nowIso(), title: t('audits.pdf.summaryTitle'), subject: company.legalName,
        content: { company, sections },
        draw: (meta, signer) => drawComplianceSummary(meta, { company, headline, sections, issuedByName: ctx.user!.displayName, signer }),
      });
    },
    run: (ctx, input, p: PreparedDocument) => {
      const company = loadCompany(ctx.db, input.companyId);
      if (!company) throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'companyId');
      const doc = registerPrepared(ctx.db, p, { type: 'company', id: company.id, label: company.legalName, companyId: company.id }, ctx.user!.id);
      ctx.audit({ entityType: 'issued_document', entityId: doc.id, payload: { document: doc } });
      return file(doc, p.pdf);
    },
  },

  'documents.issueLicenceCertificate': {
    prepare: async (ctx, input): Promise<PreparedDocument> => {
      const l = certifiableLicence(ctx.db, input.licenceId, input.language);
      return prepareSignedDocument(ctx.db, {
        kind: 'licence_certificate', language: input.language, issuedAt: ctx.nowIso(),
        title: translate(input.language, 'audits.licence.title'), subject: `${l.certificate.company.legalName} — ${l.certificate.number}`,
        content: { licenceId: l.id, licence: l.certificate },
        draw: (meta, signer) => drawLicenceCertificate(meta, l.certificate, signer),
      });
    },
    run: (ctx, input, p: PreparedDocument) => {
      // Checked again inside the transaction: the licence may have been suspended while signing.
      const l = certifiableLicence(ctx.db, input.licenceId, input.language);
      const doc = registerPrepared(ctx.db, p, { type: 'licence', id: l.id, label: `${l.certificate.company.legalName} — ${l.certificate.number}`, companyId: l.companyId }, ctx.user!.id);
      ctx.audit({ entityType: 'issued_document', entityId: doc.id, payload: { document: doc, licenceId: l.id } });
      return file(doc, p.pdf);
    },
  },

  'documents.list': (ctx, input) => listIssuedDocuments(ctx.db, input),
  'documents.get': (ctx, input) => {
    const doc = loadIssuedDocument(ctx.db, input.id);
    if (!doc) throw new AppError('NOT_FOUND', 'errors.documentNotFound', {}, 'id');
    return file(doc, readIssuedPdf(ctx.db, input.id)!);
  },
  'documents.verify': (ctx, input) => verifyPdf(ctx.db, Buffer.from(input.base64, 'base64')),
};
