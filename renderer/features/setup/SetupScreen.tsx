import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { FormError, NewPasswordFields, newPasswordReady, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { SessionState } from '../../../shared/commands/session.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Language } from '../../../shared/i18n/index.ts';
import { COUNTRIES, type Country } from '../../../shared/model/taxId.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

export interface Created {
  recoveryKey: string;
  session: SessionState;
}

/** First run: create the agency's workspace, or a demo workspace. */
export function SetupScreen({ onCreated, onCancel }: { onCreated(c: Created): void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'choose' | 'create' | 'demo'>('choose');
  if (mode === 'create') return <CreateWorkspace onCreated={onCreated} onBack={() => setMode('choose')} />;
  if (mode === 'demo') return <CreateDemo onCreated={onCreated} onBack={() => setMode('choose')} />;
  return (
    <AuthLayout wide>
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.lead')}</p>
      <div className="choice-grid">
        <button type="button" className="choice" onClick={() => setMode('create')}>
          <span className="choice-title">{t('setup.chooseCreate')}</span>
          <span className="choice-text">{t('setup.chooseCreateText')}</span>
        </button>
        <button type="button" className="choice" onClick={() => setMode('demo')}>
          <span className="choice-title">{t('setup.chooseDemo')}</span>
          <span className="choice-text">{t('setup.chooseDemoText')}</span>
        </button>
      </div>
      <p className="auth-footer"><a className="btn-link" href="#/open-field">{t('field.openLink')}</a></p>
      {onCancel ? (
        <div className="form-actions start">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>{t('common.back')}</button>
        </div>
      ) : null}
    </AuthLayout>
  );
}

function useLanguageOptions() {
  const { t } = useI18n();
  return (['es', 'en'] as const).map((l) => ({ value: l, label: t(`lang.${l}`) }));
}

function CreateWorkspace({ onCreated, onBack }: { onCreated(c: Created): void; onBack(): void }) {
  const { t, lang, countryName } = useI18n();
  const languages = useLanguageOptions();
  const [agencyName, setAgencyName] = useState('');
  const [country, setCountry] = useState<Country>('GT');
  const [language, setLanguage] = useState<Language>(lang);
  const [adminUsername, setAdminUsername] = useState('');
  const [adminDisplayName, setAdminDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);
  const avoid = [adminUsername, agencyName];
  const countries = [...COUNTRIES].map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label, lang));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!agencyName.trim() || !adminUsername.trim() || !adminDisplayName.trim() || !newPasswordReady(password, confirm, avoid)) return;
    setBusy(true);
    setError(null);
    const r = await call('session.setup', { agencyName, country, language, adminUsername, adminDisplayName, password });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setError(r.error);
  };
  const required = (v: string, field: string) => fieldError(field) ?? (tried && !v.trim() ? t('validation.required') : undefined);

  return (
    <AuthLayout wide>
      <h1>{t('setup.createTitle')}</h1>
      <p className="lead">{t('setup.createLead')}</p>
      <FormError error={error} fields={['agencyName', 'adminUsername', 'adminDisplayName', 'password']} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('setup.agencySection')}</legend>
          <TextInput id="agencyName" label={t('setup.agencyName')} hint={t('setup.agencyNameHint')} value={agencyName} onChange={setAgencyName} required maxLength={200} error={required(agencyName, 'agencyName')} />
          <div className="grid-2">
            <Select id="country" label={t('setup.country')} value={country} onChange={(v) => setCountry(v as Country)} options={countries} required />
            <Select id="language" label={t('setup.language')} value={language} onChange={(v) => setLanguage(v as Language)} options={languages} required />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <div className="grid-2">
            <TextInput id="adminUsername" label={t('setup.adminUsername')} hint={t('users.usernameHint')} value={adminUsername} onChange={setAdminUsername} required autoComplete="username" autoCapitalize="off" spellCheck={false} error={required(adminUsername, 'adminUsername')} />
            <TextInput id="adminDisplayName" label={t('setup.adminDisplayName')} value={adminDisplayName} onChange={setAdminDisplayName} required autoComplete="name" error={required(adminDisplayName, 'adminDisplayName')} />
          </div>
          <div className="grid-2">
            <NewPasswordFields label={t('setup.password')} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} avoid={avoid} error={fieldError('password')} showErrors={tried} idPrefix="password" />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>{t('common.back')}</button>
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('setup.creating') : t('setup.submitCreate')}</button>
        </div>
      </form>
    </AuthLayout>
  );
}

const DEMO_USERS: { username: string; role: MessageKey }[] = [
  { username: 'admin', role: 'role.administrator' },
  { username: 'oficial', role: 'role.licensing_officer' },
  { username: 'supervisor', role: 'role.supervisor' },
  { username: 'inspector', role: 'role.inspector' },
  { username: 'analista', role: 'role.analyst' },
];

function CreateDemo({ onCreated, onBack }: { onCreated(c: Created): void; onBack(): void }) {
  const { t, lang } = useI18n();
  const languages = useLanguageOptions();
  const [language, setLanguage] = useState<Language>(lang);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);
  const avoid = DEMO_USERS.map((u) => u.username);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!newPasswordReady(password, confirm, avoid)) return;
    setBusy(true);
    setError(null);
    const r = await call('session.createDemo', { language, password });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setError(r.error);
  };

  return (
    <AuthLayout>
      <h1>{t('setup.demoTitle')}</h1>
      <p className="lead">{t('setup.demoLead')}</p>
      <table className="demo-users">
        <thead>
          <tr><th scope="col">{t('setup.demoUsername')}</th><th scope="col">{t('setup.demoRole')}</th></tr>
        </thead>
        <tbody>
          {DEMO_USERS.map((u) => (
            <tr key={u.username}><td><code>{u.username}</code></td><td>{t(u.role)}</td></tr>
          ))}
        </tbody>
      </table>
      <FormError error={error} fields={['password']} />
      <form onSubmit={submit} noValidate>
        <Select id="demo-language" label={t('setup.language')} value={language} onChange={(v) => setLanguage(v as Language)} options={languages} required />
        <NewPasswordFields label={t('setup.demoPassword')} password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} avoid={avoid} error={fieldError('password')} showErrors={tried} idPrefix="demo-password" />
        <p className="small muted">{t('setup.demoNote')}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>{t('common.back')}</button>
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('setup.creatingDemo') : t('setup.submitDemo')}</button>
        </div>
      </form>
    </AuthLayout>
  );
}
