/** Audits: inspections with their checklists and findings; other features import only from here. */
export { AuditsArea } from './AuditsArea.tsx';
