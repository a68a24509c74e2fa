/**
 * Version 9: accountability — grievances (with the complainant's identity in its own table,
 * read only through the journaled identity command), incidents (ICoC ¶63) with the firearms
 * involved by serial, and the history of both lifecycles.
 */
export const sql = `
CREATE TABLE grievances (
  id TEXT PRIMARY KEY,
  reference_code TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  category TEXT NOT NULL,
  company_id TEXT REFERENCES companies(id),
  personnel_concerned TEXT NOT NULL DEFAULT '[]',
  summary TEXT NOT NULL,
  retaliation_concern INTEGER NOT NULL DEFAULT 0 CHECK (retaliation_concern IN (0, 1)),
  status TEXT NOT NULL,
  stage_entered_at TEXT NOT NULL,
  referral_target TEXT,
  outcome_note TEXT,
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE INDEX grievances_status ON grievances(status, stage_entered_at);
CREATE INDEX grievances_company ON grievances(company_id, status);
CREATE INDEX grievances_category ON grievances(category, received_at);
CREATE INDEX grievances_received ON grievances(received_at, id);
CREATE INDEX grievances_retaliation ON grievances(company_id) WHERE retaliation_concern = 1;

CREATE TABLE grievance_complainants (
  grievance_id TEXT PRIMARY KEY REFERENCES grievances(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL,
  national_id TEXT,
  contact TEXT,
  address TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;

CREATE TABLE grievance_events (
  id TEXT PRIMARY KEY,
  grievance_id TEXT NOT NULL REFERENCES grievances(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT,
  referral_target TEXT,
  user_id TEXT,
  username TEXT
) STRICT;
CREATE INDEX grievance_events_grievance ON grievance_events(grievance_id, at);

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  occurred_at TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  region TEXT NOT NULL,
  municipality TEXT,
  latitude REAL,
  longitude REAL,
  company_id TEXT NOT NULL REFERENCES companies(id),
  types TEXT NOT NULL,
  primary_type TEXT NOT NULL,
  description TEXT NOT NULL,
  personnel_involved TEXT NOT NULL DEFAULT '[]',
  shots_fired INTEGER NOT NULL DEFAULT 0,
  use_of_force INTEGER NOT NULL DEFAULT 0 CHECK (use_of_force IN (0, 1)),
  injuries INTEGER NOT NULL DEFAULT 0,
  deaths INTEGER NOT NULL DEFAULT 0,
  damage TEXT,
  police_report_number TEXT,
  measures_taken TEXT,
  report_hours REAL NOT NULL,
  report_limit_hours REAL NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  status TEXT NOT NULL,
  review_note TEXT,
  follow_up TEXT NOT NULL DEFAULT 'none',
  follow_up_ref TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE INDEX incidents_occurred ON incidents(occurred_at, id);
CREATE INDEX incidents_company ON incidents(company_id, occurred_at);
CREATE INDEX incidents_region ON incidents(region, occurred_at);
CREATE INDEX incidents_type ON incidents(primary_type, occurred_at);
CREATE INDEX incidents_status ON incidents(status, occurred_at);

CREATE TABLE incident_firearms (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  serial TEXT NOT NULL,
  serial_norm TEXT NOT NULL,
  firearm_type TEXT,
  make TEXT,
  calibre TEXT,
  outcome TEXT NOT NULL,
  firearm_id TEXT
) STRICT;
CREATE INDEX incident_firearms_incident ON incident_firearms(incident_id, position);
CREATE INDEX incident_firearms_serial ON incident_firearms(serial_norm);
CREATE INDEX incident_firearms_outcome ON incident_firearms(outcome, incident_id);

CREATE TABLE incident_events (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT,
  user_id TEXT,
  username TEXT
) STRICT;
CREATE INDEX incident_events_incident ON incident_events(incident_id, at);
`;
