/**
 * Yearly returns: what each company declares every year (personnel roster, firearms inventory,
 * ammunition stock), the template's sheets and columns, and the stable problem codes and
 * reconciliation flags. Stored values are snake_case; labels come from the i18n catalogues.
 */

export const RETURN_SHEETS = ['PERSONNEL', 'FIREARMS', 'AMMUNITION'] as const;
export type ReturnSheet = (typeof RETURN_SHEETS)[number];

export const PERSONNEL_ROLES = ['guard', 'supervisor', 'armed_guard', 'escort', 'manager'] as const;
export const FIREARM_TYPES = ['pistol', 'revolver', 'shotgun', 'rifle', 'carbine', 'submachine_gun'] as const;
export const FIREARM_STATUSES = ['in_armory', 'assigned', 'lost', 'stolen', 'destroyed', 'transferred', 'under_repair'] as const;
export const AMMUNITION_TYPES = ['ball', 'hollow_point', 'buckshot', 'birdshot', 'slug', 'training', 'other'] as const;
export const YES_NO = ['yes', 'no'] as const;

/**
 * Statuses under which a firearm may legitimately stop appearing in a company's return:
 * a register firearm missing from the return with any OTHER status is a possible diversion.
 */
export const DISPOSAL_STATUSES = ['lost', 'stolen', 'destroyed', 'transferred'] as const;

export type FieldType = 'text' | 'date' | 'int' | 'enum' | 'calibre' | 'yesno' | 'serial' | 'nationalId';

export interface ReturnField {
  key: string;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  values?: readonly string[];
}

const f = (key: string, type: FieldType, required: boolean, extra: Partial<ReturnField> = {}): ReturnField => ({
  key, type, required, maxLength: type === 'text' || type === 'serial' || type === 'nationalId' ? 120 : undefined, ...extra,
});

/** The template's columns, in order. The importer maps any file's headers onto these keys. */
export const RETURN_FIELDS: Record<ReturnSheet, readonly ReturnField[]> = {
  PERSONNEL: [
    f('company_licence_no', 'text', true, { maxLength: 40 }),
    f('national_id', 'nationalId', true, { maxLength: 40 }),
    f('full_name', 'text', true, { maxLength: 200 }),
    f('birth_date', 'date', false),
    f('role', 'enum', true, { values: PERSONNEL_ROLES }),
    f('credential_no', 'text', false, { maxLength: 40 }),
    f('credential_expiry', 'date', false),
    f('training_hours', 'int', false),
    f('armed', 'yesno', false, { values: YES_NO }),
  ],
  FIREARMS: [
    f('company_licence_no', 'text', true, { maxLength: 40 }),
    f('serial_no', 'serial', true, { maxLength: 60 }),
    f('make', 'text', true, { maxLength: 80 }),
    f('model', 'text', false, { maxLength: 80 }),
    f('type', 'enum', true, { values: FIREARM_TYPES }),
    f('calibre', 'calibre', true),
    f('manufacturer_country', 'text', false, { maxLength: 60 }),
    f('marking_code', 'text', false, { maxLength: 80 }),
    f('status', 'enum', true, { values: FIREARM_STATUSES }),
    f('acquired_date', 'date', false),
    f('assigned_to_national_id', 'nationalId', false, { maxLength: 40 }),
  ],
  AMMUNITION: [
    f('company_licence_no', 'text', true, { maxLength: 40 }),
    f('calibre', 'calibre', true),
    f('ammunition_type', 'enum', false, { values: AMMUNITION_TYPES }),
    f('lot_no', 'text', false, { maxLength: 60 }),
    f('quantity', 'int', true),
  ],
};

export type ProblemSeverity = 'error' | 'warning';

/**
 * Every problem the importer can report, with its severity. Errors block the commit; warnings
 * do not. Codes are stable: companies and tests rely on them; messages come from the catalogue
 * (`returns.problem.<CODE>`).
 */
export const PROBLEM_CODES = {
  // the file itself
  FILE_EMPTY: 'error',
  FILE_TOO_LARGE: 'error',
  FILE_CORRUPT: 'error',
  FILE_TYPE_MISMATCH: 'error',
  FILE_UNSUPPORTED: 'error',
  ZIP_BOMB: 'error',
  BINARY_CONTENT: 'error',
  HEADER_NOT_FOUND: 'error',
  HEADER_ONLY: 'error',
  SHEET_UNKNOWN: 'warning',
  TOO_MANY_ROWS: 'error',
  // columns
  REQUIRED_COLUMN_MISSING: 'error',
  UNMAPPED_COLUMN: 'warning',
  DUPLICATE_COLUMN: 'error',
  DATE_ORDER_AMBIGUOUS: 'error',
  // cells and rows
  REQUIRED_MISSING: 'error',
  BAD_DATE: 'error',
  BAD_NUMBER: 'error',
  UNKNOWN_ENUM: 'error',
  UNKNOWN_CALIBRE: 'error',
  TEXT_TOO_LONG: 'error',
  FORMULA_VALUE: 'warning',
  DUPLICATE_SERIAL: 'error',
  DUPLICATE_NATIONAL_ID: 'error',
  UNKNOWN_COMPANY_LICENCE: 'error',
  EXPIRED_CREDENTIAL: 'warning',
  ASSIGNED_NOT_IN_RETURN: 'error',
  FUTURE_DATE: 'warning',
} as const satisfies Record<string, ProblemSeverity>;
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Reconciliation flags: for an officer to follow up; they never block the commit. */
export const FLAG_KINDS = [
  'possible_diversion',
  'serial_other_company',
  'missing_personnel',
  'credential_invalid',
  'serial_format_matched',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const BATCH_STATUSES = ['committed', 'undone'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export const JOB_PHASES = ['reading', 'validating', 'reconciling', 'committing', 'finished'] as const;

export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Limits that keep a hostile file from exhausting the laptop. */
export const IMPORT_LIMITS = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxCellChars: 32_767,
  maxRowsPerSheet: 1_000_000,
  maxColumns: 200,
} as const;
