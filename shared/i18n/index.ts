import { core as esCore } from './es/core.ts';
import { core as enCore } from './en/core.ts';
import { companies as esCompanies } from './es/companies.ts';
import { companies as enCompanies } from './en/companies.ts';
import { table as esTable } from './es/table.ts';
import { table as enTable } from './en/table.ts';
import { shell as esShell } from './es/shell.ts';
import { shell as enShell } from './en/shell.ts';
import { session as esSession } from './es/session.ts';
import { session as enSession } from './en/session.ts';
import { admin as esAdmin } from './es/admin.ts';
import { admin as enAdmin } from './en/admin.ts';
import { attachments as esAttachments } from './es/attachments.ts';
import { attachments as enAttachments } from './en/attachments.ts';
import { personnel as esPersonnel } from './es/personnel.ts';
import { personnel as enPersonnel } from './en/personnel.ts';
import { licensing as esLicensing } from './es/licensing.ts';
import { licensing as enLicensing } from './en/licensing.ts';
import { firearms as esFirearms } from './es/firearms.ts';
import { firearms as enFirearms } from './en/firearms.ts';
import { returns as esReturns } from './es/returns.ts';
import { returns as enReturns } from './en/returns.ts';
import { fieldwork as esFieldwork } from './es/fieldwork.ts';
import { fieldwork as enFieldwork } from './en/fieldwork.ts';
import { audits as esAudits } from './es/audits.ts';
import { audits as enAudits } from './en/audits.ts';
import { accountability as esAccountability } from './es/accountability.ts';
import { accountability as enAccountability } from './en/accountability.ts';

/**
 * The catalogues. Each area has one file per language (`es/<area>.ts`, `en/<area>.ts`);
 * Spanish is the reference and English must have exactly the same keys (typed, and tested).
 * Add a new area here in both lists.
 */
export const catalogues = {
  es: {
    ...esCore,
    ...esCompanies,
    ...esTable,
    ...esShell,
    ...esSession,
    ...esAdmin,
    ...esAttachments,
    ...esPersonnel,
    ...esLicensing,
    ...esFirearms,
    ...esReturns,
    ...esFieldwork,
    ...esAudits,
    ...esAccountability,
  },
  en: {
    ...enCore,
    ...enCompanies,
    ...enTable,
    ...enShell,
    ...enSession,
    ...enAdmin,
    ...enAttachments,
    ...enPersonnel,
    ...enLicensing,
    ...enFirearms,
    ...enReturns,
    ...enFieldwork,
    ...enAudits,
    ...enAccountability,
  },
};

export type Language = keyof typeof catalogues;
export type MessageKey = keyof typeof catalogues.es;

/**
 * `{name}` placeholders are replaced from params; an unknown key shows itself, so it is noticed.
 * Singular: a key with a `<key>.one` variant uses it when its count (`days`, `n` or `count`) is 1
 * ("in 1 day", "hace 1 día"); both languages form every other number like their plural.
 */
export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const cat = catalogues[lang] as Record<string, string>;
  const count = params.days ?? params.n ?? params.count;
  const singular = count !== undefined && Math.abs(Number(count)) === 1 ? `${key}.one` : null;
  const template = (singular && (cat[singular] ?? (catalogues.es as Record<string, string>)[singular])) || (cat[key] ?? (catalogues.es as Record<string, string>)[key] ?? key);
  return template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
