/** The journal viewer and integrity check (permission journal.read / journal.verify). */
export { JournalPage } from './JournalPage.tsx';
