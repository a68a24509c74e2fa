import { AppError } from '../../../shared/errors.ts';
import { UUID_RE, uuidv7 } from '../../../shared/ids.ts';
import { encodeHlc } from '../../../shared/model/hlc.ts';
import { passwordProblem } from '../../../shared/model/password.ts';
import type { z } from 'zod';
import type { fieldExportInput } from '../../../shared/commands/field.ts';
import type { Ctx } from '../../core/context.ts';
import type { Db } from '../../store/db.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { fingerprint, newSigningKey, sealPackage, type SigningKey } from './field.crypto.ts';
import { absolute, writeNewFile } from './field.files.ts';
import { agencyKeyOrNew, storeAgencyKey } from './field.keys.ts';
import { fieldTable, presentTables, tableColumns, type FieldTable } from './field.registry.ts';
import { toJson, type JsonValue } from './field.values.ts';
import { isFieldCopy } from './field.mode.ts';

type ExportInput = z.output<typeof fieldExportInput>;

export interface ExportTable { table: string; columns: string[]; rows: JsonValue[][] }
export interface ExportMember { id: string; username: string; displayName: string; role: string; privateKey: string; publicKey: string }
/** What an export package holds once decrypted. */
export interface ExportPayload {
  exportId: string;
  label: string;
  createdAt: string;
  hlc: string;
  workspaceId: string;
  agency: { label: string; publicKey: string; settings: { name: string; country: string; language: string } };
  members: ExportMember[];
  /** Other people the records name (a lead inspector, who created a record): shown, never signed in. */
  people?: { id: string; username: string; displayName: string; role: string }[];
  tables: ExportTable[];
}

const CHUNK = 500;
function selectByIds(db: Db, table: string, column: string, ids: string[], where?: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    out.push(...(db.prepare(`SELECT * FROM "${table}" WHERE "${column}" IN (${part.map(() => '?').join(',')})${where ? ` AND ${where}` : ''} ORDER BY id`).all(...part) as Record<string, unknown>[]));
  }
  return out;
}

/**
 * The chosen records and everything that comes along with them (children by foreign key,
 * transitively), per table in registry order. A chosen id that does not exist is refused by name.
 */
export function collectScope(db: Db, items: ExportInput['items']): Map<string, Record<string, unknown>[]> {
  const tables = presentTables(db);
  const rows = new Map<string, Map<string, Record<string, unknown>>>(tables.map((t) => [t.table, new Map()]));
  const queue: { table: FieldTable; rows: Record<string, unknown>[] }[] = [];
  items.forEach((it, i) => {
    const t = fieldTable(it.table);
    if (!t || !rows.has(it.table)) throw AppError.validation(`items.${i}.table`, 'validation.choice');
    const found = selectByIds(db, it.table, 'id', [...new Set(it.ids)]);
    if (found.length !== new Set(it.ids).size) {
      const missing = it.ids.find((x) => !found.some((r) => r.id === x));
      throw new AppError('NOT_FOUND', 'errors.fieldRecordNotFound', { id: missing ?? '' }, `items.${i}.ids`);
    }
    queue.push({ table: t, rows: found });
  });
  while (queue.length) {
    const { table, rows: batch } = queue.shift()!;
    const have = rows.get(table.table)!;
    const fresh = batch.filter((r) => !have.has(String(r.id)));
    for (const r of fresh) have.set(String(r.id), r);
    if (!fresh.length) continue;
    for (const child of table.children) {
      const ct = fieldTable(child.table);
      if (!ct || !rows.has(child.table)) continue;
      queue.push({ table: ct, rows: selectByIds(db, child.table, child.fk, fresh.map((r) => String(r.id)), child.where) });
    }
    for (const parent of table.parents ?? []) {
      const pt = fieldTable(parent.table);
      if (!pt || !rows.has(parent.table)) continue;
      const ids = [...new Set(fresh.map((r) => r[parent.column]).filter((v): v is string => typeof v === 'string'))];
      queue.push({ table: pt, rows: selectByIds(db, parent.table, 'id', ids) });
    }
  }
  return new Map([...rows].map(([t, m]) => [t, [...m.values()]]));
}

/** Users the exported rows point to (any column holding a user's id), so the copy can show them. */
function referencedPeople(db: Db, scope: Map<string, Record<string, unknown>[]>, members: ExportMember[]) {
  const ids = new Set<string>();
  for (const rows of scope.values()) for (const r of rows) for (const v of Object.values(r)) if (typeof v === 'string' && UUID_RE.test(v)) ids.add(v);
  for (const m of members) ids.delete(m.id);
  const out: { id: string; username: string; displayName: string; role: string }[] = [];
  const all = [...ids];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    out.push(...(db.prepare(`SELECT id, username, display_name AS displayName, role FROM users WHERE id IN (${part.map(() => '?').join(',')})`).all(...part) as typeof out));
  }
  return out;
}

