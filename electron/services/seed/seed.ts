import { companyFields } from '../../../shared/commands/companies.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { Role } from '../../../shared/model/roles.ts';
import type { WorkspaceManager } from '../../core/workspaces.ts';
import type { Db } from '../../store/db.ts';
import type { UserEntry } from '../../store/keyring.ts';
import { appendJournal } from '../../store/journal.ts';
import { findUserByUsername, insertUser } from '../users/users.repo.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { checkCompanyRules, insertCompany } from '../companies/companies.write.ts';
import { demoCompanies } from './companies.data.ts';
import { seedReturns } from './returns.ts';
import { PERSONNEL_SCALES, seedPersonnel } from './personnel.ts';
import { seedLicensing } from './licensing.ts';
import { seedAccountability } from './accountability.ts';
import { FIREARM_SCALES, seedFirearms } from './firearms.ts';
import { seedAudits } from './audits.ts';

export const SCALES = { small: 150, medium: 600, national: 2500 } as const;
export type Scale = keyof typeof SCALES;

/** One demo user per role besides the administrator, all with the demo password. */
export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'oficial', displayName: 'Lucía Ajú (oficial de licencias)', role: 'licensing_officer' },
  { username: 'supervisor', displayName: 'Ramón Cifuentes (supervisión)', role: 'supervisor' },
  { username: 'inspector', displayName: 'Gabriela Xicará (inspección)', role: 'inspector' },
  { username: 'analista', displayName: 'Andrés Peña (análisis)', role: 'analyst' },
];

/**
 * Adds `n` demo companies in one transaction with one journal entry. Each goes through the
 * same validation and rules as `companies.create`, so the demo never holds data the UI would refuse.
 */
export function seedCompanies(db: Db, n: number, opts: { now: Date; userId: string | null; username: string | null; seed?: number }): number {
  const nowIso = opts.now.toISOString();
  const home = readSettings(db).country;
  let added = 0;
  db.transaction(() => {
    for (const raw of demoCompanies(n, opts.seed, opts.now, home)) {
      const f = companyFields.parse(raw);
      let norm: string;
      try {
        norm = checkCompanyRules(db, f, null);
      } catch {
        continue; // a generated tax id that collides with one already there: skip it
      }
      // Ids one millisecond apart, in the order generated: the areas seeded next take companies in
      // id order, and ids made within the same millisecond would sort by their random bits.
      insertCompany(db, f, norm, nowIso, opts.userId, uuidv7(opts.now.getTime() - n + added));
      added++;
    }
    appendJournal(db, { at: nowIso, userId: opts.userId, username: opts.username, command: 'seed.companies', entityType: 'company', entityId: null, payload: { requested: n, added } });
  })();
  return added;
}

/** Fills a freshly made demo workspace: users for each role and a small register. */
export async function seedDemoWorkspace(ws: WorkspaceManager, opts: { scale: Scale; password: string; now: Date }): Promise<void> {
  const admin = ws.user!;
  const entries: UserEntry[] = [];
  for (const u of DEMO_USERS) entries.push(await ws.keyring.makeUserEntry(u.username, opts.password, ws.dataKey, ws.scrypt));
  const nowIso = opts.now.toISOString();
  ws.db.transaction(() => {
    for (const u of DEMO_USERS) {
      if (findUserByUsername(ws.db, u.username)) continue;
      const id = uuidv7();
      insertUser(ws.db, { id, ...u, active: true, mustChangePassword: false }, nowIso, admin.id);
      appendJournal(ws.db, { at: nowIso, userId: admin.id, username: admin.username, command: 'users.create', entityType: 'user', entityId: id, payload: { demo: true, ...u } });
    }
    for (const e of entries) ws.keyring.putUser(e);
    ws.keyring.save();
  })();
  seedCompanies(ws.db, SCALES[opts.scale], { now: opts.now, userId: admin.id, username: admin.username });
  seedPersonnel(ws.db, PERSONNEL_SCALES[opts.scale], { now: opts.now, userId: admin.id, username: admin.username, details: true });
  seedFirearms(ws.db, FIREARM_SCALES[opts.scale], { now: opts.now, userId: admin.id, username: admin.username });
  seedLicensing(ws.db, { now: opts.now, userId: admin.id, username: admin.username });
  seedAudits(ws.db, { now: opts.now, userId: admin.id, username: admin.username, companies: 40 });
  seedAccountability(ws.db, { now: opts.now, userId: admin.id, username: admin.username, perCompany: 2 });
  await seedReturns(ws.db, { now: opts.now, userId: admin.id, username: admin.username });
}
