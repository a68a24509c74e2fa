import type { Db } from '../../../store/db.ts';
import { translate, type Language } from '../../../../shared/i18n/index.ts';
import { listInspections } from '../inspections.repo.ts';
import { listFindings } from '../findings.repo.ts';
import { listCertifications } from '../certifications.repo.ts';
import { FINDING_OPEN_STATES } from '../../../../shared/model/findingLifecycle.ts';
import { fmt, type ComplianceSection } from './complianceSummary.ts';
import { firearmsSection, personnelSection } from './registerSources.ts';

/** A source of one or more compliance-summary sections for a company (null/[]: nothing to say). */
export type ComplianceSource = (db: Db, companyId: string, lang: Language, today: string) => ComplianceSection[];

/**
 * Sections every summary has, from this area. Personnel, firearms and licensing add theirs
 * by appending a source to {@link EXTRA_COMPLIANCE_SOURCES} (one line in their own module).
 */
const AUDIT_SOURCES: ComplianceSource[] = [
  (db, companyId, lang) => {
    const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
    const rows = listInspections(db, { search: '', companyId, sort: 'date', dir: 'desc', offset: 0, limit: 500 }, lang).rows;
    return [{
      title: t('audits.pdf.inspections', { n: rows.length }),
      table: {
        columns: [{ header: t('audits.field.reference'), width: 80 }, { header: t('audits.field.date'), width: 80 }, { header: t('audits.field.type'), width: 90 },
          { header: t('audits.field.status'), width: 110 }, { header: t('audits.field.score'), width: 60, align: 'right' }],
        rows: rows.map((r) => [r.reference, fmt(r.scheduledDate ?? r.plannedDate, lang), t(`audits.type.${r.type}`), t(`audits.status.${r.status}`),
          r.score === null ? '—' : `${r.score.toFixed(1)}${r.capped ? ' *' : ''}`]),
      },
    }];
  },
  (db, companyId, lang, today) => {
    const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
    const all = listFindings(db, { companyId, offset: 0, limit: 500 }, `${today}T00:00:00Z`, null).rows.filter((f) => FINDING_OPEN_STATES.includes(f.status));
    return [{
      title: t('audits.pdf.openFindings', { n: all.length }),
      table: {
        columns: [{ header: t('audits.field.severity'), width: 84 }, { header: t('audits.pdf.item'), width: 190 }, { header: t('audits.field.status'), width: 70 },
          { header: t('audits.field.dueDate'), width: 70 }, { header: t('audits.pdf.times'), width: 40, align: 'center' }],
        rows: all.map((f) => [t(`audits.severity.${f.severity}`), `${f.title} (${f.inspectionReference})`, t(`audits.findingStatus.${f.status}`), fmt(f.dueDate, lang), String(f.recurrence)]),
      },
    }];
  },
  (db, companyId, lang, today) => {
    const t = (k: string, p?: Record<string, string | number>) => translate(lang, k, p);
    const rows = listCertifications(db, { companyId, offset: 0, limit: 200 }, today, null).rows;
    return [{
      title: t('audits.pdf.certifications', { n: rows.length }),
      table: {
        columns: [{ header: t('audits.cert.standard'), width: 90 }, { header: t('audits.cert.body'), width: 130 }, { header: t('audits.field.status'), width: 70 },
          { header: t('audits.cert.expires'), width: 80 }, { header: t('audits.cert.scope'), width: 140 }],
        rows: rows.map((c) => [t(`audits.standard.${c.standard}`), c.certificationBody, t(`audits.certStatus.${c.status}`), fmt(c.expiresOn, lang), c.scope]),
      },
    }];
  },
];

/** Sections read from other areas' registers; another area may append its own source here. */
export const EXTRA_COMPLIANCE_SOURCES: ComplianceSource[] = [personnelSection, firearmsSection];

export function complianceSections(db: Db, companyId: string, lang: Language, today: string): ComplianceSection[] {
  return [...AUDIT_SOURCES, ...EXTRA_COMPLIANCE_SOURCES].flatMap((s) => s(db, companyId, lang, today));
}
