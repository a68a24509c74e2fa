/**
 * Version 7: yearly returns. A batch is one committed import (one or more files); a filing is
 * one company's return for one year inside a batch; the declared lines are kept per batch so
 * that next year's return is reconciled against this one, and an undo is one status change.
 * Undone batches stay (with who and when) for the record; every query filters on status.
 */
export const sql = `
CREATE TABLE return_batches (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('committed', 'undone')),
  files TEXT NOT NULL,
  counts TEXT NOT NULL,
  problems_summary TEXT NOT NULL,
  flag_count INTEGER NOT NULL DEFAULT 0,
  row_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  undone_at TEXT,
  undone_by TEXT
) STRICT;
CREATE INDEX return_batches_created ON return_batches(created_at DESC);

CREATE TABLE return_filings (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES return_batches(id),
  year INTEGER NOT NULL,
  company_licence_no TEXT NOT NULL,
  company_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX return_filings_company ON return_filings(company_licence_no, year, created_at);
CREATE INDEX return_filings_batch ON return_filings(batch_id);

CREATE TABLE return_personnel (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES return_batches(id),
  company_licence_no TEXT NOT NULL,
  national_id TEXT NOT NULL,
  national_id_norm TEXT NOT NULL,
  full_name TEXT NOT NULL,
  birth_date TEXT,
  role TEXT NOT NULL,
  credential_no TEXT,
  credential_expiry TEXT,
  training_hours INTEGER,
  armed INTEGER,
  source_file TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX return_personnel_batch ON return_personnel(batch_id, company_licence_no, national_id_norm);
CREATE INDEX return_personnel_nid ON return_personnel(national_id_norm);

CREATE TABLE return_firearms (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES return_batches(id),
  company_licence_no TEXT NOT NULL,
  serial_no TEXT NOT NULL,
  serial_norm TEXT NOT NULL,
  make TEXT NOT NULL,
  model TEXT,
  type TEXT NOT NULL,
  calibre TEXT NOT NULL,
  manufacturer_country TEXT,
  marking_code TEXT,
  status TEXT NOT NULL,
  acquired_date TEXT,
  assigned_to_national_id TEXT,
  source_file TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX return_firearms_batch ON return_firearms(batch_id, company_licence_no, serial_norm);
CREATE INDEX return_firearms_serial ON return_firearms(serial_norm);

CREATE TABLE return_ammunition (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES return_batches(id),
  company_licence_no TEXT NOT NULL,
  calibre TEXT NOT NULL,
  ammunition_type TEXT,
  lot_no TEXT,
  quantity INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX return_ammunition_batch ON return_ammunition(batch_id, company_licence_no);

CREATE TABLE return_flags (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES return_batches(id),
  kind TEXT NOT NULL,
  company_licence_no TEXT NOT NULL,
  serial_no TEXT,
  national_id TEXT,
  other_company_licence_no TEXT,
  detail TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX return_flags_batch ON return_flags(batch_id, kind);

CREATE TABLE return_mapping_profiles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  company_licence_no TEXT,
  answers TEXT NOT NULL,
  date_order TEXT CHECK (date_order IS NULL OR date_order IN ('dmy', 'mdy')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE UNIQUE INDEX return_mapping_profiles_name ON return_mapping_profiles(name);
`;
