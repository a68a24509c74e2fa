/**
 * Version 2: attachments (documents, photos). Stored as BLOBs inside the encrypted database:
 * encrypted at rest with everything else, written in the same transaction as the record they
 * belong to, and carried by every backup without a second storage to keep in step.
 */
export const sql = `
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  owner_type TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  filename TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  document_date TEXT,
  note TEXT,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX attachments_owner ON attachments(owner_type, owner_id, created_at);
CREATE INDEX attachments_sha ON attachments(sha256);
`;
