import { AppError } from '../../../shared/errors.ts';
import { roleCan, type Permission } from '../../../shared/model/roles.ts';
import type { AttachmentOwnerType } from '../../../shared/model/attachments.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { ATTACHMENT_OWNERS } from './owners.ts';
import { listAttachments, putAttachment, readAttachment } from './attachments.repo.ts';

type AttachmentsCommand = 'attachments.add' | 'attachments.list' | 'attachments.get';

/** The owner must exist and the user must hold the owner's own permission, not just the generic one. */
function checkOwner(ctx: Ctx, ownerType: AttachmentOwnerType, ownerId: string, need: 'read' | 'write'): void {
  const o = ATTACHMENT_OWNERS[ownerType];
  const permission: Permission = o[need];
  if (!roleCan(ctx.user!.role, permission)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: `attachments:${ownerType}` });
  if (!ctx.db.prepare(`SELECT 1 FROM ${o.table} WHERE id = ?`).get(ownerId)) throw new AppError('NOT_FOUND', 'errors.attachmentOwnerNotFound', {}, 'ownerId');
}

export const attachmentsHandlers: Handlers<AttachmentsCommand> = {
  'attachments.add': (ctx, input) => {
    checkOwner(ctx, input.ownerType, input.ownerId, 'write');
    const content = Buffer.from(input.base64, 'base64');
    const meta = putAttachment(ctx.db, { ...input, content, now: ctx.nowIso(), userId: ctx.user!.id });
    ctx.audit({ entityType: input.ownerType, entityId: input.ownerId, payload: { attachment: { ...meta } } });
    return meta;
  },
  'attachments.list': (ctx, input) => {
    checkOwner(ctx, input.ownerType, input.ownerId, 'read');
    return listAttachments(ctx.db, input.ownerType, input.ownerId);
  },
  'attachments.get': (ctx, input) => {
    const a = readAttachment(ctx.db, input.id);
    if (!a) throw new AppError('NOT_FOUND', 'errors.attachmentNotFound', {}, 'id');
    checkOwner(ctx, a.meta.ownerType, a.meta.ownerId, 'read');
    return { ...a.meta, base64: a.content.toString('base64') };
  },
};
