import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import type { Db } from '../../store/db.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { readSettings } from '../settings/settings.repo.ts';

/**
 * The public register: only what the law lets the public see. The columns are an explicit
 * allow-list (never `SELECT *`), so a field added to a register later cannot leak into the
 * publication by accident. No natural person's data: not the legal representative, owners,
 * guards, nor anyone in a grievance or incident.
 *
 * Licence status and validity, and sanctions made final, join here once the licensing register
 * is part of the workspace; until then the publication says which registers it covers.
 */
export const PUBLIC_COLUMNS = ['taxId', 'legalName', 'tradeName', 'country', 'city', 'serviceTypes', 'armed', 'icocaStatus'] as const;
export type PublicColumn = (typeof PUBLIC_COLUMNS)[number];
export type PublicRecord = Record<PublicColumn, string | boolean | string[] | null>;

export function publicRecords(db: Db): PublicRecord[] {
  return (db.prepare(`SELECT tax_id, legal_name, trade_name, country, city, service_types, armed, icoca_status FROM companies ORDER BY legal_name COLLATE NOCASE, id`).all() as {
    tax_id: string; legal_name: string; trade_name: string | null; country: string; city: string | null; service_types: string; armed: number; icoca_status: string;
  }[]).map((r) => ({
    taxId: r.tax_id, legalName: r.legal_name, tradeName: r.trade_name, country: r.country, city: r.city,
    serviceTypes: JSON.parse(r.service_types) as string[], armed: r.armed === 1, icocaStatus: r.icoca_status,
  }));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
/** CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

function display(lang: Language, col: PublicColumn, v: PublicRecord[PublicColumn]): string {
  if (v === null) return '';
  if (col === 'serviceTypes') return (v as string[]).map((s) => translate(lang, `service.${s}`)).join('; ');
  if (col === 'armed') return translate(lang, v ? 'common.yes' : 'common.no');
  if (col === 'icocaStatus') return translate(lang, `icoca.${v as string}`);
  return String(v);
}

export interface PublicFile { name: string; bytes: Buffer }

/** The three publication files; the JSON keeps stored values (machine-readable), CSV and HTML show labels. */
export function publicFiles(db: Db, lang: Language, issuedAt: string): { files: PublicFile[]; count: number } {
  const recs = publicRecords(db);
  const agency = readSettings(db);
  const head = PUBLIC_COLUMNS.map((c) => translate(lang, `public.col.${c}`));
  const csv = `\uFEFF${[head.map(cell).join(','), ...recs.map((r) => PUBLIC_COLUMNS.map((c) => cell(display(lang, c, r[c]))).join(','))].join('\r\n')}\r\n`;
  const json = JSON.stringify({ agency: agency.name, country: agency.country, issuedAt, registers: ['companies'], columns: PUBLIC_COLUMNS, companies: recs }, null, 2);
  const title = translate(lang, 'public.title', { agency: agency.name });
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #c9d3dd;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#eef3f7}caption{text-align:left;margin:.5rem 0;color:#4a5866}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>${esc(translate(lang, 'public.intro', { date: issuedAt.slice(0, 10), count: recs.length }))}</p>
<table><caption>${esc(translate(lang, 'public.caption'))}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${recs.map((r) => `<tr>${PUBLIC_COLUMNS.map((c) => `<td>${esc(display(lang, c, r[c]))}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
<p>${esc(translate(lang, 'public.verify'))}</p>
</body></html>
`;
  const base = translate(lang, 'public.fileBase');
  return {
    count: recs.length,
    files: [
      { name: `${base}.csv`, bytes: Buffer.from(csv, 'utf8') },
      { name: `${base}.json`, bytes: Buffer.from(json, 'utf8') },
      { name: 'index.html', bytes: Buffer.from(html, 'utf8') },
    ],
  };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The manifest: each file's SHA-256 and size, who issued it and when, and the journal head at issue. */
export function manifest(files: PublicFile[], meta: { agency: string; issuedAt: string; journalHead: string; certificateSha256: string }): Buffer {
  return Buffer.from(JSON.stringify({
    ...meta, algorithm: 'SHA-256', files: files.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })),
  }, null, 2), 'utf8');
}

export function zip(files: PublicFile[]): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(files.map((f) => [f.name, f.name.endsWith('.json') || f.name.endsWith('.html') || f.name.endsWith('.csv') ? strToU8(f.bytes.toString('utf8')) : new Uint8Array(f.bytes)])), { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
}
