import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { firearmRows, FIREARMS_HEADER, personnelRows, PERSONNEL_HEADER, writeReturnCsv, writeReturnXlsx } from '../../electron/services/returns/nationalReturn.ts';
import { fmt, type Bench } from './harness.ts';
import { IMPORT_YOUNG_GENERATION_MB } from '../../electron/services/returns/batchWriter.ts';
import { idFactory } from '../../electron/services/returns/commit.ts';

const PERSONNEL = 600_000;
const FIREARMS = 300_000;
const XLSX_ROWS = 100_000;

interface ChildResult { rows: number; ms: number; phases: Record<string, number>; committed: boolean; errors: number; firstErrors: unknown[]; flags: number; maxRssMb: number; counts: Record<string, Record<string, number>> }

const phaseLine = (r: ChildResult) => Object.entries(r.phases).map(([p, ms]) => `${p} ${fmt(ms / 1000)}`).join(', ');

/** Runs one import in a child process (its own peak RSS), the same importer as the app and the CLI. */
function importInChild(dir: string, keyHex: string, year: number, dry: boolean, files: string[]): ChildResult {
  const script = fileURLToPath(new URL('./returnsChild.ts', import.meta.url));
  // The import worker's heap settings (jobs.ts), as flags for a process.
  const r = spawnSync(process.execPath, [`--max-semi-space-size=${IMPORT_YOUNG_GENERATION_MB / 3}`, script, dir, String(year), dry ? 'dry' : 'commit', ...files], {
    encoding: 'utf8', input: keyHex, timeout: 1_800_000, maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
  if (res.errors) throw new Error(`import had ${res.errors} errors: ${JSON.stringify(res.firstErrors)}`);
  return res;
}

/**
 * Yearly returns at national scale (2,500 companies, 600,000 personnel, 300,000 firearms),
 * with ratios against limits measured in this same run: raw encrypted prepared inserts for
 * the CSV path, exceljs' bare streaming read for the XLSX path.
 */
export const bench: Bench = async (ctx) => {
  const db = ctx.app.workspaces.db;
  const dir = ctx.app.workspaces.dir!;
  const keyHex = ctx.app.workspaces.dataKey.toString('hex');
  // Every seeded company files under an operating licence number (licensing's register).
  const companies = db.prepare('SELECT id FROM companies ORDER BY tax_id').all() as { id: string }[];
  const licences: string[] = [];
  const hasLicences = !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'licences'`).get();
  db.transaction(() => {
    const ins = hasLicences ? db.prepare(`INSERT OR IGNORE INTO licences (id, company_id, type_id, state, service_types, number, issued_on, expires_on, created_at, updated_at)
      VALUES (?, ?, '01900000-0000-7000-8000-000000000001', 'active', '["static_guarding"]', ?, '2024-01-01', '2028-01-01', ?, ?)`) : null;
    companies.forEach((c, i) => {
      const no = `ESP-N-${String(i + 1).padStart(5, '0')}`;
      ins?.run(crypto.randomUUID(), c.id, no, ctx.now.toISOString(), ctx.now.toISOString());
      licences.push(no);
    });
  })();
  if (!hasLicences) throw new Error('the licences table is missing');

  // Files, generated deterministically.
  const g0 = performance.now();
  const o2025 = { licences, personnel: PERSONNEL, firearms: FIREARMS, year: 2025 };
  const p2025 = join(ctx.tmp, 'personal-2025.csv');
  const f2025 = join(ctx.tmp, 'armas-2025.csv');
  writeReturnCsv(p2025, 'DECLARACIÓN ANUAL 2025 — PERSONAL', PERSONNEL_HEADER, personnelRows(o2025));
  writeReturnCsv(f2025, 'DECLARACIÓN ANUAL 2025 — ARMAS DE FUEGO', FIREARMS_HEADER, firearmRows(o2025));
  const o2026 = { ...o2025, year: 2026 };
  const p2026 = join(ctx.tmp, 'personal-2026.csv');
  const f2026 = join(ctx.tmp, 'armas-2026.csv');
  writeReturnCsv(p2026, 'DECLARACIÓN ANUAL 2026 — PERSONAL', PERSONNEL_HEADER, personnelRows(o2026));
  writeReturnCsv(f2026, 'DECLARACIÓN ANUAL 2026 — ARMAS DE FUEGO', FIREARMS_HEADER, firearmRows({ ...o2026, next: true }));
  const x2024 = join(ctx.tmp, 'personal-2024.xlsx');
  await writeReturnXlsx(x2024, 'DECLARACIÓN ANUAL 2024', [{ name: 'Personal', header: PERSONNEL_HEADER, rows: personnelRows({ ...o2025, personnel: XLSX_ROWS, year: 2024 }) }]);
  console.log(`generated return files in ${fmt((performance.now() - g0) / 1000)} s: personnel CSV ${fmt(statSync(p2025).size / 1e6)} MB, firearms CSV ${fmt(statSync(f2025).size / 1e6)} MB, XLSX ${fmt(statSync(x2024).size / 1e6)} MB`);

  // The limit: raw prepared inserts of the same rows into the encrypted workspace, in one
  // transaction, into a copy of return_personnel (same columns, constraints, foreign key and
  // indexes, taken from the schema itself), with the values the importer writes: its UUIDv7 ids,
  // the file's name and row, ISO timestamps. Only the reading, checking and reconciling are left out.
  const schema = db.prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = 'return_personnel' AND sql IS NOT NULL ORDER BY type DESC`).all() as { sql: string }[];
  for (const { sql } of schema) db.exec(sql.replace(/\breturn_personnel(\w*)/g, 'bench_raw_personnel$1'));
  const rawBatch = crypto.randomUUID();
  const stamp = new Date().toISOString();
  db.prepare(`INSERT INTO return_batches (id, year, status, files, counts, problems_summary, flag_count, row_count, created_at, updated_at)
    VALUES (?, 2025, 'undone', '[]', '{}', '{}', 0, 0, ?, ?)`).run(rawBatch, stamp, stamp);
  const rows = [...personnelRows(o2025)];
  const ins = db.prepare('INSERT INTO bench_raw_personnel VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -65536'); // the same page cache the importer's commit uses
  const rowId = idFactory();
  const r0 = performance.now();
  db.transaction(() => {
    let i = 4;
    for (const r of rows) ins.run(rowId(), rawBatch, r[0], r[1], r[1], r[2], r[3], r[4], r[5], r[6], 100, 1, 'personal-2025.csv', i++, stamp, stamp, null);
  })();
  const rawRate = rows.length / ((performance.now() - r0) / 1000);
  db.pragma(`cache_size = ${Number(cacheBefore)}`);
  db.exec('DROP TABLE bench_raw_personnel');
  db.prepare('DELETE FROM return_batches WHERE id = ?').run(rawBatch);
  rows.length = 0;
  console.log(`raw encrypted prepared inserts (limit): ${Math.round(rawRate).toLocaleString('en')} rows/s`);

  // CSV end to end: read, map, validate, reconcile, commit in one transaction.
  const csv = importInChild(dir, keyHex, 2025, false, [p2025]);
  const csvRate = csv.rows / (csv.ms / 1000);
  console.log(`CSV import (600,000 personnel, Latin-1, end to end, committed): ${Math.round(csvRate).toLocaleString('en')} rows/s in ${fmt(csv.ms / 1000)} s; ratio to raw inserts ${fmt(csvRate / rawRate)} (target ≥ 0.5)`);
  console.log(`peak RSS of the 600,000-row import process: ${Math.round(csv.maxRssMb)} MB (target < 500 MB); phases start at (s): ${phaseLine(csv)}`);
  const fa = importInChild(dir, keyHex, 2025, false, [f2025]);
  console.log(`CSV import (300,000 firearms, committed): ${Math.round(fa.rows / (fa.ms / 1000)).toLocaleString('en')} rows/s in ${fmt(fa.ms / 1000)} s, ${fa.flags} flags`);

  // XLSX: the limit is exceljs' own streaming read of the same file, no processing.
  const buf = readFileSync(x2024);
  const b0 = performance.now();
  let bare = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  for await (const ws of reader as AsyncIterable<AsyncIterable<unknown>>) for await (const _row of ws) bare++;
  const bareRate = bare / ((performance.now() - b0) / 1000);
  const xl = importInChild(dir, keyHex, 2024, false, [x2024]);
  const xlRate = xl.rows / (xl.ms / 1000);
  console.log(`exceljs bare streaming read (limit): ${Math.round(bareRate).toLocaleString('en')} rows/s`);
  console.log(`XLSX import (100,000 personnel, end to end, committed): ${Math.round(xlRate).toLocaleString('en')} rows/s; ratio to bare read ${fmt(xlRate / bareRate)} (target ≥ 0.8); peak RSS ${Math.round(xl.maxRssMb)} MB`);

  // Dry-run reconciliation of the national 2026 return against 2025.
  const dry = importInChild(dir, keyHex, 2026, true, [p2026, f2026]);
  const recStart = dry.phases.reconciling ?? 0;
  const recEnd = dry.phases.finished ?? dry.ms;
  console.log(`dry run of the national 2026 return (900,000 rows): ${fmt(dry.ms / 1000)} s in all; reconciliation phase ${fmt((recEnd - recStart) / 1000)} s; ${dry.flags.toLocaleString('en')} flags; firearms ${JSON.stringify(dry.counts.FIREARMS)}; peak RSS ${Math.round(dry.maxRssMb)} MB`);
};
