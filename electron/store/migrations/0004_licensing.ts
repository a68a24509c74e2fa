/**
 * Version 4: licensing. Licence types (configurable per agency, seeded with defaults for a
 * Latin American regulator), applications/licences as one record with its events, checklist
 * and conditions, the number sequences, and sanctions with their events.
 * Dates are ISO `YYYY-MM-DD` text (`*_on`), instants ISO date-times (`*_at`).
 */
export const sql = `
CREATE TABLE licence_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  service_types TEXT NOT NULL,
  validity_months INTEGER NOT NULL CHECK (validity_months BETWEEN 1 AND 240),
  processing_days INTEGER NOT NULL CHECK (processing_days BETWEEN 1 AND 3650),
  renewal_window_days INTEGER NOT NULL CHECK (renewal_window_days BETWEEN 0 AND 3650),
  required_documents TEXT NOT NULL,
  number_pattern TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;

CREATE TABLE licence_number_seq (
  pattern TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (pattern, year)
) STRICT;

CREATE TABLE licences (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  type_id TEXT NOT NULL REFERENCES licence_types(id),
  state TEXT NOT NULL CHECK (state IN ('draft','submitted','information_requested','pre_licence_inspection','refused','active','renewal_filed','suspended','revoked','expired','surrendered')),
  service_types TEXT NOT NULL,
  number TEXT UNIQUE,
  issued_on TEXT,
  expires_on TEXT,
  submitted_on TEXT,
  processing_days INTEGER,
  paused_days INTEGER NOT NULL DEFAULT 0,
  paused_since TEXT,
  decided_on TEXT,
  renewal_filed_on TEXT,
  recommendation TEXT CHECK (recommendation IN ('grant','refuse')),
  recommendation_basis TEXT,
  recommendation_reason TEXT,
  recommended_by TEXT REFERENCES users(id),
  recommended_at TEXT,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX licences_company ON licences(company_id, created_at);
CREATE INDEX licences_state ON licences(state, submitted_on, id);
CREATE INDEX licences_expiry ON licences(expires_on) WHERE state = 'active';
CREATE INDEX licences_created ON licences(created_at, id);

CREATE TABLE licence_checklist (
  licence_id TEXT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  received_on TEXT,
  received_by TEXT REFERENCES users(id),
  PRIMARY KEY (licence_id, position)
) STRICT;

CREATE TABLE licence_events (
  id TEXT PRIMARY KEY,
  licence_id TEXT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  legal_basis TEXT,
  reason TEXT,
  sanction_id TEXT,
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  username TEXT
) STRICT;
CREATE INDEX licence_events_licence ON licence_events(licence_id, at);

CREATE TABLE licence_conditions (
  id TEXT PRIMARY KEY,
  licence_id TEXT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  due_on TEXT,
  sanction_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX licence_conditions_licence ON licence_conditions(licence_id, created_at);

CREATE TABLE sanctions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('warning','fine','seizure','suspension','revocation','extra_condition')),
  target_type TEXT NOT NULL CHECK (target_type IN ('licence','credential')),
  target_id TEXT NOT NULL,
  company_id TEXT REFERENCES companies(id),
  state TEXT NOT NULL CHECK (state IN ('proposed','notified','appeal_window','final','executed','paid','annulled')),
  amount REAL,
  currency TEXT,
  condition_text TEXT,
  legal_basis TEXT NOT NULL,
  reason TEXT NOT NULL,
  appeal_days INTEGER NOT NULL CHECK (appeal_days BETWEEN 0 AND 365),
  notified_on TEXT,
  appeal_deadline TEXT,
  appeal_outcome TEXT CHECK (appeal_outcome IN ('none','dismissed','reduced','upheld')),
  appeal_note TEXT,
  final_on TEXT,
  closed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX sanctions_company ON sanctions(company_id, created_at);
CREATE INDEX sanctions_target ON sanctions(target_type, target_id);
CREATE INDEX sanctions_state ON sanctions(state, created_at, id);
CREATE INDEX sanctions_appeal ON sanctions(appeal_deadline) WHERE state = 'appeal_window';

CREATE TABLE sanction_events (
  id TEXT PRIMARY KEY,
  sanction_id TEXT NOT NULL REFERENCES sanctions(id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  note TEXT,
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  username TEXT
) STRICT;
CREATE INDEX sanction_events_sanction ON sanction_events(sanction_id, at);

-- Due-view sources read company expiries by date.
CREATE INDEX companies_guarantee_expiry ON companies(guarantee_expiry) WHERE guarantee_expiry IS NOT NULL;
CREATE INDEX companies_insurance_expiry ON companies(insurance_expiry) WHERE insurance_expiry IS NOT NULL;

-- Defaults for a Latin American regulator (modelled on Guatemala's DIGESSP); editable by the administrator.
INSERT INTO licence_types (id, name, service_types, validity_months, processing_days, renewal_window_days, required_documents, number_pattern, created_at, updated_at) VALUES
 ('01900000-0000-7000-8000-000000000001', 'Licencia de operación: vigilancia y protección',
  '["static_guarding","mobile_patrol","canine","escort"]', 24, 30, 60,
  '["Escritura constitutiva y sus modificaciones","Patente de comercio y RTU/NIT","Nombramiento del representante legal","Antecedentes penales y policíacos de socios y representante","Fianza o garantía bancaria vigente","Póliza de seguro de responsabilidad civil","Reglamento interno y manual de operaciones","Inventario de armas con licencias de tenencia","Planilla del personal operativo"]',
  'DIGESSP-EPS-{year}-{seq:4}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('01900000-0000-7000-8000-000000000002', 'Licencia de transporte de valores',
  '["cash_in_transit","escort"]', 12, 45, 60,
  '["Escritura constitutiva y sus modificaciones","Patente de comercio y RTU/NIT","Fianza o garantía bancaria vigente","Póliza de seguro de valores en tránsito","Registro de vehículos blindados","Inventario de armas con licencias de tenencia","Protocolo de custodia y rutas"]',
  'DIGESSP-TV-{year}-{seq:4}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('01900000-0000-7000-8000-000000000003', 'Licencia de seguridad electrónica',
  '["electronic_security"]', 24, 30, 60,
  '["Escritura constitutiva y sus modificaciones","Patente de comercio y RTU/NIT","Póliza de seguro de responsabilidad civil","Descripción de la central de monitoreo"]',
  'DIGESSP-SE-{year}-{seq:4}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('01900000-0000-7000-8000-000000000004', 'Autorización de centro de capacitación',
  '["training_centre"]', 36, 60, 90,
  '["Escritura constitutiva y sus modificaciones","Programa de formación aprobado","Nómina de instructores acreditados","Constancia del polígono de tiro o convenio"]',
  'DIGESSP-CC-{year}-{seq:3}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
 ('01900000-0000-7000-8000-000000000005', 'Licencia de seguridad marítima',
  '["maritime","escort"]', 12, 45, 60,
  '["Escritura constitutiva y sus modificaciones","Póliza de seguro de responsabilidad civil","Autorización de la autoridad marítima","Inventario de armas con licencias de tenencia"]',
  'DIGESSP-SM-{year}-{seq:4}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
`;
