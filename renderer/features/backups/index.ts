/** Backups: schedule, backup now, history, check and restore (administrators). */
export { BackupsPage } from './BackupsPage.tsx';
