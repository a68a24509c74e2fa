/** Sanctions: list, detail with the allowed actions, and the proposal dialog other screens open. */
export { SanctionsArea } from './SanctionsArea.tsx';
export { ProposeSanctionDialog } from './ProposeSanctionDialog.tsx';
export { SanctionsTable, SanctionStateBadge } from './SanctionsTable.tsx';
export { TargetSanctions } from './TargetSanctions.tsx';
