import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { LAST_WORKSPACE_KEY, useSession } from '../../app/session.tsx';
import { FormError, NewPasswordFields, newPasswordReady, PasswordInput, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/** Seconds left before another attempt is allowed, counting down from a THROTTLED answer. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 250);
    return () => window.clearTimeout(timer);
  }, [until, now]);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return [left, (s: number) => { setNow(Date.now()); setUntil(Date.now() + s * 1000); }];
}

/** Sign-in to a locked workspace; "forgot password" switches to recovery with the printed key. */
export function UnlockScreen({ onAddWorkspace }: { onAddWorkspace(): void }) {
  const { t, tError } = useI18n();
  const { status, setStatus, wasUnlocked } = useSession();
  const workspaces = status.workspaces;
  const [workspaceId, setWorkspaceId] = useState(() => {
    const saved = localStorage.getItem(LAST_WORKSPACE_KEY);
    return workspaces.find((w) => w.id === saved)?.id ?? workspaces[0]?.id ?? '';
  });
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [wait, startWait] = useCountdown();
  const fieldError = useFieldErrors(error);

  const workspaceOptions = workspaces.map((w) => ({ value: w.id, label: w.demo ? `${w.label} (${t('shell.demoWorkspace')})` : w.label }));

  const afterError = (e: AppErrorData) => {
    setError(e);
    const seconds = Number(e.params.seconds ?? 0);
    if ((e.code === 'THROTTLED' || e.code === 'UNAUTHENTICATED') && seconds > 0) startWait(seconds);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (wait > 0) return;
    setBusy(true);
    setError(null);
    const r = await call('session.unlock', { workspaceId, username, password });
    setBusy(false);
    if (r.ok) setStatus(r.value);
    else {
      setPassword('');
      afterError(r.error);
    }
  };

  if (mode === 'recover') {
    return <RecoverForm workspaceId={workspaceId} workspaceOptions={workspaceOptions} onWorkspace={setWorkspaceId} initialUsername={username} onBack={() => setMode('unlock')} />;
  }

  // The wrong-password message is shown once, as a banner, not also beside the password box.
  const banner = error && (error.code === 'UNAUTHENTICATED' || error.code === 'THROTTLED') ? error : null;
  return (
    <AuthLayout>
      <h1>{t('unlock.title')}</h1>
      <p className="lead">{wasUnlocked ? t('unlock.lockedNotice') : t('unlock.lead')}</p>
      {banner ? (
        <div className={`alert ${banner.code === 'THROTTLED' ? 'alert-warning' : 'alert-error'}`} role="alert">
          {banner.code === 'THROTTLED' ? t('errors.tooManyAttempts', { seconds: wait }) : tError(banner)}
          {banner.code === 'UNAUTHENTICATED' && wait > 0 ? <> {t('unlock.waitSeconds', { seconds: wait })}</> : null}
        </div>
      ) : (
        <FormError error={error} fields={['workspaceId', 'username', 'password']} />
      )}
      <form onSubmit={submit} noValidate>
        {workspaces.length > 1 ? (
          <Select id="workspace" label={t('unlock.workspace')} value={workspaceId} onChange={setWorkspaceId} options={workspaceOptions} required />
        ) : null}
        <TextInput id="username" label={t('unlock.username')} value={username} onChange={setUsername} autoComplete="username" autoCapitalize="off" spellCheck={false} required autoFocus error={fieldError('username')} />
        <PasswordInput id="password" label={t('unlock.password')} value={password} onChange={setPassword} autoComplete="current-password" required error={banner ? undefined : fieldError('password')} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || wait > 0 || !workspaceId}>
          {busy ? t('unlock.submitting') : wait > 0 ? t('unlock.waitSeconds', { seconds: wait }) : t('unlock.submit')}
        </button>
      </form>
      <div className="auth-footer row">
        <button type="button" className="btn-link" onClick={() => { setError(null); setMode('recover'); }}>{t('unlock.forgot')}</button>
        <span aria-hidden="true">·</span>
        <button type="button" className="btn-link" onClick={onAddWorkspace}>{t('unlock.newWorkspace')}</button>
        <span aria-hidden="true">·</span>
        <a className="btn-link" href="#/open-field">{t('field.openLink')}</a>
      </div>
    </AuthLayout>
  );
}

function RecoverForm({ workspaceId, workspaceOptions, onWorkspace, initialUsername, onBack }: {
  workspaceId: string;
  workspaceOptions: { value: string; label: string }[];
  onWorkspace(id: string): void;
  initialUsername: string;
  onBack(): void;
}) {
  const { t } = useI18n();
  const { setStatus } = useSession();
  const [username, setUsername] = useState(initialUsername);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [wait, startWait] = useCountdown();
  const fieldError = useFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!username.trim() || !recoveryKey.trim() || !newPasswordReady(password, confirm, [username]) || wait > 0) return;
    setBusy(true);
    setError(null);
    const r = await call('session.recover', { workspaceId, username, recoveryKey, newPassword: password });
    setBusy(false);
    if (r.ok) setStatus(r.value);
    else {
      setError(r.error);
      const seconds = Number(r.error.params.seconds ?? 0);
      if (seconds > 0) startWait(seconds);
    }
  };
  const placed = ['username', 'newPassword'];

  return (
    <AuthLayout>
      <h1>{t('recover.title')}</h1>
      <p className="lead">{t('recover.lead')}</p>
      <FormError error={error} fields={placed} />
      <form onSubmit={submit} noValidate>
        {workspaceOptions.length > 1 ? (
          <Select id="recover-workspace" label={t('unlock.workspace')} value={workspaceId} onChange={onWorkspace} options={workspaceOptions} required />
        ) : null}
        <TextInput id="recover-username" label={t('unlock.username')} value={username} onChange={setUsername} autoComplete="username" autoCapitalize="off" spellCheck={false} required error={fieldError('username') ?? (tried && !username.trim() ? t('validation.required') : undefined)} />
        <TextInput id="recover-key" label={t('recover.recoveryKey')} hint={t('recover.recoveryKeyHint')} value={recoveryKey} onChange={setRecoveryKey} autoComplete="off" spellCheck={false} className="mono" required error={tried && !recoveryKey.trim() ? t('validation.required') : undefined} />
        <NewPasswordFields label={t('recover.newPassword')} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} avoid={[username]} error={fieldError('newPassword')} showErrors={tried} idPrefix="recover-password" />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>{t('recover.back')}</button>
          <button type="submit" className="btn btn-primary" disabled={busy || wait > 0}>
            {wait > 0 ? t('unlock.waitSeconds', { seconds: wait }) : t('recover.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
