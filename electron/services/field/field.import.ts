import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { FieldItemStatus, FieldPlanItem, FieldPreview } from '../../../shared/commands/field.ts';
import type { Ctx } from '../../core/context.ts';
import type { Db } from '../../store/db.ts';
import { fingerprint, openPayload, parsePackage, signatureValid, type PackageHeader } from './field.crypto.ts';
import { absolute, readPackageFile } from './field.files.ts';
import { agencyFingerprint } from './field.keys.ts';
import { isFieldCopy } from './field.mode.ts';
import { fieldTable, tableColumns } from './field.registry.ts';
import type { ReturnPayload } from './field.return.ts';
import { display, enc, fromJson, type JsonValue } from './field.values.ts';

export interface OpenedReturn { header: PackageHeader; payload: ReturnPayload; exportLabel: string }

/**
 * Reads and checks a return package, in an order that gives the clearest refusal: altered bytes,
 * another agency, another workspace, an export this office never made, a signer who was not on
 * that export's team, then the passphrase. Nothing is written by any of this.
 */
export async function openReturn(db: Db, workspaceId: string, path: string, passphrase: string): Promise<OpenedReturn> {
  if (isFieldCopy(db)) throw new AppError('CONFLICT', 'errors.fieldNotInFieldCopy');
  const parsed = parsePackage(readPackageFile(absolute(path)));
  const h = parsed.header;
  if (!signatureValid(parsed, h.signer.publicKey)) throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  if (h.kind !== 'return') throw new AppError('INTEGRITY', 'errors.fieldNotAReturn', {}, 'path');
  if (h.agency.keyFingerprint !== agencyFingerprint(db)) throw new AppError('INTEGRITY', 'errors.fieldForeignAgency', { agency: h.agency.label }, 'path');
  if (h.workspaceId !== workspaceId) throw new AppError('INTEGRITY', 'errors.fieldOtherWorkspace', {}, 'path');
  const exp = db.prepare('SELECT id, label FROM field_exports WHERE id = ?').get(h.exportId) as { id: string; label: string } | undefined;
  if (!exp) throw new AppError('INTEGRITY', 'errors.fieldUnknownExport', {}, 'path');
  const member = db.prepare('SELECT public_key FROM field_export_members WHERE export_id = ? AND user_id = ?').get(h.exportId, h.signer.userId) as { public_key: string } | undefined;
  if (!member || member.public_key !== h.signer.publicKey || fingerprint(member.public_key) !== fingerprint(h.signer.publicKey)) {
    throw new AppError('INTEGRITY', 'errors.fieldUnknownSigner', {}, 'path');
  }
  const payload = await openPayload<ReturnPayload>(parsed, passphrase);
  if (payload.exportId !== h.exportId || payload.user?.id !== h.signer.userId || payload.fieldWorkspaceId !== h.signer.fieldWorkspaceId || !Array.isArray(payload.sets) || !Array.isArray(payload.inserts)) {
    throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  }
  return { header: h, payload, exportLabel: exp.label };
}

interface Item {
  table: string; rowId: string; column: string; status: FieldItemStatus; hlc: string; record: string | null;
  base: string | null; office: string | null; fieldValue: JsonValue; officeValue: JsonValue;
  /** For a new record: the whole row. */
  row?: Record<string, JsonValue>;
  /** A field row merged into an office row with the same natural key: the field's own id. */
  alias?: string;
}

const LABEL_COLUMNS = ['legal_name', 'name', 'filename', 'title', 'reference', 'full_name'];

function notAllowed(table: string, column: string): AppError {
  return new AppError('INTEGRITY', 'errors.fieldChangeNotAllowed', { table, column }, 'path');
}

/**
 * Decides, field by field, what the package would do against the office as it is now:
 * - superseded: this office already holds a field value stamped at or after this one;
 * - same: the office already has this value;
 * - apply: the office has not touched the field since the export (or since the last import);
 * - conflict: office and field both changed it: a person decides;
 * - missing: the record no longer exists here.
 */
