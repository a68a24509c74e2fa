import { closeSync, openSync, writeSync } from 'node:fs';
import ExcelJS from 'exceljs';

/**
 * Deterministic yearly return files as real companies send them, for benchmarks and demos:
 * Spanish headers below a title block, Windows-1252, semicolons, dd/mm/yyyy dates, enumerations
 * and calibres spelled many ways, serials formatted inconsistently, stray spaces and "None".
 * Year N+1 ("next") keeps most weapons, changes some, drops a few (possible diversions) and
 * reformats serials, so reconciliation has real work to do.
 */

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['María', 'José', 'Juan', 'Ana', 'Luis', 'Carlos', 'Rosa', 'Jorge', 'Lucía', 'Pedro', 'Gabriela', 'Héctor', 'Andrea', 'Mario', 'Sofía', 'Óscar', 'Marta', 'Edgar', 'Claudia', 'Raúl', 'Ixchel', 'Tecún', 'Nicté', 'Fernando'];
const LAST = ['Ajú', 'Xicará', 'Pérez', 'López', 'García', 'Hernández', 'Cifuentes', 'Méndez', 'Morales', 'Ramírez', 'Ortiz', 'Castillo', 'Chávez', 'Cojtí', 'Tzul', 'Batz', 'Quiñónez', 'Peña', 'Muñoz', 'Sic', 'Coc', 'Yax', 'Reyes', 'Guzmán'];
const ROLES = [['Agente de seguridad', 'agente', 'Guardia', 'VIGILANTE'], ['Guardia armado', 'Agente armado', 'guardia armado'], ['Supervisor', 'supervisor'], ['Escolta', 'escolta'], ['Gerente', 'Jefe de seguridad']];
const ROLE_WEIGHTS = [0.55, 0.3, 0.08, 0.05, 0.02];
const TYPES: [string[], string[], string[]][] = [
  [['Pistola', 'pistola', 'PISTOLA'], ['Glock', 'Taurus', 'Beretta', 'CZ', 'Jericho', 'Bersa'], ['9 mm', '9x19mm', '9mm Luger', '9 mm Parabellum', '.380', '380 ACP', '.40 S&W']],
  [['Revólver', 'revolver', 'REVOLVER'], ['Smith & Wesson', 'Taurus', 'Rossi', 'Colt'], ['.38 SPL', '38 SPL', '.38 Special', '.357 Mag']],
  [['Escopeta', 'escopeta', 'ESCOPETA'], ['Mossberg', 'Remington', 'Winchester', 'Maverick'], ['12 GA', '12', 'calibre 12', '12 gauge', '20 GA']],
  [['Carabina', 'carabina'], ['Ruger', 'Marlin'], ['.22 LR', '22LR', '.30 Carbine']],
  [['Fusil', 'fusil'], ['Colt', 'Galil'], ['5.56x45mm', '5,56x45mm', '.223 Rem']],
];
const TYPE_WEIGHTS = [0.55, 0.25, 0.15, 0.03, 0.02];
const COUNTRIES = ['Austria', 'Brasil', 'Italia', 'EE. UU.', 'Israel', 'República Checa', 'Argentina', 'None'];
const STATUS_NOW = ['En armería', 'en armeria', 'Asignada', 'asignada', 'En reparación'];

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
function weighted(r: () => number, w: number[]): number {
  let x = r();
  for (let i = 0; i < w.length; i++) { if ((x -= w[i]) < 0) return i; }
  return w.length - 1;
}
const dmy = (y: number, m: number, d: number) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;

export interface GenOptions { licences: string[]; personnel: number; firearms: number; year: number; seed?: number }

export const PERSONNEL_HEADER = ['Licencia', 'DPI', 'Nombre completo', 'Fecha de nacimiento', 'Cargo', 'No. credencial', 'Vencimiento credencial', 'Horas de capacitación', 'Armado'];
export const FIREARMS_HEADER = ['Licencia', 'No. de serie', 'Marca', 'Modelo', 'Tipo de arma', 'Calibre', 'País de fabricación', 'Marcaje', 'Estado', 'Fecha de adquisición', 'DPI del portador'];

