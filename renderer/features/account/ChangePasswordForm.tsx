import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { FormError, NewPasswordFields, newPasswordReady, PasswordInput, useFieldErrors } from '../../components/Form/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/** Current password + new password (twice). Calls `onChanged` after the main process accepted it. */
export function ChangePasswordForm({ submitLabel, onChanged }: { submitLabel: string; onChanged(): void }) {
  const { t } = useI18n();
  const { status } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);
  const avoid = [status.user?.username ?? '', status.agency?.name ?? ''];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!current || !newPasswordReady(password, confirm, avoid)) return;
    setBusy(true);
    setError(null);
    const r = await call('session.changePassword', { currentPassword: current, newPassword: password });
    setBusy(false);
    if (r.ok) {
      setCurrent('');
      setPassword('');
      setConfirm('');
      setTried(false);
      onChanged();
    } else setError(r.error);
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError error={error} fields={['currentPassword', 'newPassword']} />
      <PasswordInput id="current-password" label={t('account.currentPassword')} value={current} onChange={setCurrent} autoComplete="current-password" required error={fieldError('currentPassword') ?? (tried && !current ? t('validation.required') : undefined)} />
      <NewPasswordFields label={t('account.newPassword')} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} avoid={avoid} error={fieldError('newPassword')} showErrors={tried} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.saving') : submitLabel}</button>
      </div>
    </form>
  );
}
