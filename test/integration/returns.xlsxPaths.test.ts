import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/services/returns/read/xlsx.ts';
import type { Cell } from '../../electron/services/returns/read/types.ts';
import { FIREARMS_HEADER, firearm, xlsx } from '../helpers/returnsFiles.ts';

/** Every row a reader hands over, per sheet. */
function rowsOf(bytes: Uint8Array, wholeSheetBytes?: number): string[] {
  const out: string[] = [];
  readXlsx('armas.xlsx', bytes, {
    startSheet: (n) => out.push(`# ${n}`),
    row: (n: number, cells: Cell[]) => out.push(`${n}: ${JSON.stringify(cells)}`),
    endSheet: () => out.push('#'),
  }, { wholeSheetBytes });
  return out;
}

describe('XLSX sheets, inflated at once or streamed', () => {
  it('gives the same rows both ways, accents, dates and numbers included', async () => {
    const book = await xlsx({
      // Column 10 (acquired) as a real date cell, the others as text.
      Armas: [FIREARMS_HEADER, ...Array.from({ length: 3000 }, (_, i) => firearm({ serial: `SÉR-${i}`, model: `Modelo «${i}» & cía` }).map((c, k) => (k === 9 ? new Date(Date.UTC(2019, 2, 1 + (i % 28))) : c)))],
      Otra: [['Licencia', 'Nota'], ['ESP-1', 'Ñandú']],
    });
    const whole = rowsOf(book);
    const streamed = rowsOf(book, 0); // every sheet through the streaming inflater
    expect(whole.length).toBe(3000 + 1 + 2 + 4);
    expect(streamed).toEqual(whole);
    expect(whole[2]).toContain('SÉR-0');
    expect(whole[2]).toContain('Modelo «0» & cía');
  });
});
