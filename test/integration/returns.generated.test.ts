import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firearmRows, FIREARMS_HEADER, personnelRows, PERSONNEL_HEADER, writeReturnCsv, writeReturnXlsx } from '../../electron/services/returns/nationalReturn.ts';
import { runImport } from '../../electron/services/returns/importer.ts';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { grantLicence } from '../helpers/returnsFiles.ts';

/** The generated (national-style) return files, at a small scale: messy but valid, and reconcilable year to year. */
type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
const tmp = mkdtempSync(join(tmpdir(), 'centinela-gen-'));
const licences: string[] = [];
beforeAll(async () => {
  w = await freshWorkspace();
  for (let i = 0; i < 8; i++) {
    const c = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: `Generada ${i}, S.A.` }));
    licences.push(`ESP-GEN-${i}`);
    grantLicence(w.app.workspaces.db, c.id, licences[i]);
  }
});
afterAll(() => { w.cleanup(); rmSync(tmp, { recursive: true, force: true }); });

const imp = (files: string[], year: number, dryRun: boolean) => runImport(w.app.workspaces.db, {
  files: files.map((f) => ({ name: f.split('/').pop()!, bytes: new Uint8Array(readFileSync(f)) })), year, dryRun, answers: {}, dateOrder: {},
  language: 'es', user: { id: null, username: 'admin' }, now: '2026-11-23T12:00:00.000Z',
});

describe('generated return files', () => {
  it('CSV (Latin-1) and XLSX import without errors; next year reconciles with flags and formatting-only serials matched', async () => {
    const o = { licences, personnel: 400, firearms: 300, year: 2025 };
    const p = join(tmp, 'personal-2025.csv');
    const f = join(tmp, 'armas-2025.csv');
    writeReturnCsv(p, 'DECLARACIÓN ANUAL 2025 — PERSONAL', PERSONNEL_HEADER, personnelRows(o));
    writeReturnCsv(f, 'DECLARACIÓN ANUAL 2025 — ARMAS DE FUEGO', FIREARMS_HEADER, firearmRows(o));
    expect(readFileSync(p).includes(Buffer.from('DECLARACIÓN', 'latin1'))).toBe(true);
    const r = await imp([p, f], 2025, false);
    expect(r.errors.slice(0, 5)).toEqual([]);
    expect(r.committed).toBe(true);
    expect(r.counts.PERSONNEL.read).toBe(400);
    expect(r.counts.FIREARMS.read).toBe(300);

    const next = { ...o, year: 2026 };
    const x = join(tmp, 'declaracion-2026.xlsx');
    await writeReturnXlsx(x, 'DECLARACIÓN ANUAL 2026', [
      { name: 'Personal', header: PERSONNEL_HEADER, rows: personnelRows(next) },
      { name: 'Armas', header: FIREARMS_HEADER, rows: firearmRows({ ...next, next: true }) },
    ]);
    const d = await imp([x], 2026, true);
    expect(d.errors.slice(0, 5)).toEqual([]);
    const fc = d.counts.FIREARMS;
    expect(fc.missing).toBeGreaterThan(0);
    expect(fc.unchanged).toBeGreaterThan(250);
    expect(d.flags.filter((fl) => fl.kind === 'possible_diversion').length).toBe(fc.missing);
    expect(d.files[0].sheets.map((s) => [s.sheetName, s.returnSheet, s.headerRow])).toEqual([['Personal', 'PERSONNEL', 3], ['Armas', 'FIREARMS', 3]]);
  });
});