export interface PreparedExport {
  exportId: string;
  packageId: string;
  path: string;
  sizeBytes: number;
  agency: { key: SigningKey; isNew: boolean };
  members: ExportMember[];
  scope: Map<string, Record<string, unknown>[]>;
  hlc: string;
  input: ExportInput;
}

/** Reads the scope, seals and writes the file (slow: scrypt). Records nothing yet. */
export async function prepareExport(ctx: Ctx, input: ExportInput): Promise<PreparedExport> {
  const db = ctx.db;
  if (isFieldCopy(db)) throw new AppError('CONFLICT', 'errors.fieldNotInFieldCopy');
  const path = absolute(input.path);
  const problem = passwordProblem(input.passphrase, [readSettings(db).name]);
  if (problem) throw AppError.validation('passphrase', problem);
  const members: ExportMember[] = input.memberIds.map((uid, i) => {
    const u = db.prepare('SELECT id, username, display_name, role, active FROM users WHERE id = ?').get(uid) as { id: string; username: string; display_name: string; role: string; active: number } | undefined;
    if (!u || !u.active) throw new AppError('NOT_FOUND', 'errors.userNotFound', {}, `memberIds.${i}`);
    return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, ...newSigningKey() };
  });
  const scope = collectScope(db, input.items);
  const agency = agencyKeyOrNew(db);
  const settings = readSettings(db);
  const workspaceId = ctx.workspaces.keyring.file.workspaceId;
  const now = ctx.clock.now();
  const exportId = uuidv7();
  const packageId = uuidv7();
  const hlc = encodeHlc({ wall: now.getTime(), counter: 0, node: workspaceId });
  const tables: ExportTable[] = [];
  for (const [table, rows] of scope) {
    if (!rows.length) continue;
    const columns = tableColumns(db, table);
    tables.push({ table, columns, rows: rows.map((r) => columns.map((c) => toJson(r[c]))) });
  }
  const payload: ExportPayload = {
    exportId, label: input.label, createdAt: now.toISOString(), hlc, workspaceId,
    agency: { label: ctx.workspaces.keyring.file.label, publicKey: agency.key.publicKey, settings: { name: settings.name, country: settings.country, language: settings.language } },
    members, people: referencedPeople(db, scope, members), tables,
  };
  const bytes = await sealPackage({
    header: {
      kind: 'export', packageId, exportId, createdAt: now.toISOString(), workspaceId,
      agency: { label: ctx.workspaces.keyring.file.label, keyFingerprint: fingerprint(agency.key.publicKey) },
      signer: { kind: 'agency', publicKey: agency.key.publicKey, userId: ctx.user!.id, fieldWorkspaceId: null },
    },
    payload, passphrase: input.passphrase, signWith: agency.key,
  });
  writeNewFile(path, bytes);
  return { exportId, packageId, path, sizeBytes: bytes.length, agency, members, scope, hlc, input };
}

/** Inside the transaction: the export, its members' public keys and the base values of editable fields. */
export function recordExport(ctx: Ctx, p: PreparedExport) {
  const db = ctx.db;
  const now = ctx.nowIso();
  if (p.agency.isNew) {
    const existing = db.prepare(`SELECT public_key FROM field_keys WHERE id = 'agency'`).get() as { public_key: string } | undefined;
    if (existing && existing.public_key !== p.agency.key.publicKey) throw new AppError('CONFLICT', 'errors.busy');
    if (!existing) storeAgencyKey(db, p.agency.key, now, ctx.user!.id);
  }
  const counts = [...p.scope].filter(([, rows]) => rows.length).map(([table, rows]) => ({ table, rows: rows.length }));
  db.prepare(`INSERT INTO field_exports (id, package_id, label, scope, hlc, row_count, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(p.exportId, p.packageId, p.input.label, JSON.stringify(p.input.items), p.hlc, counts.reduce((a, c) => a + c.rows, 0), now, now, ctx.user!.id);
  const member = db.prepare('INSERT INTO field_export_members (export_id, user_id, public_key) VALUES (?, ?, ?)');
  for (const m of p.members) member.run(p.exportId, m.id, m.publicKey);
  const base = db.prepare('INSERT INTO field_export_rows (export_id, table_name, row_id, base) VALUES (?, ?, ?, ?)');
  for (const [table, rows] of p.scope) {
    const t = fieldTable(table)!;
    if (!t.editable.length) continue;
    for (const r of rows) base.run(p.exportId, table, String(r.id), JSON.stringify(Object.fromEntries(t.editable.map((c) => [c, toJson(r[c])]))));
  }
  ctx.audit({ entityType: 'field_export', entityId: p.exportId, payload: { packageId: p.packageId, path: p.path, counts, members: p.members.map((m) => m.username) } });
  return {
    exportId: p.exportId, packageId: p.packageId, path: p.path, sizeBytes: p.sizeBytes, counts, agencyFingerprint: fingerprint(p.agency.key.publicKey),
  };
}

