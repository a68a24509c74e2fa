import { randomFillSync } from 'node:crypto';
import { uuidv7 } from '../../../shared/ids.ts';
import type { ReturnSheet } from '../../../shared/model/returns.ts';
import { normaliseNationalId, normaliseSerial } from '../../../shared/model/returnsCalibre.ts';
import type { Db } from '../../store/db.ts';
import { appendJournal } from '../../store/journal.ts';
import type { RecordStore, ReturnRecord } from './records.ts';
import type { Flag, SheetCounts } from './reconcile.ts';
import { companyResolver } from './register.ts';

/**
 * UUIDv7 ids for a batch's rows, drawing randomness 64 KiB at a time: `uuidv7()` asks the OS for
 * 16 bytes per id, which dominated a 600,000-row commit. Same format, same ordering by time.
 */
export function idFactory(nowMs = Date.now()): () => string {
  const pool = Buffer.alloc(65_536);
  let at = pool.length;
  const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
  const ts = nowMs.toString(16).padStart(12, '0');
  const head = `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7`;
  return () => {
    if (at + 10 > pool.length) { randomFillSync(pool); at = 0; }
    const b = pool;
    const i = at;
    at += 10;
    return `${head}${hex[b[i] & 0x0f].slice(1)}${hex[b[i + 1]]}-${hex[(b[i + 2] & 0x3f) | 0x80]}${hex[b[i + 3]]}-${hex[b[i + 4]]}${hex[b[i + 5]]}${hex[b[i + 6]]}${hex[b[i + 7]]}${hex[b[i + 8]]}${hex[b[i + 9]]}`;
  };
}

/** Who writes a batch and when: the same on every row, filing, flag and the journal entry. */
export interface BatchHeader { batchId: string; year: number; user: { id: string | null; username: string | null }; now: string }

/** What is known only once every row is read and checked: written last, in the same transaction. */
export interface BatchTotals {
  flags: Flag[];
  counts: Record<ReturnSheet, SheetCounts>;
  files: string[];
  problems: { errors: number; warnings: number };
  rows: number;
  /** Every company licence number the return declares rows for (one filing each). */
  companies: string[];
}

export interface CommitInput extends Omit<BatchHeader, 'batchId'>, Omit<BatchTotals, 'rows' | 'companies'> {
  batchId?: string;
  records: RecordStore;
  /** Called per row written; may throw (cancel), which rolls the whole batch back. */
  tick?: (done: number) => void;
}

/**
 * A batch being written: the batch row first (the lines refer to it), then every line, then the
 * filings, flags, totals and journal entry. The caller holds the transaction; the sequential
 * commit below and the pipelined writer thread (batchWriter.thread.ts) both write through this,
 * so the two cannot write differently.
 */
