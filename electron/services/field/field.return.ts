import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { decodeHlc, encodeHlc, tickHlc, type Hlc } from '../../../shared/model/hlc.ts';
import { passwordProblem } from '../../../shared/model/password.ts';
import type { Ctx } from '../../core/context.ts';
import type { Db } from '../../store/db.ts';
import { sealPackage } from './field.crypto.ts';
import { absolute, writeNewFile } from './field.files.ts';
import { fieldCopyInfo, type FieldCopyInfo } from './field.mode.ts';
import { fieldTable, tableColumns } from './field.registry.ts';
import { toJson, type JsonValue } from './field.values.ts';

export interface ReturnSet { t: string; id: string; c: string; v: JsonValue; h: string }
export interface ReturnInsert { t: string; id: string; row: Record<string, JsonValue>; h: string }
/** What a return package holds once decrypted: only what changed in the field, with clocks. */
export interface ReturnPayload {
  exportId: string;
  fieldWorkspaceId: string;
  user: { id: string; username: string; displayName: string };
  createdAt: string;
  sets: ReturnSet[];
  inserts: ReturnInsert[];
}

/**
 * Stamps every logged change with a hybrid logical clock, in log order, starting after the
 * export's own clock (so a laptop whose clock is behind still stamps later than the export), and
 * keeps the latest stamp per field. Deterministic: a second return package from the same copy
 * carries the same stamps for the same changes, so the office skips what it already applied.
 */
export function latestChanges(db: Db, info: FieldCopyInfo): Map<string, { table: string; rowId: string; column: string; hlc: string }> {
  let clock: Hlc = { ...decodeHlc(info.exportHlc), node: info.fieldWorkspaceId };
  const latest = new Map<string, { table: string; rowId: string; column: string; hlc: string }>();
  for (const c of db.prepare('SELECT table_name, row_id, column_name, at FROM field_changes ORDER BY seq').iterate() as IterableIterator<{ table_name: string; row_id: string; column_name: string; at: string }>) {
    clock = tickHlc(clock, Date.parse(c.at), info.fieldWorkspaceId);
    latest.set(`${c.table_name}\u0000${c.row_id}\u0000${c.column_name}`, { table: c.table_name, rowId: c.row_id, column: c.column_name, hlc: encodeHlc(clock) });
  }
  return latest;
}

/** Builds the payload from the change log and the rows as they are now. */
export function buildReturn(db: Db, info: FieldCopyInfo, now: string): ReturnPayload {
  const latest = latestChanges(db, info);
  const inserted = new Map<string, string>(); // table+row → hlc of its latest change
  for (const ch of latest.values()) if (ch.column === '*') inserted.set(`${ch.table}\u0000${ch.rowId}`, ch.hlc);
  for (const ch of latest.values()) {
    const k = `${ch.table}\u0000${ch.rowId}`;
    if (ch.column !== '*' && inserted.has(k) && ch.hlc > inserted.get(k)!) inserted.set(k, ch.hlc);
  }
  const sets: ReturnSet[] = [];
  const inserts: ReturnInsert[] = [];
  const rowCache = new Map<string, Record<string, unknown> | undefined>();
  const row = (table: string, id: string) => {
    const k = `${table}\u0000${id}`;
    if (!rowCache.has(k)) rowCache.set(k, db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined);
    return rowCache.get(k);
  };
  for (const [k, hlc] of inserted) {
    const [table, id] = k.split('\u0000');
    const r = row(table, id);
    if (!r) continue;
    const cols = tableColumns(db, table);
    inserts.push({ t: table, id, row: Object.fromEntries(cols.map((c) => [c, toJson(r[c])])), h: hlc });
    rowCache.delete(k);
  }
  for (const ch of latest.values()) {
    if (ch.column === '*' || inserted.has(`${ch.table}\u0000${ch.rowId}`)) continue;
    const t = fieldTable(ch.table);
    if (!t?.editable.includes(ch.column)) continue;
    const r = row(ch.table, ch.rowId);
    if (!r) continue;
    sets.push({ t: ch.table, id: ch.rowId, c: ch.column, v: toJson(r[ch.column]), h: ch.hlc });
  }
  const u = db.prepare('SELECT id, username, display_name FROM users WHERE id = ?').get(info.userId) as { id: string; username: string; display_name: string };
  return { exportId: info.exportId, fieldWorkspaceId: info.fieldWorkspaceId, user: { id: u.id, username: u.username, displayName: u.display_name }, createdAt: now, sets, inserts };
}

/** Field copy only: seals the return package with the inspector's key and writes it. */
export async function prepareReturn(ctx: Ctx, input: { passphrase: string; path: string }) {
  const info = fieldCopyInfo(ctx.db);
  if (!info) throw new AppError('CONFLICT', 'errors.fieldOnlyInFieldCopy');
  const path = absolute(input.path);
  const problem = passwordProblem(input.passphrase, [info.username]);
  if (problem) throw AppError.validation('passphrase', problem);
  const now = ctx.clock.now().toISOString();
  const payload = buildReturn(ctx.db, info, now);
  const packageId = uuidv7();
  const bytes = await sealPackage({
    header: {
      kind: 'return', packageId, exportId: info.exportId, createdAt: now, workspaceId: info.officeWorkspaceId,
      agency: { label: info.agency.label, keyFingerprint: info.agency.keyFingerprint },
      signer: { kind: 'inspector', publicKey: info.signingKey.publicKey, userId: info.userId, fieldWorkspaceId: info.fieldWorkspaceId },
    },
    payload, passphrase: input.passphrase, signWith: info.signingKey,
  });
  writeNewFile(path, bytes);
  return { packageId, path, sizeBytes: bytes.length, sets: payload.sets.length, inserts: payload.inserts.length };
}
