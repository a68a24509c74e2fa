import { resolve } from 'node:path';
import type { AppErrorData, Result } from '../../shared/errors.ts';
import { AppError } from '../../shared/errors.ts';
import type { BackupCredential, RestoreReport } from '../../shared/commands/backups.ts';
import { restoreBackup } from '../services/backups/backup.restore.ts';

/** What the main CLI lends these subcommands (kept there so usage rules stay in one place). */
export interface CliKit {
  need(values: Record<string, unknown>, name: string): string;
  usage(message: string): Error;
  fail(e: AppErrorData): number;
  withSignedIn(values: Record<string, unknown>, fn: (app: { call(name: string, input: unknown): Promise<Result<unknown>> }) => Promise<number>): Promise<number>;
}

export const FIELDWORK_HELP = `  centinela backup --dir D --user USER [--to FOLDER]
  centinela restore --from BACKUP_FOLDER --to NEW_FOLDER [--user USER] [--check] [--json]

backup makes an encrypted backup now (into --to, or the folder chosen in the app).
restore checks a backup and restores it into a new, empty folder (--check: only check).
It opens the backup with the password of --user (CENTINELA_PASSWORD) or, without --user,
with the recovery key in the environment variable CENTINELA_RECOVERY_KEY.`;

function printResult(value: unknown, json: boolean, human: () => string): number {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  return 0;
}

/** `centinela backup`: the same command as the backups page, through the gate. */
export function backupCli(kit: CliKit, v: Record<string, unknown>): Promise<number> {
  return kit.withSignedIn(v, async (app) => {
    const input = typeof v.to === 'string' ? { folder: resolve(v.to) } : {};
    const r = await app.call('backups.create', input);
    if (!r.ok) return kit.fail(r.error);
    const b = r.value as { path: string; sizeBytes: number; journalSeq: number };
    return printResult(b, v.json === true, () => `Backup made: ${b.path} (${(b.sizeBytes / 1048576).toFixed(1)} MB, journal up to entry ${b.journalSeq}).`);
  });
}

function describe(r: RestoreReport): string {
  const lines = [
    r.restoredTo ? `Restored "${r.label}" into ${r.restoredTo}.` : `Backup of "${r.label}" checked: intact (nothing restored).`,
    `Backup made ${r.backupCreatedAt}; integrity_check ok; journal chain ok (${r.journal.checked} entries).`,
    r.lastJournal ? `Last journal entry: #${r.lastJournal.seq} ${r.lastJournal.at} ${r.lastJournal.username ?? '(system)'} ${r.lastJournal.command}` : 'The journal is empty.',
    'Rows per table:',
    ...r.counts.map((c) => `  ${c.table.padEnd(28)} ${c.rows}`),
  ];
  return lines.join('\n');
}

/**
 * `centinela restore`: works without an open workspace (a new computer after a disk failure):
 * holding the recovery key or a user's password is what allows it, exactly as for unlocking.
 */
export async function restoreCli(kit: CliKit, v: Record<string, unknown>): Promise<number> {
  const from = resolve(kit.need(v, 'from'));
  const check = v.check === true;
  const to = check ? null : resolve(kit.need(v, 'to'));
  let credential: BackupCredential;
  if (typeof v.user === 'string') {
    const password = process.env.CENTINELA_PASSWORD;
    if (!password) throw kit.usage('set the password in the environment variable CENTINELA_PASSWORD');
    credential = { method: 'password', username: v.user.trim().toLowerCase(), password };
  } else {
    const recoveryKey = process.env.CENTINELA_RECOVERY_KEY;
    if (!recoveryKey) throw kit.usage('give --user USER (password in CENTINELA_PASSWORD) or the recovery key in CENTINELA_RECOVERY_KEY');
    credential = { method: 'recoveryKey', recoveryKey };
  }
  try {
    const report = await restoreBackup({ path: from, target: to, credential });
    return printResult(report, v.json === true, () => describe(report));
  } catch (e) {
    if (e instanceof AppError) return kit.fail(e.data);
    throw e;
  }
}
