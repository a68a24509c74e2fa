import type { Language } from '../../../../shared/i18n/index.ts';
import type { Inspection } from '../../../../shared/commands/inspections.ts';
import { COLORS, createDocument, facts, finishDocument, formatDate, heading, paragraph, signatureBlock, table, type DocumentMeta, type Frame } from '../../documents/pdf.ts';

/** Everything an inspection report shows, gathered before drawing (plain data: the bench draws synthetic ones). */
export interface InspectionReportData {
  inspection: Inspection;
  company: { legalName: string; tradeName: string | null; taxId: string; country: string; address: string | null; city: string | null; legalRepName: string };
  photos: { caption: string; mime: string; content: Buffer }[];
  issuedByName: string;
  signer: { subject: string; fingerprint: string };
}

const ANSWER_COLOR: Record<string, string> = { compliant: COLORS.good, partial: COLORS.warn, non_compliant: COLORS.bad, not_applicable: COLORS.muted };
const SEVERITY_COLOR: Record<string, string> = { major: COLORS.bad, minor: COLORS.warn, observation: COLORS.muted };

function scoreBox(f: Frame, d: InspectionReportData): void {
  const { doc, t } = f;
  const s = d.inspection.liveScore;
  const y = doc.y;
  const ratingColor = s.rating === 'satisfactory' ? COLORS.good : s.rating === 'needs_improvement' ? COLORS.warn : COLORS.bad;
  doc.rect(f.left, y, f.width, 64).fill(COLORS.band);
  doc.fillColor(ratingColor).font('bold').fontSize(26).text(s.score === null ? '—' : `${s.score.toFixed(1)}`, f.left + 12, y + 12, { width: 110 });
  doc.font('regular').fontSize(8).fillColor(COLORS.muted).text(t('audits.pdf.outOf100'), f.left + 12, y + 46, { width: 110 });
  doc.font('bold').fontSize(12).fillColor(ratingColor).text(t(`audits.rating.${s.rating}`), f.left + 130, y + 12, { width: f.width - 140 });
  const lines = [t('audits.pdf.answered', { answered: s.answered, total: s.total })];
  if (s.capped) lines.push(t('audits.pdf.capped', { raw: s.rawScore ?? 0, n: s.mandatoryFailures.length }));
  doc.font('regular').fontSize(8.5).fillColor(COLORS.ink).text(lines.join('\n'), f.left + 130, y + 32, { width: f.width - 140 });
  doc.y = y + 72;
}

/**
 * Draws the inspection report (unsigned): facts, score and rating, every checklist item with
 * its answer and note by section, the findings, and the photos. Returns the PDF and page count.
 */
