import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvTokens } from '../../electron/services/returns/read/csvTokens.ts';

const limits = { cellChars: 1000, columns: 50, tooBig: (): never => { throw new Error('too big'); } };

/** Tokenizes `text` fed in pieces cut at the given lengths (cycled). */
function rows(text: string, cuts: number[] = [text.length || 1], delimiter = ';'): string[][] {
  const out: string[][] = [];
  const t = new CsvTokens(delimiter, (cells) => out.push(cells), limits);
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const len = Math.max(1, cuts[k % cuts.length]);
    t.feed(text.slice(at, at + len));
    at += len;
  }
  t.end();
  return out;
}

describe('CSV tokens fed a piece at a time', () => {
  it('reads quotes, escaped quotes, delimiters and line breaks inside quotes', () => {
    const text = 'DPI;Nombre;Nota\r\n"1234";"Pérez; Juan";"dijo ""sí"""\r\n5678;Ana;"dos\r\nlíneas"\n9;;\r10;"";x';
    const expected = [['DPI', 'Nombre', 'Nota'], ['1234', 'Pérez; Juan', 'dijo "sí"'], ['5678', 'Ana', 'dos\r\nlíneas'], ['9', '', ''], ['10', '', 'x']];
    expect(rows(text)).toEqual(expected);
    // Whatever the pieces: one character at a time, and cuts landing on every CR, LF and quote.
    expect(rows(text, [1])).toEqual(expected);
    for (const cuts of [[2], [3], [5, 1, 7], [13, 2], [4, 4, 1]]) expect(rows(text, cuts)).toEqual(expected);
  });

  it('agrees with papaparse on well-formed files, cut anywhere', () => {
    let seed = 42;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const cell = () => {
      const r = rnd();
      if (r < 0.15) return '';
      if (r < 0.4) return `"${['a;b', 'x""y', 'l1\nl2', 'ñ—€', ' sp '][Math.floor(rnd() * 5)]}"`;
      return ['García', '12/03/1990', '9 mm', 'None', '0001234', 'x"y'][Math.floor(rnd() * 6)];
    };
    for (let f = 0; f < 30; f++) {
      const eol = ['\n', '\r\n', '\r'][f % 3];
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Array.from({ length: 4 }, cell).join(';'));
      const text = lines.join(eol);
      const papa = Papa.parse<string[]>(text, { delimiter: ';', newline: eol as '\n' }).data;
      expect(rows(text, [1 + Math.floor(rnd() * 9)])).toEqual(papa);
    }
  });

  it('keeps text after a closing quote and quotes inside plain text, as spreadsheets do', () => {
    expect(rows('"abc"def;x"y"z\n')).toEqual([['abcdef', 'x"y"z']]);
  });

  it('counts an empty line as a record, and a last line without a break', () => {
    expect(rows('a\n\nb')).toEqual([['a'], [''], ['b']]);
    expect(rows('a\r\n')).toEqual([['a']]);
    expect(rows('')).toEqual([]);
  });

  it('stops at a cell or a row past the limits, while reading it', () => {
    expect(() => rows(`a;"${'x'.repeat(1001)}`, [100])).toThrow('too big');
    expect(() => rows(`${';'.repeat(50)}\n`, [7])).toThrow('too big');
  });
});
