import { RETURN_FIELDS, RETURN_SHEETS, type ReturnSheet } from '../../../shared/model/returns.ts';
import { fold, HEADER_SYNONYMS, SHEET_SYNONYMS } from '../../../shared/model/returnsSynonyms.ts';
import type { Cell } from './read/types.ts';
import { cellText } from './values.ts';

/** A user's (or a saved profile's) answer: folded header → template field, or '' to ignore it. */
export type ColumnAnswers = Record<string, string>;

const SYN = new Map<string, string>();
for (const [field, syns] of Object.entries(HEADER_SYNONYMS)) {
  SYN.set(fold(field.replace(/_/g, ' ')), field);
  for (const s of syns) SYN.set(fold(s), field);
}

/** The template field a header names, by synonym; null when it is not one we know. */
export function fieldForHeader(header: string, sheet: ReturnSheet): string | null {
  const k = fold(header);
  if (!k) return null;
  const keys = new Set(RETURN_FIELDS[sheet].map((f) => f.key));
  const direct = SYN.get(k);
  if (direct && keys.has(direct)) return direct;
  // Firearm sheets often say "DPI" for the holder; personnel sheets never have a holder column.
  if (sheet === 'FIREARMS' && direct === 'national_id') return 'assigned_to_national_id';
  return null;
}

/** The sheet kind a worksheet name or a file name suggests ("Armas 2026.csv" → FIREARMS). */
export function sheetFromName(name: string | null): ReturnSheet | null {
  if (!name) return null;
  const k = fold(name.replace(/\.[a-z0-9]+$/i, ''));
  for (const s of RETURN_SHEETS) {
    if (fold(s) === k || SHEET_SYNONYMS[s].some((x) => fold(x) === k || k.split(' ').includes(fold(x)))) return s;
  }
  return null;
}

/** How many distinct template fields of `sheet` a row's cells name. */
export function headerScore(cells: Cell[], sheet: ReturnSheet): number {
  const seen = new Set<string>();
  for (const c of cells) {
    const f = fieldForHeader(cellText(c), sheet);
    if (f) seen.add(f);
  }
  return seen.size;
}

/**
 * Finds the header row among the first rows: the one naming the most template fields (at
 * least two), for the sheet kind the name suggests or, failing that, the kind that fits best.
 * Title rows above it ("DECLARACIÓN ANUAL 2026 — EMPRESA X") are skipped.
 */
export function detectHeader(first: { n: number; cells: Cell[] }[], hint: ReturnSheet | null, answers: ColumnAnswers = {}): { index: number; sheet: ReturnSheet } | null {
  let best: { index: number; sheet: ReturnSheet; score: number } | null = null;
  const kinds = hint ? [hint] : RETURN_SHEETS;
  first.forEach((r, index) => {
    for (const sheet of kinds) {
      let score = headerScore(r.cells, sheet);
      // A header the user mapped by hand counts too (a file with only unusual names).
      score += r.cells.filter((c) => { const k = fold(cellText(c)); return k && answers[k] && !fieldForHeader(cellText(c), sheet); }).length;
      // On a tie the later row wins: the template has a label row above its key row.
      if (score >= 2 && (!best || score > best.score || (score === best.score && index > best.index))) best = { index, sheet, score };
    }
  });
  return best ? { index: (best as { index: number }).index, sheet: (best as { sheet: ReturnSheet }).sheet } : null;
}

export interface ColumnPlan {
  /** For each column index: the field it feeds, or null when ignored/unmapped. */
  fields: (string | null)[];
  headers: string[];
  unmapped: { index: number; header: string }[];
  missingRequired: string[];
  duplicates: { field: string; headers: string[] }[];
}

/**
 * Decides which column feeds which field: the user's answers first, then synonyms. Several
 * text columns may feed one text field (first and last name → full_name); two columns for
 * a typed field is a problem (DUPLICATE_COLUMN), never a silent choice.
 */
export function planColumns(headerCells: Cell[], sheet: ReturnSheet, answers: ColumnAnswers): ColumnPlan {
  const defs = RETURN_FIELDS[sheet];
  const headers = headerCells.map((c) => cellText(c));
  const fields: (string | null)[] = [];
  const unmapped: { index: number; header: string }[] = [];
  headers.forEach((h, i) => {
    const k = fold(h);
    if (!k) { fields.push(null); return; }
    if (k in answers) { fields.push(answers[k] && defs.some((d) => d.key === answers[k]) ? answers[k] : null); return; }
    const f = fieldForHeader(h, sheet);
    fields.push(f);
    if (!f) unmapped.push({ index: i, header: h });
  });
  const byField = new Map<string, string[]>();
  fields.forEach((f, i) => { if (f) byField.set(f, [...(byField.get(f) ?? []), headers[i]]); });
  const duplicates = [...byField].filter(([f, hs]) => hs.length > 1 && defs.find((d) => d.key === f)?.type !== 'text').map(([field, hs]) => ({ field, headers: hs }));
  const missingRequired = defs.filter((d) => d.required && !byField.has(d.key)).map((d) => d.key);
  return { fields, headers, unmapped, missingRequired, duplicates };
}
