import type { FigureId } from '../../../../shared/statistics/figures.ts';
import type { FigureModule } from '../figure.ts';
import { companiesByIcoca, companiesByRegion } from './companies.ts';
import { firearmLossesByRegion, firearmLossesByYear, incidentReporting, incidentsByRegion, incidentsByType } from './incidents.ts';
import { grievancesByCategory, grievancesByStatus } from './grievances.ts';
import { findingsBySeverity, inspectionScores } from './audits.ts';
import { firearmsByCalibre, firearmsByState, firearmsByType, guardsByCredential, licenceProcessing, licencesByState, sanctionsByKind } from './registers.ts';

/** Every figure module by id; the type makes a figure declared in shared/ without a module a compile error. */
export const FIGURE_MODULES: Record<FigureId, FigureModule> = {
  companiesByRegion, companiesByIcoca, incidentsByType, incidentsByRegion, incidentReporting,
  firearmLossesByYear, firearmLossesByRegion, grievancesByCategory, grievancesByStatus,
  firearmsByType, firearmsByCalibre, firearmsByState, guardsByCredential, licencesByState, licenceProcessing, sanctionsByKind,
  inspectionScores, findingsBySeverity,
};
