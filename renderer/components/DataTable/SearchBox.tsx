import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * A search input that reports its value after a pause in typing (debounce), so each keystroke
 * does not become a query. Outside changes to `value` (e.g. "clear filters") are adopted.
 */
export function SearchBox({ value, onChange, label, delay = 300 }: { value: string; onChange(v: string): void; label: string; delay?: number }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === last.current) return;
    const timer = setTimeout(() => {
      last.current = text;
      onChange(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay, onChange]);
  return (
    <div className="dt-search" role="search">
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <span className="dt-search-icon" aria-hidden="true">⌕</span>
      <input
        id={id}
        type="search"
        className="input"
        value={text}
        placeholder={t('table.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            last.current = text;
            onChange(text);
          }
        }}
      />
    </div>
  );
}
