import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { AppErrorData } from '../../../shared/errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { canPickPaths, pickPath, type PathRequest } from '../../api/transport.ts';

/**
 * Form building blocks with one look and one accessibility pattern: the label is bound to the
 * control, the hint and the error are linked with `aria-describedby`, and a wrong value sets
 * `aria-invalid`. Errors are already-translated strings; {@link useFieldErrors} derives them from
 * an {@link AppErrorData} returned by a command.
 */
export interface FieldProps {
  label: ReactNode;
  /** Translated message shown under the control, or undefined when the value is fine. */
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

/** Wrapper for controls that are not plain inputs (checkbox groups, custom widgets). */
export function Field({ id, label, error, hint, required, className, children }: FieldProps & { id: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <span className="field-required"> ({t('common.required')})</span> : null}
      </label>
      {children}
      {hint ? <div id={`${id}-hint`} className="field-hint">{hint}</div> : null}
      {error ? <div id={`${id}-error`} className="field-error" role="alert">{error}</div> : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

type InputBase = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & FieldProps;

export interface TextInputProps extends InputBase {
  value: string;
  onChange(value: string): void;
  id?: string;
  /** A button beside the box (show password, browse), given the input's id for `aria-controls`. */
  addon?: (inputId: string) => ReactNode;
}

export function TextInput({ label, error, hint, required, className, value, onChange, id: givenId, addon, ...rest }: TextInputProps) {
  const auto = useId();
  const id = givenId ?? `f${auto.replace(/:/g, '')}`;
  const input = (
    <input
      id={id}
      className="input"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
      required={required}
      {...rest}
    />
  );
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required} className={className}>
      {addon ? <div className="input-group">{input}{addon(id)}</div> : input}
    </Field>
  );
}

/**
 * A path on this computer (a backup folder, a package file): typed, or chosen with the system's
 * file dialog ("Browse…") in the desktop app. Browser mode has no dialog, so only the box shows.
 */
export function PathInput({ request, ...props }: TextInputProps & { request: PathRequest }) {
  const { t } = useI18n();
  const browse = async () => {
    const chosen = await pickPath(request);
    if (chosen) props.onChange(chosen);
  };
  const addon = canPickPaths()
    ? (id: string) => <button type="button" className="btn btn-secondary btn-sm" aria-controls={id} onClick={() => void browse()}>{t('form.browse')}</button>
    : undefined;
  return <TextInput spellCheck={false} autoCapitalize="off" {...props} addon={addon} />;
}

/** A password box with a show/hide toggle; `hint` is typically the live strength message. */
export function PasswordInput(props: TextInputProps) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const addon = (id: string) => (
    <button type="button" className="btn btn-ghost btn-sm" aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
      {shown ? t('form.hidePassword') : t('form.showPassword')}
    </button>
  );
  return <TextInput type={shown ? 'text' : 'password'} spellCheck={false} autoCapitalize="off" {...props} addon={addon} />;
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'>, FieldProps {
  value: string;
  onChange(value: string): void;
  options: readonly SelectOption[];
  /** Adds a first empty option with this label (e.g. "All"). */
  placeholder?: string;
  id?: string;
}

export function Select({ label, error, hint, required, className, value, onChange, options, placeholder, id: givenId, ...rest }: SelectProps) {
  const auto = useId();
  const id = givenId ?? `f${auto.replace(/:/g, '')}`;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required} className={className}>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        required={required}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A banner for a failed command. Shows the error's message in the user's language; validation errors
 * whose fields are all shown beside their controls (listed in `fields`) are not repeated here.
 */
export function FormError({ error, fields, id }: { error: AppErrorData | null | undefined; fields?: readonly string[]; id?: string }) {
  const { tError } = useI18n();
  if (!error) return null;
  const placed = fields && error.issues?.length ? error.issues.every((i) => fields.includes(i.field)) : fields && error.field ? fields.includes(error.field) : false;
  if (placed && error.code === 'VALIDATION') return null;
  return (
    <div className={`alert ${error.code === 'CONFLICT' || error.code === 'THROTTLED' ? 'alert-warning' : 'alert-error'}`} role="alert" id={id}>
      {tError(error)}
    </div>
  );
}

/** Translated per-field messages from a command error: `fieldError('password')`. */
export function useFieldErrors(error: AppErrorData | null | undefined): (field: string) => string | undefined {
  const { tError } = useI18n();
  return (field: string) => {
    if (!error) return undefined;
    const issue = error.issues?.find((i) => i.field === field);
    if (issue) return tError({ ...error, messageKey: issue.messageKey, params: issue.params });
    if (error.field === field) return tError(error);
    return undefined;
  };
}
