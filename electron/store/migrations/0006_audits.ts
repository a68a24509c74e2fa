import { createHash } from 'node:crypto';
import armory from '../../../resources/checklists/armory-isacs.json' with { type: 'json' };
import icoc from '../../../resources/checklists/icoc.json' with { type: 'json' };

/**
 * Version 6: audits. Checklist templates (versioned; a used version is never changed),
 * inspections with their team and per-item answers, findings, certifications, the agency's
 * signing identity and the register of issued (signed) documents.
 *
 * The two shipped checklists (resources/checklists/*.json) are inserted here as version 1
 * with ids derived from their content position, so every workspace has the same ids. Those
 * JSON files are therefore frozen: a revised shipped checklist is a new file and a new migration.
 */
interface Shipped {
  code: string; kind: string; title: { es: string; en: string };
  sections: { title: { es: string; en: string }; items: { ref: string; level: number; text: { es: string; en: string }; guidance: { es: string; en: string } }[] }[];
}

/** A UUIDv7-shaped id from a name, so shipped rows have the same id everywhere. */
function fixedId(name: string): string {
  const h = createHash('sha256').update(`centinela:${name}`).digest('hex');
  return `019a0000-${h.slice(0, 4)}-7${h.slice(4, 7)}-8${h.slice(7, 10)}-${h.slice(10, 22)}`;
}
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

function shippedSql(t: Shipped): string {
  const tid = fixedId(`${t.code}:1`);
  const out = [`INSERT INTO checklist_templates (id, code, version, kind, title_es, title_en, status, based_on_id, created_at, updated_at, created_by)
    VALUES (${q(tid)}, ${q(t.code)}, 1, ${q(t.kind)}, ${q(t.title.es)}, ${q(t.title.en)}, 'active', NULL, ${NOW}, ${NOW}, NULL);`];
  let pos = 0;
  t.sections.forEach((s, si) => {
    for (const it of s.items) {
      pos++;
      const key = `${t.code}-${String(pos).padStart(2, '0')}`;
      out.push(`INSERT INTO checklist_items (id, template_id, position, item_key, section_no, section_es, section_en, ref, level, text_es, text_en, guidance_es, guidance_en, created_at, updated_at)
        VALUES (${q(fixedId(`${t.code}:1:${pos}`))}, ${q(tid)}, ${pos}, ${q(key)}, ${si + 1}, ${q(s.title.es)}, ${q(s.title.en)}, ${q(it.ref)}, ${it.level}, ${q(it.text.es)}, ${q(it.text.en)}, ${q(it.guidance.es)}, ${q(it.guidance.en)}, ${NOW}, ${NOW});`);
    }
  });
  return out.join('\n');
}

export const SHIPPED_TEMPLATE_IDS = { armory: fixedId('ARMORY-ISACS:1'), icoc: fixedId('ICOC:1') };

