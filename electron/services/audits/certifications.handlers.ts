import { AppError } from '../../../shared/errors.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { insertCertification, listCertifications, loadCertification, transitionCertification, updateCertification } from './certifications.repo.ts';

type CertificationsCommand = 'certifications.create' | 'certifications.update' | 'certifications.transition' | 'certifications.list';

const today = (ctx: Ctx) => ctx.nowIso().slice(0, 10);
function must(ctx: Ctx, id: string) {
  const c = loadCertification(ctx.db, id, today(ctx), ctx.user!.role);
  if (!c) throw new AppError('NOT_FOUND', 'errors.certificationNotFound', {}, 'id');
  return c;
}

/** Companies' certifications (ICoCA, ISO 18788, ISO 28007, national) and their lifecycle. */
export const certificationsHandlers: Handlers<CertificationsCommand> = {
  'certifications.create': (ctx, input) => {
    const id = insertCertification(ctx.db, input, ctx.nowIso(), ctx.user!.id);
    const after = must(ctx, id);
    ctx.audit({ entityType: 'certification', entityId: id, payload: { after } });
    return after;
  },
  'certifications.update': (ctx, input) => {
    const before = must(ctx, input.id);
    updateCertification(ctx.db, input.id, input.version, input.fields, ctx.nowIso(), ctx.user!.id);
    const after = must(ctx, input.id);
    ctx.audit({ entityType: 'certification', entityId: input.id, payload: { before, after } });
    return after;
  },
  'certifications.transition': (ctx, input) => {
    const move = transitionCertification(ctx.db, input.id, input.version, input.action, ctx.user!.role, ctx.nowIso(), ctx.user!.id);
    ctx.audit({ entityType: 'certification', entityId: input.id, payload: { ...move, action: input.action } });
    return must(ctx, input.id);
  },
  'certifications.list': (ctx, input) => listCertifications(ctx.db, input, today(ctx), ctx.user!.role),
};
