import { z } from 'zod';
import { command } from './define.ts';
import { id, password, requiredText, username } from './schemas.ts';
import { ROLES } from '../model/roles.ts';

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof user>;

/** Administrators manage the agency's staff accounts. */
export const usersCommands = {
  'users.list': command({ input: z.object({}).default({}), output: z.array(user), access: 'users.manage', kind: 'read' }),
  /** The temporary password must be changed at first sign-in. */
  'users.create': command({
    input: z.object({ username, displayName: requiredText(120), role: z.enum(ROLES), temporaryPassword: password }),
    output: user,
    access: 'users.manage',
    kind: 'write',
  }),
  'users.update': command({
    input: z.object({ id, displayName: requiredText(120).optional(), role: z.enum(ROLES).optional() }),
    output: user,
    access: 'users.manage',
    kind: 'write',
  }),
  /** Disabling removes the user's key from the keyring; enabling needs a new temporary password. */
  'users.setActive': command({
    input: z.object({ id, active: z.boolean(), temporaryPassword: password.optional() }),
    output: user,
    access: 'users.manage',
    kind: 'write',
  }),
  'users.resetPassword': command({
    input: z.object({ id, temporaryPassword: password }),
    output: user,
    access: 'users.manage',
    kind: 'write',
  }),
};
