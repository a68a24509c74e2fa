/**
 * The agency's signed-documents service, reusable by every area: load the identity, draw a
 * document with the agency frame, sign a PDF, register an issued document, verify a PDF.
 */
export { loadAgencyIdentity, publicIdentity, createSelfSignedIdentity, importP12, storeIdentity, type AgencyIdentity } from './identity.ts';
export { signPdfBuffer } from './sign.ts';
export { createDocument, finishDocument, heading, facts, table, paragraph, signatureBlock, ensureSpace, formatDate, COLORS, type DocumentMeta, type Frame } from './pdf.ts';
export { registerIssuedDocument, loadIssuedDocument, listIssuedDocuments, readIssuedPdf, journalHead, contentHash, sha256Hex } from './register.ts';
export { prepareSignedDocument, registerPrepared, documentFilename, type PreparedDocument } from './issue.ts';
export { verifyPdf, checkPdfSignature } from './verify.ts';
