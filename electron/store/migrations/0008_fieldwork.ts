/**
 * Version 8 (fieldwork): the register of backups made from this workspace. The backup files
 * themselves live in the chosen folder; this table remembers when, where, and what they hold.
 */
export const sql = `
CREATE TABLE backups (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('manual','scheduled')),
  path TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  db_sha256 TEXT NOT NULL,
  journal_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX backups_created ON backups(created_at);
`;
