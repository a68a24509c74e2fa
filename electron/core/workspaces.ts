import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { passwordProblem } from '../../shared/model/password.ts';
import { ROLE_PERMISSIONS, type Role } from '../../shared/model/roles.ts';
import type { SessionState } from '../../shared/commands/session.ts';
import type { AgencySettings } from '../../shared/commands/settings.ts';
import { openEncrypted, type Db } from '../store/db.ts';
import { DEFAULT_SCRYPT, Keyring, newRecoveryKey, type ScryptParams } from '../store/keyring.ts';
import { migrate } from '../store/migrations/index.ts';
import { appendJournal } from '../store/journal.ts';
import { findUserByUsername, insertUser, updateUserRow } from '../services/users/users.repo.ts';
import { readSettings, writeSettings } from '../services/settings/settings.repo.ts';
import type { Clock } from './clock.ts';
import type { SessionUser } from './context.ts';

export const DB_FILE = 'centinela.db';
export const KEYRING_FILE = 'keyring.json';

interface OpenWorkspace {
  dir: string;
  keyring: Keyring;
  db: Db;
  /** The data key; zeroed on lock. Needed to wrap it for new users and password changes. */
  key: Buffer;
  user: SessionUser;
  settings: AgencySettings;
}

export interface WorkspaceManagerOptions {
  /** A folder holding one workspace per sub-folder (the app), or... */
  root?: string;
  /** ...exactly one workspace folder (the command-line tool's `--dir`). */
  dir?: string;
  clock: Clock;
  /** Lower only in tests: the default costs ~0.3 s and 128 MiB per attempt, on purpose. */
  scrypt?: ScryptParams;
}

export interface SetupInput {
  agencyName: string;
  country: AgencySettings['country'];
  language: AgencySettings['language'];
  adminUsername: string;
  adminDisplayName: string;
  password: string;
  demo?: boolean;
  /** Folder name under the root; defaults to `workspace` (or `demo`). */
  name?: string;
  /** A field copy keeps the inspector's office user id and role (fieldwork). */
  adminId?: string;
  adminRole?: Role;
}

/**
 * Holds the one open workspace and the signed-in user: the session of a desktop app.
 * States: no workspace yet (setup) → locked (files exist, no key in memory) → unlocked.
 * Failed unlocks grow a delay (1 s, 2 s, 4 s... up to 60 s) per workspace, kept in memory.
 */
export class WorkspaceManager {
  private open: OpenWorkspace | null = null;
  private lastActivity = 0;
  private failures = new Map<string, { count: number; nextAt: number }>();
  private readonly scryptParams: ScryptParams;
  onLock: (() => void) | null = null;

  private readonly opts: WorkspaceManagerOptions;

  constructor(opts: WorkspaceManagerOptions) {
    this.opts = opts;
    if (!opts.root === !opts.dir) throw new Error('give exactly one of root or dir');
    this.scryptParams = opts.scrypt ?? DEFAULT_SCRYPT;
  }

  get scrypt(): ScryptParams {
    return this.scryptParams;
  }

  /** Workspace folders found on disk (a folder counts when its keyring exists). */
  list(): { id: string; name: string; label: string; demo: boolean; dir: string }[] {
    const dirs = this.opts.dir
      ? [this.opts.dir]
      : existsSync(this.opts.root!)
        ? readdirSync(this.opts.root!, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(this.opts.root!, d.name))
        : [];
    const out = [];
    for (const dir of dirs) {
      const kp = join(dir, KEYRING_FILE);
      if (!Keyring.exists(kp)) continue;
      try {
        const k = Keyring.load(kp).file;
        out.push({ id: k.workspaceId, name: basename(dir), label: k.label, demo: k.demo, dir });
      } catch {
        // An unreadable keyring is listed nowhere; opening it explicitly reports INTEGRITY.
      }
    }
    return out.sort((a, b) => Number(a.demo) - Number(b.demo) || a.label.localeCompare(b.label));
  }

  get db(): Db {
    if (!this.open) throw new AppError('LOCKED', 'errors.locked');
    return this.open.db;
  }

  get user(): SessionUser | null {
    return this.open?.user ?? null;
  }

  get dataKey(): Buffer {
    if (!this.open) throw new AppError('LOCKED', 'errors.locked');
    return this.open.key;
  }

