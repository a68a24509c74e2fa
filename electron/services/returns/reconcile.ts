import { DISPOSAL_STATUSES, RETURN_FIELDS, type FlagKind, type ReturnSheet } from '../../../shared/model/returns.ts';
import { normaliseNationalId, normaliseSerial } from '../../../shared/model/returnsCalibre.ts';
import type { Db } from '../../store/db.ts';
import type { RecordStore } from './records.ts';
import { companyLicenceLabel, companyResolver, REGISTER_DISPOSED, registerFirearms, registerPersonnel, registerSerialElsewhere } from './register.ts';

export interface Flag { kind: FlagKind; companyLicenceNo: string; serialNo?: string; nationalId?: string; otherCompanyLicenceNo?: string }
export interface SheetCounts { read: number; new: number; changed: number; unchanged: number; missing: number }
export interface DiffLine {
  sheet: ReturnSheet; companyLicenceNo: string; key: string; change: 'new' | 'changed' | 'missing';
  fields: { field: string; before: string | number | null; after: string | number | null }[];
}

export const emptyCounts = (): SheetCounts => ({ read: 0, new: 0, changed: 0, unchanged: 0, missing: 0 });

const TABLE: Record<ReturnSheet, string> = { PERSONNEL: 'return_personnel', FIREARMS: 'return_firearms', AMMUNITION: 'return_ammunition' };

/** The key that identifies a line across years: normalised serial, normalised id, or calibre + lot. */
export function lineKey(sheet: ReturnSheet, v: Record<string, string | number | null>): string {
  if (sheet === 'FIREARMS') return normaliseSerial(String(v.serial_no ?? ''));
  if (sheet === 'PERSONNEL') return normaliseNationalId(String(v.national_id ?? ''));
  return `${v.calibre ?? ''}|${v.lot_no ?? ''}|${v.ammunition_type ?? ''}`;
}

/** Compared fields: everything the template has, with serials and ids compared normalised. */
function comparable(sheet: ReturnSheet, field: string, v: unknown): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (field === 'serial_no') return normaliseSerial(String(v));
  if (field === 'national_id' || field === 'assigned_to_national_id') return normaliseNationalId(String(v));
  if (field === 'armed' && typeof v === 'number') return v ? 'yes' : 'no';
  // Names as the register and companies write them: case, accents' composition and spacing aside.
  if (field === 'full_name') return String(v).normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('es');
  return v as string | number;
}

/**
 * Reconciles the return against what the same companies declared before: their latest
 * committed filing for this year (a corrected return) or an earlier one (last year's).
 * Firearms declared before and absent now, with no disposal status then, are possible
 * diversions; a serial also declared, not disposed, by another company is flagged; serials
 * that differ only in formatting are the same weapon (matched by their normalised form).
 */
