import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../shared/i18n/index.ts';
import { COMPANY_SORT_COLUMNS, ICOCA_STATUSES, SERVICE_TYPES } from '../../shared/model/company.ts';
import { ROLES } from '../../shared/model/roles.ts';
import { EXPORT_COLUMNS } from '../../shared/commands/companies.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('catalogues', () => {
  const es = Object.keys(catalogues.es).sort();
  const en = Object.keys(catalogues.en).sort();

  it('Spanish and English have exactly the same keys', () => {
    expect(es.filter((k) => !en.includes(k)), 'missing in English').toEqual([]);
    expect(en.filter((k) => !es.includes(k)), 'missing in Spanish').toEqual([]);
  });

  it('no message is empty and placeholders match between languages', () => {
    for (const k of es) {
      const a = (catalogues.es as Record<string, string>)[k];
      const b = (catalogues.en as Record<string, string>)[k];
      expect(a.trim(), k).not.toBe('');
      expect(b.trim(), k).not.toBe('');
      expect((a.match(/\{\w+\}/g) ?? []).sort(), k).toEqual((b.match(/\{\w+\}/g) ?? []).sort());
    }
  });

  it('every vocabulary value has a label', () => {
    const need = [
      ...ROLES.map((r) => `role.${r}`), ...SERVICE_TYPES.map((s) => `service.${s}`), ...ICOCA_STATUSES.map((s) => `icoca.${s}`),
      ...EXPORT_COLUMNS.map((c) => `companies.field.${c}`), ...COMPANY_SORT_COLUMNS.map((c) => `companies.field.${c}`),
    ];
    expect(need.filter((k) => !es.includes(k))).toEqual([]);
  });

  it('every message key used in the code exists', () => {
    const used = new Set<string>();
    for (const f of [...files('shared'), ...files('electron'), ...files('renderer')]) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/['"`]((?:errors|validation|password)\.[a-zA-Z]+)['"`]/g)) used.add(m[1]);
    }
    expect([...used].filter((k) => !es.includes(k))).toEqual([]);
  });

  it('says "1 day" and "2 days" (the singular variant when the count is 1), in both languages', () => {
    expect(translate('en', 'due.daysLeft', { days: 1 })).toBe('in 1 day');
    expect(translate('en', 'due.daysLeft', { days: 2 })).toBe('in 2 days');
    expect(translate('en', 'due.daysLeft', { days: 0 })).toBe('in 0 days');
    expect(translate('es', 'due.daysOverdue', { days: 1 })).toBe('hace 1 día');
    expect(translate('es', 'due.daysOverdue', { days: 11 })).toBe('hace 11 días');
    expect(translate('en', 'firearms.lateFlag', { days: 1, deadline: 8 })).toBe('Late report: 1 day (legal deadline 8)');
    // Every singular variant has its plural, with the same placeholders.
    for (const lang of ['es', 'en'] as const) {
      const cat = catalogues[lang] as Record<string, string>;
      for (const k of Object.keys(cat).filter((x) => x.endsWith('.one'))) {
        const base = cat[k.slice(0, -4)];
        expect(base, k).toBeDefined();
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes(cat[k]), k).toEqual(holes(base));
      }
    }
  });
});
