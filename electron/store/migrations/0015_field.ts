/**
 * Version 15 (fieldwork): field packages. Office side: the agency's package-signing key, each
 * export (its members' public keys and the exported values of every editable field, the base
 * for conflict detection), each import, and per-field clocks of what field copies have set.
 * Field side: the change log its triggers fill as the inspector works.
 */
export const sql = `
CREATE TABLE field_keys (
  id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;

CREATE TABLE field_exports (
  id TEXT PRIMARY KEY,
  package_id TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  scope TEXT NOT NULL,
  hlc TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX field_exports_created ON field_exports(created_at);

CREATE TABLE field_export_members (
  export_id TEXT NOT NULL REFERENCES field_exports(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  public_key TEXT NOT NULL,
  PRIMARY KEY (export_id, user_id)
) STRICT;

CREATE TABLE field_export_rows (
  export_id TEXT NOT NULL REFERENCES field_exports(id),
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  base TEXT NOT NULL,
  PRIMARY KEY (export_id, table_name, row_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE field_imports (
  id TEXT PRIMARY KEY,
  package_id TEXT NOT NULL UNIQUE,
  export_id TEXT NOT NULL REFERENCES field_exports(id),
  user_id TEXT NOT NULL,
  field_workspace_id TEXT NOT NULL,
  applied INTEGER NOT NULL,
  conflicts INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX field_imports_export ON field_imports(export_id);

CREATE TABLE field_clock (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  column_name TEXT NOT NULL,
  hlc TEXT NOT NULL,
  value TEXT,
  package_id TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id, column_name)
) STRICT, WITHOUT ROWID;

CREATE TABLE field_changes (
  seq INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  column_name TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX field_changes_key ON field_changes(table_name, row_id, column_name);
`;
