import { afterEach, describe, expect, it } from 'vitest';
import { seedCompanies } from '../../electron/services/seed/seed.ts';
import { seedPersonnel } from '../../electron/services/seed/personnel.ts';
import { seedFirearms } from '../../electron/services/seed/firearms.ts';
import { freshWorkspace } from '../helpers/workspace.ts';

const made: Awaited<ReturnType<typeof freshWorkspace>>[] = [];
afterEach(() => { for (const w of made.splice(0)) w.cleanup(); });

/** Seeds a small register and reads back who got what, by names and serials (ids are random). */
async function seeded(): Promise<string> {
  const w = await freshWorkspace();
  made.push(w);
  const db = w.app.workspaces.db;
  const o = { now: w.clock.now(), userId: null, username: null };
  seedCompanies(db, 40, o);
  seedPersonnel(db, 200, { ...o, details: true });
  seedFirearms(db, 150, o);
  return JSON.stringify([
    db.prepare('SELECT f.serial, c.legal_name FROM firearms f JOIN companies c ON c.id = f.company_id ORDER BY f.serial, c.legal_name').all(),
    db.prepare('SELECT p.national_id, c.legal_name FROM persons p LEFT JOIN companies c ON c.id = p.current_company_id ORDER BY p.national_id').all(),
  ]);
}

describe('demo seed', () => {
  it('gives the same companies the same people and weapons every time (company ids sort in the order made)', async () => {
    expect(await seeded()).toBe(await seeded());
  });
});
