/** Licensing: applications and licences, licence types, and the company page's licensing panel. */
export { LicensingArea } from './LicensingArea.tsx';
export { CompanyLicensingPanel } from './CompanyLicensingPanel.tsx';
export { ClockBadge, StateBadge } from './ClockBadge.tsx';
