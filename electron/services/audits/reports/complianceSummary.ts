import type { Language } from '../../../../shared/i18n/index.ts';
import { COLORS, createDocument, facts, finishDocument, heading, paragraph, signatureBlock, table, type Column, type DocumentMeta } from '../../documents/pdf.ts';

/**
 * One section of a company's compliance summary. Areas add their own (personnel credentials,
 * firearms, licences) by registering a source in `complianceSources.ts`; the summary draws
 * whatever sections it is given, in order.
 */
export interface ComplianceSection {
  title: string;
  facts?: [string, string][];
  note?: string;
  table?: { columns: Column[]; rows: string[][] };
}

export interface ComplianceSummaryData {
  company: { legalName: string; tradeName: string | null; taxId: string; country: string; address: string | null; city: string | null; legalRepName: string; armed: boolean; icocaStatus: string };
  headline: [string, string][];
  sections: ComplianceSection[];
  issuedByName: string;
  signer: { subject: string; fingerprint: string };
}

/** Draws a company's compliance summary (unsigned). */
export async function drawComplianceSummary(meta: DocumentMeta, d: ComplianceSummaryData): Promise<{ pdf: Buffer; pages: number }> {
  const f = await createDocument(meta);
  const { t } = f;
  heading(f, t('audits.pdf.facts'));
  facts(f, [
    [t('audits.field.company'), `${d.company.legalName}${d.company.tradeName ? ` (${d.company.tradeName})` : ''}`],
    [t('audits.pdf.taxId'), `${d.company.taxId} · ${d.company.country}`],
    [t('audits.pdf.address'), [d.company.address, d.company.city].filter(Boolean).join(', ')],
    [t('audits.pdf.legalRep'), d.company.legalRepName],
    ...d.headline,
  ]);
  for (const s of d.sections) {
    heading(f, s.title);
    if (s.facts) facts(f, s.facts);
    if (s.note) paragraph(f, s.note, { color: COLORS.muted, size: 8.5 });
    if (s.table) {
      if (s.table.rows.length === 0) paragraph(f, t('audits.pdf.none'), { color: COLORS.muted });
      else table(f, s.table.columns, s.table.rows, { fontSize: 8 });
    }
  }
  signatureBlock(f, { issuedByName: d.issuedByName, signerSubject: d.signer.subject, fingerprint: d.signer.fingerprint });
  return finishDocument(f);
}

/** A short date for table cells (dd/mm/yyyy in Spanish, dd Mon yyyy in English), so rows keep one line. */
export const fmt = (iso: string | null, lang: Language) => (iso
  ? new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(lang === 'es' ? 'es-GT' : 'en-GB', lang === 'es' ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' })
  : '—');
