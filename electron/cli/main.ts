import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCentinela, describeCommands } from '../core/app.ts';
import { isCommandName } from '../../shared/commands/index.ts';
import type { AppErrorData, Result } from '../../shared/errors.ts';
import { translate, type Language } from '../../shared/i18n/index.ts';
import { roleCan } from '../../shared/model/roles.ts';
import { SCALES, seedCompanies, type Scale } from '../services/seed/seed.ts';
import { seedLicensing } from '../services/seed/licensing.ts';
import { FIREARM_SCALES, seedFirearms } from '../services/seed/firearms.ts';
import { importCommand } from './import.ts';
import { writeSeedReturnFiles } from '../services/seed/returns.ts';
import { PERSONNEL_SCALES, seedPersonnel } from '../services/seed/personnel.ts';
import { verifyCli } from './verify.ts';
import { backupCli, FIELD_HELP, fieldCli, FIELDWORK_HELP, restoreCli, type CliKit } from './fieldwork.ts';
import { seedAccountability } from '../services/seed/accountability.ts';
import { seedAudits } from '../services/seed/audits.ts';

/**
 * `centinela`: the same command table as the app, from a terminal. Every call goes through
 * the gate (validation, permission, journal). Passwords come only from CENTINELA_PASSWORD,
 * never from arguments (they would show in `ps` and shell history).
 * Exit codes: 0 done, 1 the command failed, 2 bad usage (nothing was attempted).
 */
const HELP = `Centinela command-line tool

Usage:
  centinela init --dir D --agency "Agency name" --country GT [--language es] --admin USER [--name "Display name"]
  centinela call <command> ['<json input>'] --dir D --user USER
  centinela seed --scale small|medium|national --dir D --user USER
  centinela import <file...> --dir D --user USER --year YYYY [--dry-run] [--json]
  centinela verify <file.pdf> --dir D --user USER
  centinela commands
${FIELDWORK_HELP}
${FIELD_HELP}
  centinela --help

The password is read from the environment variable CENTINELA_PASSWORD.
init prints the workspace's recovery key once: store it somewhere safe.
verify checks a PDF's signature and the register of issued documents: exit 0 only when valid.
call prints the command's result as JSON; on failure it prints the JSON error and a message on stderr.
Exit codes: 0 done, 1 the command failed, 2 bad usage.`;

const OPTIONS = {
  dir: { type: 'string' },
  user: { type: 'string' },
  agency: { type: 'string' },
  country: { type: 'string' },
  language: { type: 'string' },
  admin: { type: 'string' },
  name: { type: 'string' },
  scale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  year: { type: 'string' },
  'dry-run': { type: 'boolean' },
  to: { type: 'string' },
  from: { type: 'string' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  companies: { type: 'string' },
  inspections: { type: 'string' },
  members: { type: 'string' },
  label: { type: 'string' },
  out: { type: 'string' },
  file: { type: 'string' },
  keep: { type: 'string' },
  resolutions: { type: 'string' },
} as const;

const ALLOWED: Record<string, string[]> = {
  init: ['dir', 'agency', 'country', 'language', 'admin', 'name'],
  call: ['dir', 'user'],
  seed: ['dir', 'user', 'scale'],
  import: ['dir', 'user', 'year', 'dry-run', 'json'],
  verify: ['dir', 'user'],
  commands: [],
  backup: ['dir', 'user', 'to', 'json'],
  restore: ['from', 'to', 'user', 'check', 'json'],
  field: ['dir', 'user', 'inspections', 'companies', 'members', 'label', 'out', 'file', 'dry-run', 'json', 'keep', 'resolutions'],
};

class UsageError extends Error {}

const lang: Language = (process.env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'es';

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`missing --${name}`);
  return v;
}

function password(): string {
  const p = process.env.CENTINELA_PASSWORD;
  if (!p) throw new UsageError('set the password in the environment variable CENTINELA_PASSWORD');
  return p;
}

