/**
 * Errors are data. Every command returns a {@link Result}; failures carry a stable `code`
 * from one closed union, an i18n `messageKey` (present in every catalogue) and `params`
 * for interpolation. `field` names the input path that was wrong, dotted (`owners.0.name`).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'THROTTLED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'INTEGRITY',
  'LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface AppErrorData {
  code: ErrorCode;
  messageKey: string;
  params: ErrorParams;
  field?: string;
  /** Extra per-field problems for forms (VALIDATION only). */
  issues?: { field: string; messageKey: string; params: ErrorParams }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown inside services; the gate turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly data: AppErrorData;
  constructor(code: ErrorCode, messageKey: string, params: ErrorParams = {}, field?: string) {
    super(`${code}: ${messageKey}`);
    this.data = { code, messageKey, params, ...(field ? { field } : {}) };
  }
  static fromData(data: AppErrorData): AppError {
    const e = new AppError(data.code, data.messageKey, data.params, data.field);
    Object.assign(e.data, data);
    return e;
  }
  /** A problem with one field, shown beside it in forms (code VALIDATION unless given, e.g. CONFLICT). */
  static validation(field: string, messageKey: string, params: ErrorParams = {}, code: ErrorCode = 'VALIDATION'): AppError {
    const e = new AppError(code, messageKey, params, field);
    e.data.issues = [{ field, messageKey, params }];
    return e;
  }
}

export function isAppErrorData(v: unknown): v is AppErrorData {
  return typeof v === 'object' && v !== null && typeof (v as AppErrorData).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((v as AppErrorData).code);
}
