import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { passwordProblem } from '../../../shared/model/password.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import type { UserEntry } from '../../store/keyring.ts';
import { countActiveAdmins, findUserById, findUserByUsername, insertUser, listUsers, updateUserRow } from './users.repo.ts';
import type { User } from '../../../shared/commands/users.ts';

type UsersCommand = 'users.list' | 'users.create' | 'users.update' | 'users.setActive' | 'users.resetPassword';

function mustFind(ctx: Ctx, id: string): User {
  const u = findUserById(ctx.db, id);
  if (!u) throw new AppError('NOT_FOUND', 'errors.userNotFound', {}, 'id');
  return u;
}

/** Wrapping the key for a new password is slow (scrypt), so it runs before the transaction. */
async function wrapTemporary(ctx: Ctx, username: string, password: string): Promise<UserEntry> {
  const problem = passwordProblem(password, [username]);
  if (problem) throw AppError.validation('temporaryPassword', problem);
  const ws = ctx.workspaces;
  return ws.keyring.makeUserEntry(username, password, ws.dataKey, ws.scrypt);
}

/** The agency must always keep one active administrator, or nobody could manage users again. */
function keepOneAdmin(ctx: Ctx, target: User, next: { role?: string; active?: boolean }) {
  const losesAdmin = target.role === 'administrator' && target.active && ((next.role && next.role !== 'administrator') || next.active === false);
  if (losesAdmin && countActiveAdmins(ctx.db) <= 1) throw new AppError('CONFLICT', 'errors.lastAdministrator');
}

export const usersHandlers: Handlers<UsersCommand> = {
  'users.list': (ctx) => listUsers(ctx.db),

  'users.create': {
    prepare: (ctx, input) => {
      if (findUserByUsername(ctx.db, input.username)) throw new AppError('CONFLICT', 'errors.usernameTaken', { username: input.username }, 'username');
      return wrapTemporary(ctx, input.username, input.temporaryPassword);
    },
    run: (ctx, input, entry: UserEntry) => {
      if (findUserByUsername(ctx.db, input.username)) throw new AppError('CONFLICT', 'errors.usernameTaken', { username: input.username }, 'username');
      const id = uuidv7();
      insertUser(ctx.db, { id, username: input.username, displayName: input.displayName, role: input.role, active: true, mustChangePassword: true }, ctx.nowIso(), ctx.user!.id);
      ctx.workspaces.keyring.putUser(entry);
      ctx.workspaces.keyring.save();
      const created = mustFind(ctx, id);
      ctx.audit({ entityType: 'user', entityId: id, payload: { after: created } });
      return created;
    },
  },

  'users.update': (ctx, input) => {
    const before = mustFind(ctx, input.id);
    keepOneAdmin(ctx, before, { role: input.role });
    updateUserRow(ctx.db, input.id, { displayName: input.displayName, role: input.role }, ctx.nowIso());
    const after = mustFind(ctx, input.id);
    ctx.audit({ entityType: 'user', entityId: input.id, payload: { before, after } });
    if (input.id === ctx.user!.id) ctx.workspaces.refreshUser();
    return after;
  },

  'users.setActive': {
    prepare: async (ctx, input) => {
      const target = mustFind(ctx, input.id);
      if (!input.active) return null;
      if (!input.temporaryPassword) throw AppError.validation('temporaryPassword', 'validation.required');
      return wrapTemporary(ctx, target.username, input.temporaryPassword);
    },
    run: (ctx, input, entry: UserEntry | null) => {
      const before = mustFind(ctx, input.id);
      if (!input.active && input.id === ctx.user!.id) throw new AppError('CONFLICT', 'errors.cannotDisableSelf');
      keepOneAdmin(ctx, before, { active: input.active });
      updateUserRow(ctx.db, input.id, { active: input.active, mustChangePassword: input.active ? true : before.mustChangePassword }, ctx.nowIso());
      // A disabled user's key entry is removed, so even a copy of the files cannot be opened with their password.
      if (entry) ctx.workspaces.keyring.putUser(entry);
      else ctx.workspaces.keyring.removeUser(before.username);
      ctx.workspaces.keyring.save();
      const after = mustFind(ctx, input.id);
      ctx.audit({ entityType: 'user', entityId: input.id, payload: { before, after } });
      return after;
    },
  },

  'users.resetPassword': {
    prepare: async (ctx, input) => {
      const target = mustFind(ctx, input.id);
      if (!target.active) throw new AppError('CONFLICT', 'errors.userDisabled');
      return wrapTemporary(ctx, target.username, input.temporaryPassword);
    },
    run: (ctx, input, entry: UserEntry) => {
      updateUserRow(ctx.db, input.id, { mustChangePassword: true }, ctx.nowIso());
      ctx.workspaces.keyring.putUser(entry);
      ctx.workspaces.keyring.save();
      const after = mustFind(ctx, input.id);
      ctx.audit({ entityType: 'user', entityId: input.id, payload: { event: 'passwordReset' } });
      if (input.id === ctx.user!.id) ctx.workspaces.refreshUser();
      return after;
    },
  },
};
