import type { z } from 'zod';
import type { Permission } from '../model/roles.ts';

/**
 * Who may call a command: a permission from the role table, `signedIn` (any unlocked user,
 * e.g. their own preferences) or `public` (before sign-in: status, setup, unlock, recovery).
 */
export type Access = Permission | 'signedIn' | 'public';

/**
 * One command of the contract. `write` commands run inside one transaction and append to
 * the journal; `session` commands open or close the workspace themselves, so the gate does
 * not wrap them in a transaction (there may be no database yet).
 */
export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  kind: 'read' | 'write' | 'session';
}

export function command<I extends z.ZodType, O extends z.ZodType>(def: CommandDef<I, O>): CommandDef<I, O> {
  return def;
}
