/** Signed documents: identity, verification, register. */
export { DocumentsPage } from './DocumentsPage.tsx';
export { IssueCertificateButton } from './IssueCertificateButton.tsx';
