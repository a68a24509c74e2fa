import { z } from 'zod';
import { command } from './define.ts';
import { password, requiredText, username } from './schemas.ts';
import { ROLES } from '../model/roles.ts';
import { COUNTRIES } from '../model/taxId.ts';

export const LANGUAGES = ['es', 'en'] as const;

const workspaceSummary = z.object({ id: z.string(), name: z.string(), label: z.string(), demo: z.boolean() });
const signedInUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  mustChangePassword: z.boolean(),
});
const sessionState = z.object({
  state: z.enum(['setup', 'locked', 'unlocked']),
  workspaces: z.array(workspaceSummary),
  workspace: workspaceSummary.nullable(),
  user: signedInUser.nullable(),
  agency: z.object({ name: z.string(), country: z.enum(COUNTRIES), language: z.enum(LANGUAGES), idleMinutes: z.number() }).nullable(),
  permissions: z.array(z.string()),
});
export type SessionState = z.infer<typeof sessionState>;

const setupInput = z.object({
  agencyName: requiredText(200),
  country: z.enum(COUNTRIES),
  language: z.enum(LANGUAGES),
  adminUsername: username,
  adminDisplayName: requiredText(120),
  password,
});

/** Session and workspace commands: the only ones callable before sign-in. */
export const sessionCommands = {
  'session.status': command({ input: z.object({}).default({}), output: sessionState, access: 'public', kind: 'read' }),
  /** First run: creates the encrypted workspace and its administrator; returns the recovery key once. */
  'session.setup': command({
    input: setupInput,
    output: z.object({ recoveryKey: z.string(), session: sessionState }),
    access: 'public',
    kind: 'session',
  }),
  /** First run: a demo workspace with realistic companies and one user per role. */
  'session.createDemo': command({
    input: z.object({ language: z.enum(LANGUAGES), password }),
    output: z.object({ recoveryKey: z.string(), session: sessionState }),
    access: 'public',
    kind: 'session',
  }),
  'session.unlock': command({
    input: z.object({ workspaceId: z.string().min(1), username, password }),
    output: sessionState,
    access: 'public',
    kind: 'session',
  }),
  /** Forgotten password: the recovery key opens the workspace and sets a new password for the user. */
  'session.recover': command({
    input: z.object({ workspaceId: z.string().min(1), username, recoveryKey: z.string().min(10).max(200), newPassword: password }),
    output: sessionState,
    access: 'public',
    kind: 'session',
  }),
  'session.lock': command({ input: z.object({}).default({}), output: sessionState, access: 'signedIn', kind: 'session' }),
  /** Marks user activity so the idle lock does not fire while someone is reading a screen. */
  'session.touch': command({ input: z.object({}).default({}), output: z.object({ ok: z.boolean() }), access: 'signedIn', kind: 'read' }),
  'session.changePassword': command({
    input: z.object({ currentPassword: password, newPassword: password }),
    output: z.object({ ok: z.boolean() }),
    access: 'signedIn',
    kind: 'write',
  }),
};
