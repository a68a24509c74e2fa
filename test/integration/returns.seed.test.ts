import { describe, expect, it } from 'vitest';
import { seedCompanies } from '../../electron/services/seed/seed.ts';
import { seedLicensing } from '../../electron/services/seed/licensing.ts';
import { seedReturns } from '../../electron/services/seed/returns.ts';
import { freshWorkspace } from '../helpers/workspace.ts';

/** The demo workspace shows returns: two yearly batches through the real importer, with flags to follow up. */
describe('returns demo seed', () => {
  it('imports 2025 and 2026 returns for licensed companies, with possible diversions flagged', async () => {
    const w = await freshWorkspace();
    try {
      const db = w.app.workspaces.db;
      const now = new Date('2026-11-23T12:00:00Z');
      seedCompanies(db, 40, { now, userId: null, username: null });
      seedLicensing(db, { now, userId: null, username: null });
      expect(await seedReturns(db, { now, userId: null, username: 'admin' })).toBe(2);
      const batches = await w.ok('returns.listBatches', {});
      expect(batches.rows.map((b) => [b.year, b.status])).toEqual([[2026, 'committed'], [2025, 'committed']]);
      const latest = await w.ok('returns.getBatch', { id: batches.rows[0].id });
      expect(latest.flags.some((f) => f.kind === 'possible_diversion')).toBe(true);
    } finally {
      w.cleanup();
    }
  });
});
