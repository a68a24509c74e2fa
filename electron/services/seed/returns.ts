import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../store/db.ts';
import { firearmRows, FIREARMS_HEADER, personnelRows, PERSONNEL_HEADER, writeReturnCsv, writeReturnXlsx } from '../returns/nationalReturn.ts';
import { runImport } from '../returns/importer.ts';
import type { Scale } from './seed.ts';

/** Return files per scale: rows of personnel and firearms across every licensed company. */
export const RETURN_SCALES: Record<Scale, { personnel: number; firearms: number }> = {
  small: { personnel: 3_000, firearms: 1_500 },
  medium: { personnel: 24_000, firearms: 12_000 },
  national: { personnel: 600_000, firearms: 300_000 },
};

/** Licence numbers of companies with an active numbered licence (licensing's register), in a stable order. */
function licensed(db: Db, limit: number): string[] {
  const has = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'licences'`).get();
  if (!has) return [];
  return (db.prepare(`SELECT number FROM licences WHERE state = 'active' AND number IS NOT NULL ORDER BY number LIMIT ?`).all(limit) as { number: string }[]).map((r) => r.number);
}

/**
 * The demo workspace's yearly returns: the 2025 and 2026 returns of up to twelve licensed
 * companies, imported through the real importer (so batches, reconciliation and flags are the
 * app's own), 2026 with a few weapons missing (possible diversions).
 */
export async function seedReturns(db: Db, opts: { now: Date; userId: string | null; username: string | null }): Promise<number> {
  const licences = licensed(db, 12);
  if (!licences.length) return 0;
  let batches = 0;
  for (const year of [2025, 2026]) {
    const o = { licences, personnel: licences.length * 20, firearms: licences.length * 12, year, seed: 3 };
    const files = [
      { name: `personal-${year}.csv`, rows: [...personnelRows(o)], header: PERSONNEL_HEADER },
      { name: `armas-${year}.csv`, rows: [...firearmRows({ ...o, next: year === 2026, dropRate: 0.04 })], header: FIREARMS_HEADER },
    ].map((f) => ({ name: f.name, bytes: csvBytes(`DECLARACIÓN ANUAL ${year}`, f.header, f.rows) }));
    const r = await runImport(db, {
      files, year, dryRun: false, answers: {}, dateOrder: {}, language: 'es', user: { id: opts.userId, username: opts.username },
      now: new Date(opts.now.getTime() - (2026 - year) * 86_400_000).toISOString(),
    });
    if (r.committed) batches++;
  }
  return batches;
}

function csvBytes(title: string, header: string[], rows: string[][]): Uint8Array {
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = `${title}\r\n\r\n${header.join(';')}\r\n${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/**
 * `centinela seed --scale X` also writes the yearly return files (CSV in Windows-1252 with a title
 * block, and XLSX) for the licensed companies, into `<workspace>/returns/`, for benchmarks and demos.
 */
export async function writeSeedReturnFiles(db: Db, dir: string, scale: Scale): Promise<string[]> {
  const licences = licensed(db, 100_000);
  if (!licences.length) return [];
  const out = join(dir, 'returns');
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const year of [2025, 2026]) {
    const o = { licences, ...RETURN_SCALES[scale], year };
    const p = join(out, `personal-${year}.csv`);
    const f = join(out, `armas-${year}.csv`);
    writeReturnCsv(p, `DECLARACIÓN ANUAL ${year} — PERSONAL`, PERSONNEL_HEADER, personnelRows(o));
    writeReturnCsv(f, `DECLARACIÓN ANUAL ${year} — ARMAS DE FUEGO`, FIREARMS_HEADER, firearmRows({ ...o, next: year === 2026 }));
    written.push(p, f);
  }
  const x = join(out, 'declaracion-2026.xlsx');
  const o = { licences, ...RETURN_SCALES[scale], year: 2026 };
  await writeReturnXlsx(x, 'DECLARACIÓN ANUAL 2026', [
    { name: 'Personal', header: PERSONNEL_HEADER, rows: personnelRows(o) },
    { name: 'Armas', header: FIREARMS_HEADER, rows: firearmRows({ ...o, next: true }) },
  ]);
  written.push(x);
  return written;
}
