import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog, FormError, NewPasswordFields, newPasswordReady, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { User } from '../../../shared/commands/users.ts';
import type { AppErrorData, Result } from '../../../shared/errors.ts';
import { ROLES, type Role } from '../../../shared/model/roles.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

function useRoleOptions() {
  const { t } = useI18n();
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
}

/** Runs a command, keeps its error for the form, and reports success with the user. */
function useSubmit(onDone: (u: User) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const run = async (p: Promise<Result<User>>) => {
    setBusy(true);
    setError(null);
    const r = await p;
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  return { busy, error, run };
}

export function CreateUserDialog({ onDone, onCancel }: { onDone(u: User): void; onCancel(): void }) {
  const { t } = useI18n();
  const roles = useRoleOptions();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('inspector');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useSubmit(onDone);
  const fieldError = useFieldErrors(error);
  const req = (v: string, f: string) => fieldError(f) ?? (tried && !v.trim() ? t('validation.required') : undefined);
  const submit = () => {
    setTried(true);
    if (!username.trim() || !displayName.trim() || !newPasswordReady(password, confirm, [username])) return;
    void run(call('users.create', { username, displayName, role, temporaryPassword: password }));
  };
  return (
    <Dialog title={t('users.createTitle')} submitLabel={t('users.create')} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <FormError error={error} fields={['username', 'displayName', 'role', 'temporaryPassword']} />
      <TextInput id="user-username" label={t('users.username')} hint={t('users.usernameHint')} value={username} onChange={setUsername} required autoCapitalize="off" spellCheck={false} autoComplete="off" error={req(username, 'username')} />
      <TextInput id="user-displayName" label={t('users.displayName')} value={displayName} onChange={setDisplayName} required maxLength={120} autoComplete="off" error={req(displayName, 'displayName')} />
      <Select id="user-role" label={t('users.role')} value={role} onChange={(v) => setRole(v as Role)} options={roles} required error={fieldError('role')} />
      <p className="small muted">{t('users.temporaryPasswordHint')}</p>
      <NewPasswordFields label={t('users.temporaryPassword')} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} avoid={[username]} error={fieldError('temporaryPassword')} showErrors={tried} idPrefix="user-temp-password" />
    </Dialog>
  );
}

export function EditUserDialog({ user, onDone, onCancel }: { user: User; onDone(u: User): void; onCancel(): void }) {
  const { t } = useI18n();
  const roles = useRoleOptions();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const { busy, error, run } = useSubmit(onDone);
  const fieldError = useFieldErrors(error);
  const submit = () => {
    if (!displayName.trim()) return;
    void run(call('users.update', { id: user.id, displayName, role }));
  };
  return (
    <Dialog title={t('users.editTitle', { username: user.username })} submitLabel={t('common.save')} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <FormError error={error} fields={['displayName']} />
      <TextInput id="edit-displayName" label={t('users.displayName')} value={displayName} onChange={setDisplayName} required maxLength={120} error={fieldError('displayName') ?? (!displayName.trim() ? t('validation.required') : undefined)} />
      <Select id="edit-role" label={t('users.role')} value={role} onChange={(v) => setRole(v as Role)} options={roles} required error={fieldError('role')} />
    </Dialog>
  );
}

/** Enabling a user and resetting a password both hand over a new temporary password. */
export function TemporaryPasswordDialog({ user, mode, onDone, onCancel }: { user: User; mode: 'enable' | 'reset'; onDone(u: User): void; onCancel(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useSubmit(onDone);
  const fieldError = useFieldErrors(error);
  const submit = () => {
    setTried(true);
    if (!newPasswordReady(password, confirm, [user.username])) return;
    void run(mode === 'enable'
      ? call('users.setActive', { id: user.id, active: true, temporaryPassword: password })
      : call('users.resetPassword', { id: user.id, temporaryPassword: password }));
  };
  return (
    <Dialog
      title={mode === 'enable' ? t('users.enableTitle', { username: user.username }) : t('users.resetTitle', { username: user.username })}
      submitLabel={mode === 'enable' ? t('users.enable') : t('users.resetPassword')}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p>{mode === 'enable' ? t('users.enableText') : t('users.temporaryPasswordHint')}</p>
      <FormError error={error} fields={['temporaryPassword']} />
      <NewPasswordFields label={t('users.temporaryPassword')} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} avoid={[user.username]} error={fieldError('temporaryPassword')} showErrors={tried} idPrefix="temp-password" />
    </Dialog>
  );
}
