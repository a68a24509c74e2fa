import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from '../../core/context.ts';
import { calibreCollisions } from '../../../shared/model/calibres.ts';
import { loadFirearm } from './firearms.repo.ts';
import { checkFirearmFields, insertFirearm, updateFirearm } from './firearms.write.ts';
import { applyFirearmTransition } from './firearms.transition.ts';
import { firearmTimeline, issueLog, listFirearms, lossReports } from './firearms.query.ts';
import { calibreList, invalidateCalibres, storeShippedCalibres } from './calibres.repo.ts';
import { lossReportDeadlineDays, setLossReportDeadlineDays } from './settings.ts';
import { openCustodyForCompany } from './custody.ts';
import { custodyItems, custodyList, custodyLists } from './custody.query.ts';
import { requireCompany } from './firearms.write.ts';
import type { Ctx } from '../../core/context.ts';

type FirearmsCommand =
  | 'firearms.register' | 'firearms.update' | 'firearms.get' | 'firearms.list' | 'firearms.timeline' | 'firearms.transition'
  | 'firearms.issueLog' | 'firearms.lossReports' | 'firearms.calibres' | 'firearms.saveCalibre' | 'firearms.removeCalibre'
  | 'firearms.settings' | 'firearms.setSettings' | 'firearms.openCustody' | 'firearms.custodyLists' | 'firearms.custodyItems';

const local = (ctx: Ctx) => ctx.nowIso().slice(0, 19);

function mustLoad(ctx: Ctx, id: string) {
  const f = loadFirearm(ctx.db, id, local(ctx));
  if (!f) throw new AppError('NOT_FOUND', 'errors.firearmNotFound', {}, 'id');
  return f;
}