  get keyring(): Keyring {
    if (!this.open) throw new AppError('LOCKED', 'errors.locked');
    return this.open.keyring;
  }

  get dir(): string | null {
    return this.open?.dir ?? null;
  }

  status(): SessionState {
    const all = this.list().map(({ dir: _d, ...w }) => w);
    const o = this.open;
    const ws = o ? all.find((w) => w.id === o.keyring.file.workspaceId) ?? null : null;
    return {
      state: o ? 'unlocked' : all.length ? 'locked' : 'setup',
      workspaces: all,
      workspace: ws,
      user: o ? { ...o.user } : null,
      agency: o ? { ...o.settings } : null,
      permissions: o ? [...ROLE_PERMISSIONS[o.user.role]] : [],
    };
  }

  touch(): void {
    this.lastActivity = this.opts.clock.now().getTime();
  }

  /** Locks when idle longer than the agency's setting. Called by a timer and by tests. */
  checkIdle(): boolean {
    if (!this.open) return false;
    const idleMs = this.opts.clock.now().getTime() - this.lastActivity;
    if (idleMs >= this.open.settings.idleMinutes * 60_000) {
      this.lock();
      return true;
    }
    return false;
  }

  /** Keeps the settings the idle check reads in step with the database. */
  refreshSettings(): void {
    if (this.open) this.open.settings = readSettings(this.open.db);
  }

