import { dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from '../../core/context.ts';
import { getBackup, insertBackup, lastBackupAt, listBackups, readBackupSettings, writeBackupSettings } from './backups.repo.ts';
import { checkFolder, lastScheduledError, makeBackupFiles, nextDueAt, recordOf } from './backups.service.ts';
import { restoreBackup } from './backup.restore.ts';

type BackupsCommand = 'backups.getSettings' | 'backups.updateSettings' | 'backups.list' | 'backups.create' | 'backups.verify' | 'backups.restore';

/** Backups on demand and on a schedule; checking and restoring a backup into a new folder. */
export const backupsHandlers: Handlers<BackupsCommand> = {
  'backups.getSettings': (ctx) => ({
    ...readBackupSettings(ctx.db), lastBackupAt: lastBackupAt(ctx.db), nextDueAt: nextDueAt(ctx.workspaces, ctx.clock), lastError: lastScheduledError(ctx.workspaces),
  }),
  'backups.updateSettings': (ctx, input) => {
    const folder = input.folder ? checkFolder(input.folder, 'folder') : null;
    if (input.enabled && !folder) throw AppError.validation('folder', 'errors.backupNoFolder');
    const before = readBackupSettings(ctx.db);
    const after = { ...input, folder };
    writeBackupSettings(ctx.db, after);
    ctx.audit({ entityType: 'settings', entityId: 'backups', payload: { before, after } });
    return readBackupSettings(ctx.db);
  },
  'backups.list': (ctx) => listBackups(ctx.db),
  'backups.create': {
    async prepare(ctx, input) {
      const configured = readBackupSettings(ctx.db).folder;
      const raw = input.folder ?? configured;
      if (!raw) throw AppError.validation('folder', 'errors.backupNoFolder');
      return makeBackupFiles(ctx.workspaces, ctx.clock, checkFolder(raw, 'folder'), 'manual');
    },
    run(ctx, _input, written) {
      const rec = insertBackup(ctx.db, recordOf(written, 'manual', ctx.nowIso(), ctx.user!.id));
      ctx.audit({ entityType: 'backup', entityId: rec.id, payload: { path: rec.path, dbSha256: rec.dbSha256, journalSeq: rec.journalSeq } });
      return getBackup(ctx.db, rec.id)!;
    },
  },
  'backups.verify': (ctx, input) => restoreBackup({ path: checkFolder(input.path, 'path'), target: null, credential: input.credential }),
  'backups.restore': {
    async prepare(ctx, input) {
      // Restoring next to the workspace it came from would give two folders with one identity.
      const clashes = (id: string, target: string) => ctx.workspaces.list().some((w) => w.id === id && resolve(dirname(w.dir)) === dirname(target));
      return restoreBackup({ path: checkFolder(input.path, 'path'), target: checkFolder(input.target, 'target'), credential: input.credential, clashes });
    },
    run(ctx, _input, report) {
      ctx.audit({ entityType: 'backup', entityId: report.workspaceId, payload: { restoredTo: report.restoredTo, backupCreatedAt: report.backupCreatedAt, lastJournalSeq: report.lastJournal?.seq ?? 0 } });
      return report;
    },
  },
};
