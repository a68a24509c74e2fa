/**
 * Version 18: a surrendered licence also leaves a company's weapons to account for, so custody
 * lists take the reason `surrendered`. SQLite cannot change a CHECK in place: both custody tables
 * are rebuilt (the items first point at the new lists; renaming the lists table carries that
 * reference over), rows copied as they are, indexes made again. Nothing else refers to them.
 */
export const sql = `
CREATE TABLE custody_lists_v18 (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  reason TEXT NOT NULL CHECK (reason IN ('suspended','revoked','expired','surrendered')),
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
INSERT INTO custody_lists_v18 (id, company_id, reason, opened_at, closed_at, created_at, created_by)
  SELECT id, company_id, reason, opened_at, closed_at, created_at, created_by FROM custody_lists;
CREATE TABLE custody_items_v18 (
  list_id TEXT NOT NULL REFERENCES custody_lists_v18(id),
  firearm_id TEXT NOT NULL REFERENCES firearms(id),
  state_at_open TEXT NOT NULL,
  accounted_at TEXT,
  accounted_state TEXT,
  PRIMARY KEY (list_id, firearm_id)
) STRICT;
INSERT INTO custody_items_v18 (list_id, firearm_id, state_at_open, accounted_at, accounted_state)
  SELECT list_id, firearm_id, state_at_open, accounted_at, accounted_state FROM custody_items;
DROP TABLE custody_items;
DROP TABLE custody_lists;
ALTER TABLE custody_lists_v18 RENAME TO custody_lists;
ALTER TABLE custody_items_v18 RENAME TO custody_items;
CREATE UNIQUE INDEX custody_lists_open ON custody_lists(company_id) WHERE closed_at IS NULL;
CREATE INDEX custody_items_firearm ON custody_items(firearm_id) WHERE accounted_at IS NULL;
`;
