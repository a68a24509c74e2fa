import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from '../../core/context.ts';
import { countWeapons } from '../../../shared/model/weaponCount.ts';
import { prepareExport, recordExport } from './field.export.ts';
import { applyImport, openReturn, planImport, toPreview } from './field.import.ts';
import { fieldCopyInfo } from './field.mode.ts';
import { openFieldPackage } from './field.open.ts';
import { prepareReturn } from './field.return.ts';
import { presentTables } from './field.registry.ts';

type FieldCommand = 'field.countWeapons' | 'field.status' | 'field.listMembers' | 'field.exportPackage' | 'field.listExports' | 'field.previewImport' | 'field.applyImport' | 'field.openPackage' | 'field.exportReturn';

/** Field packages: export for a team, open as a field copy, return changes, import with conflicts. */
export const fieldHandlers: Handlers<FieldCommand> = {
  'field.countWeapons': (ctx, input) => {
    const insp = ctx.db.prepare('SELECT company_id, armory_id FROM inspections WHERE id = ?').get(input.inspectionId) as { company_id: string; armory_id: string | null } | undefined;
    if (!insp) throw new AppError('NOT_FOUND', 'errors.inspectionNotFound', {}, 'inspectionId');
    const rows = ctx.db.prepare('SELECT id, serial, make, state, armory_id FROM firearms WHERE company_id = ? ORDER BY serial_norm').all(insp.company_id) as { id: string; serial: string; make: string; state: string; armory_id: string | null }[];
    const register = rows.map((r) => ({ id: r.id, serial: r.serial, make: r.make, state: r.state, here: r.state === 'in_armory' && (!insp.armory_id || r.armory_id === insp.armory_id) }));
    return { expected: register.filter((r) => r.here).length, ...countWeapons(register, input.serials) };
  },
  'field.status': (ctx) => {
    const info = fieldCopyInfo(ctx.db);
    if (!info) return { mode: 'office', package: null };
    const changes = (ctx.db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT table_name, row_id, column_name FROM field_changes)').get() as { n: number }).n;
    const counts = presentTables(ctx.db).map((t) => ({ table: t.table, rows: (ctx.db.prepare(`SELECT count(*) AS n FROM "${t.table}"`).get() as { n: number }).n })).filter((c) => c.rows > 0);
    return { mode: 'field', package: { exportId: info.exportId, label: info.label, agency: info.agency.label, agencyFingerprint: info.agency.keyFingerprint, openedAt: info.openedAt, changes, counts } };
  },
  'field.exportPackage': { prepare: prepareExport, run: (ctx, _input, p) => recordExport(ctx, p) },
  'field.listMembers': (ctx) => ctx.db.prepare(`SELECT id, username, display_name AS displayName, role FROM users WHERE active = 1 ORDER BY display_name`).all() as never,
  'field.listExports': (ctx) => (ctx.db.prepare(`
    SELECT e.id, e.label, e.row_count AS rowCount, e.created_at AS createdAt, e.created_by AS createdBy,
      (SELECT json_group_array(u.username) FROM field_export_members m JOIN users u ON u.id = m.user_id WHERE m.export_id = e.id) AS members,
      (SELECT count(*) FROM field_imports i WHERE i.export_id = e.id) AS imports
    FROM field_exports e ORDER BY e.created_at DESC LIMIT 200`).all() as { members: string }[]).map((r) => ({ ...r, members: JSON.parse(r.members) as string[] })) as never,
  'field.previewImport': async (ctx, input) => {
    const opened = await openReturn(ctx.db, ctx.workspaces.keyring.file.workspaceId, input.path, input.passphrase);
    return toPreview(ctx.db, opened, planImport(ctx.db, opened));
  },
  'field.applyImport': {
    prepare: (ctx, input) => openReturn(ctx.db, ctx.workspaces.keyring.file.workspaceId, input.path, input.passphrase),
    run: (ctx, input, opened) => applyImport(ctx, opened, input.resolutions),
  },
  'field.openPackage': async (ctx, input) => {
    const r = await openFieldPackage(ctx, input);
    ctx.audit({ entityType: 'field_copy', entityId: r.workspaceId });
    return r;
  },
  'field.exportReturn': {
    prepare: prepareReturn,
    run: (ctx, _input, r) => {
      if (!fieldCopyInfo(ctx.db)) throw new AppError('CONFLICT', 'errors.fieldOnlyInFieldCopy');
      ctx.audit({ entityType: 'field_return', entityId: r.packageId, payload: { path: r.path, sets: r.sets, inserts: r.inserts } });
      return r;
    },
  },
};
