import { commands } from '../../shared/commands/index.ts';
import { handlers } from '../services/handlers.ts';
import { systemClock, type Clock } from './clock.ts';
import { createGate, type Gate } from './gate.ts';
import { WorkspaceManager, type WorkspaceManagerOptions } from './workspaces.ts';
import { runScheduledBackup } from '../services/backups/backups.service.ts';
import { runDailyUpkeep } from '../services/upkeep/upkeep.service.ts';

/** Commands after which a workspace has just been opened: the daily upkeep runs at once. */
const OPENS_WORKSPACE = new Set(['session.unlock', 'session.recover', 'session.setup', 'session.createDemo']);

/**
 * Builds the back end every transport shares: one workspace manager, one gate, and the
 * timers (idle lock, scheduled backups, daily upkeep). `close()` locks (drops the key) and
 * stops the timers. `idleCheckMs: 0` turns every timer off (the command line, tests), so
 * nothing changes the data but the commands called.
 */
export function createCentinela(opts: Partial<WorkspaceManagerOptions> & { clock?: Clock; idleCheckMs?: number; backupCheckMs?: number; upkeepCheckMs?: number }): Gate & { close(): void } {
  const clock = opts.clock ?? systemClock;
  const workspaces = new WorkspaceManager({ root: opts.root, dir: opts.dir, scrypt: opts.scrypt, clock });
  const gate = createGate({ workspaces, handlers, clock });
  const timer = opts.idleCheckMs === 0 ? null : setInterval(() => workspaces.checkIdle(), opts.idleCheckMs ?? 15_000);
  timer?.unref();
  // Scheduled backups: checked every minute while unlocked (0 turns the check off, e.g. the CLI).
  const backupTimer = (opts.backupCheckMs ?? opts.idleCheckMs) === 0 ? null : setInterval(() => void runScheduledBackup(workspaces, clock), opts.backupCheckMs ?? 60_000);
  backupTimer?.unref();
  // Daily upkeep (expiries): at once when a workspace opens, then whenever the day changes.
  const upkeepMs = opts.upkeepCheckMs ?? opts.idleCheckMs;
  const upkeepTimer = upkeepMs === 0 ? null : setInterval(() => void runDailyUpkeep(workspaces, clock), upkeepMs ?? 15_000);
  upkeepTimer?.unref();
  return {
    ...gate,
    async call(name, input) {
      const r = await gate.call(name, input);
      // The first screen should already show today's state: wait for the upkeep, but never
      // more than two seconds (a long backlog goes on in the background).
      if (upkeepTimer && r.ok && OPENS_WORKSPACE.has(name)) {
        await Promise.race([runDailyUpkeep(workspaces, clock), new Promise((res) => setTimeout(res, 2_000).unref())]);
      }
      return r;
    },
    close() {
      if (timer) clearInterval(timer);
      if (backupTimer) clearInterval(backupTimer);
      if (upkeepTimer) clearInterval(upkeepTimer);
      workspaces.lock();
    },
  };
}

/** The contract as the command-line tool prints it. */
export function describeCommands() {
  return Object.entries(commands).map(([name, def]) => ({ name, permission: def.access, kind: def.kind }));
}
