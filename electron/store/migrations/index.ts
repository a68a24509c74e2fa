import { createHash } from 'node:crypto';
import type { Db } from '../db.ts';
import { AppError } from '../../../shared/errors.ts';
import * as m0001 from './0001_init.ts';
import * as m0002 from './0002_attachments.ts';
import * as m0003 from './0003_personnel.ts';
import * as m0004 from './0004_licensing.ts';
import * as m0005 from './0005_firearms.ts';
import * as m0006 from './0006_audits.ts';
import * as m0007 from './0007_returns.ts';
import * as m0008 from './0008_fieldwork.ts';
import * as m0009 from './0009_accountability.ts';
import * as m0011 from './0011_licensing.ts';
import * as m0015 from './0015_field.ts';
import * as m0016 from './0016_accountability_stats.ts';
import * as m0017 from './0017_due_indexes.ts';
import * as m0018 from './0018_custody_surrender.ts';
import * as m0019 from './0019_accountability_people.ts';

/**
 * Every migration, in order. Never edit one that has shipped: add the next number.
 * An explicit list (no directory scan) so a bundled app and a test run see the same set.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  { version: 1, name: '0001_init', sql: m0001.sql },
  { version: 2, name: '0002_attachments', sql: m0002.sql },
  { version: 3, name: '0003_personnel', sql: m0003.sql },
  { version: 4, name: '0004_licensing', sql: m0004.sql },
  { version: 5, name: '0005_firearms', sql: m0005.sql },
  { version: 6, name: '0006_audits', sql: m0006.sql },
  { version: 7, name: '0007_returns', sql: m0007.sql },
  { version: 8, name: '0008_fieldwork', sql: m0008.sql },
  { version: 9, name: '0009_accountability', sql: m0009.sql },
  { version: 11, name: '0011_licensing', sql: m0011.sql },
  { version: 15, name: '0015_field', sql: m0015.sql },
  { version: 16, name: '0016_accountability_stats', sql: m0016.sql },
  { version: 17, name: '0017_due_indexes', sql: m0017.sql },
  { version: 18, name: '0018_custody_surrender', sql: m0018.sql },
  { version: 19, name: '0019_accountability_people', sql: m0019.sql },
];

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Applies pending migrations in one transaction. Refuses a workspace whose applied history
 * differs from ours (edited migration, or made by a newer Centinela): opening it could corrupt it.
 */
export function migrate(db: Db, now: string, migrations = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number; name: string; checksum: string;
  }[];
  for (const a of applied) {
    const m = migrations.find((x) => x.version === a.version);
    if (!m) throw new AppError('INTEGRITY', 'errors.workspaceTooNew', { version: a.version });
    if (checksum(m.sql) !== a.checksum) throw new AppError('INTEGRITY', 'errors.migrationDiverged', { version: a.version });
  }
  const pending = migrations.filter((m) => !applied.some((a) => a.version === m.version));
  if (pending.length === 0) return 0;
  db.transaction(() => {
    const ins = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      ins.run(m.version, m.name, checksum(m.sql), now);
    }
  })();
  return pending.length;
}