  refreshUser(): void {
    if (!this.open) return;
    const u = findUserByUsername(this.open.db, this.open.user.username);
    if (!u || !u.active) {
      this.lock();
      return;
    }
    this.open.user = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, mustChangePassword: u.mustChangePassword };
  }

  lock(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    try {
      o.db.close();
    } finally {
      o.key.fill(0);
    }
    this.onLock?.();
  }

  /** First run: creates the encrypted database, keyring and administrator; leaves it unlocked. */
  async setup(input: SetupInput): Promise<string> {
    const pwProblem = passwordProblem(input.password, [input.adminUsername, input.agencyName]);
    if (pwProblem) throw AppError.validation('password', pwProblem);
    const dir = this.opts.dir ?? join(this.opts.root!, input.name ?? (input.demo ? 'demo' : 'workspace'));
    if (existsSync(join(dir, KEYRING_FILE)) || existsSync(join(dir, DB_FILE))) {
      throw new AppError('CONFLICT', 'errors.workspaceExists', { name: basename(dir) });
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.lock();
    const now = this.opts.clock.now().toISOString();
    const key = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const keyring = Keyring.create(join(dir, KEYRING_FILE), { workspaceId: uuidv7(), label: input.agencyName, demo: !!input.demo, createdAt: now });
    await keyring.wrapForUser(input.adminUsername, input.password, key, this.scryptParams);
    keyring.setRecovery(recoveryKey, key);
    let db: Db | null = null;
    try {
      db = openEncrypted(join(dir, DB_FILE), key);
      migrate(db, now);
      const adminId = input.adminId ?? uuidv7();
      const adminRole = input.adminRole ?? 'administrator';
      const settings: AgencySettings = { name: input.agencyName, country: input.country, language: input.language, idleMinutes: 10 };
      db.transaction(() => {
        writeSettings(db!, settings);
        insertUser(db!, { id: adminId, username: input.adminUsername, displayName: input.adminDisplayName, role: adminRole, active: true, mustChangePassword: false }, now, null);
        appendJournal(db!, {
          at: now, userId: adminId, username: input.adminUsername, command: 'session.setup',
          entityType: 'workspace', entityId: keyring.file.workspaceId, payload: { agency: settings, admin: input.adminUsername },
        });
      })();
      // The keyring is written last: until it exists the folder is not a workspace, so a crash
      // during set-up leaves nothing that looks half made.
      keyring.save();
      this.open = {
        dir, keyring, db, key, settings,
        user: { id: adminId, username: input.adminUsername, displayName: input.adminDisplayName, role: adminRole, mustChangePassword: false },
      };
      this.touch();
      return recoveryKey;
    } catch (e) {
      db?.close();
      rmSync(join(dir, DB_FILE), { force: true });
      rmSync(join(dir, `${DB_FILE}-wal`), { force: true });
      rmSync(join(dir, `${DB_FILE}-shm`), { force: true });
      throw e;
    }
  }

  private find(workspaceId: string) {
    const ws = this.list().find((w) => w.id === workspaceId || w.name === workspaceId);
    if (!ws) throw new AppError('NOT_FOUND', 'errors.workspaceNotFound');
    return ws;
  }

  private throttleCheck(wsId: string): void {
    const f = this.failures.get(wsId);
    const now = this.opts.clock.now().getTime();
    if (f && now < f.nextAt) throw new AppError('THROTTLED', 'errors.tooManyAttempts', { seconds: Math.ceil((f.nextAt - now) / 1000) });
  }

  private throttleFail(wsId: string): number {
    const f = this.failures.get(wsId) ?? { count: 0, nextAt: 0 };
    f.count++;
    const seconds = Math.min(2 ** (f.count - 1), 60);
    f.nextAt = this.opts.clock.now().getTime() + seconds * 1000;
    this.failures.set(wsId, f);
    return seconds;
  }

  /** Opens the database with a key unwrapped by the user's password. */
  async unlock(workspaceId: string, username: string, password: string): Promise<void> {
    const ws = this.find(workspaceId);
    this.throttleCheck(ws.id);
    const keyring = Keyring.load(join(ws.dir, KEYRING_FILE));
    const key = await keyring.unwrapForUser(username, password);
    if (!key) {
      const seconds = this.throttleFail(ws.id);
      throw new AppError('UNAUTHENTICATED', 'errors.wrongPassword', { seconds }, 'password');
    }
    this.failures.delete(ws.id);
    this.openWith(ws.dir, keyring, key, username);
  }

  /** Forgotten password: the recovery key opens the workspace and a new password is set. */
  async recover(workspaceId: string, username: string, recoveryKey: string, newPassword: string): Promise<void> {
    const ws = this.find(workspaceId);
    this.throttleCheck(ws.id);
    const keyring = Keyring.load(join(ws.dir, KEYRING_FILE));
    const key = keyring.unwrapWithRecovery(recoveryKey);
    if (!key) {
      const seconds = this.throttleFail(ws.id);
      throw new AppError('UNAUTHENTICATED', 'errors.wrongRecoveryKey', { seconds }, 'recoveryKey');
    }
    const problem = passwordProblem(newPassword, [username]);
    if (problem) throw AppError.validation('newPassword', problem);
    this.failures.delete(ws.id);
    const db = openEncrypted(join(ws.dir, DB_FILE), key);
    const user = findUserByUsername(db, username);
    db.close();
    if (!user || !user.active) throw new AppError('NOT_FOUND', 'errors.userNotFound', {}, 'username');
    await keyring.wrapForUser(username, newPassword, key, this.scryptParams);
    this.openWith(ws.dir, keyring, key, username, () => {
      updateUserRow(this.db, user.id, { mustChangePassword: false }, this.opts.clock.now().toISOString());
      keyring.save();
    });
  }

  private openWith(dir: string, keyring: Keyring, key: Buffer, username: string, inTransaction?: () => void): void {
    this.lock();
    const db = openEncrypted(join(dir, DB_FILE), key);
    try {
      const now = this.opts.clock.now().toISOString();
      migrate(db, now);
      const u = findUserByUsername(db, username);
      // A keyring entry without an active user (disabled, or orphaned by a crash) never signs in.
      if (!u || !u.active) throw new AppError('UNAUTHENTICATED', 'errors.wrongPassword', { seconds: 0 }, 'password');
      this.open = {
        dir, keyring, db, key, settings: readSettings(db),
        user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, mustChangePassword: u.mustChangePassword },
      };
      if (inTransaction) db.transaction(inTransaction)();
      this.refreshUser();
      this.touch();
    } catch (e) {
      if (this.open?.db === db) this.open = null;
      db.close();
      throw e;
    }
  }

  /** True when the password opens this user's keyring entry (slow on purpose). */
  async verifyPassword(password: string): Promise<boolean> {
    const o = this.open;
    if (!o) throw new AppError('LOCKED', 'errors.locked');
    const k = await o.keyring.unwrapForUser(o.user.username, password);
    return !!k && k.equals(o.key);
  }

  get agencyName(): string {
    return this.open?.settings.name ?? '';
  }

  /** For tests and the CLI: the role of the signed-in user, or null. */
  role(): Role | null {
    return this.open?.user.role ?? null;
  }
}
