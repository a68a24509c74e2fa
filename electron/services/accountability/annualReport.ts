import SVGtoPDF from 'svg-to-pdfkit';
import type { Db } from '../../store/db.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import type { StatisticsFilters } from '../../../shared/commands/statistics.ts';
import type { FigureData, FigureId } from '../../../shared/statistics/figures.ts';
import { figureHeight, figureLabels, figureOption } from '../../../shared/statistics/chartOption.ts';
import { computeFigures } from '../statistics/statistics.handlers.ts';
import { renderChartSvg } from '../statistics/chartSvg.ts';
import { createDocument, ensureSpace, finishDocument, heading, paragraph, table, COLORS } from '../documents/pdf.ts';
import { prepareSignedDocument, type PreparedDocument } from '../documents/issue.ts';

/** The totals printed in the report, each taken from a dashboard figure for the same filters. */
export function reportTotals(figs: Map<FigureId, FigureData>): Record<string, number> {
  const sum = (id: FigureId, series?: string) => {
    const f = figs.get(id)!;
    return f.series.reduce((s, name, i) => (series && name !== series ? s : s + f.values[i]!.reduce((a, b) => a + b, 0)), 0);
  };
  const at = (id: FigureId, cat: string) => { const f = figs.get(id)!; const i = f.categories.indexOf(cat); return i < 0 ? 0 : f.values[0]![i]!; };
  const atAll = (id: FigureId, cats: string[]) => cats.reduce((s, c) => s + at(id, c), 0);
  return {
    companies: figs.get('companiesByRegion')!.total,
    icocaCertified: at('companiesByIcoca', 'certified'),
    licencesValid: atAll('licencesByState', ['active', 'renewal_filed']),
    guardsCredentialed: atAll('guardsByCredential', ['credentialed', 'active']),
    firearmsHeld: atAll('firearmsByState', ['in_armory', 'issued', 'under_repair', 'recovered', 'surplus']),
    firearmsRegisterLost: at('firearmsByState', 'lost'),
    firearmsRegisterStolen: at('firearmsByState', 'stolen'),
    firearmsRecovered: at('firearmsByState', 'recovered'),
    firearmsDestroyed: at('firearmsByState', 'destroyed'),
    sanctionsFinal: figs.get('sanctionsByKind')!.total,
    incidents: figs.get('incidentsByType')!.total,
    incidentsLate: at('incidentReporting', 'late'),
    firearmsLost: sum('firearmLossesByYear', 'lost'),
    firearmsStolen: sum('firearmLossesByYear', 'stolen'),
    grievances: figs.get('grievancesByCategory')!.total,
    grievancesReferred: at('grievancesByStatus', 'referred'),
  };
}

const CHARTS: FigureId[] = ['firearmsByState', 'firearmLossesByRegion', 'incidentsByType', 'companiesByIcoca', 'licenceProcessing', 'sanctionsByKind', 'grievancesByCategory'];

/**
 * The annual sector report (national action plan; UN Programme of Action / International
 * Tracing Instrument): the dashboard's own figures and charts for the year, drawn in the
 * agency's document frame and signed by the signed-documents service (serial, QR, journal
 * head). Call from a handler's `prepare`; register the result with `registerPrepared`.
 */
export async function buildAnnualReport(db: Db, opts: { year: number; language: Language; issuedAt: Date }): Promise<{ prepared: PreparedDocument; totals: Record<string, number> }> {
  const lang = opts.language;
  const tr = (k: string, p: Record<string, string | number> = {}) => translate(lang, k, p);
  const filters: StatisticsFilters = { from: `${opts.year}-01-01`, to: `${opts.year}-12-31`, region: null };
  const figs = new Map(computeFigures(db, filters, opts.issuedAt.toISOString().slice(0, 10)).map((f) => [f.id, f]));
  const totals = reportTotals(figs);
  const prepared = await prepareSignedDocument(db, {
    kind: 'annual_report', language: lang, title: tr('report.title', { year: opts.year }), subject: tr('report.subtitle'),
    issuedAt: opts.issuedAt.toISOString(), content: { year: opts.year, totals },
    draw: async (meta) => {
      const f = await createDocument(meta);
      heading(f, tr('report.totals'));
      table(f, [{ header: tr('report.col.figure'), width: f.width - 110 }, { header: tr('report.col.value'), width: 110, align: 'right' }],
        Object.entries(totals).map(([k, v]) => [tr(`report.total.${k}`), { text: String(v), bold: true }]));
      paragraph(f, tr('report.coverage'), { color: COLORS.muted, size: 8 });
      for (const id of CHARTS) {
        const fig = figs.get(id)!;
        // Chart height in points: horizontal charts grow with their categories (same rule as the screen).
        const h = Math.min(520, figureHeight(fig, 300)) * (f.width / 640);
        ensureSpace(f, 60 + (fig.categories.length ? h : 20));
        heading(f, tr(`statistics.figure.${id}`));
        if (fig.categories.length === 0) {
          paragraph(f, tr('statistics.noData'), { color: COLORS.muted, size: 9 });
          continue;
        }
        const svg = renderChartSvg(figureOption(fig, figureLabels(id, (k) => tr(k), fig.labels), { fontFamily: 'DejaVu Sans' }), 640, Math.round(h * (640 / f.width)));
        const y = f.doc.y + 4;
        SVGtoPDF(f.doc, svg, f.left, y, { width: f.width, height: h, assumePt: false, fontCallback: (_family, bold) => (bold ? 'bold' : 'regular') });
        f.doc.y = y + h + 6;
      }
      return finishDocument(f);
    },
  });
  return { prepared, totals };
}
