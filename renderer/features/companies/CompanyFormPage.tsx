import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Field, Select, TextInput } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Company } from '../../../shared/commands/companies.ts';
import { ICOCA_STATUSES, SERVICE_TYPES, type IcocaStatus } from '../../../shared/model/company.ts';
import { COUNTRIES, checkTaxId, type Country } from '../../../shared/model/taxId.ts';
import { emptyDraft, fromCompany, snapshot, toFields, type CompanyDraft } from './formModel.ts';
import { BranchesEditor, OwnersEditor } from './RepeatEditors.tsx';
import { useCompany } from './useCompanies.ts';

/** `companies/new` and `companies/<id>/edit`: loads the company first when editing. */
export function CompanyFormPage({ id }: { id?: string }) {
  if (!id) return <CompanyForm company={null} />;
  return <EditLoader id={id} />;
}

function EditLoader({ id }: { id: string }) {
  const { t, tError } = useI18n();
  const { company, error, loading } = useCompany(id);
  if (error) return <div className="page"><div className="alert alert-error" role="alert">{tError(error)}</div></div>;
  if (loading || !company) return <div className="page" role="status">{t('common.loading')}</div>;
  return <CompanyForm key={`${company.id}:${company.version}`} company={company} />;
}

/** Field paths from the server name the command input; an update nests them under `fields.`. */
function fieldErrors(error: AppErrorData | null, tError: (e: AppErrorData) => string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error) return out;
  const issues = error.issues?.length ? error.issues : error.field ? [{ field: error.field, messageKey: error.messageKey, params: error.params }] : [];
  for (const i of issues) {
    const path = i.field.replace(/^fields\./, '');
    if (!(path in out)) out[path] = tError({ ...error, messageKey: i.messageKey, params: i.params });
  }
  return out;
}

/** The DOM id of the control for a field path (`owners.0.fullName` → `cf-owners-0-fullName`). */
export const controlId = (path: string) => `cf-${path.replace(/\./g, '-')}`;