/** The firearms register: record, lifecycle, issue log, loss/theft, calibre list, custody lists. */
export const firearmsHandlers: Handlers<FirearmsCommand> = {
  'firearms.register': (ctx, input) => {
    const checked = checkFirearmFields(ctx.db, input, null);
    const id = insertFirearm(ctx.db, input, checked, ctx.nowIso(), ctx.user!.id);
    const after = mustLoad(ctx, id);
    ctx.audit({ entityType: 'firearm', entityId: id, payload: { after } });
    return after;
  },

  'firearms.update': (ctx, input) => {
    const before = mustLoad(ctx, input.id);
    const checked = checkFirearmFields(ctx.db, input.fields, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', 'errors.firearmStale');
    updateFirearm(ctx.db, input.id, input.version, input.fields, checked, before.companyId, ctx.nowIso(), ctx.user!.id);
    const after = mustLoad(ctx, input.id);
    ctx.audit({ entityType: 'firearm', entityId: input.id, payload: { before, after } });
    return after;
  },

  'firearms.get': (ctx, input) => mustLoad(ctx, input.id),
  'firearms.list': (ctx, input) => listFirearms(ctx.db, input, input.offset, input.limit),
  'firearms.timeline': (ctx, input) => {
    mustLoad(ctx, input.id);
    return firearmTimeline(ctx.db, input.id);
  },

  'firearms.transition': (ctx, input) => {
    const before = mustLoad(ctx, input.id);
    applyFirearmTransition(ctx.db, input, ctx.user!.role, ctx.nowIso(), ctx.user!.id);
    const after = mustLoad(ctx, input.id);
    ctx.audit({ entityType: 'firearm', entityId: input.id, payload: { action: input.action, input, before: { state: before.state, companyId: before.companyId }, after: { state: after.state, companyId: after.companyId } } });
    return after;
  },

  'firearms.issueLog': (ctx, input) => issueLog(ctx.db, input, local(ctx)),
  'firearms.lossReports': (ctx, input) => lossReports(ctx.db, input),

  'firearms.calibres': (ctx) => {
    const list = calibreList(ctx.db);
    const used = new Map((ctx.db.prepare(`SELECT code, sum(n) AS n FROM (
      SELECT value AS code, count(*) AS n FROM firearms, json_each('["' || replace(calibre_code, '+', '","') || '"]') GROUP BY value
      UNION ALL SELECT calibre_code AS code, count(*) AS n FROM ammo_lots GROUP BY calibre_code) GROUP BY code`).all() as { code: string; n: number }[]).map((r) => [r.code, r.n]));
    return { calibres: list.map((c) => ({ ...c, synonyms: [...c.synonyms], inUse: used.get(c.code) ?? 0 })), collisions: calibreCollisions(list) };
  },

  'firearms.saveCalibre': (ctx, input) => {
    storeShippedCalibres(ctx.db, ctx.nowIso(), ctx.user!.id);
    const now = ctx.nowIso();
    const exists = ctx.db.prepare('SELECT 1 FROM firearm_calibres WHERE code = ?').get(input.code);
    const synonyms = JSON.stringify([...new Set(input.synonyms)]);
    if (exists) {
      ctx.db.prepare('UPDATE firearm_calibres SET canonical = ?, kind = ?, synonyms = ?, updated_at = ? WHERE code = ?').run(input.canonical, input.kind, synonyms, now, input.code);
    } else {
      const pos = (ctx.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM firearm_calibres').get() as { p: number }).p;
      ctx.db.prepare('INSERT INTO firearm_calibres (code, canonical, kind, synonyms, position, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.code, input.canonical, input.kind, synonyms, pos, now, now, ctx.user!.id);
    }
    invalidateCalibres(ctx.db);
    ctx.audit({ entityType: 'calibre', entityId: input.code, payload: { after: input } });
    return { ...input, synonyms: [...new Set(input.synonyms)] };
  },

  'firearms.removeCalibre': (ctx, input) => {
    storeShippedCalibres(ctx.db, ctx.nowIso(), ctx.user!.id);
    if (!ctx.db.prepare('SELECT 1 FROM firearm_calibres WHERE code = ?').get(input.code)) throw new AppError('NOT_FOUND', 'errors.calibreNotFound', {}, 'code');
    const used = ctx.db.prepare(`SELECT (SELECT count(*) FROM firearms WHERE calibre_code = @c OR calibre_code LIKE @c || '+%' OR calibre_code LIKE '%+' || @c OR calibre_code LIKE '%+' || @c || '+%')
      + (SELECT count(*) FROM ammo_lots WHERE calibre_code = @c) AS n`).get({ c: input.code }) as { n: number };
    if (used.n > 0) throw new AppError('CONFLICT', 'errors.calibreInUse', { count: used.n }, 'code');
    ctx.db.prepare('DELETE FROM firearm_calibres WHERE code = ?').run(input.code);
    invalidateCalibres(ctx.db);
    ctx.audit({ entityType: 'calibre', entityId: input.code, payload: { removed: true } });
    return { code: input.code };
  },

  'firearms.settings': (ctx) => ({ lossReportDeadlineDays: lossReportDeadlineDays(ctx.db) }),
  'firearms.setSettings': (ctx, input) => {
    const before = lossReportDeadlineDays(ctx.db);
    setLossReportDeadlineDays(ctx.db, input.lossReportDeadlineDays);
    ctx.audit({ entityType: 'settings', entityId: 'firearms', payload: { before, after: input.lossReportDeadlineDays } });
    return { lossReportDeadlineDays: input.lossReportDeadlineDays };
  },

  'firearms.openCustody': (ctx, input) => {
    requireCompany(ctx.db, input.companyId, 'companyId');
    const id = openCustodyForCompany(ctx.db, input.companyId, input.reason, ctx.nowIso(), ctx.user!.id);
    const list = custodyList(ctx.db, id)!;
    ctx.audit({ entityType: 'custodyList', entityId: id, payload: { after: list } });
    return list;
  },
  'firearms.custodyLists': (ctx, input) => custodyLists(ctx.db, input),
  'firearms.custodyItems': (ctx, input) => {
    const list = custodyList(ctx.db, input.listId);
    if (!list) throw new AppError('NOT_FOUND', 'errors.custodyListNotFound', {}, 'listId');
    return { list, items: custodyItems(ctx.db, input.listId) };
  },
};
