/** Accountability: grievances, incidents, national statistics, public register and annual report. */
export { GrievancesArea, IncidentsArea } from './areas.tsx';
export { StatisticsPage } from './StatisticsPage.tsx';
export { AccountabilityCards } from './HomeCards.tsx';
export { PersonAccountability } from './PersonAccountability.tsx';