export async function drawInspectionReport(meta: DocumentMeta, d: InspectionReportData): Promise<{ pdf: Buffer; pages: number }> {
  const f = await createDocument(meta);
  const { t } = f;
  const lang: Language = meta.language;
  const i = d.inspection;
  heading(f, t('audits.pdf.facts'));
  facts(f, [
    [t('audits.field.company'), `${d.company.legalName}${d.company.tradeName ? ` (${d.company.tradeName})` : ''}`],
    [t('audits.pdf.taxId'), `${d.company.taxId} · ${d.company.country}`],
    [t('audits.pdf.address'), [d.company.address, d.company.city].filter(Boolean).join(', ')],
    [t('audits.field.reference'), i.reference],
    [t('audits.field.type'), t(`audits.type.${i.type}`)],
    [t('audits.field.site'), `${t(`audits.site.${i.site}`)}${i.siteLabel ? ` — ${i.siteLabel}` : ''}`],
    [t('audits.field.template'), `${i.template.title[lang]} (v${i.template.version})`],
    [t('audits.field.date'), formatDate(i.scheduledDate ?? i.plannedDate, lang)],
    [t('audits.field.team'), i.team.map((m) => `${m.displayName}${m.role === 'lead' ? ` (${t('audits.team.lead')})` : ''}`).join(', ')],
  ]);
  if (i.summary) paragraph(f, i.summary, { italic: true });
  heading(f, t('audits.pdf.result'));
  scoreBox(f, d);
  paragraph(f, t('audits.pdf.method'), { size: 7.5, color: COLORS.muted });

  heading(f, t('audits.pdf.checklist'));
  const answers = new Map(i.answers.map((a) => [a.itemId, a]));
  let section = -1;
  const rows: Parameters<typeof table>[2] = [];
  const bands: (string | null)[] = [];
  for (const it of i.items) {
    if (it.sectionNo !== section) {
      section = it.sectionNo;
      rows.push([{ text: '' }, { text: it.section[lang], bold: true, color: COLORS.accent }, { text: '' }, { text: '' }, { text: '' }]);
      bands.push('#dde6ef');
    }
    const a = answers.get(it.id);
    rows.push([
      String(it.position), `${it.text[lang]}\n${it.ref}`, `N${it.level}`,
      { text: a ? t(`audits.answer.${a.answer}`) : '—', color: a ? ANSWER_COLOR[a.answer] : COLORS.muted, bold: true },
      a?.note ?? '',
    ]);
    bands.push(null);
  }
  table(f, [
    { header: '#', width: 22, align: 'right' }, { header: t('audits.pdf.item'), width: 230 }, { header: t('audits.field.level'), width: 34, align: 'center' },
    { header: t('audits.pdf.answer'), width: 74 }, { header: t('audits.field.note'), width: 135 },
  ], rows, { band: (ri) => bands[ri] ?? (ri % 2 ? COLORS.band : null) });

  heading(f, t('audits.pdf.findings', { n: i.findings.length }));
  if (i.findings.length === 0) paragraph(f, t('audits.pdf.noFindings'));
  else {
    table(f, [
      { header: t('audits.field.severity'), width: 84 }, { header: t('audits.pdf.item'), width: 170 }, { header: t('audits.field.correctiveAction'), width: 140 },
      { header: t('audits.field.dueDate'), width: 66 }, { header: t('audits.pdf.times'), width: 40, align: 'center' },
    ], i.findings.map((x) => [
      { text: t(`audits.severity.${x.severity}`), color: SEVERITY_COLOR[x.severity], bold: true },
      `${x.title}${x.reference ? `\n${x.reference}` : ''}${x.rootCause ? `\n${t('audits.field.rootCause')}: ${x.rootCause}` : ''}`,
      x.correctiveAction ?? t('audits.pdf.actionPending'),
      x.dueDate ? formatDate(x.dueDate, lang) : '—',
      x.recurrence > 1 ? `×${x.recurrence}` : '1',
    ]));
  }

  const images = d.photos.filter((p) => p.mime === 'image/png' || p.mime === 'image/jpeg');
  if (images.length) {
    heading(f, t('audits.pdf.photos', { n: images.length }));
    const { doc } = f;
    const w = (f.width - 12) / 2;
    const h = 170;
    images.forEach((p, k) => {
      if (k % 2 === 0 && doc.y + h + 24 > f.bottom) doc.addPage();
      const x = f.left + (k % 2) * (w + 12);
      const y = doc.y;
      try {
        doc.image(p.content, x, y, { fit: [w, h], align: 'center', valign: 'center' });
      } catch {
        doc.rect(x, y, w, h).strokeColor(COLORS.rule).stroke();
      }
      doc.font('regular').fontSize(7.5).fillColor(COLORS.muted).text(`${k + 1}. ${p.caption}`, x, y + h + 3, { width: w, height: 18, ellipsis: true });
      doc.y = k % 2 === 0 && k < images.length - 1 ? y : y + h + 24;
    });
    doc.x = f.left;
  }
  signatureBlock(f, { issuedByName: d.issuedByName, signerSubject: d.signer.subject, fingerprint: d.signer.fingerprint });
  return finishDocument(f);
}
