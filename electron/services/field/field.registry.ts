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
  /** Columns the field may change. Columns not listed travel as reference only. */
  editable: readonly string[];
  /** The field may create new rows (photos, answers, findings). */
  insertable: boolean;
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
];

export function fieldTable(name: string): FieldTable | undefined {
  return FIELD_TABLES.find((t) => t.table === name);
}

/** Tables a package may be asked for directly (as opposed to coming along as children). */
export const ROOT_TABLES = ['companies'] as const;

export function tableColumns(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

/** Only registered tables that exist in this database (an area not merged yet simply has none). */
export function presentTables(db: Db): FieldTable[] {
  const have = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  return FIELD_TABLES.filter((t) => have.has(t.table));
}
