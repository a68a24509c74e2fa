import { useState, type FormEvent } from 'react';
import { FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { FIREARM_OUTCOMES, INCIDENT_TYPES } from '../../../shared/model/incident.ts';
import { CompanyPicker, nowLocal, useTk } from './common.tsx';
import { TextArea } from './TextArea.tsx';
import { PersonPicker, type PickedPerson } from './PersonPicker.tsx';

interface FirearmDraft { serial: string; firearmType: string; make: string; calibre: string; outcome: string }
const int = (s: string) => (s.trim() === '' ? 0 : Number(s));
const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/**
 * Records an incident as the company reported it (ICoC ¶63). People involved are chosen from the
 * personnel register when the role may read it; anyone else is named in free text.
 */
export function IncidentForm({ can }: { can: (permission: string) => boolean }) {
  const { t } = useI18n();
  const tk = useTk();
  const [f, setF] = useState({
    occurredAt: '', reportedAt: nowLocal(), region: '', municipality: '', latitude: '', longitude: '', companyId: null as string | null,
    types: [] as string[], description: '', personnel: '', shotsFired: '0', useOfForce: false, injuries: '0', deaths: '0', damage: '', policeReportNumber: '', measuresTaken: '',
  });
  const [arms, setArms] = useState<FirearmDraft[]>([]);
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const register = can('personnel.read');
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('incidents.create', {
      occurredAt: f.occurredAt, reportedAt: f.reportedAt, region: f.region, municipality: f.municipality, latitude: num(f.latitude), longitude: num(f.longitude),
      companyId: f.companyId ?? '', types: f.types as never, description: f.description, personnelInvolved: f.personnel.split('\n').map((s) => s.trim()).filter(Boolean),
      personIds: people.map((p) => p.personId),
      firearms: arms.map((a) => ({ ...a, outcome: a.outcome as never })), shotsFired: int(f.shotsFired), useOfForce: f.useOfForce, injuries: int(f.injuries), deaths: int(f.deaths),
      damage: f.damage, policeReportNumber: f.policeReportNumber, measuresTaken: f.measuresTaken,
    });
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    navigate(`/incidents/${encodeURIComponent(r.value.id)}`);
  };
  const toggle = (ty: string) => set({ types: f.types.includes(ty) ? f.types.filter((x) => x !== ty) : [...f.types, ty] });
  const armFields = arms.flatMap((_, i) => ['serial', 'outcome'].map((k) => `firearms.${i}.${k}`));
  const fields = ['occurredAt', 'reportedAt', 'region', 'municipality', 'latitude', 'longitude', 'companyId', 'types', 'description', 'firearms', 'shotsFired', 'injuries', 'deaths', 'personIds', ...armFields];

  return (
    <div className="page acc-form acc-form-wide">
      <nav className="breadcrumb" aria-label={t('incidents.title')}><a href="#/incidents">{t('incidents.title')}</a> <span aria-hidden="true">/</span> <span>{t('incidents.new')}</span></nav>
      <h1>{t('incidents.new')}</h1>
      <form onSubmit={submit} noValidate>
        <FormError error={error} fields={fields} />
        <CompanyPicker label={t('incidents.company')} value={f.companyId} onChange={(id) => set({ companyId: id })} required error={fe('companyId')} />
        <div className="grid-2">
          <TextInput label={t('incidents.occurredAt')} type="datetime-local" value={f.occurredAt} onChange={(v) => set({ occurredAt: v })} error={fe('occurredAt')} required />
          <TextInput label={t('incidents.reportedAt')} type="datetime-local" value={f.reportedAt} onChange={(v) => set({ reportedAt: v })} error={fe('reportedAt')} required />
        </div>
        <div className="grid-4">
          <TextInput label={t('incidents.region')} value={f.region} onChange={(v) => set({ region: v })} error={fe('region')} required />
          <TextInput label={t('incidents.municipality')} value={f.municipality} onChange={(v) => set({ municipality: v })} error={fe('municipality')} />
          <TextInput label={t('incidents.latitude')} inputMode="decimal" value={f.latitude} onChange={(v) => set({ latitude: v })} error={fe('latitude')} />
          <TextInput label={t('incidents.longitude')} inputMode="decimal" value={f.longitude} onChange={(v) => set({ longitude: v })} error={fe('longitude')} />
        </div>
        <fieldset className="acc-fieldset card" aria-describedby={fe('types') ? 'types-err' : undefined}>
          <legend>{t('incidents.types')} <span className="field-required" aria-hidden="true">*</span></legend>
          <div className="choice-grid acc-types">
            {INCIDENT_TYPES.map((ty) => (
              <label key={ty} className="checkbox"><input type="checkbox" checked={f.types.includes(ty)} onChange={() => toggle(ty)} /> {tk(`incidents.type.${ty}`)}</label>
            ))}
          </div>
          {fe('types') ? <p className="field-error" id="types-err" role="alert">{fe('types')}</p> : null}
        </fieldset>
        <TextArea label={t('incidents.description')} value={f.description} onChange={(v) => set({ description: v })} error={fe('description')} required rows={4} />
        <fieldset className="acc-fieldset card">
          <legend>{t('incidents.firearms')}</legend>
          {fe('firearms') ? <p className="field-error" role="alert">{fe('firearms')}</p> : null}
          {arms.map((a, i) => (
            <div key={i} className="acc-arm-row">
              <TextInput label={t('incidents.serial')} value={a.serial} onChange={(v) => setArms(arms.map((x, j) => (j === i ? { ...x, serial: v } : x)))} error={fe(`firearms.${i}.serial`)} required className="mono" />
              <TextInput label={t('incidents.firearmType')} value={a.firearmType} onChange={(v) => setArms(arms.map((x, j) => (j === i ? { ...x, firearmType: v } : x)))} />
              <TextInput label={t('incidents.make')} value={a.make} onChange={(v) => setArms(arms.map((x, j) => (j === i ? { ...x, make: v } : x)))} />
              <TextInput label={t('incidents.calibre')} value={a.calibre} onChange={(v) => setArms(arms.map((x, j) => (j === i ? { ...x, calibre: v } : x)))} />
              <Select label={t('incidents.outcomeLabel')} value={a.outcome} options={FIREARM_OUTCOMES.map((o) => ({ value: o, label: tk(`incidents.outcome.${o}`) }))} onChange={(v) => setArms(arms.map((x, j) => (j === i ? { ...x, outcome: v } : x)))} />
              <button type="button" className="btn btn-ghost btn-sm acc-remove" onClick={() => setArms(arms.filter((_, j) => j !== i))}>{t('incidents.removeFirearm')}</button>
            </div>
          ))}
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setArms([...arms, { serial: '', firearmType: '', make: '', calibre: '', outcome: f.types.includes('firearm_theft') ? 'stolen' : f.types.includes('firearm_loss') ? 'lost' : 'involved' }])}>
            {t('incidents.addFirearm')}
          </button>
        </fieldset>
        <div className="grid-4">
          <TextInput label={t('incidents.shotsFired')} inputMode="numeric" value={f.shotsFired} onChange={(v) => set({ shotsFired: v })} error={fe('shotsFired')} />
          <TextInput label={t('incidents.injuries')} inputMode="numeric" value={f.injuries} onChange={(v) => set({ injuries: v })} error={fe('injuries')} />
          <TextInput label={t('incidents.deaths')} inputMode="numeric" value={f.deaths} onChange={(v) => set({ deaths: v })} error={fe('deaths')} />
          <label className="checkbox acc-inline-check"><input type="checkbox" checked={f.useOfForce} onChange={(e) => set({ useOfForce: e.target.checked })} /> {t('incidents.useOfForce')}</label>
        </div>
        <fieldset className="acc-fieldset card">
          <legend>{t('incidents.personnelShort')}</legend>
          {register ? <PersonPicker label={t('people.fromRegister')} value={people} onChange={setPeople} error={fe('personIds')} /> : null}
          <TextArea label={register ? t('people.others') : t('incidents.personnel')} hint={register ? t('people.othersHint') : undefined} value={f.personnel} onChange={(v) => set({ personnel: v })} rows={2} />
        </fieldset>
        <div className="grid-2">
          <TextInput label={t('incidents.policeReport')} value={f.policeReportNumber} onChange={(v) => set({ policeReportNumber: v })} />
          <TextInput label={t('incidents.damage')} value={f.damage} onChange={(v) => set({ damage: v })} />
        </div>
        <TextArea label={t('incidents.measures')} value={f.measuresTaken} onChange={(v) => set({ measuresTaken: v })} rows={2} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('incidents.new')}</button>
          <a className="btn btn-secondary" href="#/incidents">{t('common.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