/** Tests may lower the key-derivation cost (never in production: it is the brute-force defence). */
function scrypt() {
  return process.env.CENTINELA_TEST_FAST_KDF === '1' ? { N: 2 ** 12, r: 8, p: 1 } : undefined;
}

function human(e: AppErrorData): string {
  const msg = translate(lang, e.messageKey, e.params);
  return e.field ? `${msg} (${e.field})` : msg;
}

function fail(e: AppErrorData): number {
  process.stderr.write(`${JSON.stringify(e)}\n`);
  process.stderr.write(`centinela: ${human(e)}\n`);
  return 1;
}

type App = ReturnType<typeof createCentinela>;

/** Opens the one workspace in `dir` as `user`; returns an error result when that fails. */
async function unlock(app: App, dir: string, user: string): Promise<Result<unknown>> {
  const ws = app.workspaces.list()[0];
  if (!ws) throw new UsageError(`no workspace in ${dir} (create one with: centinela init --dir ${dir} ...)`);
  return app.call('session.unlock', { workspaceId: ws.id, username: user, password: password() });
}

function openApp(dir: string): App {
  return createCentinela({ dir: resolve(dir), scrypt: scrypt(), idleCheckMs: 0 });
}

async function withApp(dir: string, f: (app: App) => Promise<number>): Promise<number> {
  const app = openApp(dir);
  try {
    return await f(app);
  } finally {
    app.close();
  }
}

async function init(v: Record<string, unknown>): Promise<number> {
  const dir = need(v, 'dir');
  const input = {
    agencyName: need(v, 'agency'),
    country: need(v, 'country'),
    language: (v.language as string | undefined) ?? 'es',
    adminUsername: need(v, 'admin'),
    adminDisplayName: (v.name as string | undefined) ?? need(v, 'admin'),
    password: password(),
  };
  return withApp(dir, async (app) => {
    const r = await app.call('session.setup', input);
    if (!r.ok) return fail(r.error);
    const { recoveryKey } = r.value as { recoveryKey: string };
    process.stdout.write(`Workspace created in ${resolve(dir)} for "${input.agencyName}"; administrator: ${input.adminUsername}.\n`);
    process.stdout.write(`Recovery key: ${recoveryKey}\n`);
    process.stderr.write('WARNING: this recovery key is shown only once. Write it down and store it somewhere safe, apart from this computer:\n' +
      'without it, a forgotten password cannot be recovered and the data cannot be opened.\n');
    return 0;
  });
}

async function call(v: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [name, json, ...extra] = positionals;
  if (!name) throw new UsageError('missing the command name (see: centinela commands)');
  if (extra.length) throw new UsageError(`unexpected argument: ${extra[0]}`);
  if (!isCommandName(name)) throw new UsageError(`unknown command: ${name} (see: centinela commands)`);
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch (e) {
      throw new UsageError(`the input is not valid JSON: ${(e as Error).message}`);
    }
  }
  return withSignedIn(v, async (app) => {
    const r = await app.call(name, input);
    if (!r.ok) return fail(r.error);
    process.stdout.write(`${JSON.stringify(r.value, null, 2)}\n`);
    return 0;
  });
}

/** `--dir` and `--user` read, the password from the environment, the workspace unlocked; then `fn`. */
function withSignedIn(v: Record<string, unknown>, fn: Parameters<typeof withApp>[1]): Promise<number> {
  const dir = need(v, 'dir');
  const user = need(v, 'user');
  password();
  return withApp(dir, async (app) => {
    const u = await unlock(app, dir, user);
    if (!u.ok) return fail(u.error);
    return fn(app);
  });
}

