import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import type { DocumentKind } from '../../../shared/model/documents.ts';
import type { IssuedDocument } from '../../../shared/commands/documents.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { loadAgencyIdentity } from './identity.ts';
import type { DocumentMeta } from './pdf.ts';
import { contentHash, journalHead, peekSerial, registerIssuedDocument } from './register.ts';
import { signPdfBuffer } from './sign.ts';

/** A document drawn and signed, waiting to be registered inside the issuing transaction. */
export interface PreparedDocument {
  kind: DocumentKind; serial: string; language: Language; issuedAt: string; pdf: Buffer; pages: number;
  contentSha256: string; journalHash: string; signerFingerprint: string;
}

/**
 * Draws and signs an agency document (slow, async: call it from a handler's `prepare`).
 * Takes the next serial (peeked), the journal head and a hash of `content` (what the document
 * states), prints them in the letterhead and QR code, and signs with the agency identity.
 * Then call {@link registerPrepared} in the transaction.
 */
export async function prepareSignedDocument(db: Db, o: {
  kind: DocumentKind; language: Language; title: string; subject: string; issuedAt: string; content: unknown;
  draw: (meta: DocumentMeta, signer: { subject: string; fingerprint: string }) => Promise<{ pdf: Buffer; pages: number }>;
}): Promise<PreparedDocument> {
  const identity = loadAgencyIdentity(db);
  if (!identity) throw new AppError('CONFLICT', 'errors.noSigningIdentity');
  const settings = readSettings(db);
  const serial = peekSerial(db, o.kind, Number(o.issuedAt.slice(0, 4)));
  const journalHash = journalHead(db);
  const contentSha256 = contentHash({ serial, kind: o.kind, issuedAt: o.issuedAt, journalHash, content: o.content });
  const meta: DocumentMeta = {
    agencyName: settings.name, country: settings.country, title: o.title, serial, issuedAt: o.issuedAt, language: o.language, subject: o.subject,
    qrText: `CENTINELA|${serial}|${contentSha256}|${journalHash}`, contentHash: contentSha256,
  };
  const drawn = await o.draw(meta, { subject: identity.subject, fingerprint: identity.fingerprint });
  const pdf = await signPdfBuffer(drawn.pdf, identity, {
    reason: translate(o.language, 'documents.pdf.signReason', { serial }), location: settings.country, name: settings.name, signingTime: new Date(o.issuedAt),
  });
  return { kind: o.kind, serial, language: o.language, issuedAt: o.issuedAt, pdf, pages: drawn.pages, contentSha256, journalHash, signerFingerprint: identity.fingerprint };
}

/** Registers a prepared document inside the caller's transaction (CONFLICT if the register moved meanwhile). */
export function registerPrepared(db: Db, p: PreparedDocument, subject: { type: string; id: string; label: string; companyId: string | null }, userId: string | null): IssuedDocument {
  return registerIssuedDocument(db, {
    serial: p.serial, kind: p.kind, subjectType: subject.type, subjectId: subject.id, subjectLabel: subject.label, companyId: subject.companyId,
    language: p.language, pdf: p.pdf, contentSha256: p.contentSha256, journalHash: p.journalHash, signerFingerprint: p.signerFingerprint,
    pages: p.pages, issuedAt: p.issuedAt, userId,
  });
}

/** File name an issued document is saved under. */
export const documentFilename = (d: { serial: string }) => `${d.serial}.pdf`;
