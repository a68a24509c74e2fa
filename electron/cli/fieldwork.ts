import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppErrorData, Result } from '../../shared/errors.ts';
import { AppError } from '../../shared/errors.ts';
import type { BackupCredential, RestoreReport } from '../../shared/commands/backups.ts';
import type { FieldPreview } from '../../shared/commands/field.ts';
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

export const FIELD_HELP = `  centinela field export --dir D --user USER (--inspections ID[,ID...] | --companies ID[,ID...]) --members USER[,USER...] --label "..." --out FILE
  centinela field open --dir NEW_FOLDER --file FILE --user USER
  centinela field return --dir D --user USER --out FILE
  centinela field import --dir D --user USER --file FILE [--dry-run] [--json] [--keep office|field] [--resolutions FILE.json]

Field packages are encrypted under a passphrase read from CENTINELA_PACKAGE_PASSPHRASE.
field open creates a field copy in NEW_FOLDER; CENTINELA_PASSWORD is the password chosen for it.
field import --dry-run shows what would change and the conflicts, and writes nothing.
Conflicts are decided with --keep (all one way) or --resolutions (a JSON list of
{"table","rowId","column","keep":"field"|"office"}); without a decision nothing is imported.`;

function passphrase(kit: CliKit): string {
  const p = process.env.CENTINELA_PACKAGE_PASSPHRASE;
  if (!p) throw kit.usage('set the package passphrase in the environment variable CENTINELA_PACKAGE_PASSPHRASE');
  return p;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** `centinela field <export|open|return|import>`: the same commands as the screens, through the gate. */
export async function fieldCli(kit: CliKit & { withNewApp(dir: string, fn: (app: { call(name: string, input: unknown): Promise<Result<unknown>> }) => Promise<number>): Promise<number> }, action: string | undefined, v: Record<string, unknown>): Promise<number> {
  const json = v.json === true;
  switch (action) {
    case 'export': {
      const companies = typeof v.companies === 'string' ? list(v.companies) : [];
      const inspections = typeof v.inspections === 'string' ? list(v.inspections) : [];
      if (!companies.length && !inspections.length) throw kit.usage('give --inspections ID[,ID...] and/or --companies ID[,ID...]');
      const members = list(kit.need(v, 'members'));
      const label = kit.need(v, 'label');
      const out = resolve(kit.need(v, 'out'));
      const pass = passphrase(kit);
      return kit.withSignedIn(v, async (app) => {
        const users = await app.call('users.list', {});
        if (!users.ok) return kit.fail(users.error);
        const byName = new Map((users.value as { id: string; username: string }[]).map((u) => [u.username, u.id]));
        const unknown = members.find((m) => !byName.has(m));
        if (unknown) throw kit.usage(`unknown user in --members: ${unknown}`);
        const r = await app.call('field.exportPackage', { label, items: [...(inspections.length ? [{ table: 'inspections', ids: inspections }] : []), ...(companies.length ? [{ table: 'companies', ids: companies }] : [])], memberIds: members.map((m) => byName.get(m)), passphrase: pass, path: out });
        if (!r.ok) return kit.fail(r.error);
        const x = r.value as { path: string; counts: { table: string; rows: number }[]; agencyFingerprint: string };
        return printResult(x, json, () => `Field package written: ${x.path}\n${x.counts.map((c) => `  ${c.table.padEnd(20)} ${c.rows}`).join('\n')}\nAgency key fingerprint: ${x.agencyFingerprint}`);
      });
    }
    case 'open': {
      const dir = kit.need(v, 'dir');
      const file = resolve(kit.need(v, 'file'));
      const user = kit.need(v, 'user');
      const password = process.env.CENTINELA_PASSWORD;
      if (!password) throw kit.usage('set the password for the field copy in CENTINELA_PASSWORD');
      const pass = passphrase(kit);
      return kit.withNewApp(dir, async (app) => {
        const r = await app.call('field.openPackage', { path: file, passphrase: pass, username: user, password });
        if (!r.ok) return kit.fail(r.error);
        const x = r.value as { counts: { table: string; rows: number }[] };
        return printResult(x, json, () => `Field copy created in ${resolve(dir)}:\n${x.counts.map((c) => `  ${c.table.padEnd(20)} ${c.rows}`).join('\n')}`);
      });
    }
    case 'return': {
      const out = resolve(kit.need(v, 'out'));
      const pass = passphrase(kit);
      return kit.withSignedIn(v, async (app) => {
        const r = await app.call('field.exportReturn', { passphrase: pass, path: out });
        if (!r.ok) return kit.fail(r.error);
        const x = r.value as { path: string; sets: number; inserts: number };
        return printResult(x, json, () => `Return package written: ${x.path} (${x.sets} changed fields, ${x.inserts} new records).`);
      });
    }
    case 'import': {
      const file = resolve(kit.need(v, 'file'));
      const pass = passphrase(kit);
      const keep = v.keep as string | undefined;
      if (keep !== undefined && keep !== 'office' && keep !== 'field') throw kit.usage('--keep must be office or field');
      let resolutions: { table: string; rowId: string; column: string; keep: string }[] = [];
      if (typeof v.resolutions === 'string') {
        try {
          resolutions = JSON.parse(readFileSync(resolve(v.resolutions), 'utf8')) as typeof resolutions;
        } catch (e) {
          throw kit.usage(`cannot read --resolutions: ${(e as Error).message}`);
        }
      }
      return kit.withSignedIn(v, async (app) => {
        const p = await app.call('field.previewImport', { path: file, passphrase: pass });
        if (!p.ok) return kit.fail(p.error);
        const preview = p.value as FieldPreview;
        if (v['dry-run'] === true) return printResult(preview, json, () => describePreview(preview));
        if (keep) {
          const decided = new Set(resolutions.map((r) => `${r.table}\u0000${r.rowId}\u0000${r.column}`));
          for (const i of preview.items) if (i.status === 'conflict' && !decided.has(`${i.table}\u0000${i.rowId}\u0000${i.column}`)) resolutions.push({ table: i.table, rowId: i.rowId, column: i.column, keep });
        }
        const r = await app.call('field.applyImport', { path: file, passphrase: pass, resolutions });
        if (!r.ok) {
          if (!json) process.stdout.write(`${describePreview(preview)}\n`);
          return kit.fail(r.error);
        }
        const x = r.value as { applied: number; keptOffice: number; skipped: number; records: number };
        return printResult(x, json, () => `Imported: ${x.applied} changes applied to ${x.records} records; ${x.keptOffice} office values kept; ${x.skipped} already present.`);
      });
    }
    default:
      throw kit.usage('field needs an action: export, open, return or import');
  }
}

function describePreview(p: FieldPreview): string {
  const c = p.counts;
  const lines = [
    `Return package from ${p.inspector.displayName} (${p.inspector.username}) for "${p.exportLabel}", made ${p.createdAt}.`,
    p.alreadyImportedAt ? `ALREADY IMPORTED on ${p.alreadyImportedAt}: importing it again changes nothing.` : '',
    `To apply: ${c.apply}; conflicts: ${c.conflict}; already the same: ${c.same}; superseded: ${c.superseded}; record missing here: ${c.missing}.`,
  ].filter(Boolean);
  for (const i of p.items.filter((x) => x.status === 'conflict')) {
    lines.push(`CONFLICT ${i.table} ${i.record ?? i.rowId} ${i.column}: office "${i.office ?? ''}" / field "${i.field ?? ''}" (was "${i.base ?? ''}")  [--resolutions: {"table":"${i.table}","rowId":"${i.rowId}","column":"${i.column}","keep":"field|office"}]`);
  }
  for (const i of p.items.filter((x) => x.status === 'apply').slice(0, 50)) {
    lines.push(`  ${i.table} ${i.record ?? i.rowId} ${i.column === '*' ? '(new record)' : `${i.column}: "${i.office ?? ''}" -> "${i.field ?? ''}"`}`);
  }
  return lines.join('\n');
}
