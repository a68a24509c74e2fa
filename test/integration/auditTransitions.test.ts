import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSPECTION_ACTIONS, INSPECTION_STATES, INSPECTION_TRANSITIONS } from '../../shared/model/inspectionLifecycle.ts';
import { FINDING_ACTIONS, FINDING_STATES, FINDING_TRANSITIONS } from '../../shared/model/findingLifecycle.ts';
import { CERTIFICATION_ACTIONS, CERTIFICATION_STATES, CERTIFICATION_TRANSITIONS } from '../../shared/model/certificationLifecycle.ts';
import { findTransition } from '../../shared/model/lifecycle.ts';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { armoryInspectionInFieldwork } from '../helpers/audits.ts';

/**
 * Generated from the transition tables: every (state, action) pair is tried. Pairs in the
 * table move the record to the table's target; every other pair is refused with
 * INVALID_TRANSITION and writes nothing (the row and the journal are unchanged).
 */
let w: Awaited<ReturnType<typeof freshWorkspace>>;
beforeAll(async () => {
  w = await freshWorkspace();
  await w.ok('signing.createSelfSigned', { commonName: 'Agencia', organization: 'Agencia', country: 'GT' });
});
afterAll(() => w.cleanup());

const db = () => w.app.workspaces.db;
const snapshot = (table: string, id: string) => JSON.stringify(db().prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id)) + (db().prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
const version = (table: string, id: string) => (db().prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number }).version;
const status = (table: string, id: string) => (db().prepare(`SELECT status FROM ${table} WHERE id = ?`).get(id) as { status: string }).status;

describe('inspection lifecycle, every pair', () => {
  let id = '';
  beforeAll(async () => {
    const { inspection } = await armoryInspectionInFieldwork(w);
    id = inspection.id;
    for (const it of inspection.items) await w.ok('inspections.answer', { inspectionId: id, itemId: it.id, answer: 'compliant' });
  });
  for (const from of INSPECTION_STATES) {
    for (const action of INSPECTION_ACTIONS) {
      const t = findTransition(INSPECTION_TRANSITIONS, from, action);
      it(`${from} --${action}--> ${t ? t.to : 'refused'}`, async () => {
        db().prepare('UPDATE inspections SET status = ? WHERE id = ?').run(from, id);
        const before = snapshot('inspections', id);
        const r = action === 'issue'
          ? await w.app.call('documents.issueInspectionReport', { inspectionId: id, version: version('inspections', id) })
          : await w.app.call('inspections.transition', { id, action, version: version('inspections', id), date: '2026-12-01' });
        if (t) {
          expect(r.ok ? 'ok' : r.error).toBe('ok');
          expect(status('inspections', id)).toBe(t.to);
        } else {
          expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
          expect(snapshot('inspections', id)).toBe(before);
        }
      });
    }
  }
});

describe('finding lifecycle, every pair', () => {
  let id = '';
  beforeAll(async () => {
    const { inspection } = await armoryInspectionInFieldwork(w);
    const a = await w.ok('inspections.answer', { inspectionId: inspection.id, itemId: inspection.items[0].id, answer: 'non_compliant' });
    id = a.finding!.id;
    await w.ok('findings.update', { id, version: 1, severity: 'major', title: a.finding!.title, correctiveAction: 'Corregir', dueDate: '2026-11-01' }); // past due: mark_overdue's guard holds
  });
  for (const from of FINDING_STATES) {
    for (const action of FINDING_ACTIONS) {
      const t = findTransition(FINDING_TRANSITIONS, from, action);
      it(`${from} --${action}--> ${t ? t.to : 'refused'}`, async () => {
        db().prepare('UPDATE findings SET status = ? WHERE id = ?').run(from, id);
        const before = snapshot('findings', id);
        const r = await w.app.call('findings.transition', { id, action, version: version('findings', id) });
        if (t) {
          expect(r.ok ? 'ok' : r.error).toBe('ok');
          expect(status('findings', id)).toBe(t.to);
        } else {
          expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
          expect(snapshot('findings', id)).toBe(before);
        }
      });
    }
  }
});

describe('certification lifecycle, every pair', () => {
  let id = '';
  beforeAll(async () => {
    const c = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit() }));
    id = (await w.ok('certifications.create', { companyId: c.id, standard: 'iso_18788', certificationBody: 'B', scope: 'S', issuedOn: '2020-01-01', expiresOn: '2026-01-01' })).id; // past expiry: expire's guard holds
  });
  for (const from of CERTIFICATION_STATES) {
    for (const action of CERTIFICATION_ACTIONS) {
      const t = findTransition(CERTIFICATION_TRANSITIONS, from, action);
      it(`${from} --${action}--> ${t ? t.to : 'refused'}`, async () => {
        db().prepare('UPDATE certifications SET status = ? WHERE id = ?').run(from, id);
        const before = snapshot('certifications', id);
        const r = await w.app.call('certifications.transition', { id, action, version: version('certifications', id) });
        if (t) {
          expect(r.ok ? 'ok' : r.error).toBe('ok');
          expect(status('certifications', id)).toBe(t.to);
        } else {
          expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
          expect(snapshot('certifications', id)).toBe(before);
        }
      });
    }
  }
});
