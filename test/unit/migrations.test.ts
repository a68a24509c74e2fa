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

/** A row with only the columns the table requires (read from its schema), each given a plain value unless named. */
function insertMinimal(db: ReturnType<typeof openEncrypted>, table: string, named: Record<string, unknown>): void {
  const cols = db.prepare(`SELECT name, type, "notnull" AS nn, dflt_value AS d, pk FROM pragma_table_info(?)`).all(table) as { name: string; type: string; nn: number; d: unknown; pk: number }[];
  const required = cols.filter((c) => (c.nn && c.d === null) || c.pk || c.name in named);
  const value = (c: { name: string; type: string }) => (c.name in named ? named[c.name] : c.type === 'INTEGER' || c.type === 'REAL' ? 1 : `${c.name}-${String(named.id)}`);
  db.prepare(`INSERT INTO ${table} (${required.map((c) => c.name).join(', ')}) VALUES (${required.map(() => '?').join(', ')})`).run(...required.map(value));
}

/** A fresh encrypted workspace migrated up to `version` (foreign keys on), handed to `fn`, then removed. */
function atVersion(version: number, fn: (db: ReturnType<typeof openEncrypted>) => void): void {
  const dir = mkdtempSync(join(tmpdir(), `mig${version}-`));
  try {
    const db = openEncrypted(join(dir, 'x.db'), randomBytes(32));
    try {
      migrate(db, 'now', MIGRATIONS.filter((m) => m.version <= version));
      db.pragma('foreign_keys = ON');
      fn(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('migration 18 (custody lists take a surrendered licence)', () => {
  it('keeps every list and item of a version-17 workspace, with their links, and accepts the new reason', () => {
    atVersion(17, (db) => {
      insertMinimal(db, 'companies', { id: 'co1' });
      expect(() => db.prepare(`INSERT INTO custody_lists (id, company_id, reason, opened_at, created_at) VALUES ('x', 'co1', 'surrendered', 'now', 'now')`).run()).toThrow(/CHECK/);
      db.prepare(`INSERT INTO custody_lists (id, company_id, reason, opened_at, closed_at, created_at) VALUES ('l1', 'co1', 'revoked', 't1', 't2', 't1'), ('l2', 'co1', 'expired', 't3', NULL, 't3')`).run();
      insertMinimal(db, 'firearms', { id: 'f1', company_id: 'co1', state: 'in_armory' });
      insertMinimal(db, 'firearms', { id: 'f2', company_id: 'co1', state: 'issued' });
      db.prepare(`INSERT INTO custody_items (list_id, firearm_id, state_at_open, accounted_at, accounted_state) VALUES ('l1', 'f1', 'in_armory', 't2', 'seized'), ('l2', 'f2', 'issued', NULL, NULL)`).run();
      const before = { lists: db.prepare('SELECT * FROM custody_lists ORDER BY id').all(), items: db.prepare('SELECT * FROM custody_items ORDER BY list_id').all() };

      expect(migrate(db, 'now')).toBe(MIGRATIONS.filter((m) => m.version > 17).length);
      expect(db.prepare('SELECT * FROM custody_lists ORDER BY id').all()).toEqual(before.lists);
      expect(db.prepare('SELECT * FROM custody_items ORDER BY list_id').all()).toEqual(before.items);
      db.prepare(`INSERT INTO custody_lists (id, company_id, reason, opened_at, closed_at, created_at) VALUES ('l3', 'co1', 'surrendered', 't4', 't5', 't4')`).run();
      // The items still point at the lists (foreign key carried over by the rename), and the one-open-list rule still holds.
      expect(() => db.prepare(`INSERT INTO custody_items (list_id, firearm_id, state_at_open) VALUES ('nope', 'f1', 'in_armory')`).run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`INSERT INTO custody_lists (id, company_id, reason, opened_at, created_at) VALUES ('l4', 'co1', 'revoked', 't6', 't6')`).run()).toThrow(/UNIQUE/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });
});

describe('migration 19 (incidents and grievances linked to the personnel register)', () => {
  it('adds the two link tables to a version-18 workspace, rows kept, links checked both ways', () => {
    atVersion(18, (db) => {
      insertMinimal(db, 'companies', { id: 'co1' });
      insertMinimal(db, 'persons', { id: 'p1', current_company_id: 'co1', role: 'guard' });
      insertMinimal(db, 'incidents', { id: 'i1', company_id: 'co1', personnel_involved: '["Agente Byron Chávez"]' });
      insertMinimal(db, 'grievances', { id: 'g1', company_id: 'co1', personnel_concerned: '["Agente 1187"]' });
      const before = { i: db.prepare('SELECT * FROM incidents').all(), g: db.prepare('SELECT * FROM grievances').all() };

      expect(migrate(db, 'now')).toBe(MIGRATIONS.filter((m) => m.version > 18).length);
      expect(db.prepare('SELECT * FROM incidents').all()).toEqual(before.i);
      expect(db.prepare('SELECT * FROM grievances').all()).toEqual(before.g);
      for (const [table, owner, id] of [['incident_persons', 'incident_id', 'i1'], ['grievance_persons', 'grievance_id', 'g1']] as const) {
        db.prepare(`INSERT INTO ${table} (${owner}, person_id, position, created_at) VALUES (?, 'p1', 0, 'now')`).run(id);
        expect(() => db.prepare(`INSERT INTO ${table} (${owner}, person_id, position, created_at) VALUES (?, 'p1', 1, 'now')`).run(id)).toThrow(/UNIQUE|PRIMARY KEY/);
        expect(() => db.prepare(`INSERT INTO ${table} (${owner}, person_id, position, created_at) VALUES (?, 'nobody', 1, 'now')`).run(id)).toThrow(/FOREIGN KEY/);
        expect(() => db.prepare(`INSERT INTO ${table} (${owner}, person_id, position, created_at) VALUES ('nothing', 'p1', 1, 'now')`).run()).toThrow(/FOREIGN KEY/);
        expect(() => db.prepare(`INSERT INTO ${table} (${owner}, person_id, position, created_at) VALUES (?, 'p1', 'first', 'now')`).run(id)).toThrow(/cannot store TEXT/);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT ${owner} FROM ${table} WHERE person_id = ?`).all('p1') as { detail: string }[]).map((p) => p.detail).join(' ');
        expect(plan).toContain(`${table}_person`);
      }
      // A linked person cannot be deleted out from under an incident or grievance.
      expect(() => db.prepare(`DELETE FROM persons WHERE id = 'p1'`).run()).toThrow(/FOREIGN KEY/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });
});
