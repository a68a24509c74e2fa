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
 * Each company's licence shown is its current one: a valid licence if there is one, else the
 * latest decided one (suspended, revoked, expired...); applications in progress are not public.
 * Sanctions are published once final, and only those on a company's licence (a sanction on a
 * guard's credential concerns a person). Their reasons are not published (they may name people).
 */
export const PUBLIC_COLUMNS = ['taxId', 'legalName', 'tradeName', 'country', 'city', 'serviceTypes', 'armed', 'icocaStatus', 'licenceNumber', 'licenceStatus', 'licenceValidUntil'] as const;
export const PUBLIC_SANCTION_COLUMNS = ['taxId', 'legalName', 'kind', 'amount', 'currency', 'legalBasis', 'finalOn', 'state'] as const;
export type PublicColumn = (typeof PUBLIC_COLUMNS)[number];
export type PublicRecord = Record<PublicColumn, string | boolean | string[] | null>;

const CURRENT_LICENCE = `(SELECT l.id FROM licences l WHERE l.company_id = c.id AND l.state IN ('active', 'renewal_filed', 'suspended', 'revoked', 'expired', 'surrendered')
  ORDER BY l.state IN ('active', 'renewal_filed') DESC, coalesce(l.decided_on, l.issued_on, l.created_at) DESC, l.id DESC LIMIT 1)`;

export function publicRecords(db: Db): PublicRecord[] {
  return (db.prepare(`SELECT c.tax_id, c.legal_name, c.trade_name, c.country, c.city, c.service_types, c.armed, c.icoca_status,
      cl.number AS licence_number, cl.state AS licence_state, cl.expires_on AS licence_expires
    FROM companies c LEFT JOIN licences cl ON cl.id = ${CURRENT_LICENCE} ORDER BY c.legal_name COLLATE NOCASE, c.id`).all() as {
    tax_id: string; legal_name: string; trade_name: string | null; country: string; city: string | null; service_types: string; armed: number; icoca_status: string;
    licence_number: string | null; licence_state: string | null; licence_expires: string | null;
  }[]).map((r) => ({
    taxId: r.tax_id, legalName: r.legal_name, tradeName: r.trade_name, country: r.country, city: r.city,
    serviceTypes: JSON.parse(r.service_types) as string[], armed: r.armed === 1, icocaStatus: r.icoca_status,
    licenceNumber: r.licence_number, licenceStatus: r.licence_state, licenceValidUntil: r.licence_expires,
  }));
}

export type PublicSanction = Record<(typeof PUBLIC_SANCTION_COLUMNS)[number], string | number | null>;
export function publicSanctions(db: Db): PublicSanction[] {
  return (db.prepare(`SELECT c.tax_id, c.legal_name, s.kind, s.amount, s.currency, s.legal_basis, s.final_on, s.state FROM sanctions s JOIN companies c ON c.id = s.company_id
    WHERE s.target_type = 'licence' AND s.state IN ('final', 'executed', 'paid') ORDER BY s.final_on DESC, s.id`).all() as {
    tax_id: string; legal_name: string; kind: string; amount: number | null; currency: string | null; legal_basis: string; final_on: string | null; state: string;
  }[]).map((r) => ({ taxId: r.tax_id, legalName: r.legal_name, kind: r.kind, amount: r.amount, currency: r.currency, legalBasis: r.legal_basis, finalOn: r.final_on, state: r.state }));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
/** CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

function display(lang: Language, col: PublicColumn, v: PublicRecord[PublicColumn]): string {
  if (v === null) return '';
  if (col === 'serviceTypes') return (v as string[]).map((s) => translate(lang, `service.${s}`)).join('; ');
  if (col === 'armed') return translate(lang, v ? 'common.yes' : 'common.no');
  if (col === 'icocaStatus') return translate(lang, `icoca.${v as string}`);
  if (col === 'licenceStatus') return translate(lang, `licensing.state.${v as string}`);
  return String(v);
}

export interface PublicFile { name: string; bytes: Buffer }

/** The three publication files; the JSON keeps stored values (machine-readable), CSV and HTML show labels. */
export function publicFiles(db: Db, lang: Language, issuedAt: string): { files: PublicFile[]; count: number } {
  const recs = publicRecords(db);
  const sanctions = publicSanctions(db);
  const sHead = PUBLIC_SANCTION_COLUMNS.map((c) => translate(lang, `public.sanction.${c}`));
  const sCell = (c: (typeof PUBLIC_SANCTION_COLUMNS)[number], v: string | number | null) =>
    v === null ? '' : c === 'kind' ? translate(lang, `sanctions.kind.${v}`) : c === 'state' ? translate(lang, `sanctions.state.${v}`) : String(v);
  const sCsv = `\uFEFF${[sHead.map(cell).join(','), ...sanctions.map((r) => PUBLIC_SANCTION_COLUMNS.map((c) => cell(sCell(c, r[c]))).join(','))].join('\r\n')}\r\n`;
  const agency = readSettings(db);
  const head = PUBLIC_COLUMNS.map((c) => translate(lang, `public.col.${c}`));
  const csv = `\uFEFF${[head.map(cell).join(','), ...recs.map((r) => PUBLIC_COLUMNS.map((c) => cell(display(lang, c, r[c]))).join(','))].join('\r\n')}\r\n`;
  const json = JSON.stringify({ agency: agency.name, country: agency.country, issuedAt, registers: ['companies', 'licences', 'sanctions'], columns: PUBLIC_COLUMNS, companies: recs, sanctionColumns: PUBLIC_SANCTION_COLUMNS, sanctions }, null, 2);
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
<h2>${esc(translate(lang, 'public.sanctionsCaption'))}</h2>
<table><thead><tr>${sHead.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${sanctions.map((r) => `<tr>${PUBLIC_SANCTION_COLUMNS.map((c) => `<td>${esc(sCell(c, r[c]))}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
<p>${esc(translate(lang, 'public.verify'))}</p>
</body></html>
`;
  const base = translate(lang, 'public.fileBase');
  return {
    count: recs.length,
    files: [
      { name: `${base}.csv`, bytes: Buffer.from(csv, 'utf8') },
      { name: `${translate(lang, 'public.sanctionsFileBase')}.csv`, bytes: Buffer.from(sCsv, 'utf8') },
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
