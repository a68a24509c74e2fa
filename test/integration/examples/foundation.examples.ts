import type { ExamplesFactory } from './types.ts';
import { ADMIN_PASSWORD, sampleCompany, USER_PASSWORD, nextGtNit } from '../../helpers/workspace.ts';

/** Session, users, journal, settings, preferences and the company register. */
export const examples: ExamplesFactory = () => {
  let companyId = '';
  let victimId = '';
  let workspaceId = '';
  let seq = 1;
  return {
    async setup(w) {
      workspaceId = w.workspaceId;
      companyId = (await w.ok('companies.create', sampleCompany())).id;
      victimId = (await w.ok('users.create', { username: 'victima', displayName: 'Víctima', role: 'analyst', temporaryPassword: USER_PASSWORD })).id;
    },
    examples: {
      'session.status': () => ({}),
      'session.lock': () => ({}),
      'session.touch': () => ({}),
      'session.setup': () => ({ agencyName: 'X', country: 'GT', language: 'es', adminUsername: 'otro', adminDisplayName: 'Otro', password: ADMIN_PASSWORD }),
      'session.createDemo': () => ({ language: 'es', password: 'x' }),
      'session.unlock': () => ({ workspaceId, username: 'admin', password: 'wrong-password-1' }),
      'session.recover': () => ({ workspaceId, username: 'admin', recoveryKey: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'x' }),
      'session.changePassword': () => ({ currentPassword: 'not-my-password', newPassword: 'Whatever-Strong-123' }),
      'companies.create': () => sampleCompany({ taxId: nextGtNit() }),
      'companies.update': () => ({ id: companyId, version: 999, fields: sampleCompany() }),
      'companies.get': () => ({ id: companyId }),
      'companies.list': () => ({}),
      'companies.names': () => ({}),
      'companies.export': () => ({ format: 'csv', columns: ['legalName'] }),
      'users.list': () => ({}),
      'users.create': () => ({ username: `n${seq++}`, displayName: 'Nuevo', role: 'analyst', temporaryPassword: USER_PASSWORD }),
      'users.update': () => ({ id: victimId, displayName: 'Cambiada' }),
      'users.setActive': () => ({ id: victimId, active: true, temporaryPassword: USER_PASSWORD }),
      'users.resetPassword': () => ({ id: victimId, temporaryPassword: USER_PASSWORD }),
      'journal.list': () => ({}),
      'journal.verify': () => ({}),
      'settings.get': () => ({}),
      'settings.update': () => ({ name: 'Agencia', country: 'GT', language: 'es', idleMinutes: 10 }),
      'prefs.get': () => ({ key: 'x' }),
      'prefs.set': () => ({ key: 'x', value: [1] }),
    },
  };
};