async function seed(v: Record<string, unknown>): Promise<number> {
  const scale = need(v, 'scale');
  if (!(scale in SCALES)) throw new UsageError(`--scale must be one of: ${Object.keys(SCALES).join(', ')}`);
  return withSignedIn(v, async (app) => {
    const me = app.workspaces.user!;
    if (!roleCan(me.role, 'companies.write')) return fail({ code: 'FORBIDDEN', messageKey: 'errors.forbidden', params: { command: 'seed' } });
    const added = seedCompanies(app.workspaces.db, SCALES[scale as Scale], { now: new Date(), userId: me.id, username: me.username });
    process.stdout.write(`Added ${added} demo companies (scale ${scale}).\n`);
    const people = seedPersonnel(app.workspaces.db, PERSONNEL_SCALES[scale as Scale], { now: new Date(), userId: me.id, username: me.username, details: scale !== 'national' });
    process.stdout.write(`Added ${people} demo personnel (scale ${scale}).\n`);
    const fa = seedFirearms(app.workspaces.db, FIREARM_SCALES[scale as Scale], { now: new Date(), userId: me.id, username: me.username });
    process.stdout.write(`Added ${fa.firearms} firearms with ${fa.events} movements, ${fa.armories} armories, ${fa.lots} ammunition lots.\n`);
    const lic = seedLicensing(app.workspaces.db, { now: new Date(), userId: me.id, username: me.username });
    process.stdout.write(`Added ${lic.licences} licences and applications, ${lic.sanctions} sanctions.\n`);
    seedAudits(app.workspaces.db, { now: new Date(), userId: me.id, username: me.username, companies: Math.min(200, Math.round(SCALES[scale as Scale] / 10)) });
    const acc = seedAccountability(app.workspaces.db, { now: new Date(), userId: me.id, username: me.username });
    process.stdout.write(`Added ${acc.incidents} demo incidents and ${acc.grievances} grievances.\n`);
    const files = await writeSeedReturnFiles(app.workspaces.db, app.workspaces.dir!, scale as Scale);
    process.stdout.write(files.length ? `Wrote yearly return files:\n${files.map((f) => `  ${f}`).join('\n')}\n` : 'No licensed companies: no return files written.\n');
    return 0;
  });
}

const kit: CliKit = { need, usage: (m) => new UsageError(m), fail, withSignedIn };

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    throw new UsageError(unknown ? `unknown option: ${unknown[1]}` : msg.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  if (values.help || sub === 'help' || !sub) {
    process.stdout.write(`${HELP}\n`);
    return sub || values.help ? 0 : 2;
  }
  const allowed = ALLOWED[sub];
  if (!allowed) throw new UsageError(`unknown subcommand: ${sub}`);
  for (const k of Object.keys(values)) {
    if (!allowed.includes(k)) throw new UsageError(`option --${k} does not apply to "${sub}"`);
  }
  // Only these take positional arguments (a command name, files, a field sub-command).
  const POSITIONAL = ['call', 'import', 'verify', 'field'];
  if (!POSITIONAL.includes(sub) && rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (sub === 'field' && rest.length > 1) throw new UsageError(`unexpected argument: ${rest[1]}`);
  if (values.dir !== undefined && sub !== 'init' && !(sub === 'field' && rest[0] === 'open') && !existsSync(values.dir)) throw new UsageError(`folder not found: ${values.dir}`);
  switch (sub) {
    case 'init': return init(values);
    case 'call': return call(values, rest);
    case 'seed': return seed(values);
    case 'import': {
      if (!rest.length) throw new UsageError('missing the return files to import');
      const year = Number(need(values, 'year'));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year must be a year such as 2026');
      for (const f of rest) if (!existsSync(f)) throw new UsageError(`file not found: ${f}`);
      return withSignedIn(values, (app) => importCommand(app.workspaces, { files: rest, year, dryRun: !!values['dry-run'], json: !!values.json, lang }));
    }
    case 'backup': return backupCli(kit, values);
    case 'restore': return restoreCli(kit, values);
    case 'verify': return verifyCli(values, rest, { withSignedIn, fail, lang, UsageError });
    case 'field': return fieldCli({ ...kit, withNewApp: withApp }, rest[0], values);
    case 'commands':
      process.stdout.write(`${JSON.stringify(describeCommands(), null, 2)}\n`);
      return 0;
  }
  return 2;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}).catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`centinela: ${e.message}\nRun "centinela --help" for usage.\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`centinela: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
});
