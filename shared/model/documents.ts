/** Kinds of signed document the agency issues; each has its own serial series per year. */
export const DOCUMENT_KINDS = ['inspection_report', 'compliance_summary', 'licence_certificate', 'annual_report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Serial prefixes, printed on the document: INS-2026-000001. */
export const DOCUMENT_PREFIX: Record<DocumentKind, string> = {
  inspection_report: 'INS',
  compliance_summary: 'CUM',
  licence_certificate: 'LIC',
  annual_report: 'ANU',
};

/**
 * What verifying a PDF can say. Only `valid` means: signed by the agency's identity, unchanged
 * since signing, and in the register of issued documents.
 */
export const VERIFY_STATUSES = ['valid', 'tampered', 'unknown', 'other_identity', 'unsigned'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];
