import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/workspaces.ts';
import { startPipelinedWriter } from '../../electron/services/returns/batchWriter.ts';
import { runImport, type ImportRequest } from '../../electron/services/returns/importer.ts';
import { ImportCancelled } from '../../electron/services/returns/problems.ts';
import { freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { csv, grantLicence, LICENCE, person, PERSONNEL_HEADER } from '../helpers/returnsFiles.ts';

/**
 * The pipelined commit the import worker uses: rows inserted by a writer thread, in a transaction
 * left open while the file is still being read, then committed with the totals or rolled back.
 * Whatever happens, the outcome is the sequential commit's: the whole batch, or nothing.
 */
type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
beforeAll(async () => {
  w = await freshWorkspace();
  const companyId = (await w.ok('companies.create', sampleCompany())).id;
  grantLicence(w.app.workspaces.db, companyId, LICENCE);
});
afterAll(() => w.cleanup());

const db = () => w.app.workspaces.db;
const tables = () => ['return_batches', 'return_filings', 'return_personnel', 'return_flags', 'journal']
  .map((t) => `${t}:${(db().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`).join(' ');

function pipelined(rows: string[][], over: Partial<ImportRequest> = {}, cancelled?: () => boolean) {
  return runImport(db(), {
    files: [{ name: 'personal.csv', bytes: csv([PERSONNEL_HEADER, ...rows]) }], year: 2026, dryRun: false, answers: {}, dateOrder: {}, language: 'es',
    user: { id: null, username: 'admin' }, now: '2026-11-23T12:00:00.000Z', ...over,
  }, {
    cancelled,
    pipeline: (header, onWritten) => startPipelinedWriter({ dbFile: join(w.dir, DB_FILE), keyHex: w.app.workspaces.dataKey.toString('hex'), header, onWritten }),
  });
}

/** n guards with distinct ids; birth dates with a day above 12 early on, so the order is proven at once. */
const guards = (n: number, first = 0) => Array.from({ length: n }, (_, i) => person({
  id: String(3_000_000_000_000 + (first + i) * 7), name: `Guardia ${first + i}`, birth: `${String(13 + (i % 15)).padStart(2, '0')}/0${1 + (i % 9)}/1990`, cred: `CR-${first + i}`,
}));

describe('the pipelined commit', () => {
  it('commits the whole return from the writer thread: lines, filing, totals, journal', async () => {
    const before = tables();
    const r = await pipelined(guards(3000));
    expect(r.errors).toEqual([]);
    expect(r.committed).toBe(true);
    const batch = db().prepare('SELECT * FROM return_batches WHERE id = ?').get(r.batchId) as { row_count: number; counts: string; status: string };
    expect(batch).toMatchObject({ row_count: 3000, status: 'committed' });
    expect(JSON.parse(batch.counts).PERSONNEL).toMatchObject({ read: 3000, new: 3000 });
    expect(db().prepare('SELECT count(*) AS n FROM return_personnel WHERE batch_id = ?').get(r.batchId)).toEqual({ n: 3000 });
    // Dates settled in the file's order although most rows went to the writer before the file ended.
    expect(db().prepare(`SELECT birth_date FROM return_personnel WHERE batch_id = ? AND source_row = 3`).get(r.batchId)).toEqual({ birth_date: '1990-02-14' });
    expect(db().prepare(`SELECT count(*) AS n FROM journal WHERE command = 'returns.commitImport' AND entity_id = ?`).get(r.batchId)).toEqual({ n: 1 });
    expect(tables()).not.toBe(before);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('writes nothing when a row is wrong, even though the writer had inserted the rows before it', async () => {
    const before = tables();
    const rows = [...guards(2500, 10_000), person({ id: '', name: 'Sin documento' }), ...guards(100, 20_000)];
    const r = await pipelined(rows);
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => e.code)).toContain('REQUIRED_MISSING');
    expect(tables()).toBe(before);
    // The writer let go of the database: the next write goes through.
    await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Después del rechazo, S.A.' }));
  });

  it('writes nothing when a day/month order taken early is contradicted later in the file', async () => {
    const before = tables();
    // Row 1 proves day-first (25/03); a later row says month-first (03/25): the file is ambiguous.
    const rows = [...guards(2200, 30_000), person({ id: '3999999999999', name: 'Al revés', birth: '03/25/1991' })];
    const r = await pipelined(rows);
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => e.code)).toContain('DATE_ORDER_AMBIGUOUS');
    expect(tables()).toBe(before);
  });

  it('a cancel while reading rolls the writer back', async () => {
    const before = tables();
    let rowsSeen = 0;
    await expect(pipelined(guards(12_000, 40_000), {}, () => ++rowsSeen > 1)).rejects.toBeInstanceOf(ImportCancelled);
    expect(tables()).toBe(before);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
