/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../shared/commands/index.ts';
import { ROLES, roleCan, type Permission, type Role } from '../../shared/model/roles.ts';
import { ADMIN_PASSWORD, freshWorkspace, USER_PASSWORD } from '../helpers/workspace.ts';
import type { AreaExamples, ExamplesFactory } from './examples/types.ts';

/** Every area's examples (`examples/<area>.examples.ts`); a new area adds a file, not a line here. */
const modules = import.meta.glob<{ examples: ExamplesFactory }>('./examples/*.examples.ts', { eager: true });

/** Tables whose row counts must not change when a call is refused. */
function countAll(db: { prepare(sql: string): { all(): unknown[]; get(): unknown } }): string {
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`).all() as { name: string }[]).map((t) => t.name).sort();
  return tables.map((t) => `${t}:${(db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`).join(' ');
}

/**
 * Every command against every role: allowed ones are not refused; refused ones answer
 * FORBIDDEN and write nothing (every table's row count unchanged).
 */
describe('role × command matrix', () => {
  let w: Awaited<ReturnType<typeof freshWorkspace>>;
  const example = new Map<string, () => unknown>();
  const alsoNeeds = new Map<string, Permission>();
  const password = (role: Role) => (role === 'administrator' ? ADMIN_PASSWORD : `${USER_PASSWORD}-nueva`);
  const username = (role: Role) => (role === 'administrator' ? 'admin' : `u_${role}`);

  beforeAll(async () => {
    w = await freshWorkspace();
    const areas: AreaExamples[] = Object.values(modules).map((m) => m.examples());
    for (const a of areas) await a.setup?.(w);
    for (const a of areas) {
      for (const [name, fn] of Object.entries(a.examples)) {
        if (example.has(name)) throw new Error(`two example files define ${name}`);
        example.set(name, fn!);
      }
      for (const [name, p] of Object.entries(a.alsoNeeds ?? {})) alsoNeeds.set(name, p!);
    }
    for (const role of ROLES.filter((r) => r !== 'administrator')) await w.signInAs(role, `u_${role}`);
  }, 120_000);
  afterAll(() => w?.cleanup());

  it('has an example for every command', () => {
    const missing = Object.keys(commands).filter((n) => !example.has(n));
    expect(missing, 'commands without an example in test/integration/examples').toEqual([]);
  });

  it.each(ROLES)('matches the role table for every command as %s', async (role) => {
    let checked = 0;
    for (const name of Object.keys(commands) as CommandName[]) {
      const def = commands[name];
      const fn = example.get(name);
      if (!fn) continue;
      // Sign in again only when the previous example changed the session (lock, failed unlock).
      if (w.app.workspaces.user?.username !== username(role)) {
        w.clock.advance(120_000); // past any unlock delay left by a wrong-password example
        await w.ok('session.unlock', { workspaceId: w.workspaceId, username: username(role), password: password(role) });
      }
      const before = countAll(w.app.workspaces.db);
      const r = await w.app.call(name, fn());
      const extra = alsoNeeds.get(name);
      const allowed = (def.access === 'public' || def.access === 'signedIn' || roleCan(role, def.access as Permission)) && (!extra || roleCan(role, extra));
      if (allowed) {
        expect(r.ok ? 'ok' : r.error.code, `${role} → ${name}`).not.toMatch(/FORBIDDEN|INTERNAL/);
      } else {
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.messageKey}`, `${role} → ${name}`).toMatch(/^FORBIDDEN/);
        expect(countAll(w.app.workspaces.db), `${role} → ${name} wrote something`).toBe(before);
      }
      checked++;
    }
    expect(checked).toBe(Object.keys(commands).length);
  }, 180_000);
});

describe('locked workspace', () => {
  it('refuses every protected command when locked', async () => {
    const w = await freshWorkspace();
    try {
      await w.ok('session.lock', {});
      for (const [name, def] of Object.entries(commands)) {
        if (def.access === 'public') continue;
        const r = await w.app.call(name, {});
        expect(r.ok ? 'ok' : r.error.code, name).toMatch(/LOCKED|VALIDATION/);
      }
    } finally {
      w.cleanup();
    }
  });
});
