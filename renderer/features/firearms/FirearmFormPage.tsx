import { useState, type FormEvent } from 'react';
import { FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { FIREARM_CONDITIONS, FIREARM_TYPES } from '../../../shared/model/firearms.ts';
import type { Firearm } from '../../../shared/commands/firearms.ts';
import { k, useArmoryOptions, useCompanyOptions, useQuery } from './useFirearms.ts';
import { CalibreHint } from './CalibreHint.tsx';

const FIELDS = ['companyId', 'armoryId', 'type', 'make', 'model', 'calibre', 'serial', 'manufacturer', 'countryOfManufacture', 'year', 'importMark', 'secondaryMarks', 'permitNumber', 'permitExpiry', 'condition', 'notes'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values;

/** The record's facts as the form edits them (text fields; empty for none). */
function valuesOf(f: Firearm): Values {
  return {
    companyId: f.companyId, armoryId: f.armoryId ?? '', type: f.type, make: f.make, model: f.model ?? '', calibre: f.calibreWritten || f.calibre,
    serial: f.serial, manufacturer: f.manufacturer ?? '', countryOfManufacture: f.countryOfManufacture ?? '', year: f.year === null ? '' : String(f.year),
    importMark: f.importMark ?? '', secondaryMarks: f.secondaryMarks ?? '', permitNumber: f.permitNumber ?? '', permitExpiry: f.permitExpiry ?? '',
    condition: f.condition, notes: f.notes ?? '',
  };
}

/**
 * Registers a weapon with the ITI marking fields, or corrects one (`id`): the calibre is checked
 * against the list as it is typed; a stale edit (someone changed it meanwhile) is refused.
 */
export function FirearmFormPage({ id }: { id?: string } = {}) {
  const { t } = useI18n();
  const existing = useQuery('firearms.get', id ? { id } : null);
  if (id && !existing.data) {
    return <div className="page">{existing.error ? <FormError error={existing.error} /> : <p role="status">{t('common.loading')}</p>}</div>;
  }
  return <FirearmForm key={existing.data?.version ?? 0} firearm={existing.data ?? null} />;
}

function FirearmForm({ firearm }: { firearm: Firearm | null }) {
  const { t } = useI18n();
  const [v, setV] = useState<Values>(firearm ? valuesOf(firearm) : { ...EMPTY, type: 'pistol', condition: 'serviceable' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const companies = useCompanyOptions();
  const armories = useArmoryOptions(v.companyId);
  const calibres = useQuery('firearms.calibres', {});
  const fieldError = useFieldErrors(error);
  const set = (f: keyof Values) => (x: string) => setV((o) => ({ ...o, [f]: x, ...(f === 'companyId' ? { armoryId: '' } : {}) }));
  const label = (f: string) => t(k('firearms.field', f === 'companyId' ? 'company' : f === 'armoryId' ? 'armory' : f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const fields = {
      companyId: v.companyId, armoryId: v.armoryId || null, type: v.type as 'pistol', make: v.make, model: v.model, calibre: v.calibre,
      serial: v.serial, manufacturer: v.manufacturer, countryOfManufacture: v.countryOfManufacture, year: v.year ? Number(v.year) : null,
      importMark: v.importMark, secondaryMarks: v.secondaryMarks, permitNumber: v.permitNumber, permitExpiry: v.permitExpiry || null,
      condition: v.condition as 'serviceable', notes: v.notes,
    };
    const r = firearm ? await call('firearms.update', { id: firearm.id, version: firearm.version, fields }) : await call('firearms.register', fields);
    setBusy(false);
    if (r.ok) navigate(`/firearms/${encodeURIComponent(r.value.id)}`);
    else setError(r.error);
  };
  const text = (f: keyof Values, extra: { required?: boolean; hint?: React.ReactNode; type?: string; className?: string } = {}) => (
    <TextInput label={label(f)} value={v[f]} onChange={set(f)} error={fieldError(f)} {...extra} />
  );
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('firearms.title')}>
        <a href="#/firearms">{t('firearms.title')}</a> <span aria-hidden="true">/</span>{' '}
        {firearm ? <><a href={`#/firearms/${encodeURIComponent(firearm.id)}`} className="fa-serial">{firearm.serial}</a> <span aria-hidden="true">/</span> <span>{t('firearms.edit')}</span></> : <span>{t('firearms.register')}</span>}
      </nav>
      <h1>{firearm ? t('firearms.edit') : t('firearms.register')}</h1>
      <form onSubmit={submit} noValidate className="co-form">
        <FormError error={error} fields={FIELDS} />
        <fieldset className="card">
          <legend>{t('firearms.field.company')}</legend>
          <div className="grid-2">
            <Select label={label('companyId')} value={v.companyId} placeholder="—" options={companies} onChange={set('companyId')} error={fieldError('companyId')} required />
            <Select label={label('armoryId')} value={v.armoryId} placeholder={t('firearms.noArmory')} options={armories} onChange={set('armoryId')} error={fieldError('armoryId')} />
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>{t('firearms.section.marking')}</legend>
          <div className="grid-3">
            <Select label={label('type')} value={v.type} options={FIREARM_TYPES.map((x) => ({ value: x, label: t(k('firearmType', x)) }))} onChange={set('type')} required />
            {text('make', { required: true })}
            {text('model')}
            {text('calibre', { required: true, hint: <CalibreHint text={v.calibre} list={calibres.data?.calibres ?? null} /> })}
            {text('serial', { required: true, className: 'co-mono-input' })}
            {text('manufacturer')}
            {text('countryOfManufacture')}
            {text('year', { type: 'number' })}
            {text('importMark')}
          </div>
          {text('secondaryMarks')}
        </fieldset>
        <fieldset className="card">
          <legend>{t('firearms.section.permit')}</legend>
          <div className="grid-3">
            {text('permitNumber')}
            {text('permitExpiry', { type: 'date' })}
            <Select label={label('condition')} value={v.condition} options={FIREARM_CONDITIONS.map((x) => ({ value: x, label: t(k('firearmCondition', x)) }))} onChange={set('condition')} />
          </div>
          {text('notes')}
        </fieldset>
        <div className="form-actions co-form-actions">
          <a className="btn btn-secondary" href={firearm ? `#/firearms/${encodeURIComponent(firearm.id)}` : '#/firearms'}>{t('common.cancel')}</a>
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.saving') : firearm ? t('common.save') : t('firearms.register')}</button>
        </div>
      </form>
    </div>
  );
}