export const sql = `
CREATE TABLE checklist_templates (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  kind TEXT NOT NULL,
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','retired')),
  based_on_id TEXT REFERENCES checklist_templates(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  UNIQUE (code, version)
) STRICT;

CREATE TABLE checklist_items (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES checklist_templates(id),
  position INTEGER NOT NULL,
  item_key TEXT NOT NULL,
  section_no INTEGER NOT NULL,
  section_es TEXT NOT NULL,
  section_en TEXT NOT NULL,
  ref TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level IN (1,2,3)),
  text_es TEXT NOT NULL,
  text_en TEXT NOT NULL,
  guidance_es TEXT NOT NULL,
  guidance_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (template_id, position)
) STRICT;
CREATE INDEX checklist_items_key ON checklist_items(item_key);

CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  company_id TEXT NOT NULL REFERENCES companies(id),
  type TEXT NOT NULL,
  site TEXT NOT NULL CHECK (site IN ('office','armory')),
  site_label TEXT,
  armory_id TEXT,
  licence_id TEXT,
  template_id TEXT NOT NULL REFERENCES checklist_templates(id),
  status TEXT NOT NULL,
  planned_date TEXT NOT NULL,
  scheduled_date TEXT,
  lead_inspector_id TEXT NOT NULL REFERENCES users(id),
  summary TEXT,
  score REAL,
  raw_score REAL,
  capped INTEGER NOT NULL DEFAULT 0 CHECK (capped IN (0,1)),
  issued_at TEXT,
  issued_document_id TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE INDEX inspections_company ON inspections(company_id, planned_date);
CREATE INDEX inspections_status ON inspections(status, planned_date);
CREATE INDEX inspections_date ON inspections(coalesce(scheduled_date, planned_date), id);
CREATE INDEX inspections_lead ON inspections(lead_inspector_id, planned_date);
CREATE INDEX inspections_armory ON inspections(armory_id) WHERE armory_id IS NOT NULL;
CREATE INDEX inspections_licence ON inspections(licence_id) WHERE licence_id IS NOT NULL;

CREATE TABLE inspection_team (
  id TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('lead','member')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  UNIQUE (inspection_id, user_id)
) STRICT;
CREATE INDEX inspection_team_user ON inspection_team(user_id);

-- One row per answered item; ids and updated_at per row so field packages can merge by row.
CREATE TABLE inspection_answers (
  id TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL REFERENCES checklist_items(id),
  answer TEXT NOT NULL CHECK (answer IN ('compliant','partial','non_compliant','not_applicable')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT,
  UNIQUE (inspection_id, item_id)
) STRICT;

CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL REFERENCES inspections(id),
  company_id TEXT NOT NULL REFERENCES companies(id),
  item_id TEXT REFERENCES checklist_items(id),
  item_key TEXT,
  reference TEXT,
  title TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('major','minor','observation')),
  status TEXT NOT NULL,
  root_cause TEXT,
  corrective_action TEXT,
  due_date TEXT,
  recurrence INTEGER NOT NULL DEFAULT 1,
  raised_by_answer INTEGER NOT NULL DEFAULT 0 CHECK (raised_by_answer IN (0,1)),
  sanction_id TEXT,
  status_changed_at TEXT NOT NULL,
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE UNIQUE INDEX findings_answer ON findings(inspection_id, item_id) WHERE item_id IS NOT NULL;
CREATE INDEX findings_company_key ON findings(company_id, item_key);
CREATE INDEX findings_status_due ON findings(status, due_date);

CREATE TABLE certifications (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies(id),
  standard TEXT NOT NULL,
  certificate_number TEXT,
  certification_body TEXT NOT NULL,
  accreditation_body TEXT,
  scope TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  surveillance_dates TEXT NOT NULL DEFAULT '[]',
  corrective_plan_status TEXT,
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT
) STRICT;
CREATE INDEX certifications_company ON certifications(company_id, expires_on);
CREATE INDEX certifications_expiry ON certifications(status, expires_on);

-- The agency's signing identity. The PKCS#12 (and its random passphrase) live only inside
-- the encrypted database; exactly one row is active.
CREATE TABLE signing_identities (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('self_signed','imported')),
  subject TEXT NOT NULL,
  issuer TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  cert_pem TEXT NOT NULL,
  p12 BLOB NOT NULL,
  p12_secret TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE UNIQUE INDEX signing_identities_active ON signing_identities(active) WHERE active = 1;
CREATE INDEX signing_identities_fingerprint ON signing_identities(fingerprint);

CREATE TABLE document_counters (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
) STRICT;

CREATE TABLE issued_documents (
  id TEXT PRIMARY KEY,
  serial TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_label TEXT NOT NULL,
  company_id TEXT,
  language TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  content_sha256 TEXT NOT NULL,
  journal_hash TEXT NOT NULL,
  signer_fingerprint TEXT NOT NULL,
  pages INTEGER NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX issued_documents_subject ON issued_documents(subject_type, subject_id, issued_at);
CREATE INDEX issued_documents_issued ON issued_documents(issued_at, id);
CREATE INDEX issued_documents_company ON issued_documents(company_id, issued_at);

${shippedSql(armory as Shipped)}
${shippedSql(icoc as Shipped)}
`;
