import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A labelled multi-line box with the same error wiring as the form controls. */
export function TextArea({ label, value, onChange, error, autoFocus, required = true }: { label: string; value: string; onChange(v: string): void; error?: string; autoFocus?: boolean; required?: boolean }) {
  const { t } = useI18n();
  const auto = useId();
  const id = `ta${auto.replace(/:/g, '')}`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">{label}{required ? <span className="field-required"> ({t('common.required')})</span> : null}</label>
      <textarea id={id} className="input" rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined} required={required} autoFocus={autoFocus} maxLength={4000} />
      {error ? <div id={`${id}-error`} className="field-error" role="alert">{error}</div> : null}
    </div>
  );
}