export function planImport(db: Db, opened: OpenedReturn): Item[] {
  const { payload, header } = opened;
  const items: Item[] = [];
  const clockOf = db.prepare('SELECT hlc, value FROM field_clock WHERE table_name = ? AND row_id = ? AND column_name = ?');
  const baseOf = db.prepare('SELECT base FROM field_export_rows WHERE export_id = ? AND table_name = ? AND row_id = ?');
  const colsCache = new Map<string, Set<string>>();
  const cols = (t: string) => {
    if (!colsCache.has(t)) colsCache.set(t, new Set(tableColumns(db, t)));
    return colsCache.get(t)!;
  };
  const rowCache = new Map<string, Record<string, unknown> | undefined>();
  const current = (t: string, id: string) => {
    const k = `${t}\u0000${id}`;
    if (!rowCache.has(k)) rowCache.set(k, db.prepare(`SELECT * FROM "${t}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined);
    return rowCache.get(k);
  };
  const label = (t: string, row: Record<string, unknown> | Record<string, JsonValue> | undefined) => {
    if (!row) return null;
    const via = fieldTable(t)?.label;
    if (via && typeof row[via.column] === 'string') {
      const r = db.prepare(via.sql).pluck().get(row[via.column]) as string | undefined;
      if (r) return r;
    }
    const c = LABEL_COLUMNS.find((x) => typeof row[x] === 'string');
    return c ? String(row[c]) : null;
  };
  const baseCache = new Map<string, Record<string, JsonValue> | null>();
  const baseRow = (t: string, id: string) => {
    const k = `${t}\u0000${id}`;
    if (!baseCache.has(k)) {
      const r = baseOf.get(header.exportId, t, id) as { base: string } | undefined;
      baseCache.set(k, r ? (JSON.parse(r.base) as Record<string, JsonValue>) : null);
    }
    return baseCache.get(k);
  };
  const decide = (officeEnc: string, fieldEnc: string, ref: string): FieldItemStatus => (officeEnc === fieldEnc ? 'same' : officeEnc === ref ? 'apply' : 'conflict');

  for (const s of payload.sets) {
    const t = fieldTable(s.t);
    if (!t || !t.editable.includes(s.c) || !cols(s.t).has(s.c)) throw notAllowed(String(s.t), String(s.c));
    const clock = clockOf.get(s.t, s.id, s.c) as { hlc: string; value: string } | undefined;
    const base = baseRow(s.t, s.id);
    if (!base && !clock) throw notAllowed(s.t, s.c); // only exported records (or ones this office took from the field) can change
    const row = current(s.t, s.id);
    const fieldEnc = JSON.stringify(s.v ?? null);
    const common = { table: s.t, rowId: s.id, column: s.c, hlc: s.h, record: label(s.t, row), fieldValue: s.v ?? null };
    if (clock && clock.hlc >= s.h) {
      items.push({ ...common, status: 'superseded', base: null, office: row ? enc(row[s.c]) : null, officeValue: null });
      continue;
    }
    if (!row) {
      items.push({ ...common, status: 'missing', base: null, office: null, officeValue: null });
      continue;
    }
    const officeEnc = enc(row[s.c]);
    const ref = clock ? clock.value : JSON.stringify(base![s.c] ?? null);
    items.push({ ...common, status: decide(officeEnc, fieldEnc, ref), base: ref, office: officeEnc, officeValue: JSON.parse(officeEnc) as JsonValue });
  }

  for (const ins of payload.inserts) {
    const t = fieldTable(ins.t);
    if (!t || !t.insertable || !ins.row || ins.row.id !== ins.id) throw notAllowed(String(ins.t), '*');
    const clock = clockOf.get(ins.t, ins.id, '*') as { hlc: string; value: string } | undefined;
    const common = { table: ins.t, rowId: ins.id, hlc: ins.h, record: label(ins.t, ins.row) };
    if (clock && clock.hlc >= ins.h) {
      items.push({ ...common, column: '*', status: 'superseded', base: null, office: null, field: null, fieldValue: null, officeValue: null } as Item);
      continue;
    }
    const row = current(ins.t, ins.id);
    const twin = !row && t.naturalKey && t.naturalKey.every((c) => ins.row[c] !== null && ins.row[c] !== undefined)
      ? db.prepare(`SELECT * FROM "${ins.t}" WHERE ${t.naturalKey.map((c) => `"${c}" = ?`).join(' AND ')}`).get(...t.naturalKey.map((c) => fromJson(ins.row[c]))) as Record<string, unknown> | undefined
      : undefined;
    if (twin) {
      // The same record made here too (the office answered the same item): merge field by field.
      const officeId = String(twin.id);
      const base = baseRow(ins.t, officeId);
      for (const c of t.editable) {
        if (!cols(ins.t).has(c) || !(c in ins.row)) continue;
        const clock = clockOf.get(ins.t, officeId, c) as { hlc: string; value: string } | undefined;
        const fieldEnc = JSON.stringify(ins.row[c] ?? null);
        const officeEnc = enc(twin[c]);
        const item = { table: ins.t, rowId: officeId, column: c, hlc: ins.h, record: label(ins.t, twin), fieldValue: ins.row[c] ?? null, alias: ins.id };
        if (clock && clock.hlc >= ins.h) {
          items.push({ ...item, status: 'superseded', base: null, office: officeEnc, officeValue: null });
          continue;
        }
        // Made here after the export, it had no value then: any difference is a conflict.
        const ref = clock ? clock.value : base ? JSON.stringify(base[c] ?? null) : null;
        const status: FieldItemStatus = officeEnc === fieldEnc ? 'same' : ref !== null && officeEnc === ref ? 'apply' : 'conflict';
        items.push({ ...item, status, base: ref, office: officeEnc, officeValue: JSON.parse(officeEnc) as JsonValue });
      }
      continue;
    }
    if (!row) {
      items.push({ ...common, column: '*', status: 'apply', base: null, office: null, fieldValue: null, officeValue: null, row: ins.row });
      continue;
    }
    if (!clock) throw notAllowed(ins.t, '*'); // an id that exists here and never came from the field
    // Imported before and changed in the field since: compare editable fields against what was imported.
    const before = JSON.parse(clock.value) as Record<string, JsonValue>;
    for (const c of t.editable) {
      if (!cols(ins.t).has(c) || !(c in ins.row)) continue;
      const fieldEnc = JSON.stringify(ins.row[c] ?? null);
      const ref = JSON.stringify(before[c] ?? null);
      if (fieldEnc === ref) continue;
      const officeEnc = enc(row[c]);
      items.push({ ...common, column: c, status: decide(officeEnc, fieldEnc, ref), base: ref, office: officeEnc, fieldValue: ins.row[c] ?? null, officeValue: JSON.parse(officeEnc) as JsonValue, row: ins.row });
    }
  }
  return items;
}

const show = (encoded: string | null) => (encoded === null ? null : display(JSON.parse(encoded) as JsonValue));

export function toPreview(db: Db, opened: OpenedReturn, items: Item[]): FieldPreview {
  const counts = { apply: 0, conflict: 0, same: 0, superseded: 0, missing: 0 };
  for (const i of items) counts[i.status]++;
  const view = (i: Item): FieldPlanItem => ({
    table: i.table, rowId: i.rowId, column: i.column, record: i.record, status: i.status, hlc: i.hlc,
    base: show(i.base), office: show(i.office), field: i.column === '*' ? null : display(i.fieldValue),
  });
  const done = db.prepare('SELECT created_at FROM field_imports WHERE package_id = ?').get(opened.header.packageId) as { created_at: string } | undefined;
  const u = opened.payload.user;
  return {
    packageId: opened.header.packageId, exportId: opened.header.exportId, exportLabel: opened.exportLabel,
    inspector: { userId: u.id, username: u.username, displayName: u.displayName }, createdAt: opened.header.createdAt,
    alreadyImportedAt: done?.created_at ?? null, counts,
    items: [...items.filter((i) => i.status === 'conflict'), ...items.filter((i) => i.status !== 'conflict').slice(0, 500)].map(view),
  };
}

/** Test hook for the crash test: stop in the middle of the transaction so it can be killed. */
function pauseForCrashTest(): void {
  if (process.env.CENTINELA_TEST_IMPORT_PAUSE !== '1') return;
  process.stderr.write('CENTINELA_IMPORT_PAUSED\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
}

/**
 * Applies the plan inside the caller's transaction: updates grouped per record (version bumped,
 * updated_at/by set where the table has them), new records inserted, every field's clock stored,
 * the import recorded, one journal entry per record. Every conflict needs a decision.
 */
export function applyImport(ctx: Ctx, opened: OpenedReturn, resolutions: { table: string; rowId: string; column: string; keep: 'field' | 'office' }[]) {
  const db = ctx.db;
  const h = opened.header;
  const done = db.prepare('SELECT created_at FROM field_imports WHERE package_id = ?').get(h.packageId) as { created_at: string } | undefined;
  if (done) throw new AppError('CONFLICT', 'errors.fieldAlreadyImported', { date: done.created_at }, 'path');
  const items = planImport(db, opened);
  const keep = new Map(resolutions.map((r) => [`${r.table}\u0000${r.rowId}\u0000${r.column}`, r.keep]));
  const unresolved = items.filter((i) => i.status === 'conflict' && !keep.has(`${i.table}\u0000${i.rowId}\u0000${i.column}`));
  if (unresolved.length) throw AppError.validation('resolutions', 'errors.fieldUnresolvedConflicts', { count: unresolved.length });

  const now = ctx.nowIso();
  const inspectorId = opened.payload.user.id;
  const clock = db.prepare(`INSERT INTO field_clock (table_name, row_id, column_name, hlc, value, package_id) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc, value = excluded.value, package_id = excluded.package_id`);
  interface Rec { table: string; rowId: string; set: Map<string, JsonValue>; keptOffice: string[]; insert?: Record<string, JsonValue>; fromField: boolean; hlc: string }
  const perRecord = new Map<string, Rec>();
  const rec = (i: Item) => {
    const k = `${i.table}\u0000${i.rowId}`;
    let r = perRecord.get(k);
    if (!r) perRecord.set(k, (r = { table: i.table, rowId: i.rowId, set: new Map(), keptOffice: [], fromField: false, hlc: '' }));
    if (i.row) r.fromField = true;
    if (i.hlc > r.hlc) r.hlc = i.hlc;
    return r;
  };
  let applied = 0;
  let keptOffice = 0;
  let skipped = 0;
  for (const i of items) {
    const decision = i.status === 'conflict' ? keep.get(`${i.table}\u0000${i.rowId}\u0000${i.column}`)! : null;
    if (i.status === 'superseded' || i.status === 'missing') { skipped++; continue; }
    if (i.column === '*') {
      rec(i).insert = i.row;
      applied++;
      continue;
    }
    if (i.status === 'same') { skipped++; }
    else if (i.status === 'apply' || decision === 'field') { rec(i).set.set(i.column, i.fieldValue); applied++; }
    else { rec(i).keptOffice.push(i.column); keptOffice++; }
    // Rows that came from the field keep one clock with the whole row; others one per field.
    if (i.row) continue;
    const value = decision === 'office' ? JSON.stringify(i.officeValue) : JSON.stringify(i.fieldValue);
    clock.run(i.table, i.rowId, i.column, i.hlc, value, h.packageId);
    // The field's own id of a merged row: a later package naming it finds it handled.
    if (i.alias) clock.run(i.table, i.alias, '*', i.hlc, JSON.stringify({ mergedInto: i.rowId }), h.packageId);
  }

  const colsCache = new Map<string, Set<string>>();
  const cols = (t: string) => {
    if (!colsCache.has(t)) colsCache.set(t, new Set(tableColumns(db, t)));
    return colsCache.get(t)!;
  };
  type Stmt = { run(...a: unknown[]): unknown; get(...a: unknown[]): unknown };
  const stmtCache = new Map<string, Stmt>();
  const stmt = (sql: string): Stmt => {
    if (!stmtCache.has(sql)) stmtCache.set(sql, db.prepare(sql) as unknown as Stmt);
    return stmtCache.get(sql)!;
  };
  const records = [...perRecord.values()];
  const half = Math.floor(records.length / 2);
  records.forEach((r, n) => {
    if (n === half) pauseForCrashTest();
    const have = cols(r.table);
    if (r.insert) {
      const row = { ...r.insert };
      const names = Object.keys(row).filter((c) => have.has(c));
      stmt(`INSERT INTO "${r.table}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((c) => fromJson(row[c])));
      clock.run(r.table, r.rowId, '*', r.hlc, JSON.stringify(row), h.packageId);
    } else if (r.set.size || r.fromField) {
      const names = [...r.set.keys()];
      const extra = [have.has('version') ? ', "version" = "version" + 1' : '', have.has('updated_at') ? ', "updated_at" = ?' : '', have.has('updated_by') ? ', "updated_by" = ?' : ''].join('');
      const params = [...names.map((c) => fromJson(r.set.get(c))), ...(have.has('updated_at') ? [now] : []), ...(have.has('updated_by') ? [inspectorId] : []), r.rowId];
      if (names.length) stmt(`UPDATE "${r.table}" SET ${names.map((c) => `"${c}" = ?`).join(', ')}${extra} WHERE id = ?`).run(...params);
      // A row that came from the field: its one clock now holds the row as imported.
      if (r.fromField) {
        const after = stmt(`SELECT * FROM "${r.table}" WHERE id = ?`).get(r.rowId) as Record<string, unknown>;
        clock.run(r.table, r.rowId, '*', r.hlc, JSON.stringify(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, JSON.parse(enc(v)) as JsonValue]))), h.packageId);
      }
    }
    if (r.insert || r.set.size || r.keptOffice.length) {
      ctx.audit({ entityType: r.table, entityId: r.rowId, payload: { fieldPackage: h.packageId, inserted: !!r.insert, fields: [...r.set.keys()], keptOffice: r.keptOffice } });
    }
  });

  const conflicts = items.filter((i) => i.status === 'conflict').length;
  db.prepare(`INSERT INTO field_imports (id, package_id, export_id, user_id, field_workspace_id, applied, conflicts, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(uuidv7(), h.packageId, h.exportId, inspectorId, h.signer.fieldWorkspaceId ?? '', applied, conflicts, now, now, ctx.user!.id);
  ctx.audit({ entityType: 'field_import', entityId: h.packageId, payload: { exportId: h.exportId, inspector: opened.payload.user.username, applied, keptOffice, skipped } });
  return { packageId: h.packageId, applied, keptOffice, skipped, records: records.filter((r) => r.insert || r.set.size).length };
}
