import { useId } from 'react';
import { Field } from '../../components/Form/index.ts';

/** A labelled multi-line field wired like the shared inputs (hint and error announced). */
export function TextArea({ label, value, onChange, error, hint, required, rows = 4 }: { label: string; value: string; onChange(v: string): void; error?: string; hint?: string; required?: boolean; rows?: number }) {
  const id = `ta${useId().replace(/:/g, '')}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <textarea id={id} className="input" rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
        aria-describedby={describedBy} required={required} />
    </Field>
  );
}
