import Papa from 'papaparse';
import { IMPORT_LIMITS } from '../../../../shared/model/returns.ts';
import { ImportProblem } from '../problems.ts';
import type { ReadInfo, TableSink } from './types.ts';

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252
 * (the superset of Latin-1 that Excel writes on Spanish Windows). Strict UTF-8 decoding
 * decides: a Latin-1 "á" (0xE1) alone is never valid UTF-8. NUL bytes mean binary content.
 */
export function decodeText(name: string, bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.indexOf(0) >= 0) throw new ImportProblem('BINARY_CONTENT', { file: name });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
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

/** Streams a CSV's records into the sink (papaparse handles quotes and embedded newlines). */
export function readCsv(name: string, bytes: Uint8Array, sink: TableSink): ReadInfo {
  const { text, encoding } = decodeText(name, bytes);
  if (text.trim() === '') throw new ImportProblem('FILE_EMPTY', { file: name });
  const delimiter = detectDelimiter(text);
  let n = 0;
  let tooBig: ImportProblem | null = null;
  sink.startSheet(null);
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (r, parser) => {
      n++;
      const cells = r.data;
      if (cells.length > IMPORT_LIMITS.maxColumns || cells.some((c) => c.length > IMPORT_LIMITS.maxCellChars)) {
        tooBig = new ImportProblem('FILE_CORRUPT', { file: name, row: n });
        parser.abort();
        return;
      }
      if (n > IMPORT_LIMITS.maxRowsPerSheet) {
        tooBig = new ImportProblem('TOO_MANY_ROWS', { file: name, max: IMPORT_LIMITS.maxRowsPerSheet });
        parser.abort();
        return;
      }
      sink.row(n, cells);
    },
  });
  if (tooBig) throw tooBig;
  sink.endSheet();
  return { format: 'csv', encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter };
}
