import { join } from 'node:path';
import type { ExamplesFactory } from './types.ts';

/** Backups: made into a folder inside the test root, restored into fresh sub-folders. */
export const examples: ExamplesFactory = () => {
  let folder = '';
  let backupPath = '';
  let recoveryKey = '';
  let restores = '';
  let n = 0;
  return {
    async setup(w) {
      folder = join(w.root, 'backups-out');
      restores = join(w.root, 'restores');
      recoveryKey = w.recoveryKey;
      backupPath = (await w.ok('backups.create', { folder })).path;
    },
    examples: {
      'backups.getSettings': () => ({}),
      'backups.updateSettings': () => ({ folder, enabled: false, intervalHours: 24, keep: 5 }),
      'backups.list': () => ({}),
      'backups.create': () => ({ folder }),
      'backups.verify': () => ({ path: backupPath, credential: { method: 'recoveryKey', recoveryKey } }),
      'backups.restore': () => ({ path: backupPath, target: join(restores, `r${n++}`), credential: { method: 'recoveryKey', recoveryKey } }),
    },
  };
};
