import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface ChooserColumn {
  id: string;
  label: string;
  visible: boolean;
  locked: boolean;
}

/** A button opening a checkbox list of columns; Escape or a click outside closes it. */
export function ColumnChooser({ columns, onChange }: { columns: ChooserColumn[]; onChange(id: string, visible: boolean): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    wrap.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const visibleCount = columns.filter((c) => c.visible).length;
  return (
    <div
      className="dt-menu-wrap"
      ref={wrap}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn-secondary"
        aria-expanded={open}
        aria-controls={menuId}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
      >
        {t('table.columns')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={menuId} className="dt-menu" role="group" aria-label={t('table.columnsMenu')}>
          {columns.map((c) => (
            <label key={c.id} className="checkbox dt-menu-item">
              <input
                type="checkbox"
                checked={c.visible}
                // The last visible column stays: an empty table would be a dead end.
                disabled={c.locked || (c.visible && visibleCount === 1)}
                onChange={(e) => onChange(c.id, e.target.checked)}
              />
              {c.label}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