export function batchWriter(db: Db, h: BatchHeader) {
  const rowId = idFactory();
  const by = h.user.id;
  const now = h.now;
  const insP = db.prepare(`INSERT INTO return_personnel (id, batch_id, company_licence_no, national_id, national_id_norm, full_name, birth_date, role, credential_no,
    credential_expiry, training_hours, armed, source_file, source_row, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insF = db.prepare(`INSERT INTO return_firearms (id, batch_id, company_licence_no, serial_no, serial_norm, make, model, type, calibre, manufacturer_country,
    marking_code, status, acquired_date, assigned_to_national_id, source_file, source_row, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insA = db.prepare(`INSERT INTO return_ammunition (id, batch_id, company_licence_no, calibre, ammunition_type, lot_no, quantity, source_file, source_row,
    created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    open(): void {
      // Totals are placeholders until `close`: nobody else sees them before the commit.
      db.prepare(`INSERT INTO return_batches (id, year, status, files, counts, problems_summary, flag_count, row_count, created_at, updated_at, created_by)
        VALUES (?, ?, 'committed', '[]', '{}', '{}', 0, 0, ?, ?, ?)`).run(h.batchId, h.year, now, now, by);
    },
    line(r: ReturnRecord): void {
      const v = r.v;
      if (r.sheet === 'PERSONNEL') {
        insP.run(rowId(), h.batchId, s(v.company_licence_no), s(v.national_id), normaliseNationalId(String(v.national_id)), s(v.full_name), s(v.birth_date), s(v.role),
          s(v.credential_no), s(v.credential_expiry), n(v.training_hours), v.armed === null || v.armed === undefined ? null : v.armed === 'yes' ? 1 : 0, r.file, r.row, now, now, by);
      } else if (r.sheet === 'FIREARMS') {
        insF.run(rowId(), h.batchId, s(v.company_licence_no), s(v.serial_no), normaliseSerial(String(v.serial_no)), s(v.make), s(v.model), s(v.type), s(v.calibre),
          s(v.manufacturer_country), s(v.marking_code), s(v.status), s(v.acquired_date), s(v.assigned_to_national_id), r.file, r.row, now, now, by);
      } else {
        insA.run(rowId(), h.batchId, s(v.company_licence_no), s(v.calibre), s(v.ammunition_type), s(v.lot_no), n(v.quantity), r.file, r.row, now, now, by);
      }
    },
    close(t: BatchTotals): void {
      const resolve = companyResolver(db);
      const insFiling = db.prepare(`INSERT INTO return_filings (id, batch_id, year, company_licence_no, company_id, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const co of t.companies) insFiling.run(rowId(), h.batchId, h.year, co, resolve(co), now, now, by);
      const insFlag = db.prepare(`INSERT INTO return_flags (id, batch_id, kind, company_licence_no, serial_no, national_id, other_company_licence_no, created_at, updated_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const f of t.flags) insFlag.run(rowId(), h.batchId, f.kind, f.companyLicenceNo, f.serialNo ?? null, f.nationalId ?? null, f.otherCompanyLicenceNo ?? null, now, now, by);
      db.prepare('UPDATE return_batches SET files = ?, counts = ?, problems_summary = ?, flag_count = ?, row_count = ? WHERE id = ?')
        .run(JSON.stringify(t.files), JSON.stringify(t.counts), JSON.stringify(t.problems), t.flags.length, t.rows, h.batchId);
      appendJournal(db, {
        at: now, userId: h.user.id, username: h.user.username, command: 'returns.commitImport', entityType: 'return_batch', entityId: h.batchId,
        payload: { year: h.year, files: t.files, counts: t.counts, flags: t.flags.length, rows: t.rows },
      });
    },
  };
}

/** A big return updates three indexes in random order: with a small page cache every miss re-reads and decrypts a page. */
export const COMMIT_CACHE_PRAGMA = 'cache_size = -65536';

/**
 * Writes the whole return as one batch, in one IMMEDIATE transaction together with its journal
 * entry: the batch, one filing per company, every declared line and every flag. Any throw
 * (a cancel, a crash, a constraint) leaves the database exactly as it was.
 */
export function commitBatch(db: Db, c: CommitInput): string {
  const batchId = c.batchId ?? uuidv7();
  const w = batchWriter(db, { batchId, year: c.year, user: c.user, now: c.now });
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(COMMIT_CACHE_PRAGMA);
  try {
    db.transaction(() => {
      w.open();
      let done = 0;
      for (const r of c.records) {
        w.line(r);
        c.tick?.(++done);
      }
      w.close({ flags: c.flags, counts: c.counts, files: c.files, problems: c.problems, rows: c.records.length, companies: [...c.records.byCompany.keys()] });
    }).immediate();
  } finally {
    db.pragma(`cache_size = ${Number(cacheBefore)}`);
  }
  return batchId;
}

/** Undoes a batch as one unit: its lines stop counting (status `undone`, with who and when), journaled by the gate. */
export function undoBatch(db: Db, batchId: string, user: string | null, now: string): { year: number; rows: number } | null {
  const b = db.prepare(`SELECT year, row_count AS rows, status FROM return_batches WHERE id = ?`).get(batchId) as { year: number; rows: number; status: string } | undefined;
  if (!b) return null;
  if (b.status !== 'committed') return { year: b.year, rows: -1 };
  db.prepare(`UPDATE return_batches SET status = 'undone', undone_at = ?, undone_by = ?, updated_at = ? WHERE id = ?`).run(now, user, now, batchId);
  return { year: b.year, rows: b.rows };
}
