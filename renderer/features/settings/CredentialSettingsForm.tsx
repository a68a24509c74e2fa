import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { formatNumber as formatPatterned, validatePattern } from '../../../shared/model/numberPattern.ts';

/**
 * Guard credentials: the number pattern (previewed as it is typed), how long a credential is
 * valid, and how old a criminal-record check may be when a credential is issued.
 */
export function CredentialSettingsForm() {
  const { t } = useI18n();
  const [pattern, setPattern] = useState('');
  const [months, setMonths] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldErrors(error);
  const show = (s: { credentialNumberPattern: string; credentialValidityMonths: number; criminalCheckMaxAgeDays: number }) => {
    setPattern(s.credentialNumberPattern);
    setMonths(String(s.credentialValidityMonths));
    setMaxAge(String(s.criminalCheckMaxAgeDays));
    setLoaded(true);
  };

  useEffect(() => {
    void call('personnel.getSettings', {}).then((r) => { if (r.ok) show(r.value); else setError(r.error); });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const int = (s: string) => { const n = Number.parseInt(s, 10); return Number.isFinite(n) ? n : 0; };
    const r = await call('personnel.updateSettings', { credentialNumberPattern: pattern, credentialValidityMonths: int(months), criminalCheckMaxAgeDays: int(maxAge) });
    setBusy(false);
    if (r.ok) { show(r.value); setSaved(true); } else setError(r.error);
  };

  const problem = validatePattern(pattern);
  const edit = (f: (v: string) => void) => (v: string) => { setSaved(false); f(v); };
  if (!loaded) return error ? <FormError error={error} /> : null;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="settings-cred-title">
      <h2 id="settings-cred-title">{t('settings.credentials.title')}</h2>
      <p className="muted">{t('settings.credentials.lead')}</p>
      {saved ? <div className="alert alert-success" role="status">{t('settings.saved')}</div> : null}
      <FormError error={error} fields={['credentialNumberPattern', 'credentialValidityMonths', 'criminalCheckMaxAgeDays']} />
      <TextInput id="settings-cred-pattern" label={t('settings.credentials.pattern')} value={pattern} onChange={edit(setPattern)} required maxLength={80} className="mono-input"
        error={fieldError('credentialNumberPattern') ?? (problem && pattern ? t(`validation.pattern.${problem}`) : undefined)}
        hint={problem ? t('settings.credentials.patternHint', { example: 'CRED-{year}-{seq:6}' }) : t('settings.credentials.preview', { number: formatPatterned(pattern, { year: new Date().getFullYear(), seq: 1 }) })} />
      <div className="grid-2">
        <TextInput id="settings-cred-months" type="number" min={1} max={120} inputMode="numeric" label={t('settings.credentials.validityMonths')} value={months} onChange={edit(setMonths)} required error={fieldError('credentialValidityMonths')} />
        <TextInput id="settings-cred-maxage" type="number" min={1} max={3650} inputMode="numeric" label={t('settings.credentials.criminalMaxAge')} hint={t('settings.credentials.criminalMaxAgeHint')} value={maxAge} onChange={edit(setMaxAge)} required error={fieldError('criminalCheckMaxAgeDays')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>
      </div>
    </form>
  );
}
