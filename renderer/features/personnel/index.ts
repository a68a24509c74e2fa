/** The personnel register feature; other features import only from here. */
export { PersonnelArea } from './PersonnelArea.tsx';
export type { PersonnelAreaProps } from './PersonnelArea.tsx';
export { CompanyPersonnelLink } from './CompanyPersonnelLink.tsx';
