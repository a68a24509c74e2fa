import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshWorkspace, USER_PASSWORD } from '../helpers/workspace.ts';
import { armoryInspectionInFieldwork } from '../helpers/audits.ts';
import { FIELD_PASSWORD, laptop, PASSPHRASE } from '../helpers/field.ts';
import { verifyJournal } from '../../electron/store/journal.ts';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
const PHOTO = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('FOTO-CANDADO-ROTO')]);

/**
 * Field packages on the real inspection tables: an inspection in fieldwork travels with its
 * company, checklist version and team; the inspector answers the checklist (a non-compliant
 * answer raises a finding) and photographs it offline; the office imports answers, finding and photo.
 */
describe('field packages for inspections', { timeout: 300_000 }, () => {
  it('answers, findings and photos made offline arrive at the office', async () => {
    const w = await freshWorkspace();
    const out = mkdtempSync(join(tmpdir(), 'centinela-insp-'));
    cleanups.push(() => { w.cleanup(); rmSync(out, { recursive: true, force: true }); });
    const gabriela = await w.ok('users.create', { username: 'gabriela', displayName: 'Gabriela Xicará', role: 'inspector', temporaryPassword: USER_PASSWORD });
    const { inspection } = await armoryInspectionInFieldwork(w);
    const exp = await w.ok('field.exportPackage', { label: 'Inspección armería', items: [{ table: 'inspections', ids: [inspection.id] }], memberIds: [gabriela.id], passphrase: PASSPHRASE, path: join(out, 'insp.cfp') });
    const counts = Object.fromEntries(exp.counts.map((c) => [c.table, c.rows]));
    expect(counts).toMatchObject({ inspections: 1, companies: 1, checklist_templates: 1 });
    expect(counts.checklist_items).toBeGreaterThan(5);

    const l = laptop();
    cleanups.push(l.cleanup);
    await l.ok('field.openPackage', { path: exp.path, passphrase: PASSPHRASE, username: 'gabriela', password: FIELD_PASSWORD });
    const insp = await l.ok('inspections.get', { id: inspection.id });
    expect(insp.status).toBe('fieldwork');
    const [first, second] = insp.items;
    await l.ok('inspections.answer', { inspectionId: inspection.id, itemId: first.id, answer: 'compliant', note: null });
    const nc = await l.ok('inspections.answer', { inspectionId: inspection.id, itemId: second.id, answer: 'non_compliant', note: 'Candado de la armería roto; 11 de 12 armas presentes.' });
    expect(nc.finding).not.toBeNull();
    const fieldScore = (await l.ok('inspections.get', { id: inspection.id })).liveScore;
    const photo = await l.ok('attachments.add', { ownerType: 'finding', ownerId: nc.finding!.id, kind: 'photo', filename: 'candado.png', base64: PHOTO.toString('base64') });
    // Lifecycle moves stay at the office: they would not travel back.
    const moved = await l.app.call('inspections.transition', { id: inspection.id, action: 'finish_fieldwork', version: insp.version });
    expect(moved.ok ? 'ok' : moved.error.messageKey).toBe('errors.fieldCopyReadOnly');
    const ret = await l.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(out, 'insp-regreso.cfp') });
    expect(ret.inserts).toBe(4); // two answers, one finding, one photo

    const preview = await w.ok('field.previewImport', { path: ret.path, passphrase: PASSPHRASE });
    expect(preview.counts.conflict).toBe(0);
    expect(preview.items.filter((i) => i.column === '*').map((i) => i.table).sort()).toEqual(['attachments', 'findings', 'inspection_answers', 'inspection_answers']);
    await w.ok('field.applyImport', { path: ret.path, passphrase: PASSPHRASE, resolutions: [] });

    const office = await w.ok('inspections.get', { id: inspection.id });
    expect(office.answers.map((a) => [a.itemId, a.answer]).sort()).toEqual([[first.id, 'compliant'], [second.id, 'non_compliant']].sort());
    const findings = await w.ok('findings.list', { inspectionId: inspection.id });
    expect(findings.rows.map((f) => f.id)).toEqual([nc.finding!.id]);
    const files = await w.ok('attachments.list', { ownerType: 'finding', ownerId: nc.finding!.id });
    expect(files.map((f) => f.id)).toEqual([photo.id]);
    expect(office.liveScore).toEqual(fieldScore);
    expect(verifyJournal(w.app.workspaces.db).ok).toBe(true);
  });
  it('the same checklist item answered at the office and in the field is one conflict to decide, not a failed import', async () => {
    const w = await freshWorkspace();
    const out = mkdtempSync(join(tmpdir(), 'centinela-insp-'));
    cleanups.push(() => { w.cleanup(); rmSync(out, { recursive: true, force: true }); });
    const gabriela = await w.ok('users.create', { username: 'gabriela', displayName: 'Gabriela Xicará', role: 'inspector', temporaryPassword: USER_PASSWORD });
    const { inspection } = await armoryInspectionInFieldwork(w);
    const exp = await w.ok('field.exportPackage', { label: 'Doble respuesta', items: [{ table: 'inspections', ids: [inspection.id] }], memberIds: [gabriela.id], passphrase: PASSPHRASE, path: join(out, 'i.cfp') });
    const l = laptop();
    cleanups.push(l.cleanup);
    await l.ok('field.openPackage', { path: exp.path, passphrase: PASSPHRASE, username: 'gabriela', password: FIELD_PASSWORD });
    const item = (await l.ok('inspections.get', { id: inspection.id })).items[1];
    await l.ok('inspections.answer', { inspectionId: inspection.id, itemId: item.id, answer: 'non_compliant', note: 'Visto en sitio: candado roto' });
    // Meanwhile the office answered the same item (a different row id for the same item).
    await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: item.id, answer: 'partial', note: 'Según el informe de la empresa' });
    const ret = await l.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(out, 'r.cfp') });
    const p = await w.ok('field.previewImport', { path: ret.path, passphrase: PASSPHRASE });
    const answerConflicts = p.items.filter((i) => i.status === 'conflict' && i.table === 'inspection_answers');
    expect(answerConflicts.map((c) => [c.column, c.office, c.field]).sort()).toEqual([['answer', 'partial', 'non_compliant'], ['note', 'Según el informe de la empresa', 'Visto en sitio: candado roto']]);
    const resolutions = p.items.filter((i) => i.status === 'conflict').map((c) => ({ table: c.table, rowId: c.rowId, column: c.column, keep: 'field' as const }));
    await w.ok('field.applyImport', { path: ret.path, passphrase: PASSPHRASE, resolutions });
    const office = await w.ok('inspections.get', { id: inspection.id });
    expect(office.answers.filter((a) => a.itemId === item.id).map((a) => [a.answer, a.note])).toEqual([['non_compliant', 'Visto en sitio: candado roto']]);
    // Importing a later package from the same copy finds the merged row already handled.
    const again = await l.ok('field.exportReturn', { passphrase: PASSPHRASE, path: join(out, 'r2.cfp') });
    const p2 = await w.ok('field.previewImport', { path: again.path, passphrase: PASSPHRASE });
    expect(p2.counts.apply + p2.counts.conflict).toBe(0);
  });
});
