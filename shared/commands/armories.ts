import { z } from 'zod';
import { command } from './define.ts';
import { id, optionalText, requiredText } from './schemas.ts';
import { ALARM_LINKS } from '../model/firearms.ts';

/** Facility fields (DOMAIN.md: Armory): construction, locks, alarm link, cameras and retention, key custodians. */
export const armoryFields = z.object({
  companyId: id,
  name: requiredText(120),
  address: requiredText(300),
  city: optionalText(120),
  construction: optionalText(300),
  locks: optionalText(300),
  alarmLink: z.enum(ALARM_LINKS).default('none'),
  cameras: z.number().int().min(0, 'validation.notNegative').max(500, 'validation.tooLarge').default(0),
  retentionDays: z.number().int().min(0, 'validation.notNegative').max(3650, 'validation.tooLarge').nullish().transform((v) => v ?? null),
  keyCustodians: z.array(z.object({ name: requiredText(200), personId: id.nullish().transform((v) => v ?? null) })).max(20).default([]),
});
export type ArmoryFields = z.input<typeof armoryFields>;

export const armory = z.object({
  id: z.string(), companyId: z.string(), companyName: z.string(), name: z.string(), address: z.string(), city: z.string().nullable(),
  construction: z.string().nullable(), locks: z.string().nullable(), alarmLink: z.enum(ALARM_LINKS), cameras: z.number().int(),
  retentionDays: z.number().int().nullable(), keyCustodians: z.array(z.object({ name: z.string(), personId: z.string().nullable() })),
  /** Set by inspections (audits area) when they exist; null until then. */
  lastAssessmentScore: z.number().nullable(), lastAssessmentAt: z.string().nullable(),
  firearms: z.number().int(), lots: z.number().int(), rounds: z.number().int(),
  version: z.number().int(), updatedAt: z.string(),
});
export type Armory = z.infer<typeof armory>;

export const armoriesCommands = {
  'armories.create': command({ input: armoryFields, output: armory, access: 'firearms.write', kind: 'write' }),
  'armories.update': command({ input: z.object({ id, version: z.number().int().min(1), fields: armoryFields }), output: armory, access: 'firearms.write', kind: 'write' }),
  'armories.get': command({ input: z.object({ id }), output: armory, access: 'firearms.read', kind: 'read' }),
  'armories.list': command({
    input: z.object({ companyId: id.nullish(), search: z.string().trim().max(120).default(''), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(armory), total: z.number().int() }), access: 'firearms.read', kind: 'read',
  }),
};