export function reconcile(db: Db, year: number, records: RecordStore, opts: { tick?: () => void } = {}) {
  const counts: Record<ReturnSheet, SheetCounts> = { PERSONNEL: emptyCounts(), FIREARMS: emptyCounts(), AMMUNITION: emptyCounts() };
  const diff: DiffLine[] = [];
  const flags: Flag[] = [];
  const latestBatch = db.prepare(`SELECT f.batch_id AS id FROM return_filings f JOIN return_batches b ON b.id = f.batch_id AND b.status = 'committed'
    WHERE f.company_licence_no = ? AND f.year <= ? ORDER BY f.year DESC, f.created_at DESC LIMIT 1`);
  const latestCache = new Map<string, string | null>();
  const latest = (company: string) => {
    if (!latestCache.has(company)) latestCache.set(company, (latestBatch.get(company, year) as { id: string } | undefined)?.id ?? null);
    return latestCache.get(company)!;
  };
  const byCompany = records.byCompany;
  for (const sheet of ['PERSONNEL', 'FIREARMS', 'AMMUNITION'] as const) counts[sheet].read = records.bySheet[sheet].length;
  const resolve = companyResolver(db);
  const register = registerFirearms(db);
  const people = registerPersonnel(db, `${year}-12-31`);
  for (const [company, sheets] of byCompany) {
    const batch = latest(company);
    const companyId = resolve(company);
    for (const sheet of ['PERSONNEL', 'FIREARMS', 'AMMUNITION'] as const) {
      const recs = sheets.get(sheet);
      // A file without this sheet says nothing about it: nothing is "missing" from a sheet not sent.
      if (!recs) continue;
      const before = new Map<string, Record<string, unknown>>();
      if (batch) {
        for (const row of db.prepare(`SELECT * FROM ${TABLE[sheet]} WHERE batch_id = ? AND company_licence_no = ?`).iterate(batch, company) as IterableIterator<Record<string, unknown>>) {
          before.set(lineKey(sheet, row as Record<string, string | number | null>), row);
        }
      }
      // The firearms register: the baseline when the company never filed, and a diversion check always.
      const inRegister = sheet === 'FIREARMS' && register && companyId ? register(companyId) : [];
      if (!batch) for (const f of inRegister) before.set(f.serial_norm, f as unknown as Record<string, unknown>);
      // The personnel register likewise: who the company employed on the return's date.
      const employed = sheet === 'PERSONNEL' && people && companyId ? people.employedBy(companyId) : [];
      if (!batch) for (const p of employed) before.set(p.national_id_norm, p as unknown as Record<string, unknown>);
      // Against a register only what the register records is compared.
      const fields = !batch && inRegister.length ? ['make', 'model', 'type', 'calibre', 'status']
        : !batch && employed.length ? ['full_name', 'birth_date', 'role', 'credential_no', 'credential_expiry']
        : RETURN_FIELDS[sheet].map((f) => f.key).filter((k) => k !== 'company_licence_no');
      const seen = new Set<string>();
      for (const i of recs) {
        const r = records.get(i);
        opts.tick?.();
        const key = lineKey(sheet, r.v);
        seen.add(key);
        const old = before.get(key);
        if (!old) {
          counts[sheet].new++;
          if (diff.length < 2000) diff.push({ sheet, companyLicenceNo: company, key: String(sheet === 'FIREARMS' ? r.v.serial_no : sheet === 'PERSONNEL' ? r.v.national_id : key), change: 'new', fields: [] });
          continue;
        }
        const changed = fields
          .map((f) => ({ field: f, before: comparable(sheet, f, old[f]), after: comparable(sheet, f, r.v[f]) }))
          .filter((x) => x.before !== x.after);
        if (changed.length) {
          counts[sheet].changed++;
          if (diff.length < 2000) diff.push({ sheet, companyLicenceNo: company, key: String(sheet === 'FIREARMS' ? r.v.serial_no : sheet === 'PERSONNEL' ? r.v.national_id : key), change: 'changed', fields: changed });
        } else counts[sheet].unchanged++;
      }
      for (const [key, old] of before) {
        if (seen.has(key)) continue;
        counts[sheet].missing++;
        const label = String(sheet === 'FIREARMS' ? old.serial_no : sheet === 'PERSONNEL' ? old.national_id : key);
        if (diff.length < 2000) diff.push({ sheet, companyLicenceNo: company, key: label, change: 'missing', fields: [] });
        if (sheet === 'FIREARMS' && !(DISPOSAL_STATUSES as readonly string[]).includes(String(old.status)) && !('state' in old && REGISTER_DISPOSED.includes(String(old.state)))) {
          flags.push({ kind: 'possible_diversion', companyLicenceNo: company, serialNo: label });
        }
      }
      const flagged = new Set(flags.filter((f) => f.kind === 'possible_diversion' && f.companyLicenceNo === company).map((f) => normaliseSerial(f.serialNo ?? '')));
      for (const f of inRegister) {
        if (seen.has(f.serial_norm) || flagged.has(f.serial_norm) || REGISTER_DISPOSED.includes(f.state)) continue;
        flags.push({ kind: 'possible_diversion', companyLicenceNo: company, serialNo: f.serial_no });
      }
      // Someone the register says the company employed on the return's date, left out of it.
      for (const p of employed) {
        if (!seen.has(p.national_id_norm)) flags.push({ kind: 'missing_personnel', companyLicenceNo: company, nationalId: p.national_id });
      }
    }
  }
  // The same weapon under two companies: in this return, or still held (not disposed) by another company's latest return.
  const otherLines = db.prepare(`SELECT rf.company_licence_no AS company, rf.batch_id AS batch, rf.status FROM return_firearms rf
    JOIN return_batches b ON b.id = rf.batch_id AND b.status = 'committed' WHERE rf.serial_norm = ? AND rf.company_licence_no <> ?`);
  const inImport = new Map<string, string>();
  const elsewhere = registerSerialElsewhere(db);
  const label = companyLicenceLabel(db);
  for (const i of records.bySheet.FIREARMS) {
    const r = records.get(i);
    if (!r.v.serial_no) continue;
    const company = String(r.v.company_licence_no ?? '');
    const key = normaliseSerial(String(r.v.serial_no));
    const firstCompany = inImport.get(key);
    if (firstCompany && firstCompany !== company) {
      flags.push({ kind: 'serial_other_company', companyLicenceNo: company, serialNo: String(r.v.serial_no), otherCompanyLicenceNo: firstCompany });
      continue;
    }
    inImport.set(key, company);
    const regOther = elsewhere?.(key, resolve(company));
    if (regOther && !byCompany.has(label(regOther))) {
      flags.push({ kind: 'serial_other_company', companyLicenceNo: company, serialNo: String(r.v.serial_no), otherCompanyLicenceNo: label(regOther) });
      continue;
    }
    for (const o of otherLines.all(key, company) as { company: string; batch: string; status: string }[]) {
      if (byCompany.has(o.company)) continue; // that company's current declaration is in this import
      if (latest(o.company) !== o.batch || ['transferred', 'destroyed'].includes(o.status)) continue;
      flags.push({ kind: 'serial_other_company', companyLicenceNo: company, serialNo: String(r.v.serial_no), otherCompanyLicenceNo: o.company });
      break;
    }
  }
  return { counts, diff, flags };
}
