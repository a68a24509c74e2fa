import { createHash } from 'node:crypto';
import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import { DOCUMENT_PREFIX, type DocumentKind } from '../../../shared/model/documents.ts';
import type { IssuedDocument } from '../../../shared/commands/documents.ts';
import { canonicalJson } from '../../store/journal.ts';

export const sha256Hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** SHA-256 of the canonical JSON of what a document was drawn from (printed and in the QR code). */
export const contentHash = (data: unknown) => sha256Hex(canonicalJson(data));

/** The journal's head hash now: embedded in a document so a later edit of the register shows. */
export function journalHead(db: Db): string {
  const r = db.prepare('SELECT hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return r?.hash ?? '0'.repeat(64);
}

/** The serial the next document of `kind` would get this year (reading only; see {@link takeSerial}). */
export function peekSerial(db: Db, kind: DocumentKind, year: number): string {
  const r = db.prepare('SELECT last FROM document_counters WHERE kind = ? AND year = ?').get(kind, year) as { last: number } | undefined;
  return `${DOCUMENT_PREFIX[kind]}-${year}-${String((r?.last ?? 0) + 1).padStart(6, '0')}`;
}

/**
 * Takes the next serial inside the caller's transaction. The document was drawn with the
 * peeked serial before the transaction; if another document took it meanwhile, CONFLICT
 * (the officer issues again) rather than two documents with one serial.
 */
export function takeSerial(db: Db, kind: DocumentKind, year: number, expected: string): string {
  const serial = peekSerial(db, kind, year);
  if (serial !== expected) throw new AppError('CONFLICT', 'errors.documentRaced');
  db.prepare(`INSERT INTO document_counters (kind, year, last) VALUES (?, ?, 1)
    ON CONFLICT(kind, year) DO UPDATE SET last = last + 1`).run(kind, year);
  return serial;
}

export interface RegisterInput {
  serial: string; kind: DocumentKind; subjectType: string; subjectId: string; subjectLabel: string; companyId: string | null;
  language: 'es' | 'en'; pdf: Buffer; contentSha256: string; journalHash: string; signerFingerprint: string; pages: number;
  issuedAt: string; userId: string | null;
}

/**
 * Records an issued (signed) document in the register, inside the caller's transaction, after
 * taking its serial. The journal head it embeds must still be the head: otherwise something
 * was written after it was drawn and the document would describe a past state.
 */
export function registerIssuedDocument(db: Db, d: RegisterInput): IssuedDocument {
  if (journalHead(db) !== d.journalHash) throw new AppError('CONFLICT', 'errors.documentRaced');
  takeSerial(db, d.kind, Number(d.issuedAt.slice(0, 4)), d.serial);
  const id = uuidv7();
  db.prepare(`INSERT INTO issued_documents (id, serial, kind, subject_type, subject_id, subject_label, company_id, language, sha256, content_sha256,
      journal_hash, signer_fingerprint, pages, size, content, issued_at, issued_by, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, d.serial, d.kind, d.subjectType, d.subjectId, d.subjectLabel, d.companyId, d.language, sha256Hex(d.pdf), d.contentSha256,
    d.journalHash, d.signerFingerprint, d.pages, d.pdf.length, d.pdf, d.issuedAt, d.userId, d.issuedAt, d.issuedAt, d.userId,
  );
  return loadIssuedDocument(db, id)!;
}

interface DocRow {
  id: string; serial: string; kind: DocumentKind; subject_type: string; subject_id: string; subject_label: string; company_id: string | null;
  language: 'es' | 'en'; sha256: string; content_sha256: string; journal_hash: string; signer_fingerprint: string; pages: number; size: number;
  issued_at: string; issued_by: string | null; issued_by_name: string | null;
}
const COLS = `d.id, d.serial, d.kind, d.subject_type, d.subject_id, d.subject_label, d.company_id, d.language, d.sha256, d.content_sha256,
  d.journal_hash, d.signer_fingerprint, d.pages, d.size, d.issued_at, d.issued_by, u.display_name AS issued_by_name`;
const FROM = 'FROM issued_documents d LEFT JOIN users u ON u.id = d.issued_by';

function hydrate(r: DocRow): IssuedDocument {
  return {
    id: r.id, serial: r.serial, kind: r.kind, subjectType: r.subject_type, subjectId: r.subject_id, subjectLabel: r.subject_label,
    companyId: r.company_id, language: r.language, sha256: r.sha256, contentSha256: r.content_sha256, journalHash: r.journal_hash,
    signerFingerprint: r.signer_fingerprint, pages: r.pages, size: r.size, issuedAt: r.issued_at, issuedBy: r.issued_by, issuedByName: r.issued_by_name,
  };
}

export function loadIssuedDocument(db: Db, id: string): IssuedDocument | null {
  const r = db.prepare(`SELECT ${COLS} ${FROM} WHERE d.id = ?`).get(id) as DocRow | undefined;
  return r ? hydrate(r) : null;
}

export function findIssuedBy(db: Db, column: 'sha256' | 'serial', value: string): IssuedDocument | null {
  const r = db.prepare(`SELECT ${COLS} ${FROM} WHERE d.${column} = ?`).get(value) as DocRow | undefined;
  return r ? hydrate(r) : null;
}

export function readIssuedPdf(db: Db, id: string): Buffer | null {
  const r = db.prepare('SELECT content, sha256 FROM issued_documents WHERE id = ?').get(id) as { content: Buffer; sha256: string } | undefined;
  if (!r) return null;
  if (sha256Hex(r.content) !== r.sha256) throw new AppError('INTEGRITY', 'errors.documentCorrupt');
  return r.content;
}

export function listIssuedDocuments(db: Db, q: { kind?: DocumentKind | null; subjectId?: string | null; companyId?: string | null; offset: number; limit: number }): { rows: IssuedDocument[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.kind) { where.push('d.kind = ?'); args.push(q.kind); }
  if (q.subjectId) { where.push('d.subject_id = ?'); args.push(q.subjectId); }
  if (q.companyId) { where.push('d.company_id = ?'); args.push(q.companyId); }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM issued_documents d ${w}`).get(...args) as { n: number }).n;
  const rows = (db.prepare(`SELECT ${COLS} ${FROM} ${w} ORDER BY d.issued_at DESC, d.id DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as DocRow[]).map(hydrate);
  return { rows, total };
}
