import type { Handlers } from '../../core/context.ts';
import { readSettings, writeSettings } from './settings.repo.ts';

type SettingsCommand = 'settings.get' | 'settings.update' | 'prefs.get' | 'prefs.set';

/** Agency settings and per-user preferences. */
export const settingsHandlers: Handlers<SettingsCommand> = {
  'settings.get': (ctx) => readSettings(ctx.db),
  'settings.update': (ctx, input) => {
    const before = readSettings(ctx.db);
    writeSettings(ctx.db, input);
    ctx.workspaces.refreshSettings();
    ctx.audit({ entityType: 'settings', entityId: 'agency', payload: { before, after: input } });
    return readSettings(ctx.db);
  },
  'prefs.get': (ctx, input) => {
    const r = ctx.db.prepare('SELECT value FROM user_prefs WHERE user_id = ? AND key = ?').get(ctx.user!.id, input.key) as { value: string } | undefined;
    return { value: r ? (JSON.parse(r.value) as unknown) : null };
  },
  'prefs.set': (ctx, input) => {
    ctx.db.prepare('INSERT INTO user_prefs (user_id, key, value) VALUES (?, ?, ?) ON CONFLICT(user_id, key) DO UPDATE SET value = excluded.value')
      .run(ctx.user!.id, input.key, JSON.stringify(input.value ?? null));
    ctx.audit({ entityType: 'prefs', entityId: input.key });
    return { ok: true };
  },
};
