import fs, { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../electron/services/returns/importer.ts';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';
import { firearm, FIREARMS_HEADER, grantLicence, LICENCE, xlsx } from '../helpers/returnsFiles.ts';

/**
 * No plaintext of a return ever reaches the disk while it is read. exceljs' streaming reader
 * spilled sheet XML to temporary files when sharedStrings.xml came after the sheets; the
 * reader must now work in memory whatever the ZIP order.
 */
type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
beforeAll(async () => {
  w = await freshWorkspace();
  grantLicence(w.app.workspaces.db, (await w.ok('companies.create', sampleCompany())).id, LICENCE);
});
afterAll(() => w.cleanup());

/** Every regular file under `dir` modified at or after `since` (unreadable entries skipped). */
function filesSince(dir: string, since: number, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out;
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const e of entries) {
    const p = join(dir, e);
    try {
      const s = statSync(p);
      if (s.isDirectory()) filesSince(p, since, out, depth + 1);
      else if (s.isFile() && s.mtimeMs >= since && s.size < 256 * 1024 * 1024) out.push(p);
    } catch { /* vanished or forbidden: not ours */ }
  }
  return out;
}

describe('XLSX reading never writes to disk', () => {
  it('imports a workbook whose sharedStrings.xml comes after the sheets, leaving no file that holds its text', async () => {
    const MARK = `Marca-Secreta-${Date.now().toString(36)}-Zq7`;
    const rows = [FIREARMS_HEADER, ...Array.from({ length: 400 }, (_, i) => firearm({ serial: `XD-${1000 + i}`, make: MARK }))];
    const parts = unzipSync(await xlsx({ Armas: rows }));
    const shared = Object.keys(parts).find((k) => /sharedStrings/.test(k));
    expect(shared, 'exceljs wrote shared strings').toBeDefined();
    expect(strFromU8(parts[shared!])).toContain(MARK);
    // Re-zip with the sheets first and the shared strings last: the order that made exceljs spill.
    const ordered: Record<string, Uint8Array> = {};
    for (const k of Object.keys(parts).filter((k) => k !== shared)) ordered[k] = parts[k];
    ordered[shared!] = parts[shared!];
    const book = zipSync(ordered);
    const names = Object.keys(unzipSync(book));
    expect(names.indexOf(shared!)).toBeGreaterThan(names.findIndex((n) => /worksheets\/sheet/.test(n)));

    // Temporary files are deleted once read, so besides scanning what is left, every file the
    // process opens for writing during the import is recorded (exceljs and tmp use these calls).
    const opened: string[] = [];
    const isWrite = (flags: unknown) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0;
    const spies = [
      vi.spyOn(fs, 'createWriteStream').mockImplementation(((orig) => (p: fs.PathLike, ...a: unknown[]) => { opened.push(String(p)); return (orig as (...x: unknown[]) => fs.WriteStream)(p, ...a); })(fs.createWriteStream.bind(fs)) as typeof fs.createWriteStream),
      vi.spyOn(fs, 'open').mockImplementation(((orig) => (p: fs.PathLike, flags: unknown, ...a: unknown[]) => { if (isWrite(flags)) opened.push(String(p)); return (orig as (...x: unknown[]) => void)(p, flags, ...a); })(fs.open.bind(fs)) as typeof fs.open),
      vi.spyOn(fs, 'openSync').mockImplementation(((orig) => (p: fs.PathLike, flags?: unknown, ...a: unknown[]) => { if (isWrite(flags)) opened.push(String(p)); return (orig as (...x: unknown[]) => number)(p, flags, ...a); })(fs.openSync.bind(fs)) as typeof fs.openSync),
      vi.spyOn(fs, 'writeFileSync').mockImplementation(((orig) => (p: fs.PathOrFileDescriptor, ...a: unknown[]) => { opened.push(String(p)); return (orig as (...x: unknown[]) => void)(p, ...a); })(fs.writeFileSync.bind(fs)) as typeof fs.writeFileSync),
    ];
    const since = Date.now() - 1000;
    const r = await runImport(w.app.workspaces.db, {
      files: [{ name: 'armas.xlsx', bytes: book }], year: 2026, dryRun: false, answers: {}, dateOrder: {}, language: 'es', user: { id: null, username: null }, now: '2026-11-23T12:00:00.000Z',
    });
    for (const s of spies) s.mockRestore();
    expect(opened).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.committed).toBe(true);
    // The value really went through the reader (from the shared strings) into the encrypted store.
    const n = w.app.workspaces.db.prepare('SELECT count(*) AS n FROM return_firearms WHERE make = ?').get(MARK) as { n: number };
    expect(n.n).toBe(400);

    const needle = Buffer.from(MARK, 'utf8');
    const leaks = [...new Set([...filesSince(tmpdir(), since), ...filesSince(w.dir, since)])]
      .filter((f) => { try { return readFileSync(f).includes(needle); } catch { return false; } });
    expect(leaks).toEqual([]);
  });
});
