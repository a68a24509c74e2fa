import { AppError } from '../../../shared/errors.ts';
import { commands, type CommandName } from '../../../shared/commands/index.ts';
import type { Ctx, Handler, Handlers, PreparedHandler } from '../../core/context.ts';
import { isFieldCopy } from './field.mode.ts';

/**
 * In a field copy, only writes whose effect a return package carries back are allowed: editing
 * the fields the registry marks editable, adding photos and documents, and the copy's own
 * housekeeping. Anything else (a new company, a licence decision, a user) would stay on the
 * laptop and be lost on the way back, so it is refused with a clear message instead.
 * Areas that join field work (inspections) add their field commands here.
 */
export const FIELD_COPY_WRITES = new Set<string>([
  'companies.update', 'attachments.add', 'armories.update', 'firearms.update',
  'inspections.answer', 'findings.update',
  'prefs.set', 'field.exportReturn', 'backups.create', 'backups.updateSettings', 'backups.restore',
]);

function check(ctx: Ctx, name: string): void {
  if (ctx.user && isFieldCopy(ctx.db)) throw new AppError('CONFLICT', 'errors.fieldCopyReadOnly', { command: name });
}

function isPrepared(h: Handler<CommandName>): h is PreparedHandler<CommandName, unknown> {
  return typeof h === 'object' && h !== null && 'run' in h;
}

/** Wraps every other write handler with the field-copy check; in an office workspace it changes nothing. */
export function guardFieldCopy(handlers: Handlers<CommandName>): Handlers<CommandName> {
  const out: Record<string, Handler<CommandName>> = { ...handlers };
  for (const [name, def] of Object.entries(commands)) {
    if (def.kind !== 'write' || FIELD_COPY_WRITES.has(name)) continue;
    const h = handlers[name as CommandName] as Handler<CommandName>;
    out[name] = isPrepared(h)
      ? { prepare: (ctx, input) => { check(ctx, name); return h.prepare(ctx, input); }, run: (ctx, input, p) => h.run(ctx, input, p) }
      : (ctx, input) => { check(ctx, name); return h(ctx, input); };
  }
  return out as Handlers<CommandName>;
}
