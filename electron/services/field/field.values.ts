/**
 * SQL values as they travel in packages and sit in the clock table: JSON, with BLOBs as
 * `{ "$b64": ... }`. Equality of two values is equality of their encodings.
 */
export type SqlValue = string | number | bigint | null | Buffer | Uint8Array;
export type JsonValue = string | number | null | { $b64: string };

export function toJson(v: unknown): JsonValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') };
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

export function fromJson(v: JsonValue | undefined): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && '$b64' in v) return Buffer.from(v.$b64, 'base64');
  return v;
}

export const enc = (v: unknown): string => JSON.stringify(toJson(v));

/** What a person sees of a value in the preview (files are shown by size, not content). */
export function display(v: JsonValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return `[${Math.round((v.$b64.length * 3) / 4)} bytes]`;
  return String(v);
}
