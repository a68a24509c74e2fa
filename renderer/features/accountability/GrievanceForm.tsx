import { useState, type FormEvent } from 'react';
import { FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_CHANNELS } from '../../../shared/model/grievance.ts';
import { CompanyPicker, nowLocal, useTk } from './common.tsx';
import { TextArea } from './TextArea.tsx';
import { PersonPicker, type PickedPerson } from './PersonPicker.tsx';

/** Remembers the code of the grievance just recorded, to show it once on its page. */
export const justRecorded = { id: '' };

/**
 * Intake of a grievance by an officer (phone, letter, in person, email). The guards concerned may
 * be chosen from the personnel register (never the complainant, whose identity stays in its own fields).
 */
export function GrievanceForm({ can }: { can: (permission: string) => boolean }) {
  const { t } = useI18n();
  const tk = useTk();
  const [f, setF] = useState({
    receivedAt: nowLocal(), channel: 'phone', anonymous: false, fullName: '', nationalId: '', contact: '', address: '',
    category: '', companyId: null as string | null, personnel: '', summary: '', retaliation: false,
  });
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const register = can('personnel.read');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('grievances.create', {
      receivedAt: f.receivedAt, channel: f.channel as never, anonymous: f.anonymous,
      complainant: f.anonymous ? null : { fullName: f.fullName, nationalId: f.nationalId, contact: f.contact, address: f.address },
      category: f.category as never, companyId: f.companyId, personnelConcerned: f.personnel.split('\n').map((s) => s.trim()).filter(Boolean),
      personIds: people.map((p) => p.personId),
      summary: f.summary, retaliationConcern: f.retaliation,
    });
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    justRecorded.id = r.value.id;
    navigate(`/grievances/${encodeURIComponent(r.value.id)}`);
  };

  const fields = ['receivedAt', 'channel', 'complainant.fullName', 'complainant.nationalId', 'complainant.contact', 'complainant.address', 'category', 'companyId', 'summary', 'personIds'];
  return (
    <div className="page page-narrow acc-form">
      <nav className="breadcrumb" aria-label={t('grievances.title')}><a href="#/grievances">{t('grievances.title')}</a> <span aria-hidden="true">/</span> <span>{t('grievances.new')}</span></nav>
      <h1>{t('grievances.new')}</h1>
      <form onSubmit={submit} noValidate>
        <FormError error={error} fields={fields} />
        <div className="grid-2">
          <TextInput label={t('grievances.receivedAt')} type="datetime-local" value={f.receivedAt} onChange={(v) => set({ receivedAt: v })} error={fe('receivedAt')} required />
          <Select label={t('grievances.channel')} value={f.channel} options={GRIEVANCE_CHANNELS.map((c) => ({ value: c, label: tk(`grievances.channel.${c}`) }))} onChange={(v) => set({ channel: v })} required />
        </div>
        <fieldset className="card acc-fieldset">
          <legend>{t('grievances.complainant')}</legend>
          <label className="checkbox"><input type="checkbox" checked={f.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} /> {t('grievances.anonymous')}</label>
          {f.anonymous ? null : (
            <div className="grid-2">
              <TextInput label={t('grievances.complainant.fullName')} value={f.fullName} onChange={(v) => set({ fullName: v })} error={fe('complainant.fullName')} required autoComplete="off" />
              <TextInput label={t('grievances.complainant.nationalId')} value={f.nationalId} onChange={(v) => set({ nationalId: v })} error={fe('complainant.nationalId')} autoComplete="off" />
              <TextInput label={t('grievances.complainant.contact')} value={f.contact} onChange={(v) => set({ contact: v })} error={fe('complainant.contact')} autoComplete="off" />
              <TextInput label={t('grievances.complainant.address')} value={f.address} onChange={(v) => set({ address: v })} error={fe('complainant.address')} autoComplete="off" />
            </div>
          )}
          <label className="checkbox"><input type="checkbox" checked={f.retaliation} onChange={(e) => set({ retaliation: e.target.checked })} /> {t('grievances.retaliation')}</label>
        </fieldset>
        <Select label={t('grievances.category')} value={f.category} placeholder="—" options={GRIEVANCE_CATEGORIES.map((c) => ({ value: c, label: tk(`grievances.category.${c}`) }))} onChange={(v) => set({ category: v })} error={fe('category')} required />
        <CompanyPicker label={t('grievances.company')} value={f.companyId} onChange={(id) => set({ companyId: id })} allowNone={t('grievances.noCompany')} error={fe('companyId')} />
        <fieldset className="acc-fieldset card">
          <legend>{t('grievances.personnelShort')}</legend>
          {register ? <PersonPicker label={t('people.fromRegister')} value={people} onChange={setPeople} error={fe('personIds')} /> : null}
          <TextArea label={register ? t('people.others') : t('grievances.personnel')} hint={register ? t('people.othersHint') : undefined} value={f.personnel} onChange={(v) => set({ personnel: v })} rows={2} />
        </fieldset>
        <TextArea label={t('grievances.summary')} value={f.summary} onChange={(v) => set({ summary: v })} error={fe('summary')} required rows={6} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('grievances.new')}</button>
          <a className="btn btn-secondary" href="#/grievances">{t('common.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
