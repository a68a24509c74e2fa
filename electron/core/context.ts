import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';
import type { Role } from '../../shared/model/roles.ts';
import type { CommandName, CommandOutput, ParsedInput } from '../../shared/commands/index.ts';
import type { WorkspaceManager } from './workspaces.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

/** What a write touched, for its journal entry. Handlers describe; the gate writes. */
export interface AuditNote {
  entityType: string;
  entityId: string;
  payload?: unknown;
}

/**
 * What every handler receives. `db` throws LOCKED when no workspace is open, so read handlers
 * need no checks of their own. `user` is null only for public commands.
 */
export interface Ctx {
  readonly db: Db;
  readonly user: SessionUser | null;
  readonly clock: Clock;
  readonly workspaces: WorkspaceManager;
  nowIso(): string;
  audit(note: AuditNote): void;
}

/** A handler is a plain function; one that must do slow async work (scrypt) first splits it out. */
export type HandlerFn<N extends CommandName> = (ctx: Ctx, input: ParsedInput<N>) => CommandOutput<N> | Promise<CommandOutput<N>>;
export interface PreparedHandler<N extends CommandName, P> {
  /** Runs before the transaction opens (may be async): hashing, reading files. */
  prepare: (ctx: Ctx, input: ParsedInput<N>) => Promise<P>;
  /** Runs inside the transaction; must be synchronous (better-sqlite3 transactions are). */
  run: (ctx: Ctx, input: ParsedInput<N>, prepared: P) => CommandOutput<N>;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler<N extends CommandName> = HandlerFn<N> | PreparedHandler<N, any>;
export type Handlers<N extends CommandName> = { [K in N]: Handler<K> };
