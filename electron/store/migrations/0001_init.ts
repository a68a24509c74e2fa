/** Version 1: settings, users, preferences, the hash-chained journal and the company register. */
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator','licensing_officer','supervisor','inspector','analyst')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;

CREATE TABLE user_prefs (
  user_id TEXT NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) STRICT;

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  command TEXT NOT NULL,
  entity_type TEXT,
  entity_id TEXT,
  digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX journal_entity ON journal(entity_type, entity_id);
CREATE INDEX journal_username ON journal(username);
CREATE INDEX journal_at ON journal(at);

CREATE TABLE companies (
  id TEXT PRIMARY KEY,
  country TEXT NOT NULL,
  tax_id TEXT NOT NULL,
  tax_id_norm TEXT NOT NULL,
  legal_name TEXT NOT NULL,
  trade_name TEXT,
  legal_rep_name TEXT NOT NULL,
  legal_rep_id TEXT,
  address TEXT,
  city TEXT,
  phone TEXT,
  email TEXT,
  service_types TEXT NOT NULL,
  armed INTEGER NOT NULL CHECK (armed IN (0,1)),
  guarantee_amount REAL,
  guarantee_currency TEXT,
  guarantee_expiry TEXT,
  insurer TEXT,
  insurance_policy TEXT,
  insurance_amount REAL,
  insurance_expiry TEXT,
  icoca_status TEXT NOT NULL,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE UNIQUE INDEX companies_tax_id ON companies(country, tax_id_norm);
CREATE INDEX companies_legal_name ON companies(legal_name COLLATE NOCASE, id);
CREATE INDEX companies_trade_name ON companies(trade_name COLLATE NOCASE, id);
CREATE INDEX companies_city ON companies(city COLLATE NOCASE, id);
CREATE INDEX companies_country ON companies(country, legal_name COLLATE NOCASE);
CREATE INDEX companies_updated ON companies(updated_at, id);
CREATE INDEX companies_created ON companies(created_at, id);

CREATE TABLE company_owners (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  national_id TEXT,
  nationality TEXT,
  share_percent REAL,
  criminal_record_declared INTEGER NOT NULL DEFAULT 0,
  declaration_date TEXT
) STRICT;
CREATE INDEX company_owners_company ON company_owners(company_id, position);

CREATE TABLE company_branches (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  address TEXT,
  phone TEXT
) STRICT;
CREATE INDEX company_branches_company ON company_branches(company_id, position);

-- Full-text search over the register; diacritics folded so "Peten" finds "Petén".
CREATE VIRTUAL TABLE companies_fts USING fts5(
  legal_name, trade_name, tax_id, tax_id_norm, legal_rep_name, city,
  content='companies', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER companies_ai AFTER INSERT ON companies BEGIN
  INSERT INTO companies_fts(rowid, legal_name, trade_name, tax_id, tax_id_norm, legal_rep_name, city)
  VALUES (new.rowid, new.legal_name, new.trade_name, new.tax_id, new.tax_id_norm, new.legal_rep_name, new.city);
END;
CREATE TRIGGER companies_ad AFTER DELETE ON companies BEGIN
  INSERT INTO companies_fts(companies_fts, rowid, legal_name, trade_name, tax_id, tax_id_norm, legal_rep_name, city)
  VALUES ('delete', old.rowid, old.legal_name, old.trade_name, old.tax_id, old.tax_id_norm, old.legal_rep_name, old.city);
END;
CREATE TRIGGER companies_au AFTER UPDATE ON companies BEGIN
  INSERT INTO companies_fts(companies_fts, rowid, legal_name, trade_name, tax_id, tax_id_norm, legal_rep_name, city)
  VALUES ('delete', old.rowid, old.legal_name, old.trade_name, old.tax_id, old.tax_id_norm, old.legal_rep_name, old.city);
  INSERT INTO companies_fts(rowid, legal_name, trade_name, tax_id, tax_id_norm, legal_rep_name, city)
  VALUES (new.rowid, new.legal_name, new.trade_name, new.tax_id, new.tax_id_norm, new.legal_rep_name, new.city);
END;
`;
