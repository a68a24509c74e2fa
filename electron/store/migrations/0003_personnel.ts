/**
 * Version 3: the personnel register. A person's current credential lives on `persons` (the
 * list filters and sorts on it at 600,000 rows); every change of credential state is kept in
 * `credential_events`. Employment is history: at most one open row per person (partial unique
 * index), and `persons.current_company_id` mirrors it for the list. `number_sequences` holds the
 * counters behind pattern-made numbers (credential numbers; licence numbers may share it).
 */
export const sql = `
CREATE TABLE persons (
  id TEXT PRIMARY KEY,
  id_country TEXT NOT NULL,
  national_id TEXT NOT NULL,
  national_id_norm TEXT NOT NULL,
  given_names TEXT NOT NULL,
  family_names TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  nationality TEXT NOT NULL,
  right_to_work INTEGER NOT NULL DEFAULT 1 CHECK (right_to_work IN (0,1)),
  role TEXT NOT NULL CHECK (role IN ('guard','armed_guard','escort','supervisor','manager')),
  address TEXT,
  city TEXT,
  phone TEXT,
  criminal_check_date TEXT,
  criminal_check_result TEXT CHECK (criminal_check_result IN ('clear','record')),
  criminal_check_reference TEXT,
  health_cert_date TEXT,
  health_cert_expiry TEXT,
  credential_status TEXT NOT NULL DEFAULT 'applicant'
    CHECK (credential_status IN ('applicant','vetting','credentialed','active','inactive','suspended','revoked','expired')),
  credential_number TEXT,
  credential_issued_on TEXT,
  credential_expires_on TEXT,
  current_company_id TEXT REFERENCES companies(id),
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE UNIQUE INDEX persons_national_id ON persons(id_country, national_id_norm);
CREATE UNIQUE INDEX persons_credential_number ON persons(credential_number) WHERE credential_number IS NOT NULL;
CREATE INDEX persons_name ON persons(family_names COLLATE NOCASE, given_names COLLATE NOCASE, id);
CREATE INDEX persons_nid_sort ON persons(national_id_norm, id);
CREATE INDEX persons_role ON persons(role, family_names COLLATE NOCASE, given_names COLLATE NOCASE, id);
CREATE INDEX persons_status ON persons(credential_status, family_names COLLATE NOCASE, given_names COLLATE NOCASE, id);
CREATE INDEX persons_company ON persons(current_company_id, family_names COLLATE NOCASE, given_names COLLATE NOCASE, id);
CREATE INDEX persons_expiry ON persons(credential_expires_on IS NULL, credential_expires_on, id);
CREATE INDEX persons_expiry_desc ON persons(credential_expires_on IS NULL, credential_expires_on DESC, id DESC);
CREATE INDEX persons_health_expiry ON persons(health_cert_expiry) WHERE health_cert_expiry IS NOT NULL;
CREATE INDEX persons_updated ON persons(updated_at, id);

CREATE TABLE employments (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  company_id TEXT NOT NULL REFERENCES companies(id),
  position TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  end_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE UNIQUE INDEX employments_current ON employments(person_id) WHERE end_date IS NULL;
CREATE INDEX employments_person ON employments(person_id, start_date);
CREATE INDEX employments_company ON employments(company_id, end_date);

CREATE TABLE person_trainings (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  course TEXT NOT NULL,
  hours REAL NOT NULL CHECK (hours > 0),
  provider TEXT NOT NULL,
  completed_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('initial','recurrent')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX person_trainings_person ON person_trainings(person_id, completed_on);

CREATE TABLE person_qualifications (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  calibre TEXT NOT NULL,
  qualified_on TEXT NOT NULL,
  requalify_by TEXT,
  instructor TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  CHECK (requalify_by IS NULL OR requalify_by >= qualified_on)
) STRICT;
CREATE INDEX person_qualifications_person ON person_qualifications(person_id, calibre, qualified_on);

CREATE TABLE credential_events (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  credential_number TEXT,
  issued_on TEXT,
  expires_on TEXT,
  reason TEXT,
  legal_basis TEXT,
  ref_type TEXT,
  ref_id TEXT,
  at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX credential_events_person ON credential_events(person_id, at);
-- Every number ever issued stays unique, even after the person renews and gets a new one.
CREATE UNIQUE INDEX credential_events_number ON credential_events(credential_number) WHERE action = 'issue';

CREATE TABLE number_sequences (
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (name, scope)
) STRICT;

-- Search by name or national id; diacritics folded so "Pérez" is found by "perez".
CREATE VIRTUAL TABLE persons_fts USING fts5(
  given_names, family_names, national_id, national_id_norm, credential_number,
  content='persons', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER persons_ai AFTER INSERT ON persons BEGIN
  INSERT INTO persons_fts(rowid, given_names, family_names, national_id, national_id_norm, credential_number)
  VALUES (new.rowid, new.given_names, new.family_names, new.national_id, new.national_id_norm, new.credential_number);
END;
CREATE TRIGGER persons_ad AFTER DELETE ON persons BEGIN
  INSERT INTO persons_fts(persons_fts, rowid, given_names, family_names, national_id, national_id_norm, credential_number)
  VALUES ('delete', old.rowid, old.given_names, old.family_names, old.national_id, old.national_id_norm, old.credential_number);
END;
CREATE TRIGGER persons_au AFTER UPDATE OF given_names, family_names, national_id, national_id_norm, credential_number ON persons BEGIN
  INSERT INTO persons_fts(persons_fts, rowid, given_names, family_names, national_id, national_id_norm, credential_number)
  VALUES ('delete', old.rowid, old.given_names, old.family_names, old.national_id, old.national_id_norm, old.credential_number);
  INSERT INTO persons_fts(rowid, given_names, family_names, national_id, national_id_norm, credential_number)
  VALUES (new.rowid, new.given_names, new.family_names, new.national_id, new.national_id_norm, new.credential_number);
END;
`;
