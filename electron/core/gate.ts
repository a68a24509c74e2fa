import type { z } from 'zod';
import { AppError, type AppErrorData, type Result } from '../../shared/errors.ts';
import { commands, isCommandName, type CommandName } from '../../shared/commands/index.ts';
import { roleCan, type Permission } from '../../shared/model/roles.ts';
import { appendJournal } from '../store/journal.ts';
import type { Clock } from './clock.ts';
import type { AuditNote, Ctx, Handler, Handlers, PreparedHandler } from './context.ts';
import type { WorkspaceManager } from './workspaces.ts';

/** Commands a user who must change a temporary password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>(['session.status', 'session.lock', 'session.touch', 'session.changePassword', 'settings.get', 'prefs.get', 'prefs.set']);
/** Calls that do not count as a person's activity for the idle lock. */
const NOT_ACTIVITY = new Set<string>(['session.status']);

export interface Gate {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  readonly workspaces: WorkspaceManager;
}

/** Turns zod issues into per-field problems whose messages are catalogue keys. */
export function validationError(error: z.ZodError): AppErrorData {
  const issues = error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const key = i.message.startsWith('validation.') || i.message.startsWith('password.') ? i.message : zodKey(i);
    const params: Record<string, string | number> = {};
    if ('maximum' in i && typeof i.maximum === 'number') params.max = i.maximum;
    if ('minimum' in i && typeof i.minimum === 'number') params.min = i.minimum;
    return { field, messageKey: key, params };
  });
  const first = issues[0] ?? { field: '', messageKey: 'validation.invalid', params: {} };
  return { code: 'VALIDATION', messageKey: first.messageKey, params: first.params, field: first.field, issues };
}

function zodKey(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_type' && /undefined|received null/.test(i.message)) return 'validation.required';
  if (i.code === 'invalid_value') return 'validation.choice';
  if (i.code === 'too_big') return 'validation.tooLong';
  if (i.code === 'too_small') return 'validation.required';
  if (i.code === 'unrecognized_keys') return 'validation.unknownField';
  return 'validation.invalid';
}

function isPrepared(h: Handler<CommandName>): h is PreparedHandler<CommandName, unknown> {
  return typeof h === 'object' && h !== null && 'run' in h;
}

/**
 * The one gate every transport uses (IPC, HTTP, command line). In order: known command,
 * input parsed, session and permission checked, handler run (writes in one transaction
 * together with their journal entry), output parsed. Errors leave as data, never as stacks.
 */
export function createGate(opts: { workspaces: WorkspaceManager; handlers: Handlers<CommandName>; clock: Clock; log?: (e: unknown) => void }): Gate {
  const { workspaces, handlers, clock } = opts;
  const log = opts.log ?? ((e) => console.error('[centinela] internal error:', e));
  for (const name of Object.keys(commands)) {
    if (!(name in handlers)) throw new Error(`command ${name} has no handler`);
  }

  async function run(name: CommandName, rawInput: unknown): Promise<unknown> {
    const def = commands[name];
    // Who may call comes before what was sent: a role without the right learns nothing about
    // a command's input, and a refused call is refused the same way whatever its input.
    if (def.access !== 'public') {
      const user = workspaces.user;
      if (!user) throw new AppError('LOCKED', 'errors.locked');
      if (def.access !== 'signedIn' && !roleCan(user.role, def.access as Permission)) {
        throw new AppError('FORBIDDEN', 'errors.forbidden', { command: name });
      }
      if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) throw new AppError('FORBIDDEN', 'errors.mustChangePassword');
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw AppError.fromData(validationError(parsed.error));
    const input = parsed.data;
    if (!NOT_ACTIVITY.has(name) && workspaces.user) workspaces.touch();

    const notes: AuditNote[] = [];
    const ctx: Ctx = {
      get db() { return workspaces.db; },
      get user() { return workspaces.user; },
      clock,
      workspaces,
      nowIso: () => clock.now().toISOString(),
      audit: (n) => { notes.push(n); },
    };
    const handler = handlers[name] as Handler<CommandName>;
    const journal = () => {
      const u = workspaces.user;
      const entries = notes.length ? notes : [{ entityType: null, entityId: null, payload: input }];
      for (const n of entries) {
        appendJournal(workspaces.db, {
          at: ctx.nowIso(), userId: u?.id ?? null, username: u?.username ?? null, command: name,
          entityType: n.entityType, entityId: n.entityId, payload: { input, change: n.payload ?? null },
        });
      }
    };
    const checkOutput = (out: unknown) => {
      const r = def.output.safeParse(out);
      if (!r.success) throw new Error(`output of ${name} does not match its contract: ${r.error.message}`);
      return r.data;
    };

    if (def.kind === 'write') {
      const prepared = isPrepared(handler) ? await handler.prepare(ctx, input as never) : undefined;
      const db = workspaces.db;
      return db.transaction(() => {
        const out = isPrepared(handler) ? handler.run(ctx, input as never, prepared) : handler(ctx, input as never);
        if (out instanceof Promise) throw new Error(`write handler ${name} must be synchronous`);
        const value = checkOutput(out);
        journal();
        return value;
      })();
    }
    if (isPrepared(handler)) throw new Error(`only write commands may be prepared: ${name}`);
    const value = checkOutput(await handler(ctx, input as never));
    // Session commands (sign-in, recovery) are journaled once the workspace is open.
    if (def.kind === 'session' && notes.length && workspaces.user) workspaces.db.transaction(journal)();
    return value;
  }

  return {
    workspaces,
    async call(name, input) {
      if (!isCommandName(name)) return { ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.unknownCommand', params: { command: String(name).slice(0, 80) } } };
      try {
        return { ok: true, value: await run(name, input) };
      } catch (e) {
        if (e instanceof AppError) return { ok: false, error: e.data };
        const code = (e as { code?: string }).code;
        if (code === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, error: { code: 'CONFLICT', messageKey: 'errors.duplicate', params: {} } };
        if (code === 'SQLITE_BUSY') return { ok: false, error: { code: 'CONFLICT', messageKey: 'errors.busy', params: {} } };
        log(e);
        return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal', params: {} } };
      }
    },
  };
}
