import { z } from 'zod';

/** Building blocks shared by the command groups; messages are i18n keys, never prose. */
export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'validation.id');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'validation.date');
export const isoDateTime = z.string();
export const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');
export const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
export const optionalText = (max: number) =>
  z.string().trim().max(max, 'validation.tooLong').nullish().transform((v) => (v ? v : null));
export const password = z.string().min(1, 'validation.required').max(256, 'validation.tooLong');
export const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,40}$/, 'validation.username');
export const page = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export const sortDir = z.enum(['asc', 'desc']);
