import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/useQuery.ts';
import { navigate } from '../../app/router.ts';
import { FormError, Select, TextArea, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { ServiceType } from '../../../shared/model/company.ts';

/** A draft application: the company (found by search), the licence type and the services it asks for. */
export function NewApplicationPage({ companyId: preset }: { companyId?: string }) {
  const { t } = useI18n();
  const types = useQuery('licensing.listTypes', {});
  const [search, setSearch] = useState('');
  const [companyId, setCompanyId] = useState(preset ?? '');
  const companies = useQuery('companies.list', { search, limit: 20 });
  const presetCompany = useQuery('companies.get', { id: preset ?? '00000000-0000-7000-8000-000000000000' });
  const [typeId, setTypeId] = useState('');
  const [chosen, setChosen] = useState<{ id: string; legalName: string; taxId: string; serviceTypes: ServiceType[] } | null>(null);
  const [services, setServices] = useState<ServiceType[]>([]);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const known = useMemo(() => {
    const rows: { id: string; legalName: string; taxId: string; serviceTypes: ServiceType[] }[] = [...(companies.value?.rows ?? [])];
    const p = preset ? presetCompany.value : null;
    if (p && !rows.some((r) => r.id === p.id)) rows.unshift(p);
    if (chosen && !rows.some((r) => r.id === chosen.id)) rows.unshift(chosen);
    return rows;
  }, [companies.value, preset, presetCompany.value, chosen]);
  const company = known.find((c) => c.id === companyId) ?? null;
  useEffect(() => { if (company && company.id !== chosen?.id) setChosen(company); }, [company, chosen]);
  // Only the types that cover something the company does; its services pre-ticked.
  const typeOptions = (types.value ?? []).filter((x) => !company || x.serviceTypes.some((s) => company.serviceTypes.includes(s)));
  const type = typeOptions.find((x) => x.id === typeId) ?? null;
  useEffect(() => { setServices(type ? type.serviceTypes.filter((s) => !company || company.serviceTypes.includes(s)) : []); }, [type, company]);
  const companyOptions = known.map((c) => ({ value: c.id, label: `${c.legalName} · ${c.taxId}` }));

  const submit = async () => {
    setBusy(true);
    const r = await call('licensing.createApplication', { companyId, typeId, serviceTypes: services, notes: notes || null });
    setBusy(false);
    if (r.ok) navigate(`/licensing/${r.value.id}`); else setError(r.error);
  };
  return (
    <div className="page page-narrow">
      <nav className="breadcrumb" aria-label={t('licensing.breadcrumb')}><a href="#/licensing">{t('licensing.title')}</a></nav>
      <h1>{t('licensing.create.title')}</h1>
      <form className="card" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <FormError error={error} fields={['companyId', 'typeId', 'serviceTypes', 'notes']} />
        <TextInput label={t('licensing.create.companySearch')} type="search" value={search} onChange={setSearch} />
        <Select label={t('licensing.field.company')} value={companyId} required placeholder={t('licensing.create.pickCompany')}
          options={companyOptions} onChange={setCompanyId} error={fe('companyId')}
          hint={companies.value && companies.value.rows.length === 0 ? t('licensing.create.noCompanies') : undefined} />
        <Select label={t('licensing.field.type')} value={typeId} required placeholder={t('licensing.create.pickType')}
          options={typeOptions.map((x) => ({ value: x.id, label: x.name }))} onChange={setTypeId} error={fe('typeId')} />
        {type ? (
          <fieldset aria-describedby={fe('serviceTypes') ? 'svc-error' : undefined}>
            <legend>{t('licensing.field.serviceTypes')}</legend>
            {type.serviceTypes.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={services.includes(s)} onChange={(e) => setServices(e.target.checked ? [...services, s] : services.filter((x) => x !== s))} />
                {t(`service.${s}`)}
              </label>
            ))}
            {fe('serviceTypes') ? <div id="svc-error" className="field-error" role="alert">{fe('serviceTypes')}</div> : null}
          </fieldset>
        ) : null}
        <TextArea label={t('licensing.field.notes')} value={notes} onChange={setNotes} required={false} error={fe('notes')} />
        <div className="form-actions">
          <a className="btn btn-secondary" href="#/licensing">{t('common.cancel')}</a>
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('common.saving') : t('licensing.create.submit')}</button>
        </div>
      </form>
    </div>
  );
}
