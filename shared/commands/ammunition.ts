import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText } from './schemas.ts';
import { AMMO_CONSUMPTION_REASONS, AMMO_MOVEMENT_KINDS, AMMO_TYPES } from '../model/firearms.ts';

const qty = z.number().int('validation.integer').min(1, 'validation.positive').max(10_000_000, 'validation.tooLarge');

export const ammoLot = z.object({
  id: z.string(), companyId: z.string(), companyName: z.string(), armoryId: z.string().nullable(), armoryName: z.string().nullable(),
  calibreCode: z.string(), calibre: z.string(), ammoType: z.enum(AMMO_TYPES), lotNumber: z.string(), manufacturer: z.string(),
  balance: z.number().int(),
  lastCount: z.object({ on: z.string(), declared: z.number().int(), counted: z.number().int(), register: z.number().int() }).nullable(),
  /** The last count differs from what the company declared or from the register balance. */
  discrepancy: z.boolean(),
  version: z.number().int(), updatedAt: z.string(),
});
export type AmmoLot = z.infer<typeof ammoLot>;

export const ammoMovement = z.object({
  id: z.string(), kind: z.enum(AMMO_MOVEMENT_KINDS), reason: z.string().nullable(), quantity: z.number().int(), balanceAfter: z.number().int(),
  counterpartLotId: z.string().nullable(), counterpartLabel: z.string().nullable(), occurredOn: z.string(), note: z.string().nullable(), createdAt: z.string(),
});

/** Identity of a lot in one company's armory; a receipt into an existing identity adds to it. */
export const lotIdentity = z.object({
  companyId: id,
  armoryId: id.nullish().transform((v) => v ?? null),
  calibre: requiredText(80),
  ammoType: z.enum(AMMO_TYPES),
  lotNumber: requiredText(60),
  manufacturer: requiredText(120),
});

export const ammunitionCommands = {
  /** Receipt of rounds into a lot (created on first receipt). */
  'ammunition.receive': command({ input: lotIdentity.extend({ quantity: qty, date: isoDate, note: optionalText(500) }), output: ammoLot, access: 'firearms.write', kind: 'write' }),
  /** Consumption (training, incident, other); refused if it would make the balance negative. */
  'ammunition.consume': command({
    input: z.object({ lotId: id, quantity: qty, reason: z.enum(AMMO_CONSUMPTION_REASONS), date: isoDate, note: optionalText(500) }),
    output: ammoLot, access: 'firearms.write', kind: 'write',
  }),
  /** Moves rounds to another armory or company; the same lot number is kept on the receiving side. */
  'ammunition.transfer': command({
    input: z.object({ lotId: id, quantity: qty, toCompanyId: id, toArmoryId: id.nullish().transform((v) => v ?? null), date: isoDate, note: optionalText(500) }),
    output: z.object({ from: ammoLot, to: ammoLot }), access: 'firearms.write', kind: 'write',
  }),
  /** A physical count: declared (by the company) versus counted; differences are flagged, the balance is not silently changed. */
  'ammunition.count': command({
    input: z.object({ lotId: id, declared: z.number().int().min(0, 'validation.notNegative'), counted: z.number().int().min(0, 'validation.notNegative'), date: isoDate }),
    output: ammoLot, access: 'firearms.write', kind: 'write',
  }),
  'ammunition.list': command({
    input: z.object({
      companyId: id.nullish(), armoryId: id.nullish(), calibreCode: z.string().trim().max(80).nullish(), discrepancyOnly: z.boolean().default(false),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(ammoLot), total: z.number().int() }), access: 'firearms.read', kind: 'read',
  }),
  /** Balance per company, armory and calibre. */
  'ammunition.balances': command({
    input: z.object({ companyId: id.nullish() }),
    output: z.array(z.object({ companyId: z.string(), companyName: z.string(), armoryId: z.string().nullable(), armoryName: z.string().nullable(), calibreCode: z.string(), calibre: z.string(), rounds: z.number().int(), lots: z.number().int() })),
    access: 'firearms.read', kind: 'read',
  }),
  'ammunition.movements': command({ input: z.object({ lotId: id }), output: z.array(ammoMovement), access: 'firearms.read', kind: 'read' }),
};
