import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { AgencySettings } from '../../../shared/commands/settings.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { COUNTRIES, type Country } from '../../../shared/model/taxId.ts';
import { CredentialSettingsForm } from './CredentialSettingsForm.tsx';

/** Agency name, country, language and idle-lock minutes; guard credential numbering and validity (administrators). */
export function SettingsPage() {
  const { t, lang, countryName } = useI18n();
  const { refresh } = useSession();
  const [form, setForm] = useState<AgencySettings | null>(null);
  const [idle, setIdle] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldErrors(error);

  useEffect(() => {
    void call('settings.get', {}).then((r) => {
      if (r.ok) {
        setForm(r.value);
        setIdle(String(r.value.idleMinutes));
      } else setLoadError(r.error);
    });
  }, []);

  const countries = [...COUNTRIES].map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  const set = (patch: Partial<AgencySettings>) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, ...patch } : f));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    const idleMinutes = Number.parseInt(idle, 10);
    const r = await call('settings.update', { ...form, idleMinutes: Number.isFinite(idleMinutes) ? idleMinutes : 0 });
    setBusy(false);
    if (r.ok) {
      setForm(r.value);
      setIdle(String(r.value.idleMinutes));
      setSaved(true);
      await refresh();
    } else setError(r.error);
  };

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>{t('settings.title')}</h1>
          <p className="lead">{t('settings.lead')}</p>
        </div>
      </div>
      <FormError error={loadError} />
      {!form ? (
        loadError ? null : <p role="status">{t('common.loading')}</p>
      ) : (
        <form className="card" onSubmit={submit} noValidate>
          {saved ? <div className="alert alert-success" role="status">{t('settings.saved')}</div> : null}
          <FormError error={error} fields={['name', 'country', 'language', 'idleMinutes']} />
          <TextInput id="settings-name" label={t('settings.agencyName')} value={form.name} onChange={(v) => set({ name: v })} required maxLength={200} error={fieldError('name')} />
          <div className="grid-2">
            <Select id="settings-country" label={t('settings.country')} value={form.country} onChange={(v) => set({ country: v as Country })} options={countries} required error={fieldError('country')} />
            <Select id="settings-language" label={t('settings.language')} hint={t('settings.languageHint')} value={form.language} onChange={(v) => set({ language: v as AgencySettings['language'] })} options={(['es', 'en'] as const).map((l) => ({ value: l, label: t(`lang.${l}`) }))} required />
          </div>
          <TextInput id="settings-idle" type="number" min={1} max={240} inputMode="numeric" label={t('settings.idleMinutes')} hint={t('settings.idleMinutesHint')} value={idle} onChange={(v) => { setSaved(false); setIdle(v); }} required error={fieldError('idleMinutes')} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>
          </div>
        </form>
      )}
      <CredentialSettingsForm />
    </div>
  );
}
