import { AppError } from '../../../shared/errors.ts';
import { passwordProblem } from '../../../shared/model/password.ts';
import type { Handlers } from '../../core/context.ts';
import type { UserEntry } from '../../store/keyring.ts';
import { updateUserRow } from '../users/users.repo.ts';
import { seedDemoWorkspace } from '../seed/seed.ts';

type SessionCommand =
  | 'session.status' | 'session.setup' | 'session.createDemo' | 'session.unlock' | 'session.recover'
  | 'session.lock' | 'session.touch' | 'session.changePassword';

/** Sign-in, lock, recovery and first-run set-up. The heavy lifting is in WorkspaceManager. */
export const sessionHandlers: Handlers<SessionCommand> = {
  'session.status': (ctx) => ctx.workspaces.status(),

  'session.setup': async (ctx, input) => {
    const recoveryKey = await ctx.workspaces.setup(input);
    return { recoveryKey, session: ctx.workspaces.status() };
  },

  'session.createDemo': async (ctx, input) => {
    const recoveryKey = await ctx.workspaces.setup({
      agencyName: input.language === 'es' ? 'Demostración: Dirección de Servicios de Seguridad Privada' : 'Demo: Private Security Services Directorate',
      country: 'GT', language: input.language, adminUsername: 'admin', adminDisplayName: 'Administración (demo)',
      password: input.password, demo: true,
    });
    await seedDemoWorkspace(ctx.workspaces, { scale: 'small', password: input.password, now: ctx.clock.now() });
    return { recoveryKey, session: ctx.workspaces.status() };
  },

  'session.unlock': async (ctx, input) => {
    await ctx.workspaces.unlock(input.workspaceId, input.username, input.password);
    ctx.audit({ entityType: 'user', entityId: ctx.workspaces.user!.id, payload: { event: 'unlock' } });
    return ctx.workspaces.status();
  },

  'session.recover': async (ctx, input) => {
    await ctx.workspaces.recover(input.workspaceId, input.username, input.recoveryKey, input.newPassword);
    ctx.audit({ entityType: 'user', entityId: ctx.workspaces.user!.id, payload: { event: 'recover' } });
    return ctx.workspaces.status();
  },

  'session.lock': (ctx) => {
    ctx.workspaces.lock();
    return ctx.workspaces.status();
  },

  'session.touch': () => ({ ok: true }),

  /** Rewraps the data key under the new password; the database is not re-encrypted. */
  'session.changePassword': {
    prepare: async (ctx, input): Promise<UserEntry> => {
      const ws = ctx.workspaces;
      if (!(await ws.verifyPassword(input.currentPassword))) {
        throw new AppError('UNAUTHENTICATED', 'errors.wrongCurrentPassword', {}, 'currentPassword');
      }
      if (input.currentPassword === input.newPassword) throw AppError.validation('newPassword', 'password.sameAsOld');
      const problem = passwordProblem(input.newPassword, [ctx.user!.username, ws.agencyName]);
      if (problem) throw AppError.validation('newPassword', problem);
      return ws.keyring.makeUserEntry(ctx.user!.username, input.newPassword, ws.dataKey, ws.scrypt);
    },
    run: (ctx, _input, entry: UserEntry) => {
      const user = ctx.user!;
      updateUserRow(ctx.db, user.id, { mustChangePassword: false }, ctx.nowIso());
      ctx.workspaces.keyring.putUser(entry);
      ctx.workspaces.keyring.save();
      ctx.workspaces.refreshUser();
      ctx.audit({ entityType: 'user', entityId: user.id, payload: { event: 'passwordChanged' } });
      return { ok: true };
    },
  },
};
