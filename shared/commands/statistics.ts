import { z } from 'zod';
import { command } from './define.ts';
import { isoDate } from './schemas.ts';
import { DRILL_ENTITIES, FIGURE_IDS } from '../statistics/figures.ts';

/** Period (by the record's own date: incident occurred, grievance received) and region. */
export const statisticsFilters = z
  .object({
    from: isoDate.nullish().transform((v) => v ?? null),
    to: isoDate.nullish().transform((v) => v ?? null),
    region: z.string().trim().max(120, 'validation.tooLong').nullish().transform((v) => (v ? v : null)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'validation.periodOrder' });
export type StatisticsFilters = z.output<typeof statisticsFilters>;

export const figureData = z.object({
  id: z.enum(FIGURE_IDS),
  categories: z.array(z.string()),
  series: z.array(z.string()),
  values: z.array(z.array(z.number())),
  total: z.number().int(),
  labels: z.record(z.string(), z.string()).optional(),
});

export const drillRow = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  date: z.string().nullable(),
  status: z.string().nullable(),
});

export const statisticsCommands = {
  /** Every figure (or those asked for) for the filters; each is one SQL aggregate. */
  'statistics.figures': command({
    input: z.object({ filters: statisticsFilters.default({ from: null, to: null, region: null }), ids: z.array(z.enum(FIGURE_IDS)).nullish() }),
    output: z.object({ figures: z.array(figureData), regions: z.array(z.string()) }),
    access: 'statistics.read',
    kind: 'read',
  }),
  /** The records behind one bar (category, and series for stacked figures), same filters, paged. */
  'statistics.drill': command({
    input: z.object({
      figure: z.enum(FIGURE_IDS),
      category: z.string().max(200),
      series: z.string().max(60).nullish(),
      filters: statisticsFilters.default({ from: null, to: null, region: null }),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ entity: z.enum(DRILL_ENTITIES), rows: z.array(drillRow), total: z.number().int() }),
    access: 'statistics.read',
    kind: 'read',
  }),
};
