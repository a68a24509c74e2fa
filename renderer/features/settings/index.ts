/** Agency settings (administrators). */
export { SettingsPage } from './SettingsPage.tsx';
