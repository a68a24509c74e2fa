/**
 * The national statistics, as a list of figures. Each figure is computed in SQL by its module
 * in `electron/services/statistics/figures/`, drawn from the same ECharts options on screen and
 * in PDFs (`chartOption.ts`), and drills down to the list of records behind any of its bars.
 * Adding a register's figures = one entry here + one module there.
 */
import type { Permission } from '../model/roles.ts';

export const FIGURE_IDS = [
  'companiesByRegion',
  'companiesByIcoca',
  'incidentsByType',
  'incidentsByRegion',
  'incidentReporting',
  'firearmLossesByYear',
  'firearmLossesByRegion',
  'grievancesByCategory',
  'grievancesByStatus',
  'firearmsByType',
  'firearmsByCalibre',
  'firearmsByState',
  'guardsByCredential',
  'licencesByState',
  'licenceProcessing',
  'sanctionsByKind',
  'inspectionScores',
  'findingsBySeverity',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** What the drill-down list shows for a figure. */
export const DRILL_ENTITIES = ['company', 'incident', 'grievance', 'firearm', 'person', 'licence', 'sanction', 'inspection'] as const;
export type DrillEntity = (typeof DRILL_ENTITIES)[number];

export interface FigureMeta {
  id: FigureId;
  chart: 'bar' | 'hbar' | 'pie' | 'stacked' | 'hstacked';
  entity: DrillEntity;
  /** i18n key prefix for category labels (`<prefix>.<key>`), or null when keys are shown as they are (regions, years). */
  categoryLabels: string | null;
  /** Likewise for series (stacked figures). */
  seriesLabels: string | null;
  /** Whether the period filter applies (a register snapshot counts what is there today). */
  period: boolean;
  /** Permission needed (on top of statistics.read) to open the drill-down list: it names records of that register. */
  drillNeeds: Permission | null;
}

export const FIGURES: Record<FigureId, FigureMeta> = {
  companiesByRegion: { id: 'companiesByRegion', chart: 'hbar', entity: 'company', categoryLabels: null, seriesLabels: null, period: false, drillNeeds: null },
  companiesByIcoca: { id: 'companiesByIcoca', chart: 'pie', entity: 'company', categoryLabels: 'icoca', seriesLabels: null, period: false, drillNeeds: null },
  incidentsByType: { id: 'incidentsByType', chart: 'hbar', entity: 'incident', categoryLabels: 'incidents.type', seriesLabels: null, period: true, drillNeeds: null },
  incidentsByRegion: { id: 'incidentsByRegion', chart: 'hbar', entity: 'incident', categoryLabels: null, seriesLabels: null, period: true, drillNeeds: null },
  incidentReporting: { id: 'incidentReporting', chart: 'pie', entity: 'incident', categoryLabels: 'statistics.reporting', seriesLabels: null, period: true, drillNeeds: null },
  firearmLossesByYear: { id: 'firearmLossesByYear', chart: 'stacked', entity: 'incident', categoryLabels: null, seriesLabels: 'incidents.outcome', period: true, drillNeeds: null },
  firearmLossesByRegion: { id: 'firearmLossesByRegion', chart: 'hstacked', entity: 'incident', categoryLabels: null, seriesLabels: 'incidents.outcome', period: true, drillNeeds: null },
  grievancesByCategory: { id: 'grievancesByCategory', chart: 'hbar', entity: 'grievance', categoryLabels: 'grievances.category', seriesLabels: null, period: true, drillNeeds: null },
  grievancesByStatus: { id: 'grievancesByStatus', chart: 'bar', entity: 'grievance', categoryLabels: 'grievances.status', seriesLabels: null, period: true, drillNeeds: null },
  firearmsByType: { id: 'firearmsByType', chart: 'hbar', entity: 'firearm', categoryLabels: 'firearmType', seriesLabels: null, period: false, drillNeeds: 'firearms.read' },
  firearmsByCalibre: { id: 'firearmsByCalibre', chart: 'hbar', entity: 'firearm', categoryLabels: '@server', seriesLabels: null, period: false, drillNeeds: 'firearms.read' },
  firearmsByState: { id: 'firearmsByState', chart: 'hbar', entity: 'firearm', categoryLabels: 'firearmState', seriesLabels: null, period: false, drillNeeds: 'firearms.read' },
  guardsByCredential: { id: 'guardsByCredential', chart: 'hbar', entity: 'person', categoryLabels: 'credentialState', seriesLabels: null, period: false, drillNeeds: 'personnel.read' },
  licencesByState: { id: 'licencesByState', chart: 'hbar', entity: 'licence', categoryLabels: 'licensing.state', seriesLabels: null, period: false, drillNeeds: 'licensing.read' },
  licenceProcessing: { id: 'licenceProcessing', chart: 'pie', entity: 'licence', categoryLabels: 'statistics.processing', seriesLabels: null, period: true, drillNeeds: 'licensing.read' },
  inspectionScores: { id: 'inspectionScores', chart: 'bar', entity: 'inspection', categoryLabels: 'statistics.score', seriesLabels: null, period: true, drillNeeds: 'inspections.read' },
  findingsBySeverity: { id: 'findingsBySeverity', chart: 'stacked', entity: 'inspection', categoryLabels: 'audits.severity', seriesLabels: 'statistics.age', period: false, drillNeeds: 'inspections.read' },
  sanctionsByKind: { id: 'sanctionsByKind', chart: 'bar', entity: 'sanction', categoryLabels: 'sanctions.kind', seriesLabels: null, period: true, drillNeeds: 'sanctions.read' },
};

/**
 * A computed figure: `values[s][c]` is the count for series `s` and category `c`.
 * Single-series figures have `series: ['count']`. `total` counts distinct records
 * (an incident of two types appears in two bars but once in the total).
 */
export interface FigureData {
  id: FigureId;
  categories: string[];
  series: string[];
  values: number[][];
  total: number;
  /** Labels resolved by the main process (e.g. the agency's calibre list), when `categoryLabels` is '@server'. */
  labels?: Record<string, string>;
}
