import { passwordProblem } from '../../../shared/model/password.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PasswordInput } from './Form.tsx';

/** True when the new password passes the same strength rule as the main process and both boxes match. */
export function newPasswordReady(password: string, confirm: string, avoid: string[] = []): boolean {
  return passwordProblem(password, avoid) === null && password === confirm;
}

/**
 * A new password and its confirmation, with the strength rule checked live (the main process
 * checks again; its error arrives through `error`).
 */
export function NewPasswordFields({ label, password, confirm, onPassword, onConfirm, avoid = [], error, idPrefix = 'new-password', showErrors }: {
  label: string;
  password: string;
  confirm: string;
  onPassword(v: string): void;
  onConfirm(v: string): void;
  /** Words the password must not be built on (username, agency name). */
  avoid?: string[];
  error?: string;
  idPrefix?: string;
  /** Show rule violations as errors (after a submit attempt) rather than as hints. */
  showErrors?: boolean;
}) {
  const { t } = useI18n();
  const problem = password ? passwordProblem(password, avoid) : null;
  const strength = !password ? t('form.passwordRule') : problem ? t(problem as MessageKey) : t('form.passwordOk');
  const mismatch = confirm && confirm !== password ? t('form.passwordsDiffer') : undefined;
  const pwError = error ?? (showErrors && (problem || !password) ? t((problem ?? 'validation.required') as MessageKey) : undefined);
  // When the problem is shown as an error, the hint states the rule instead of repeating it.
  const hintText = pwError ? t('form.passwordRule') : strength;
  return (
    <>
      <PasswordInput
        id={idPrefix}
        label={label}
        value={password}
        onChange={onPassword}
        autoComplete="new-password"
        required
        hint={<span className={password && !problem ? 'field-ok' : undefined} aria-live="polite">{hintText}</span>}
        error={pwError}
      />
      <PasswordInput
        id={`${idPrefix}-confirm`}
        label={t('form.confirmPassword')}
        value={confirm}
        onChange={onConfirm}
        autoComplete="new-password"
        required
        error={mismatch ?? (showErrors && !confirm ? t('validation.required') : undefined)}
      />
    </>
  );
}
