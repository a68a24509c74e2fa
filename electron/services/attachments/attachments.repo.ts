import { createHash } from 'node:crypto';
import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import { ATTACHMENT_MAX_BYTES, sniffMime, type AttachmentOwnerType } from '../../../shared/model/attachments.ts';
import type { AttachmentMeta } from '../../../shared/commands/attachments.ts';

interface AttachmentRow {
  id: string; owner_type: string; owner_id: string; kind: string; filename: string; mime: string; size: number;
  sha256: string; document_date: string | null; note: string | null; created_at: string; created_by: string | null;
}
const META_COLUMNS = 'id, owner_type, owner_id, kind, filename, mime, size, sha256, document_date, note, created_at, created_by';

function hydrate(r: AttachmentRow): AttachmentMeta {
  return {
    id: r.id, ownerType: r.owner_type as AttachmentOwnerType, ownerId: r.owner_id, kind: r.kind, filename: r.filename,
    mime: r.mime as AttachmentMeta['mime'], size: r.size, sha256: r.sha256, documentDate: r.document_date, note: r.note,
    createdAt: r.created_at, createdBy: r.created_by,
  };
}

/**
 * Stores one file for a record, inside the caller's transaction. Any area may call this
 * directly when a file arrives with another command (a guard's photo with the person).
 * Refuses empty, oversized and unrecognised files (by their bytes, not their name).
 */
export function putAttachment(db: Db, a: {
  ownerType: AttachmentOwnerType; ownerId: string; kind: string; filename: string; content: Buffer;
  documentDate?: string | null; note?: string | null; now: string; userId: string | null;
}): AttachmentMeta {
  if (a.content.length === 0) throw new AppError('VALIDATION', 'validation.fileEmpty', {}, 'base64');
  if (a.content.length > ATTACHMENT_MAX_BYTES) throw new AppError('VALIDATION', 'validation.fileTooLarge', { max: Math.round(ATTACHMENT_MAX_BYTES / 1048576) }, 'base64');
  const mime = sniffMime(a.content.subarray(0, 16));
  if (!mime) throw new AppError('VALIDATION', 'validation.fileType', { file: a.filename }, 'base64');
  const id = uuidv7();
  const sha256 = createHash('sha256').update(a.content).digest('hex');
  // Names travel to other systems and file dialogs: keep the base name, drop path and control characters.
  const filename = a.filename.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'archivo';
  db.prepare(`INSERT INTO attachments (${META_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, a.ownerType, a.ownerId, a.kind, filename, mime, a.content.length, sha256, a.documentDate ?? null, a.note ?? null, a.now, a.userId, a.content,
  );
  return loadAttachmentMeta(db, id)!;
}

export function loadAttachmentMeta(db: Db, id: string): AttachmentMeta | null {
  const r = db.prepare(`SELECT ${META_COLUMNS} FROM attachments WHERE id = ?`).get(id) as AttachmentRow | undefined;
  return r ? hydrate(r) : null;
}

export function listAttachments(db: Db, ownerType: AttachmentOwnerType, ownerId: string): AttachmentMeta[] {
  return (db.prepare(`SELECT ${META_COLUMNS} FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY created_at, id`).all(ownerType, ownerId) as AttachmentRow[]).map(hydrate);
}

/** The file's bytes; INTEGRITY if they no longer match the checksum taken when it was stored. */
export function readAttachment(db: Db, id: string): { meta: AttachmentMeta; content: Buffer } | null {
  const r = db.prepare(`SELECT ${META_COLUMNS}, content FROM attachments WHERE id = ?`).get(id) as (AttachmentRow & { content: Buffer }) | undefined;
  if (!r) return null;
  if (createHash('sha256').update(r.content).digest('hex') !== r.sha256) throw new AppError('INTEGRITY', 'errors.attachmentCorrupt', { file: r.filename });
  return { meta: hydrate(r), content: r.content };
}
