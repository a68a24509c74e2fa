/** The company register feature; other features import only from here. */
export { CompaniesArea } from './CompaniesArea.tsx';
export type { CompaniesAreaProps } from './CompaniesArea.tsx';
