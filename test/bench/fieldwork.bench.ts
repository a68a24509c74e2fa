import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeHlc } from '../../shared/model/hlc.ts';
import { DB_FILE } from '../../electron/core/workspaces.ts';
import { openPayload, parsePackage, sealPackage } from '../../electron/services/field/field.crypto.ts';
import type { ExportPayload } from '../../electron/services/field/field.export.ts';
import type { ReturnPayload } from '../../electron/services/field/field.return.ts';
import { fmt, must, type Bench } from './harness.ts';

const PASSPHRASE = 'Banco de pruebas de campo, 2026!';

/**
 * Field packages and backups at national scale: import of a return package with 10,000 changed
 * fields (against the same 10,000 updates as bare prepared statements), and a backup of the
 * workspace (against a plain copy of the same file).
 */
export const bench: Bench = async (ctx) => {
  const { app } = ctx;
  const db = app.workspaces.db;
  mkdirSync(ctx.tmp, { recursive: true });
  const ids = (db.prepare('SELECT id FROM companies ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const me = app.workspaces.user!;

  // The office exports every company to one inspector.
  const exportPath = join(ctx.tmp, 'national.cfp');
  const t0 = performance.now();
  const exp = (await must(ctx, 'field.exportPackage', { label: 'Banco', items: [{ table: 'companies', ids }], memberIds: [me.id], passphrase: PASSPHRASE, path: exportPath })) as { exportId: string };
  const exportMs = performance.now() - t0;

  // The inspector's return: four fields of each company (10,000 changes at 2,500 companies).
  const parsed = parsePackage(readFileSync(exportPath));
  const payload = await openPayload<ExportPayload>(parsed, PASSPHRASE);
  const member = payload.members[0];
  const node = '019a0000-0000-7000-8000-00000000beef';
  let wall = Date.parse(payload.createdAt) + 1000;
  const columns = ['notes', 'phone', 'email', 'address'] as const;
  const sets: ReturnPayload['sets'] = [];
  for (const id of ids) for (const c of columns) sets.push({ t: 'companies', id, c, v: `${c} en campo ${id.slice(-6)}`, h: encodeHlc({ wall: wall++, counter: 0, node }) });
  const changes = sets.length;
  const ret: ReturnPayload = { exportId: exp.exportId, fieldWorkspaceId: node, user: { id: me.id, username: me.username, displayName: me.displayName }, createdAt: new Date(wall).toISOString(), sets, inserts: [] };
  const { kdf: _k, cipher: _c, format: _f, version: _v, ...h } = parsed.header;
  const retPath = join(ctx.tmp, 'regreso.cfp');
  const bytes = await sealPackage({
    header: { ...h, kind: 'return', packageId: '019a0000-0000-7000-8000-0000000000aa', signer: { kind: 'inspector', publicKey: member.publicKey, userId: me.id, fieldWorkspaceId: node } },
    payload: ret, passphrase: PASSPHRASE, signWith: { privateKey: member.privateKey, publicKey: member.publicKey },
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(retPath, bytes);

  const kdf0 = performance.now();
  await openPayload(parsePackage(bytes), PASSPHRASE);
  const kdfMs = performance.now() - kdf0;
  const p0 = performance.now();
  const preview = (await must(ctx, 'field.previewImport', { path: retPath, passphrase: PASSPHRASE })) as { counts: { apply: number } };
  const previewMs = performance.now() - p0;
  const i0 = performance.now();
  const applied = (await must(ctx, 'field.applyImport', { path: retPath, passphrase: PASSPHRASE, resolutions: [] })) as { applied: number };
  const importMs = performance.now() - i0;
  if (applied.applied !== changes || preview.counts.apply !== changes) throw new Error(`expected ${changes} changes, applied ${applied.applied}`);

  // The raw limit: the same 10,000 single-field updates as bare prepared statements, one transaction.
  const stmts = Object.fromEntries(columns.map((c) => [c, db.prepare(`UPDATE companies SET "${c}" = ? WHERE id = ?`)]));
  const r0 = performance.now();
  db.transaction(() => { for (const s of sets) stmts[s.c].run(`${s.v} (bruto)`, s.id); })();
  const rawMs = performance.now() - r0;

  // Backup of the whole workspace against a plain copy of the same file.
  const dbFile = join(app.workspaces.dir!, DB_FILE);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const b0 = performance.now();
  const bk = (await must(ctx, 'backups.create', { folder: join(ctx.tmp, 'backups') })) as { sizeBytes: number };
  const backupMs = performance.now() - b0;
  const c0 = performance.now();
  copyFileSync(dbFile, join(ctx.tmp, 'plain-copy.db'));
  const copyMs = performance.now() - c0;
  const mb = statSync(dbFile).size / 1048576;
  const backupMb = bk.sizeBytes / 1048576;

  console.log(`\nField packages and backups (${ids.length} companies, encrypted SQLCipher workspace)`);
  console.log(`export package of ${ids.length} companies: ${fmt(exportMs)} ms (includes scrypt N=2^17)`);
  console.log(`return package, ${changes} changed fields: preview ${fmt(previewMs)} ms; import ${fmt(importMs)} ms (one transaction, ${ids.length} journal entries; of which KDF ~${fmt(kdfMs)} ms)`);
  console.log(`raw prepared statements, same ${changes} updates: ${fmt(rawMs)} ms; ratio import/raw ${fmt(importMs / rawMs)}x (without the KDF ${fmt((importMs - kdfMs) / rawMs)}x)`);
  console.log(`backup: ${fmt(backupMb)} MB in ${fmt(backupMs)} ms = ${fmt(backupMb / (backupMs / 1000))} MB/s; plain file copy ${fmt(mb)} MB in ${fmt(copyMs)} ms = ${fmt(mb / (copyMs / 1000))} MB/s; ratio ${fmt(backupMs / copyMs)}x`);
};
