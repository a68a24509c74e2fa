import { rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import { passwordProblem } from '../../../shared/model/password.ts';
import type { Role } from '../../../shared/model/roles.ts';
import type { AgencySettings } from '../../../shared/commands/settings.ts';
import type { Ctx } from '../../core/context.ts';
import { appendJournal } from '../../store/journal.ts';
import { fingerprint, openPayload, parsePackage, signatureValid } from './field.crypto.ts';
import type { ExportPayload } from './field.export.ts';
import { absolute, readPackageFile } from './field.files.ts';
import { writeFieldCopyInfo } from './field.mode.ts';
import { fieldTable, tableColumns } from './field.registry.ts';
import { installChangeTriggers } from './field.triggers.ts';
import { fromJson } from './field.values.ts';

/**
 * Opens an export package as a new field copy on this laptop: a normal encrypted workspace (it
 * survives a crash or a dead battery like any other) holding only the package's records, with
 * the chosen team member as its one user. The package's signature must hold under the agency
 * key it names, and the passphrase must open it; otherwise nothing is created.
 */
export async function openFieldPackage(ctx: Ctx, input: { path: string; passphrase: string; username: string; password: string }) {
  const file = readPackageFile(absolute(input.path));
  const parsed = parsePackage(file);
  const h = parsed.header;
  if (h.kind !== 'export') throw new AppError('INTEGRITY', 'errors.fieldNotAnExport', {}, 'path');
  if (h.signer.kind !== 'agency' || fingerprint(h.signer.publicKey) !== h.agency.keyFingerprint || !signatureValid(parsed, h.signer.publicKey)) {
    throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  }
  const payload = await openPayload<ExportPayload>(parsed, input.passphrase);
  if (payload.exportId !== h.exportId || payload.workspaceId !== h.workspaceId || payload.agency.publicKey !== h.signer.publicKey) {
    throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
  }
  const me = payload.members.find((m) => m.username === input.username);
  if (!me) throw AppError.validation('username', 'errors.fieldNotAMember');
  const problem = passwordProblem(input.password, [input.username]);
  if (problem) throw AppError.validation('password', problem);

  const s = payload.agency.settings;
  const now = ctx.clock.now().toISOString();
  await ctx.workspaces.setup({
    agencyName: s.name, country: s.country as AgencySettings['country'], language: s.language as AgencySettings['language'],
    adminUsername: me.username, adminDisplayName: me.displayName, password: input.password,
    name: `campo-${now.slice(0, 10)}-${payload.exportId.slice(-6)}`, adminId: me.id, adminRole: me.role as Role,
  });
  const ws = ctx.workspaces;
  const dir = ws.dir!;
  const fieldWorkspaceId = ws.keyring.file.workspaceId;
  try {
    const db = ws.db;
    const counts: { table: string; rows: number }[] = [];
    // The copy holds a slice of the register: rows it points to but did not bring (licence
    // types, users who signed a recommendation) are not there, so foreign keys are not checked
    // while the slice is copied in. The field can change only editable fields, never a key.
    db.pragma('foreign_keys=OFF');
    db.transaction(() => {
      const user = db.prepare(`INSERT INTO users (id, username, display_name, role, active, must_change_password, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, 0, 0, ?, ?, NULL)`);
      for (const m of [...payload.members, ...(payload.people ?? [])]) if (m.id !== me.id) user.run(m.id, m.username, m.displayName, m.role, now, now);
      for (const t of payload.tables) {
        if (!fieldTable(t.table)) throw new AppError('INTEGRITY', 'errors.fieldTampered', {}, 'path');
        const local = new Set(tableColumns(db, t.table));
        const idx = t.columns.map((c, i) => [c, i] as const).filter(([c]) => local.has(c));
        // OR REPLACE: rows every workspace ships with (the standard checklists) are already here.
        const ins = db.prepare(`INSERT OR REPLACE INTO "${t.table}" (${idx.map(([c]) => `"${c}"`).join(', ')}) VALUES (${idx.map(() => '?').join(', ')})`);
        for (const row of t.rows) ins.run(...idx.map(([, i]) => fromJson(row[i])));
        counts.push({ table: t.table, rows: t.rows.length });
      }
      writeFieldCopyInfo(db, {
        exportId: payload.exportId, label: payload.label, officeWorkspaceId: payload.workspaceId,
        agency: { label: payload.agency.label, publicKey: payload.agency.publicKey, keyFingerprint: h.agency.keyFingerprint },
        exportHlc: payload.hlc, userId: me.id, username: me.username, signingKey: { privateKey: me.privateKey, publicKey: me.publicKey },
        fieldWorkspaceId, openedAt: now,
      });
      // Triggers last: the rows just copied are the starting point, not changes.
      installChangeTriggers(db);
      appendJournal(db, { at: now, userId: me.id, username: me.username, command: 'field.openPackage', entityType: 'field_export', entityId: payload.exportId, payload: { packageId: h.packageId, counts } });
    })();
    db.pragma('foreign_keys=ON');
    return { workspaceId: fieldWorkspaceId, counts };
  } catch (e) {
    // Nothing half made: the new folder goes away with its keyring.
    ws.lock();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
