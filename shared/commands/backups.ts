import { z } from 'zod';
import { command } from './define.ts';
import { password, username } from './schemas.ts';

/**
 * Backups of the whole workspace (database with its attachments, keyring) and restore into a new
 * folder. Folders are absolute paths on this computer (a USB drive is a folder too).
 */
const folderPath = z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong');

export const backupSettings = z.object({
  /** Where scheduled backups go; null until an administrator chooses one. */
  folder: folderPath.nullable(),
  enabled: z.boolean(),
  intervalHours: z.number().int().min(1, 'validation.backupInterval').max(720, 'validation.backupInterval'),
  /** How many of this workspace's backups to keep in the folder; older ones are deleted. */
  keep: z.number().int().min(1, 'validation.backupKeep').max(365, 'validation.backupKeep'),
});
export type BackupSettings = z.infer<typeof backupSettings>;

export const BACKUP_KINDS = ['manual', 'scheduled'] as const;

export const backupRecord = z.object({
  id: z.string(),
  kind: z.enum(BACKUP_KINDS),
  path: z.string(),
  sizeBytes: z.number().int(),
  dbSha256: z.string(),
  journalSeq: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** False when the folder is gone (drive unplugged, deleted by retention or by hand). */
  present: z.boolean(),
});
export type BackupRecord = z.infer<typeof backupRecord>;

/** Who opens the backup's copy of the keyring: the printed recovery key, or a user's password. */
export const backupCredential = z.discriminatedUnion('method', [
  z.object({ method: z.literal('recoveryKey'), recoveryKey: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong') }),
  z.object({ method: z.literal('password'), username, password }),
]);
export type BackupCredential = z.infer<typeof backupCredential>;

export const restoreReport = z.object({
  workspaceId: z.string(),
  label: z.string(),
  backupCreatedAt: z.string(),
  files: z.array(z.object({ name: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
  integrity: z.literal('ok'),
  journal: z.object({ ok: z.boolean(), checked: z.number().int(), headHash: z.string().nullable() }),
  lastJournal: z.object({ seq: z.number().int(), at: z.string(), username: z.string().nullable(), command: z.string() }).nullable(),
  counts: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  /** The folder the workspace was restored into; null for a check only. */
  restoredTo: z.string().nullable(),
});
export type RestoreReport = z.infer<typeof restoreReport>;

export const backupsCommands = {
  'backups.getSettings': command({
    input: z.object({}).default({}),
    output: backupSettings.extend({ lastBackupAt: z.string().nullable(), nextDueAt: z.string().nullable(), lastError: z.string().nullable() }),
    access: 'backups.manage',
    kind: 'read',
  }),
  'backups.updateSettings': command({ input: backupSettings, output: backupSettings, access: 'backups.manage', kind: 'write' }),
  'backups.list': command({ input: z.object({}).default({}), output: z.array(backupRecord), access: 'backups.manage', kind: 'read' }),
  /** A backup now, into `folder` or the configured folder. Consistent while the app keeps writing. */
  'backups.create': command({ input: z.object({ folder: folderPath.optional() }), output: backupRecord, access: 'backups.manage', kind: 'write' }),
  /** Checks a backup (manifest, checksums, keys, integrity_check, journal) without restoring it. */
  'backups.verify': command({ input: z.object({ path: folderPath, credential: backupCredential }), output: restoreReport, access: 'backups.manage', kind: 'read' }),
  /** Restores a checked backup into a new, empty folder. The open workspace is not touched. */
  'backups.restore': command({
    input: z.object({ path: folderPath, target: folderPath, credential: backupCredential }),
    output: restoreReport,
    access: 'backups.manage',
    kind: 'write',
  }),
};
