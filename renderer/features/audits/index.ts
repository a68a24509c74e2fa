/** Audits: inspections with their checklists and findings, and certifications; other features import only from here. */
export { AuditsArea } from './AuditsArea.tsx';
export { CertificationsPage } from './CertificationsPage.tsx';
export { ChecklistsPage } from './ChecklistsPage.tsx';
