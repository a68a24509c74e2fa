/** Signed documents: identity, verification, register. */
export { DocumentsPage } from './DocumentsPage.tsx';
