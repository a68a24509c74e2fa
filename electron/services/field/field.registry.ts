import type { Db } from '../../store/db.ts';

/**
 * What a field package may carry, in one place. Each table says which of its rows come along
 * with a chosen record (children by foreign key), which columns a field copy may change, and
 * whether the field may add rows. Everything else (export, the field copy's change triggers,
 * import, conflicts) is derived from this list, so an area joins field work by adding entries.
 *
 * Order matters: parents before children, so inserts in a field copy never break a foreign key.
 */
export interface FieldTable {
  table: string;
  /** Rows to bring along when a row of this table is chosen: `fk` in `table` points to our id. */
  children: { table: string; fk: string; where?: string }[];
  /** Rows this row points to that must come along too (an inspection's company and checklist). */
  parents?: { column: string; table: string }[];
  /** Columns the field may change. Columns not listed travel as reference only. */
  editable: readonly string[];
  /** The field may create new rows (photos, answers, findings). */
  insertable: boolean;
  /**
   * Columns that identify a row besides its id: the office (or another inspector) may have made
   * "the same" row with another id (one answer per checklist item). A new row from the field that
   * matches one here is merged into it field by field, with conflicts, instead of failing.
   */
  naturalKey?: readonly string[];
  /** How a person recognises a row that has no name of its own: SQL taking `column`'s value. */
  label?: { column: string; sql: string };
}

/** Columns no field change ever carries: identity and bookkeeping the office keeps. */
export const SYSTEM_COLUMNS = new Set(['id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by']);

export const FIELD_TABLES: readonly FieldTable[] = [
  {
    table: 'companies',
    children: [
      { table: 'company_owners', fk: 'company_id' },
      { table: 'company_branches', fk: 'company_id' },
      { table: 'attachments', fk: 'owner_id', where: `owner_type = 'company'` },
      // For physical counts on site: the company's armories, firearms and staff, and its licences.
      { table: 'armories', fk: 'company_id' },
      { table: 'firearms', fk: 'company_id' },
      { table: 'persons', fk: 'current_company_id' },
      { table: 'licences', fk: 'company_id' },
      // Earlier findings of the company, so the team can check what was to be corrected.
      { table: 'findings', fk: 'company_id' },
    ],
    // What an inspector checks on site: contact details, representative, guarantee and insurance papers, notes.
    editable: ['legal_rep_name', 'legal_rep_id', 'address', 'city', 'phone', 'email', 'insurer', 'insurance_policy', 'insurance_amount', 'insurance_expiry', 'guarantee_amount', 'guarantee_currency', 'guarantee_expiry', 'notes'],
    insertable: false,
  },
  { table: 'company_owners', children: [], editable: [], insertable: false },
  // Owners and branches are rewritten whole by companies.update (new ids): reference only, never returned.
  { table: 'company_branches', children: [], editable: [], insertable: false },
  // Photos and documents taken in the field: added, never edited (their checksum is their identity).
  { table: 'attachments', children: [], editable: [], insertable: true },
  // What the inspector verifies at the armory; the register's lifecycle fields (state, holder) change only at the office.
  { table: 'armories', children: [], editable: ['locks', 'alarm_link', 'cameras', 'retention_days'], insertable: false },
  { table: 'firearms', children: [], editable: ['condition', 'notes'], insertable: false },
  { table: 'persons', children: [], editable: [], insertable: false },
  { table: 'licences', children: [], editable: [], insertable: false },
  // Inspections (audits area; used as soon as its tables exist in the workspace). An inspection
  // brings its company (with everything above), its checklist version, team, answers, findings and
  // photos; the field answers the checklist, records findings and photos, drafts the summary.
  {
    table: 'inspections',
    parents: [{ column: 'company_id', table: 'companies' }, { column: 'template_id', table: 'checklist_templates' }],
    children: [
      { table: 'inspection_team', fk: 'inspection_id' },
      { table: 'inspection_answers', fk: 'inspection_id' },
      { table: 'findings', fk: 'inspection_id' },
      { table: 'attachments', fk: 'owner_id', where: `owner_type = 'inspection'` },
    ],
    editable: ['summary', 'site_label', 'score', 'raw_score', 'capped'],
    insertable: false,
  },
  { table: 'checklist_templates', children: [{ table: 'checklist_items', fk: 'template_id' }], editable: [], insertable: false },
  { table: 'checklist_items', children: [], editable: [], insertable: false },
  { table: 'inspection_team', children: [], editable: [], insertable: false },
  { table: 'inspection_answers', children: [], editable: ['answer', 'note'], insertable: true, naturalKey: ['inspection_id', 'item_id'],
    label: { column: 'item_id', sql: `SELECT ref || ' — ' || substr(text_es, 1, 80) FROM checklist_items WHERE id = ?` } },
  {
    table: 'findings',
    children: [{ table: 'attachments', fk: 'owner_id', where: `owner_type = 'finding'` }],
    editable: ['title', 'severity', 'root_cause', 'corrective_action', 'due_date'],
    insertable: true,
    naturalKey: ['inspection_id', 'item_id'],
  },
];

export function fieldTable(name: string): FieldTable | undefined {
  return FIELD_TABLES.find((t) => t.table === name);
}


export function tableColumns(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

/** Only registered tables that exist in this database (an area not merged yet simply has none). */
export function presentTables(db: Db): FieldTable[] {
  const have = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  return FIELD_TABLES.filter((t) => have.has(t.table));
}