function CompanyForm({ company }: { company: Company | null }) {
  const { t, tError, countryName, lang } = useI18n();
  const initial = useMemo(() => (company ? fromCompany(company) : emptyDraft('GT')), [company]);
  const [draft, setDraft] = useState<CompanyDraft>(initial);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const dirty = snapshot(draft) !== snapshot(initial);
  const set = <K extends keyof CompanyDraft>(k: K, v: CompanyDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const errors = useMemo(() => fieldErrors(error, tError), [error, tError]);
  const err = (path: string) => errors[path];

  // After a failed save, put the officer on the first wrong field (in form order).
  useEffect(() => {
    if (!error || attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? bannerRef.current)?.focus();
  }, [error, attempt]);

  // Leaving with unsaved changes: window close, and links inside the app (hash routes).
  const guard = useRef(dirty);
  guard.current = dirty && !saving;
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (guard.current) e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
      if (!a || !guard.current || formRef.current?.contains(a)) return;
      if (!window.confirm(t('companies.form.leaveConfirm'))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [t]);

  const back = company ? `/companies/${encodeURIComponent(company.id)}` : '/companies';
  const cancel = () => {
    if (dirty && !window.confirm(t('companies.form.leaveConfirm'))) return;
    guard.current = false;
    navigate(back);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const fields = toFields(draft);
    const r = company ? await call('companies.update', { id: company.id, version: company.version, fields }) : await call('companies.create', fields);
    setSaving(false);
    if (r.ok) {
      guard.current = false;
      navigate(`/companies/${encodeURIComponent(r.value.id)}`);
      return;
    }
    setError(r.error);
    setAttempt((n) => n + 1);
  };

  const taxHint = useMemo(() => {
    if (!draft.taxId.trim()) return { ok: false, text: t('companies.taxId.example', { example: checkTaxId(draft.country, '')?.example ?? '' }) };
    const c = checkTaxId(draft.country, draft.taxId);
    if (!c) return { ok: true, text: t('companies.taxId.valid') };
    return { ok: false, text: c.problem === 'checkDigit' ? t('validation.taxIdCheckDigit') : t('validation.taxIdFormat', { country: countryName(draft.country), example: c.example }) };
  }, [draft.country, draft.taxId, t, countryName]);

  const countryOptions = useMemo(
    () => COUNTRIES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    [countryName, lang],
  );
  const f = (k: string) => t(`companies.field.${k}` as 'companies.field.legalName');
  const text = (k: keyof CompanyDraft, extra: { required?: boolean; type?: string; className?: string; autoComplete?: string } = {}) => (
    <TextInput
      id={controlId(k)}
      label={f(k)}
      value={draft[k] as string}
      onChange={(v) => set(k, v as never)}
      error={err(k)}
      required={extra.required}
      type={extra.type}
      className={extra.className}
      autoComplete={extra.autoComplete ?? 'off'}
    />
  );
  const count = Object.keys(errors).length;
  const stale = error?.messageKey === 'errors.staleVersion';

  return (
    <div className="page co-form-page">
      <nav className="breadcrumb" aria-label={t('companies.breadcrumb')}>
        <a href="#/companies">{t('companies.title')}</a> <span aria-hidden="true">/</span>{' '}
        {company ? <><a href={`#${back}`}>{company.legalName}</a> <span aria-hidden="true">/</span> </> : null}
        <span>{company ? t('common.edit') : t('companies.new')}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{company ? t('companies.form.editTitle', { name: company.legalName }) : t('companies.form.newTitle')}</h1>
          <p className="lead">{t('companies.form.lead')}</p>
        </div>
      </div>

      {error ? (
        <div ref={bannerRef} tabIndex={-1} className={`alert ${error.code === 'CONFLICT' ? 'alert-warning' : 'alert-error'}`} role="alert">
          <strong>{error.code === 'CONFLICT' ? t('companies.form.conflict') : t('companies.form.notSaved')}</strong>
          {error.code === 'VALIDATION' && count > 0 ? t('companies.form.problems', { count }) : tError(error)}
          {stale ? (
            <div className="co-banner-actions">
              <a className="btn btn-secondary btn-sm" href={`#${back}`} onClick={() => { guard.current = false; }}>{t('companies.form.reload')}</a>
            </div>
          ) : null}
        </div>
      ) : null}

      <form ref={formRef} onSubmit={submit} noValidate className="co-form">
        <fieldset className="card">
          <legend>{t('companies.section.identity')}</legend>
          <div className="grid-2">
            <Select
              id={controlId('country')}
              label={f('country')}
              value={draft.country}
              options={countryOptions}
              onChange={(v) => set('country', v as Country)}
              error={err('country')}
              required
            />
            <TextInput
              id={controlId('taxId')}
              label={f('taxId')}
              value={draft.taxId}
              onChange={(v) => set('taxId', v)}
              error={err('taxId')}
              // The server's answer replaces the live hint until the next save, so it is not shown twice.
              hint={err('taxId') ? undefined : <span className={taxHint.ok ? 'field-ok' : draft.taxId.trim() ? 'co-hint-warn' : undefined}>{taxHint.text}</span>}
              required
              autoComplete="off"
              spellCheck={false}
              className="co-mono-input"
            />
            {text('legalName', { required: true })}
            {text('tradeName')}
            {text('address')}
            {text('city')}
            {text('phone', { type: 'tel' })}
            {text('email', { type: 'email' })}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('companies.section.legalRep')}</legend>
          <div className="grid-2">
            {text('legalRepName', { required: true })}
            {text('legalRepId')}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('companies.section.services')}</legend>
          <Field id={controlId('serviceTypes')} label={f('serviceTypes')} error={err('serviceTypes')} required>
            <div
              className="co-checks"
              role="group"
              id={controlId('serviceTypes')}
              tabIndex={-1}
              aria-invalid={err('serviceTypes') ? true : undefined}
              aria-describedby={err('serviceTypes') ? `${controlId('serviceTypes')}-error` : undefined}
            >
              {SERVICE_TYPES.map((s) => (
                <label key={s} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.serviceTypes.includes(s)}
                    onChange={(e) => set('serviceTypes', e.target.checked ? [...draft.serviceTypes, s] : draft.serviceTypes.filter((x) => x !== s))}
                  />
                  {t(`service.${s}`)}
                </label>
              ))}
            </div>
          </Field>
          <Field id={controlId('armed')} label={f('armed')} error={err('armed')} required>
            <div
              className="co-radios"
              role="radiogroup"
              id={controlId('armed')}
              tabIndex={-1}
              aria-invalid={err('armed') ? true : undefined}
              aria-describedby={err('armed') ? `${controlId('armed')}-error` : undefined}
            >
              {(['yes', 'no'] as const).map((v) => (
                <label key={v} className="checkbox">
                  <input type="radio" name="armed" value={v} checked={draft.armed === v} onChange={() => set('armed', v)} />
                  {t(`companies.armed.${v}`)}
                </label>
              ))}
            </div>
          </Field>
        </fieldset>

        <fieldset className="card">
          <legend>{t('companies.section.guarantee')}</legend>
          <div className="grid-3">
            {text('guaranteeAmount', { type: 'number' })}
            {text('guaranteeCurrency', { className: 'co-currency' })}
            {text('guaranteeExpiry', { type: 'date' })}
            {text('insurer')}
            {text('insurancePolicy')}
            {text('insuranceAmount', { type: 'number' })}
            {text('insuranceExpiry', { type: 'date' })}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('companies.section.icoca')}</legend>
          <div className="grid-3">
            <Select
              id={controlId('icocaStatus')}
              label={f('icocaStatus')}
              value={draft.icocaStatus}
              options={ICOCA_STATUSES.map((s) => ({ value: s, label: t(`icoca.${s}`) }))}
              onChange={(v) => set('icocaStatus', v as IcocaStatus)}
              error={err('icocaStatus')}
            />
          </div>
        </fieldset>

        <OwnersEditor owners={draft.owners} onChange={(o) => set('owners', o)} err={err} countryOptions={countryOptions} />
        <BranchesEditor branches={draft.branches} onChange={(b) => set('branches', b)} err={err} />

        <fieldset className="card">
          <legend>{f('notes')}</legend>
          <Field id={controlId('notes')} label={f('notes')} error={err('notes')}>
            <textarea
              id={controlId('notes')}
              className="input co-notes-input"
              rows={4}
              value={draft.notes}
              onChange={(e) => set('notes', e.target.value)}
              aria-invalid={err('notes') ? true : undefined}
            />
          </Field>
        </fieldset>

        <div className="form-actions co-form-actions">
          <button type="button" className="btn btn-secondary" onClick={cancel}>{t('common.cancel')}</button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('common.saving') : company ? t('companies.form.saveChanges') : t('companies.form.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
