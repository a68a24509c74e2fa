import type { Db } from '../../store/db.ts';
import { presentTables, tableColumns } from './field.registry.ts';

/**
 * In a field copy, triggers log every change to an editable field and every new row of an
 * insertable table into `field_changes` (which field, when; the value is read at return time).
 * They work under every command of every area without those areas knowing about field work,
 * and they commit or roll back with the change itself.
 */
export function installChangeTriggers(db: Db): void {
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
  for (const t of presentTables(db)) {
    const cols = new Set(tableColumns(db, t.table));
    const editable = t.editable.filter((c) => cols.has(c));
    if (editable.length) {
      const body = editable.map((c) => `INSERT INTO field_changes (table_name, row_id, column_name, at) SELECT '${t.table}', new.id, '${c}', ${now} WHERE new."${c}" IS NOT old."${c}";`).join('\n  ');
      db.exec(`CREATE TRIGGER field_log_${t.table}_u AFTER UPDATE ON "${t.table}" BEGIN\n  ${body}\nEND;`);
    }
    if (t.insertable) {
      db.exec(`CREATE TRIGGER field_log_${t.table}_i AFTER INSERT ON "${t.table}" BEGIN
  INSERT INTO field_changes (table_name, row_id, column_name, at) VALUES ('${t.table}', new.id, '*', ${now});
END;`);
    }
  }
}
