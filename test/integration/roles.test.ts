import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../shared/commands/index.ts';
import { ROLES, roleCan, type Permission, type Role } from '../../shared/model/roles.ts';
import { ADMIN_PASSWORD, freshWorkspace, sampleCompany, USER_PASSWORD } from '../helpers/workspace.ts';

/**
 * Every command against every role: allowed ones are not refused; refused ones answer
 * FORBIDDEN and write nothing (journal, companies and users unchanged).
 */
describe('role × command matrix', () => {
  it('matches the role table for every command', async () => {
    const w = await freshWorkspace();
    try {
      const company = await w.ok('companies.create', sampleCompany());
      for (const role of ROLES.filter((r) => r !== 'administrator')) await w.signInAs(role, `u_${role}`);
      await w.ok('session.unlock', { workspaceId: w.workspaceId, username: 'admin', password: ADMIN_PASSWORD });
      const victim = await w.ok('users.create', { username: 'victima', displayName: 'Víctima', role: 'analyst', temporaryPassword: USER_PASSWORD });
      let taxSeq = 1000000;

      const example = (name: CommandName): unknown => {
        switch (name) {
          case 'session.status': case 'session.lock': case 'session.touch': case 'users.list': case 'journal.verify': case 'settings.get': return {};
          case 'session.setup': return { agencyName: 'X', country: 'GT', language: 'es', adminUsername: 'otro', adminDisplayName: 'Otro', password: ADMIN_PASSWORD };
          case 'session.createDemo': return { language: 'es', password: 'x' };
          case 'session.unlock': return { workspaceId: w.workspaceId, username: 'admin', password: 'wrong-password-1' };
          case 'session.recover': return { workspaceId: w.workspaceId, username: 'admin', recoveryKey: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'x' };
          case 'session.changePassword': return { currentPassword: 'not-my-password', newPassword: 'Whatever-Strong-123' };
          case 'companies.create': { const b = String(taxSeq++); return sampleCompany({ taxId: b + gt(b) }); }
          case 'companies.update': return { id: company.id, version: 999, fields: sampleCompany() };
          case 'companies.get': return { id: company.id };
          case 'companies.list': return {};
          case 'companies.export': return { format: 'csv', columns: ['legalName'] };
          case 'users.create': return { username: `n${taxSeq++}`, displayName: 'Nuevo', role: 'analyst', temporaryPassword: USER_PASSWORD };
          case 'users.update': return { id: victim.id, displayName: 'Cambiada' };
          case 'users.setActive': return { id: victim.id, active: true, temporaryPassword: USER_PASSWORD };
          case 'users.resetPassword': return { id: victim.id, temporaryPassword: USER_PASSWORD };
          case 'journal.list': return {};
          case 'settings.update': return { name: 'Agencia', country: 'GT', language: 'es', idleMinutes: 10 };
          case 'prefs.get': return { key: 'x' };
          case 'prefs.set': return { key: 'x', value: [1] };
        }
      };
      const gt = (b: string) => { const ds = [...b].map(Number); const s = ds.reduce((a, d, i) => a + d * (ds.length + 1 - i), 0); const r = (11 - (s % 11)) % 11; return r === 10 ? 'K' : String(r); };
      const counts = () => {
        const db = w.app.workspaces.db;
        return ['journal', 'companies', 'users', 'user_prefs'].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n).join('/');
      };
      const password = (role: Role) => (role === 'administrator' ? ADMIN_PASSWORD : `${USER_PASSWORD}-nueva`);
      const username = (role: Role) => (role === 'administrator' ? 'admin' : `u_${role}`);

      const checked: string[] = [];
      for (const role of ROLES) {
        for (const name of Object.keys(commands) as CommandName[]) {
          const def = commands[name];
          w.clock.advance(120_000); // past any unlock delay left by the previous wrong-password example
          await w.ok('session.unlock', { workspaceId: w.workspaceId, username: username(role), password: password(role) });
          const before = counts();
          const r = await w.app.call(name, example(name));
          const allowed = def.access === 'public' || def.access === 'signedIn' || roleCan(role, def.access as Permission);
          if (allowed) {
            expect(r.ok ? 'ok' : r.error.code, `${role} → ${name}`).not.toMatch(/FORBIDDEN|INTERNAL/);
          } else {
            expect(r.ok ? 'ok' : r.error.code, `${role} → ${name}`).toBe('FORBIDDEN');
            expect(counts(), `${role} → ${name} wrote something`).toBe(before);
          }
          checked.push(`${role}:${name}`);
        }
      }
      expect(checked.length).toBe(ROLES.length * Object.keys(commands).length);
    } finally {
      w.cleanup();
    }
  });

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
