import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/useQuery.ts';
import { Dialog, FormError, TextArea, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { LicenceType } from '../../../shared/commands/licensing.ts';
import { SERVICE_TYPES, type ServiceType } from '../../../shared/model/company.ts';
import { formatNumber as formatLicenceNumber, validatePattern } from '../../../shared/model/numberPattern.ts';

/** The administrator's list of licence types: validity, deadlines, renewal window, documents, number pattern. */
export function LicenceTypesPage() {
  const { t, tError, formatNumber } = useI18n();
  const q = useQuery('licensing.listTypes', { includeInactive: true });
  const [editing, setEditing] = useState<LicenceType | 'new' | null>(null);
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('licensing.breadcrumb')}><a href="#/licensing">{t('licensing.title')}</a></nav>
      <div className="page-header">
        <div><h1>{t('licensing.types.title')}</h1></div>
        <div className="actions"><button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>{t('licensing.types.new')}</button></div>
      </div>
      {q.error ? <div className="alert alert-error" role="alert">{tError(q.error)}</div> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('licensing.types.name')}</th>
              <th scope="col">{t('licensing.types.serviceTypes')}</th>
              <th scope="col" className="num">{t('licensing.types.validityMonths')}</th>
              <th scope="col" className="num">{t('licensing.types.processingDays')}</th>
              <th scope="col">{t('licensing.types.numberPattern')}</th>
              <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {(q.value ?? []).map((x) => (
              <tr key={x.id}>
                <td>{x.name} {x.active ? null : <span className="badge">{t('licensing.types.inactive')}</span>}
                  <div className="muted">{t('licensing.types.docsCount', { n: x.requiredDocuments.length })}</div></td>
                <td>{x.serviceTypes.map((s) => t(`service.${s}`)).join(', ')}</td>
                <td className="num">{formatNumber(x.validityMonths)}</td>
                <td className="num">{formatNumber(x.processingDays)}</td>
                <td className="mono">{x.numberPattern}</td>
                <td className="actions-cell"><button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(x)} aria-label={`${t('common.edit')}: ${x.name}`}>{t('common.edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? <TypeDialog type={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onDone={() => { setEditing(null); q.reload(); }} /> : null}
    </div>
  );
}

function TypeDialog({ type, onDone, onCancel }: { type: LicenceType | null; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(type?.name ?? '');
  const [services, setServices] = useState<ServiceType[]>(type?.serviceTypes ?? []);
  const [validity, setValidity] = useState(String(type?.validityMonths ?? 24));
  const [processing, setProcessing] = useState(String(type?.processingDays ?? 30));
  const [window, setWindow] = useState(String(type?.renewalWindowDays ?? 60));
  const [docs, setDocs] = useState((type?.requiredDocuments ?? []).join('\n'));
  const [pattern, setPattern] = useState(type?.numberPattern ?? 'DIGESSP-EPS-{year}-{seq:4}');
  const [active, setActive] = useState(type?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const f = (k: string) => fe(`fields.${k}`);
  const preview = validatePattern(pattern) ? null : formatLicenceNumber(pattern, { year: new Date().getFullYear(), seq: 1 });
  const submit = async () => {
    setBusy(true);
    const r = await call('licensing.saveType', {
      id: type?.id ?? null, version: type?.version ?? null,
      fields: {
        name, serviceTypes: services, validityMonths: Number(validity), processingDays: Number(processing), renewalWindowDays: Number(window),
        requiredDocuments: docs.split('\n').map((d) => d.trim()).filter(Boolean), numberPattern: pattern, active,
      },
    });
    setBusy(false);
    if (r.ok) onDone(); else setError(r.error);
  };
  const fields = ['name', 'serviceTypes', 'validityMonths', 'processingDays', 'renewalWindowDays', 'requiredDocuments', 'numberPattern'].map((k) => `fields.${k}`);
  return (
    <Dialog title={type ? t('licensing.types.edit') : t('licensing.types.new')} submitLabel={t('licensing.types.save')} busy={busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={fields} />
      <TextInput label={t('licensing.types.name')} value={name} onChange={setName} required error={f('name')} />
      <fieldset>
        <legend>{t('licensing.types.serviceTypes')}</legend>
        {SERVICE_TYPES.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={services.includes(s)} onChange={(e) => setServices(e.target.checked ? [...services, s] : services.filter((x) => x !== s))} />
            {t(`service.${s}`)}
          </label>
        ))}
        {f('serviceTypes') ? <div className="field-error" role="alert">{f('serviceTypes')}</div> : null}
      </fieldset>
      <div className="grid-3">
        <TextInput label={t('licensing.types.validityMonths')} type="number" min={1} value={validity} onChange={setValidity} required error={f('validityMonths')} />
        <TextInput label={t('licensing.types.processingDays')} type="number" min={1} value={processing} onChange={setProcessing} required error={f('processingDays')} />
        <TextInput label={t('licensing.types.renewalWindowDays')} type="number" min={0} value={window} onChange={setWindow} required error={f('renewalWindowDays')} />
      </div>
      <TextArea label={t('licensing.types.requiredDocuments')} value={docs} onChange={setDocs} required={false} error={f('requiredDocuments')} />
      <TextInput label={t('licensing.types.numberPattern')} value={pattern} onChange={setPattern} required className="mono-input" error={f('numberPattern')}
        hint={preview ? t('licensing.types.preview', { number: preview }) : t('licensing.types.numberPatternHint', { example: 'DIGESSP-EPS-{year}-{seq:4}' })} />
      <label className="checkbox"><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('licensing.types.active')}</label>
    </Dialog>
  );
}