/** Person `i` works for company `i mod C`; ids are unique 13-digit numbers, sometimes typed with spaces. */
export function* personnelRows(o: GenOptions): Generator<string[]> {
  const C = o.licences.length;
  for (let i = 0; i < o.personnel; i++) {
    const r = rng((o.seed ?? 7) * 1_000_003 + i);
    const id = String(1_000_000_000_000 + i * 7);
    const role = weighted(r, ROLE_WEIGHTS);
    const expYear = o.year + (r() < 0.04 ? -1 : 1 + Math.floor(r() * 3));
    yield [
      o.licences[i % C],
      r() < 0.1 ? `${id.slice(0, 4)} ${id.slice(4, 9)} ${id.slice(9)}` : id,
      `${pick(r, FIRST)} ${pick(r, FIRST)} ${pick(r, LAST)} ${pick(r, LAST)}${r() < 0.05 ? ' ' : ''}`,
      dmy(1960 + Math.floor(r() * 40), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      pick(r, ROLES[role]),
      `CR-${o.year - 3 + Math.floor(r() * 3)}-${String(i).padStart(6, '0')}`,
      r() < 0.05 ? `${expYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15` : dmy(expYear, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      String(40 + Math.floor(r() * 120)),
      role === 1 || role === 3 ? pick(r, ['Sí', 'si', 'S', 'SI']) : pick(r, ['No', 'no', 'N']),
    ];
  }
}

/**
 * Firearm `i` belongs to company `i mod C`. With `next`, the following year's return: 0.5 %
 * of weapons missing (possible diversions), 2 % changed status, 10 % with reformatted serials,
 * 1 % new weapons.
 */
export function* firearmRows(o: GenOptions & { next?: boolean; dropRate?: number }): Generator<string[]> {
  const C = o.licences.length;
  const perCompany = Math.max(1, Math.floor(o.personnel / C));
  const extra = o.next ? Math.floor(o.firearms * 0.01) : 0;
  for (let i = 0; i < o.firearms + extra; i++) {
    const r = rng((o.seed ?? 11) * 2_000_003 + i);
    const y = rng(o.year * 31 + i);
    if (o.next && i < o.firearms && y() < (o.dropRate ?? 0.005)) continue;
    const t = weighted(r, TYPE_WEIGHTS);
    const [types, makes, cals] = TYPES[t];
    const serialBase = `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String(100000 + i)}`;
    // Every draw from `r` happens in the same order every year, so a weapon's details are stable; `y` varies them.
    const spaced = r() < 0.15;
    const serial = o.next && y() < 0.1 ? `${serialBase.slice(0, 2)}-${serialBase.slice(2)}` : spaced ? `${serialBase.slice(0, 2)} ${serialBase.slice(2)}` : serialBase;
    let status = pick(r, STATUS_NOW);
    const disposed = pick(r, ['Robada', 'Extraviada', 'Destruida', 'Transferida']);
    if (r() < 0.01) status = disposed;
    if (o.next && y() < 0.02) status = pick(y, ['En reparación', 'Robada', 'En armería']);
    const company = i % C;
    const holderIndex = company + C * Math.floor(r() * perCompany);
    const holder = /asignada/i.test(status) ? String(1_000_000_000_000 + holderIndex * 7) : '';
    yield [
      o.licences[company], serial, pick(r, makes), `M-${1 + Math.floor(r() * 90)}`, pick(r, types), pick(r, cals), pick(r, COUNTRIES),
      r() < 0.3 ? `GT-${2010 + Math.floor(r() * 15)}-${i}` : '',
      status, dmy(2005 + Math.floor(r() * 19), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)), holder,
    ];
  }
}

const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV as Excel on a Spanish Windows writes it: title block, semicolons, CRLF, Windows-1252, trailing empty rows. */
export function writeReturnCsv(path: string, title: string, header: string[], rows: Iterable<string[]>): number {
  const fd = openSync(path, 'w');
  let n = 0;
  try {
    const write = (s: string) => writeSync(fd, Buffer.from(s, 'latin1'));
    write(`${title}${';'.repeat(header.length - 1)}\r\n${';'.repeat(header.length - 1)}\r\n${header.join(';')}\r\n`);
    let buf = '';
    for (const r of rows) {
      buf += `${r.map(cell).join(';')}\r\n`;
      if (++n % 5000 === 0) { write(buf); buf = ''; }
    }
    write(`${buf}${';'.repeat(header.length - 1)}\r\n${';'.repeat(header.length - 1)}\r\n`);
  } finally {
    closeSync(fd);
  }
  return n;
}

/** The same return as an XLSX workbook (streamed to disk): one sheet per part, title rows above the headers. */
export async function writeReturnXlsx(path: string, title: string, sheets: { name: string; header: string[]; rows: Iterable<string[]> }[]): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  let n = 0;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([title]).commit();
    ws.addRow([]).commit();
    ws.addRow(s.header).commit();
    for (const r of s.rows) { ws.addRow(r).commit(); n++; }
    ws.commit();
  }
  await wb.commit();
  return n;
}
