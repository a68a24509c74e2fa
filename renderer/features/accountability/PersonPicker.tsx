import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { LinkedPerson } from '../../../shared/commands/grievances.ts';

/** A person chosen from the register, as the form shows it before saving. */
export type PickedPerson = Pick<LinkedPerson, 'personId' | 'name' | 'nationalId' | 'credentialNumber'>;

interface Option extends PickedPerson { companyName: string | null }

const MIN_CHARS = 2;

/**
 * Chooses registered persons by national id or name (ARIA combobox: arrows move, Enter picks,
 * Escape closes). Searches the personnel register in SQL through `personnel.list`, a few rows at a
 * time; never loads it whole. The caller shows it only to a role with `personnel.read`.
 */
export function PersonPicker({ label, value, onChange, error }: { label: string; value: PickedPerson[]; onChange(next: PickedPerson[]): void; error?: string }) {
  const { t } = useI18n();
  const id = `pp${useId().replace(/:/g, '')}`;
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const [announce, setAnnounce] = useState('');
  const chosen = new Set(value.map((p) => p.personId));

  useEffect(() => {
    const s = q.trim();
    if (s.length < MIN_CHARS) { setOptions([]); setSearching(false); return; }
    let live = true;
    setSearching(true);
    const h = setTimeout(() => {
      void call('personnel.list', { search: s, limit: 8 }).then((r) => {
        if (!live) return;
        setSearching(false);
        setOptions(r.ok ? r.value.rows.map((p) => ({
          personId: p.id, name: `${p.givenNames} ${p.familyNames}`, nationalId: p.nationalId, credentialNumber: p.credentialNumber, companyName: p.currentCompanyName,
        })) : []);
        setActive(-1);
      });
    }, 200);
    return () => { live = false; clearTimeout(h); };
  }, [q]);

  const shown = options.filter((o) => !chosen.has(o.personId));
  const expanded = open && q.trim().length >= MIN_CHARS;
  const pick = (o: Option) => {
    onChange([...value, { personId: o.personId, name: o.name, nationalId: o.nationalId, credentialNumber: o.credentialNumber }]);
    setAnnounce(t('people.added', { name: o.name }));
    setQ('');
    setOpen(false);
    setActive(-1);
    input.current?.focus();
  };
  const remove = (p: PickedPerson) => {
    onChange(value.filter((x) => x.personId !== p.personId));
    input.current?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (shown.length === 0) return;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % shown.length : a <= 0 ? shown.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      // Enter in the search box never submits the incident: it picks, or does nothing.
      e.preventDefault();
      const o = shown[active] ?? (shown.length === 1 ? shown[0] : undefined);
      if (expanded && o) pick(o);
    } else if (e.key === 'Escape') {
      if (expanded) { e.preventDefault(); setOpen(false); setActive(-1); }
    }
  };

  const status = !expanded ? '' : searching ? t('people.searching') : shown.length === 0 ? t('people.noMatch', { q: q.trim() }) : t('people.results', { n: shown.length });
  return (
    <div className={`field acc-person-picker${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={`${id}-q`}>{label}</label>
      <div className="acc-pp-box">
        <input
          ref={input} id={`${id}-q`} className="input" type="search" autoComplete="off" value={q} placeholder={t('people.search')}
          role="combobox" aria-expanded={expanded} aria-controls={`${id}-list`} aria-autocomplete="list"
          aria-activedescendant={expanded && shown[active] ? `${id}-o${active}` : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-e` : ''}`} aria-invalid={error ? true : undefined}
          onChange={(e) => { setQ(e.target.value); setOpen(true); }} onKeyDown={onKey} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}
        />
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="acc-pp-list" hidden={!expanded || shown.length === 0}>
          {shown.map((o, i) => (
            <li key={o.personId} id={`${id}-o${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()} onClick={() => pick(o)} onMouseEnter={() => setActive(i)}>
              <PersonLine p={o} />
              {o.companyName ? <span className="acc-pp-company">{o.companyName}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <div id={`${id}-hint`} className="field-hint">{t('people.searchHint')}</div>
      <div className="field-hint acc-pp-status" role="status" aria-live="polite">{status || announce}</div>
      {error ? <div id={`${id}-e`} className="field-error" role="alert">{error}</div> : null}
      {value.length === 0 ? <p className="muted small acc-pp-none">{t('people.noneChosen')}</p> : (
        <ul className="acc-pp-chosen" aria-label={t('people.chosen')}>
          {value.map((p) => (
            <li key={p.personId} className="acc-pp-chip">
              <PersonLine p={p} />
              <button type="button" className="acc-pp-remove" aria-label={t('people.remove', { name: p.name })} title={t('people.remove', { name: p.name })} onClick={() => remove(p)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** name · national id · credential number (or "no credential"). */
export function PersonLine({ p }: { p: PickedPerson }) {
  const { t } = useI18n();
  return (
    <span className="acc-pp-line">
      <strong>{p.name}</strong> · <span className="mono">{p.nationalId}</span> · {p.credentialNumber ? <span className="mono">{p.credentialNumber}</span> : <span className="muted">{t('people.noCredential')}</span>}
    </span>
  );
}
