import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import type { Db } from '../../store/db.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import type { StatisticsFilters } from '../../../shared/commands/statistics.ts';
import type { FigureData, FigureId } from '../../../shared/statistics/figures.ts';
import { figureHeight, figureLabels, figureOption } from '../../../shared/statistics/chartOption.ts';
import { computeFigures } from '../statistics/statistics.handlers.ts';
import { renderChartSvg } from '../statistics/chartSvg.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { fontsDir } from './resources.ts';
import type { AgencyIdentity } from './agencyIdentity.ts';

/** The totals printed in the report, each taken from a dashboard figure for the same filters. */
export function reportTotals(figs: Map<FigureId, FigureData>): Record<string, number> {
  const sum = (id: FigureId, series?: string) => {
    const f = figs.get(id)!;
    return f.series.reduce((s, name, i) => (series && name !== series ? s : s + f.values[i]!.reduce((a, b) => a + b, 0)), 0);
  };
  const at = (id: FigureId, cat: string) => { const f = figs.get(id)!; const i = f.categories.indexOf(cat); return i < 0 ? 0 : f.values[0]![i]!; };
  return {
    companies: figs.get('companiesByRegion')!.total,
    icocaCertified: at('companiesByIcoca', 'certified'),
    incidents: figs.get('incidentsByType')!.total,
    incidentsLate: at('incidentReporting', 'late'),
    firearmsLost: sum('firearmLossesByYear', 'lost'),
    firearmsStolen: sum('firearmLossesByYear', 'stolen'),
    grievances: figs.get('grievancesByCategory')!.total,
    grievancesReferred: at('grievancesByStatus', 'referred'),
  };
}

const CHARTS: FigureId[] = ['companiesByIcoca', 'incidentsByType', 'firearmLossesByRegion', 'grievancesByCategory'];

function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * The annual sector report (national action plan; UN Programme of Action / International
 * Tracing Instrument), drawn with the dashboard's own figures and charts, then signed with
 * the agency's identity. Inspections, sanctions and the firearms inventory are added as those
 * registers join the workspace; the report says which registers it covers.
 */
export async function buildAnnualReport(db: Db, opts: { year: number; language: Language; issuedAt: Date; journalHead: string; identity: AgencyIdentity }) {
  const lang = opts.language;
  const tr = (k: string, p: Record<string, string | number> = {}) => translate(lang, k, p);
  const filters: StatisticsFilters = { from: `${opts.year}-01-01`, to: `${opts.year}-12-31`, region: null };
  const figs = new Map(computeFigures(db, filters).map((f) => [f.id, f]));
  const totals = reportTotals(figs);
  const agency = readSettings(db);
  const fonts = fontsDir();

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: tr('report.title', { year: opts.year }), Author: agency.name, Creator: 'Centinela' }, lang });
  doc.registerFont('Body', join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('Bold', join(fonts, 'DejaVuSans-Bold.ttf'));
  doc.font('Bold').fontSize(10).fillColor('#4a5866').text(agency.name);
  doc.moveDown(0.5).fontSize(20).fillColor('#1d2733').text(tr('report.title', { year: opts.year }));
  doc.font('Body').fontSize(9).fillColor('#4a5866').text(tr('report.subtitle'));
  doc.moveDown(0.5).text(tr('report.issued', { date: opts.issuedAt.toISOString().slice(0, 16).replace('T', ' ') }));
  doc.moveDown(1);

  doc.font('Bold').fontSize(13).fillColor('#1d2733').text(tr('report.totals'));
  doc.moveDown(0.3).font('Body').fontSize(10);
  for (const [k, v] of Object.entries(totals)) {
    const y = doc.y;
    doc.fillColor('#1d2733').text(tr(`report.total.${k}`), 50, y, { width: 380 });
    doc.font('Bold').text(String(v), 430, y, { width: 115, align: 'right' }).font('Body');
    doc.moveTo(50, doc.y + 2).lineTo(545, doc.y + 2).strokeColor('#dde3ea').lineWidth(0.5).stroke();
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5).fontSize(8).fillColor('#4a5866').text(tr('report.coverage'), 50, doc.y, { width: 495 });

  for (const id of CHARTS) {
    const f = figs.get(id)!;
    // Chart height in points: horizontal charts grow with their categories (same rule as the screen).
    const h = Math.min(560, figureHeight(f, 300)) * (495 / 640);
    if (doc.y + 40 + (f.categories.length ? h : 20) > 790) doc.addPage();
    doc.moveDown(1).font('Bold').fontSize(12).fillColor('#1d2733').text(tr(`statistics.figure.${id}`), 50);
    if (f.categories.length === 0) {
      doc.font('Body').fontSize(9).fillColor('#4a5866').text(tr('statistics.noData'));
      continue;
    }
    const svg = renderChartSvg(figureOption(f, figureLabels(id, (k) => tr(k)), { fontFamily: 'DejaVu Sans' }), 640, Math.round(h * (640 / 495)));
    const y = doc.y + 6;
    SVGtoPDF(doc, svg, 50, y, { width: 495, height: h, assumePt: false, fontCallback: (_f, bold) => (bold ? 'Bold' : 'Body') });
    doc.y = y + h + 8;
  }

  doc.addPage().font('Bold').fontSize(12).fillColor('#1d2733').text(tr('report.integrity'));
  doc.moveDown(0.3).font('Body').fontSize(9).fillColor('#1d2733').text(tr('report.journalHead', { hash: opts.journalHead }));
  doc.text(tr('report.certificate', { fingerprint: opts.identity.fingerprint }));

  const unsigned = await pdfBuffer(doc);
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: unsigned, reason: tr('report.signReason', { year: opts.year }), contactInfo: agency.name, name: agency.name,
    location: agency.country, signatureLength: 16384, appName: 'Centinela',
  });
  // A P12Signer signs once: a new one for every signature (STACK.md).
  const signed = await new SignPdf().sign(withPlaceholder, new P12Signer(opts.identity.p12, { passphrase: opts.identity.passphrase }), opts.issuedAt);
  return { pdf: signed, totals };
}
