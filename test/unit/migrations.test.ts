import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../electron/store/db.ts';
import { MIGRATIONS, migrate } from '../../electron/store/migrations/index.ts';

describe('migrations', () => {
  it('apply once, in one transaction, and refuse a diverged or newer history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    try {
      const key = randomBytes(32);
      const db = openEncrypted(join(dir, 'x.db'), key);
      expect(migrate(db, 'now')).toBe(MIGRATIONS.length);
      expect(migrate(db, 'now')).toBe(0);
      const edited = MIGRATIONS.map((m) => ({ ...m, sql: `${m.sql}\n-- edited` }));
      expect(() => migrate(db, 'now', edited)).toThrow(/INTEGRITY/);
      expect(() => migrate(db, 'now', [])).toThrow(/INTEGRITY/);
      // A failing migration leaves nothing half applied.
      const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE ok_table (a TEXT) STRICT; THIS IS NOT SQL;' }];
      expect(() => migrate(db, 'now', broken)).toThrow();
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'`).get()).toEqual({ n: 0 });
      db.close();
      expect(() => openEncrypted(join(dir, 'x.db'), randomBytes(32))).toThrow(/INTEGRITY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
