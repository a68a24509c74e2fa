import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands/index.ts';
import type { AppErrorData, Result } from '../../shared/errors.ts';
import { transportCall } from './transport.ts';

/** Typed call: the result is `{ ok, value }` or `{ ok: false, error }`; it never throws. */
export async function call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
  const r = await transportCall(name, input);
  if (!r.ok && r.error.code === 'LOCKED') lockedListeners.forEach((l) => l());
  return r as Result<CommandOutput<N>>;
}

/** Like `call` but throws an {@link ApiError}; handy in effects that show one error banner. */
export async function callOrThrow<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const r = await call(name, input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

export class ApiError extends Error {
  readonly error: AppErrorData;
  constructor(error: AppErrorData) {
    super(error.messageKey);
    this.error = error;
  }
}

const lockedListeners = new Set<() => void>();
/** The shell listens so any LOCKED answer (idle lock in the main process) shows the unlock screen. */
export function onLocked(l: () => void): () => void {
  lockedListeners.add(l);
  return () => lockedListeners.delete(l);
}
