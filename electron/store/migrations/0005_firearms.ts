/**
 * Version 5: firearms register (ITI marking fields), timeline, issue/return log, loss and theft
 * reports, custody lists, ammunition lots and movements, armories, editable calibre list.
 * Serial search: `serial_norm` is indexed for exact and prefix search; a trigram FTS5 table serves
 * "contains" search at national scale (300,000 firearms).
 */
export const sql = `
CREATE TABLE firearm_calibres (
  code TEXT PRIMARY KEY,
  canonical TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('handgun','rifle','shotgun','rimfire')),
  synonyms TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;

CREATE TABLE armories (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  city TEXT,
  construction TEXT,
  locks TEXT,
  alarm_link TEXT NOT NULL CHECK (alarm_link IN ('none','local','monitoring_centre','police')),
  cameras INTEGER NOT NULL DEFAULT 0 CHECK (cameras >= 0),
  retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 0),
  key_custodians TEXT NOT NULL DEFAULT '[]',
  last_assessment_score REAL CHECK (last_assessment_score IS NULL OR (last_assessment_score >= 0 AND last_assessment_score <= 100)),
  last_assessment_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE INDEX armories_company ON armories(company_id, name);

CREATE TABLE firearms (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  armory_id TEXT REFERENCES armories(id),
  type TEXT NOT NULL,
  make TEXT NOT NULL,
  make_norm TEXT NOT NULL,
  model TEXT,
  calibre_code TEXT NOT NULL,
  calibre_written TEXT NOT NULL,
  serial TEXT NOT NULL,
  serial_norm TEXT NOT NULL,
  manufacturer TEXT,
  country_of_manufacture TEXT,
  year INTEGER,
  import_mark TEXT,
  secondary_marks TEXT,
  permit_number TEXT,
  permit_expiry TEXT,
  condition TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in_armory','issued','under_repair','lost','stolen','recovered','seized','transferred','surplus','destroyed')),
  holder_person_id TEXT,
  post TEXT,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE INDEX firearms_serial ON firearms(serial_norm, id);
CREATE INDEX firearms_make_serial ON firearms(make_norm, serial_norm);
CREATE INDEX firearms_company ON firearms(company_id, state, serial_norm);
CREATE INDEX firearms_armory ON firearms(armory_id);
CREATE INDEX firearms_calibre ON firearms(calibre_code, serial_norm);
CREATE INDEX firearms_state ON firearms(state, serial_norm);
CREATE INDEX firearms_holder ON firearms(holder_person_id) WHERE holder_person_id IS NOT NULL;
CREATE INDEX firearms_updated ON firearms(updated_at, id);

-- "Contains" search over the normalised serial (trigram: any 3+ character fragment).
CREATE VIRTUAL TABLE firearms_serial_fts USING fts5(serial_norm, content='firearms', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER firearms_ai AFTER INSERT ON firearms BEGIN
  INSERT INTO firearms_serial_fts(rowid, serial_norm) VALUES (new.rowid, new.serial_norm);
END;
CREATE TRIGGER firearms_ad AFTER DELETE ON firearms BEGIN
  INSERT INTO firearms_serial_fts(firearms_serial_fts, rowid, serial_norm) VALUES ('delete', old.rowid, old.serial_norm);
END;
CREATE TRIGGER firearms_au AFTER UPDATE OF serial_norm ON firearms BEGIN
  INSERT INTO firearms_serial_fts(firearms_serial_fts, rowid, serial_norm) VALUES ('delete', old.rowid, old.serial_norm);
  INSERT INTO firearms_serial_fts(rowid, serial_norm) VALUES (new.rowid, new.serial_norm);
END;

-- The timeline: one row per fact, on the company it happened to (a transfer writes one row per side).
CREATE TABLE firearm_events (
  id TEXT PRIMARY KEY,
  firearm_id TEXT NOT NULL REFERENCES firearms(id),
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  company_id TEXT NOT NULL REFERENCES companies(id),
  counterpart_company_id TEXT REFERENCES companies(id),
  from_state TEXT,
  to_state TEXT,
  person_id TEXT,
  post TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX firearm_events_firearm ON firearm_events(firearm_id, occurred_at, id);
CREATE INDEX firearm_events_company ON firearm_events(company_id, occurred_at);

CREATE TABLE firearm_issues (
  id TEXT PRIMARY KEY,
  firearm_id TEXT NOT NULL REFERENCES firearms(id),
  company_id TEXT NOT NULL REFERENCES companies(id),
  person_id TEXT NOT NULL,
  post TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  shift_ends_at TEXT NOT NULL,
  returned_at TEXT,
  holder_check TEXT NOT NULL CHECK (holder_check IN ('verified','unverified')),
  created_at TEXT NOT NULL,
  created_by TEXT,
  returned_by TEXT
) STRICT;
CREATE INDEX firearm_issues_firearm ON firearm_issues(firearm_id, issued_at);
CREATE INDEX firearm_issues_person ON firearm_issues(person_id, issued_at);
CREATE INDEX firearm_issues_open ON firearm_issues(shift_ends_at) WHERE returned_at IS NULL;

CREATE TABLE firearm_loss_reports (
  id TEXT PRIMARY KEY,
  firearm_id TEXT NOT NULL REFERENCES firearms(id),
  company_id TEXT NOT NULL REFERENCES companies(id),
  kind TEXT NOT NULL CHECK (kind IN ('lost','stolen')),
  event_date TEXT NOT NULL,
  report_date TEXT NOT NULL,
  deadline_days INTEGER NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0,1)),
  police_report_number TEXT NOT NULL,
  circumstances TEXT,
  recovered_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX firearm_loss_firearm ON firearm_loss_reports(firearm_id, report_date);
CREATE INDEX firearm_loss_late ON firearm_loss_reports(late, report_date);

CREATE TABLE custody_lists (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  reason TEXT NOT NULL CHECK (reason IN ('suspended','revoked','expired')),
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE UNIQUE INDEX custody_lists_open ON custody_lists(company_id) WHERE closed_at IS NULL;

CREATE TABLE custody_items (
  list_id TEXT NOT NULL REFERENCES custody_lists(id),
  firearm_id TEXT NOT NULL REFERENCES firearms(id),
  state_at_open TEXT NOT NULL,
  accounted_at TEXT,
  accounted_state TEXT,
  PRIMARY KEY (list_id, firearm_id)
) STRICT;
CREATE INDEX custody_items_firearm ON custody_items(firearm_id) WHERE accounted_at IS NULL;

CREATE TABLE ammo_lots (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  armory_id TEXT REFERENCES armories(id),
  calibre_code TEXT NOT NULL,
  calibre_written TEXT NOT NULL,
  ammo_type TEXT NOT NULL,
  lot_number TEXT NOT NULL,
  manufacturer TEXT NOT NULL,
  balance INTEGER NOT NULL CHECK (balance >= 0),
  last_count_declared INTEGER,
  last_count_counted INTEGER,
  last_count_register INTEGER,
  last_count_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE UNIQUE INDEX ammo_lots_identity ON ammo_lots(company_id, ifnull(armory_id, ''), calibre_code, lot_number, manufacturer);
CREATE INDEX ammo_lots_armory ON ammo_lots(armory_id);

CREATE TABLE ammo_movements (
  id TEXT PRIMARY KEY,
  lot_id TEXT NOT NULL REFERENCES ammo_lots(id),
  kind TEXT NOT NULL CHECK (kind IN ('receipt','consumption','transferOut','transferIn')),
  reason TEXT,
  quantity INTEGER NOT NULL,
  balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
  counterpart_lot_id TEXT REFERENCES ammo_lots(id),
  occurred_on TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX ammo_movements_lot ON ammo_movements(lot_id, occurred_on);
`;
