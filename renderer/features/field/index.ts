/** Field work: export packages, field copies, return packages, import with conflicts. */
export { FieldPage } from './FieldPage.tsx';
export { OpenPackageScreen } from './OpenPackageScreen.tsx';
