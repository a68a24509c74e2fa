import { commands } from '../../shared/commands/index.ts';
import { handlers } from '../services/handlers.ts';
import { systemClock, type Clock } from './clock.ts';
import { createGate, type Gate } from './gate.ts';
import { WorkspaceManager, type WorkspaceManagerOptions } from './workspaces.ts';
import { runScheduledBackup } from '../services/backups/backups.service.ts';

/**
 * Builds the back end every transport shares: one workspace manager, one gate, and the
 * idle-lock timer. `close()` locks (drops the key) and stops the timer.
 */
export function createCentinela(opts: Partial<WorkspaceManagerOptions> & { clock?: Clock; idleCheckMs?: number; backupCheckMs?: number }): Gate & { close(): void } {
  const clock = opts.clock ?? systemClock;
  const workspaces = new WorkspaceManager({ root: opts.root, dir: opts.dir, scrypt: opts.scrypt, clock });
  const gate = createGate({ workspaces, handlers, clock });
  const timer = opts.idleCheckMs === 0 ? null : setInterval(() => workspaces.checkIdle(), opts.idleCheckMs ?? 15_000);
  timer?.unref();
  // Scheduled backups: checked every minute while unlocked (0 turns the check off, e.g. the CLI).
  const backupTimer = (opts.backupCheckMs ?? opts.idleCheckMs) === 0 ? null : setInterval(() => void runScheduledBackup(workspaces, clock), opts.backupCheckMs ?? 60_000);
  backupTimer?.unref();
  return {
    ...gate,
    close() {
      if (timer) clearInterval(timer);
      if (backupTimer) clearInterval(backupTimer);
      workspaces.lock();
    },
  };
}

/** The contract as the command-line tool prints it. */
export function describeCommands() {
  return Object.entries(commands).map(([name, def]) => ({ name, permission: def.access, kind: def.kind }));
}
