import type { Handlers } from '../../core/context.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { today } from '../licensing/licensing.handlers.ts';
import { countDue, iterateDue, listDue } from './due.query.ts';
import { dueToCsv, dueToXlsx } from './due.export.ts';
import { companyTimeline } from '../timeline/timeline.ts';
import { upkeepToday } from '../upkeep/upkeep.service.ts';

type DueCommand = 'due.list' | 'due.counts' | 'due.export' | 'due.expiredToday' | 'timeline.list';

/** The Due view, its counts and export, and the company timeline. */
export const dueHandlers: Handlers<DueCommand> = {
  'due.list': (ctx, input) => listDue(ctx.db, input, input.offset, input.limit, today(ctx)),
  'due.counts': (ctx, input) => countDue(ctx.db, today(ctx), input.companyId),
  'due.export': async (ctx, input) => {
    const stamp = today(ctx);
    const base = `${translate(input.language, 'due.exportFile')}-${input.window}-${stamp}`;
    if (input.format === 'csv') {
      const { text, count } = dueToCsv(iterateDue(ctx.db, input, stamp), input.language);
      return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64'), rows: count };
    }
    const { buffer, count } = await dueToXlsx(iterateDue(ctx.db, input, stamp), input.language);
    return { filename: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64'), rows: count };
  },
  'due.expiredToday': (ctx) => upkeepToday(ctx.workspaces, ctx.clock),
  'timeline.list': (ctx, input) => {
    if (!ctx.db.prepare('SELECT 1 FROM companies WHERE id = ?').get(input.companyId)) throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'companyId');
    return companyTimeline(ctx.db, input.companyId, input.offset, input.limit);
  },
};
