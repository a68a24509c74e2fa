import { z } from 'zod';
import { command } from './define.ts';
import { id, requiredText } from './schemas.ts';
import { DOCUMENT_KINDS, VERIFY_STATUSES } from '../model/documents.ts';

export const signingIdentity = z.object({
  id: z.string(),
  source: z.enum(['self_signed', 'imported']),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  /** SHA-256 of the certificate (DER), colon-separated hex: what an officer compares by eye. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  createdAt: z.string(),
});
export type SigningIdentity = z.infer<typeof signingIdentity>;

export const issuedDocument = z.object({
  id: z.string(),
  serial: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  companyId: z.string().nullable(),
  language: z.enum(['es', 'en']),
  sha256: z.string(),
  contentSha256: z.string(),
  journalHash: z.string(),
  signerFingerprint: z.string(),
  pages: z.number().int(),
  size: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
  issuedByName: z.string().nullable(),
});
export type IssuedDocument = z.infer<typeof issuedDocument>;

export const verifyResult = z.object({
  status: z.enum(VERIFY_STATUSES),
  /** The register entry the file is, when valid (or the one it claims to be, when tampered). */
  entry: issuedDocument.nullable(),
  signerSubject: z.string().nullable(),
  signerFingerprint: z.string().nullable(),
  sha256: z.string(),
  /** Why, as an i18n key (e.g. digest mismatch, signature does not cover the whole file). */
  reasonKey: z.string(),
});
export type VerifyResult = z.infer<typeof verifyResult>;

const language = z.enum(['es', 'en']).default('es');
const issuedFile = z.object({ document: issuedDocument, filename: z.string(), base64: z.string() });

export const documentsCommands = {
  'signing.get': command({ input: z.object({}), output: signingIdentity.nullable(), access: 'documents.read', kind: 'read' }),
  /** Makes a new self-signed agency identity (RSA 2048, 5 years) and makes it the active one. */
  'signing.createSelfSigned': command({
    input: z.object({ commonName: requiredText(200), organization: requiredText(200), country: z.string().trim().regex(/^[A-Z]{2}$/, 'validation.country') }),
    output: signingIdentity,
    access: 'signing.manage',
    kind: 'write',
  }),
  /** Imports the agency's PKCS#12 (.p12/.pfx) and makes it the active identity. */
  'signing.importPkcs': command({
    input: z.object({ base64: z.string().min(1, 'validation.required').max(200_000, 'validation.fileTooLarge'), passphrase: z.string().max(256, 'validation.tooLong') }),
    output: signingIdentity,
    access: 'signing.manage',
    kind: 'write',
  }),
  /**
   * Issues the signed inspection report and moves the inspection from quality review to Issued
   * (one transaction: register entry, state, findings' due dates, journal).
   */
  'documents.issueInspectionReport': command({
    input: z.object({ inspectionId: id, version: z.number().int().min(1), language }),
    output: issuedFile,
    access: 'inspections.review',
    kind: 'write',
  }),
  /** A signed compliance summary of one company as it stands now. */
  'documents.issueComplianceSummary': command({
    input: z.object({ companyId: id, language }),
    output: issuedFile,
    access: 'documents.issue',
    kind: 'write',
  }),
  /** A signed certificate of one licence in force (active or renewal filed), drawn from its record. */
  'documents.issueLicenceCertificate': command({
    input: z.object({ licenceId: id, language }),
    output: issuedFile,
    access: 'documents.issue',
    kind: 'write',
  }),
  'documents.list': command({
    input: z.object({
      kind: z.enum(DOCUMENT_KINDS).nullish(),
      subjectId: id.nullish(),
      companyId: id.nullish(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(issuedDocument), total: z.number().int() }),
    access: 'documents.read',
    kind: 'read',
  }),
  'documents.get': command({ input: z.object({ id }), output: issuedFile, access: 'documents.read', kind: 'read' }),
  /** Checks a PDF's signature and finds it in the register: valid, tampered, unknown, other identity, unsigned. */
  'documents.verify': command({
    input: z.object({ base64: z.string().min(1, 'validation.required').max(Math.ceil((60 * 1024 * 1024 * 4) / 3), 'validation.fileTooLarge') }),
    output: verifyResult,
    access: 'documents.read',
    kind: 'read',
  }),
};
