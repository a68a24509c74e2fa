import { useEffect, useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';

/** Catalogue lookup for keys built from stored values (`grievances.status.${s}`). */
export function useTk(): (key: string, params?: Record<string, string | number>) => string {
  const { t } = useI18n();
  return (key, params) => t(key as MessageKey, params);
}

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts acc-facts">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const empty = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd>
    </>
  );
}

const TONE: Record<string, string> = {
  received: 'badge-info', admissibility: 'badge-info', investigation: 'badge-warning', remedy: 'badge-warning', closed: 'badge-success', referred: '',
  reported: 'badge-info', under_review: 'badge-warning',
};

/** A lifecycle status as a badge (colour plus text, never colour alone). */
export function StatusBadge({ kind, status }: { kind: 'grievances' | 'incidents'; status: string }) {
  const tk = useTk();
  return <span className={`badge ${TONE[status] ?? ''}`}>{tk(`${kind}.status.${status}`)}</span>;
}

/** Picks a company by typing part of its name or tax id (searches the register in SQL; never loads it whole). */
export function CompanyPicker({ label, value, onChange, error, required, allowNone }: {
  label: string; value: string | null; onChange(id: string | null): void; error?: string; required?: boolean; allowNone?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ id: string; legalName: string; taxId: string }[]>([]);
  useEffect(() => {
    let live = true;
    const h = setTimeout(() => {
      void call('companies.list', { search, limit: 30 }).then((r) => {
        if (live && r.ok) setOptions(r.value.rows.map((c) => ({ id: c.id, legalName: c.legalName, taxId: c.taxId })));
      });
    }, 200);
    return () => { live = false; clearTimeout(h); };
  }, [search]);
  return (
    <div className={`field acc-company-picker${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={`${id}-s`}>{label}{required ? <span className="field-required" aria-hidden="true"> *</span> : null}</label>
      <div className="acc-picker-row">
        <input id={`${id}-s`} className="input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('companies.list.search')} aria-describedby={error ? `${id}-e` : undefined} />
        <select className="select" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} aria-invalid={!!error}>
          <option value="">{allowNone ?? '—'}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.legalName} · {o.taxId}</option>)}
        </select>
      </div>
      {error ? <p className="field-error" id={`${id}-e`} role="alert">{error}</p> : null}
    </div>
  );
}

/** The local date-time an officer types, prefilled with now (minutes). */
export function nowLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Shows `2026-11-20T09:30` as written (a local time without zone: no conversion). */
export function showLocal(s: string): string {
  return s.replace('T', ' ');
}
