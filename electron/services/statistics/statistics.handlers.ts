import type { Handlers } from '../../core/context.ts';
import { AppError } from '../../../shared/errors.ts';
import { roleCan } from '../../../shared/model/roles.ts';
import type { Db } from '../../store/db.ts';
import { FIGURE_IDS, FIGURES } from '../../../shared/statistics/figures.ts';
import type { StatisticsFilters } from '../../../shared/commands/statistics.ts';
import { FIGURE_MODULES } from './figures/index.ts';

/** Every figure (or some) for one set of filters, in the declared order. */
export function computeFigures(db: Db, filters: StatisticsFilters, today: string, ids: readonly (typeof FIGURE_IDS)[number][] = FIGURE_IDS) {
  return ids.map((id) => FIGURE_MODULES[id].compute(db, filters, { today }));
}

/** Regions offered in the filter: those of incidents and of companies (their city). */
function regions(db: Db): string[] {
  return (db.prepare(`SELECT region AS r FROM incidents UNION SELECT city FROM companies WHERE city IS NOT NULL ORDER BY r COLLATE NOCASE`).all() as { r: string }[]).map((x) => x.r);
}

/** National statistics: each figure one SQL aggregate; each bar drills down to its records. */
export const statisticsHandlers: Handlers<'statistics.figures' | 'statistics.drill'> = {
  'statistics.figures': (ctx, input) => ({ figures: computeFigures(ctx.db, input.filters, ctx.nowIso().slice(0, 10), input.ids ?? FIGURE_IDS), regions: regions(ctx.db) }),
  /** The list names records of another register: the role must also be allowed to read that register. */
  'statistics.drill': (ctx, input) => {
    const needs = FIGURES[input.figure].drillNeeds;
    if (needs && !roleCan(ctx.user!.role, needs)) throw new AppError('FORBIDDEN', 'errors.forbidden', { command: 'statistics.drill' });
    const r = FIGURE_MODULES[input.figure].drill(ctx.db, input.filters, input.category, input.series ?? null, input.offset, input.limit, { today: ctx.nowIso().slice(0, 10) });
    return { entity: FIGURES[input.figure].entity, ...r };
  },
};
