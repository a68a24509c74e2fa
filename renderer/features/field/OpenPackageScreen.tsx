import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { FormError, NewPasswordFields, PasswordInput, PathInput, TextInput, newPasswordReady, useFieldErrors } from '../../components/Form/index.ts';
import type { SessionState } from '../../../shared/commands/session.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/**
 * On the inspector's laptop: open a field package as a new field copy. The package's signature
 * and passphrase are checked before anything is created; the password protects this copy.
 */
export function OpenPackageScreen({ onOpened, onCancel }: { onOpened(s: SessionState): void; onCancel(): void }) {
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const [pass, setPass] = useState('');
  const [username, setUsername] = useState('');
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (!newPasswordReady(pw, confirm, [username])) return;
    setBusy(true);
    const r = await call('field.openPackage', { path: path.trim(), passphrase: pass, username: username.trim(), password: pw });
    if (!r.ok) {
      setBusy(false);
      setError(r.error);
      return;
    }
    const s = await call('session.status', {});
    setBusy(false);
    if (s.ok) onOpened(s.value);
  };

  return (
    <AuthLayout>
      <h1>{t('field.openTitle')}</h1>
      <p className="lead">{t('field.openLead')}</p>
      <form onSubmit={submit} noValidate>
        <FormError error={error} fields={['path', 'passphrase', 'username', 'password']} />
        <PathInput request={{ kind: 'openFile', title: t('field.openTitle'), extension: 'cfp', extensionLabel: t('field.file') }} id="open-path" label={t('field.file')} value={path} onChange={setPath} spellCheck={false} autoCapitalize="off" required error={fieldError('path')} />
        <PasswordInput id="open-passphrase" label={t('field.passphrase')} value={pass} onChange={setPass} autoComplete="off" required error={fieldError('passphrase')} />
        <TextInput id="open-username" label={t('field.username')} hint={t('field.usernameHint')} value={username} onChange={setUsername} autoCapitalize="off" spellCheck={false} required error={fieldError('username')} />
        <NewPasswordFields label={t('field.copyPassword')} idPrefix="open-password" password={pw} confirm={confirm} onPassword={setPw} onConfirm={setConfirm} avoid={[username]} showErrors={tried} error={fieldError('password')} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('field.opening') : t('field.open')}</button>
        </div>
      </form>
    </AuthLayout>
  );
}
