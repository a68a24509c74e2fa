import { IMPORT_LIMITS } from '../../../../shared/model/returns.ts';
import { ImportProblem } from '../problems.ts';
import { CsvTokens } from './csvTokens.ts';
import type { ReadInfo, TableSink } from './types.ts';

const PIECE = 1 << 20;

/**
 * The file's text encoding: UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252
 * (the superset of Latin-1 that Excel writes on Spanish Windows). Strict UTF-8 decoding decides:
 * a Latin-1 "á" (0xE1) alone is never valid UTF-8. NUL bytes mean binary content.
 * Returns the decoder's label and where the text starts (after a BOM).
 */
export function detectEncoding(name: string, bytes: Uint8Array): { label: string; encoding: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', encoding: 'utf-8-bom', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', encoding: 'utf-16be', skip: 2 };
  if (bytes.indexOf(0) >= 0) throw new ImportProblem('BINARY_CONTENT', { file: name });
  // Checked a piece at a time, keeping nothing: the text itself is decoded later, also in pieces.
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += PIECE) strict.decode(bytes.subarray(at, at + PIECE), { stream: true });
    strict.decode();
    return { label: 'utf-8', encoding: 'utf-8', skip: 0 };
  } catch {
    return { label: 'windows-1252', encoding: 'windows-1252', skip: 0 };
  }
}

/** The text a piece at a time (about 1 MB of bytes each). */
function* pieces(bytes: Uint8Array, label: string, skip: number): Generator<string> {
  const decoder = new TextDecoder(label);
  for (let at = skip; at < bytes.length; at += PIECE) yield decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + PIECE)), { stream: true });
  yield decoder.decode();
}

const CANDIDATES = [';', ',', '\t', '|'];

/**
 * The delimiter whose per-line count is most consistent over the first lines. Title rows
 * ("DECLARACIÓN ANUAL 2026") have none and are ignored; quoted text is skipped so a comma
 * inside "Pérez, Juan" does not vote.
 */
export function detectDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).slice(0, 60).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = line.replace(/"[^"]*"/g, '').split(d).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [n, lines] of counts) {
      const score = lines * 1000 + n;
      if (score > bestScore) { bestScore = score; best = d; }
    }
  }
  return best;
}

/** Streams a CSV's records into the sink, decoding and splitting a piece at a time. */
export function readCsv(name: string, bytes: Uint8Array, sink: TableSink): ReadInfo {
  const { label, encoding, skip } = detectEncoding(name, bytes);
  // The first 64 KB of text: enough to see whether there is any, and to pick the delimiter.
  let head = '';
  for (const piece of pieces(bytes.subarray(0, skip + 64 * 1024), label, skip)) head += piece;
  if (head.trim() === '' && (bytes.length <= skip + 64 * 1024 || isBlank(bytes, label, skip))) throw new ImportProblem('FILE_EMPTY', { file: name });
  const delimiter = detectDelimiter(head);
  head = '';
  let n = 0;
  const corrupt = (): never => { throw new ImportProblem('FILE_CORRUPT', { file: name, row: n + 1 }); };
  const tokens = new CsvTokens(delimiter, (cells) => {
    if (++n > IMPORT_LIMITS.maxRowsPerSheet) throw new ImportProblem('TOO_MANY_ROWS', { file: name, max: IMPORT_LIMITS.maxRowsPerSheet });
    sink.row(n, cells);
  }, { cellChars: IMPORT_LIMITS.maxCellChars, columns: IMPORT_LIMITS.maxColumns, tooBig: corrupt });
  sink.startSheet(null);
  for (const piece of pieces(bytes, label, skip)) tokens.feed(piece);
  tokens.end();
  sink.endSheet();
  return { format: 'csv', encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter };
}

function isBlank(bytes: Uint8Array, label: string, skip: number): boolean {
  for (const piece of pieces(bytes, label, skip)) if (piece.trim() !== '') return false;
  return true;
}
