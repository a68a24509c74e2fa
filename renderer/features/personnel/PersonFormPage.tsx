import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Field, FormError, Select, TextInput } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Person, PersonFields } from '../../../shared/commands/personnel.ts';
import { COUNTRIES, type Country } from '../../../shared/model/taxId.ts';
import { checkNationalId, formatNationalId, nationalIdDocument } from '../../../shared/model/nationalId.ts';
import { CRIMINAL_CHECK_RESULTS, PERSON_ROLES } from '../../../shared/model/personnel.ts';
import { usePerson } from './usePersonnel.ts';

interface Draft {
  idCountry: Country; nationalId: string; givenNames: string; familyNames: string; birthDate: string; nationality: Country;
  rightToWork: boolean; role: string; address: string; city: string; phone: string; criminalCheckDate: string;
  criminalCheckResult: string; criminalCheckReference: string; healthCertDate: string; healthCertExpiry: string; notes: string;
}

const empty = (country: Country): Draft => ({
  idCountry: country, nationalId: '', givenNames: '', familyNames: '', birthDate: '', nationality: country, rightToWork: true, role: 'guard',
  address: '', city: '', phone: '', criminalCheckDate: '', criminalCheckResult: '', criminalCheckReference: '', healthCertDate: '',
  healthCertExpiry: '', notes: '',
});

const fromPerson = (p: Person): Draft => ({
  idCountry: p.idCountry, nationalId: p.nationalId, givenNames: p.givenNames, familyNames: p.familyNames, birthDate: p.birthDate,
  nationality: p.nationality, rightToWork: p.rightToWork, role: p.role, address: p.address ?? '', city: p.city ?? '', phone: p.phone ?? '',
  criminalCheckDate: p.criminalCheckDate ?? '', criminalCheckResult: p.criminalCheckResult ?? '', criminalCheckReference: p.criminalCheckReference ?? '',
  healthCertDate: p.healthCertDate ?? '', healthCertExpiry: p.healthCertExpiry ?? '', notes: p.notes ?? '',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);
function toFields(d: Draft): PersonFields {
  return {
    idCountry: d.idCountry, nationalId: d.nationalId, givenNames: d.givenNames, familyNames: d.familyNames, birthDate: d.birthDate,
    nationality: d.nationality, rightToWork: d.rightToWork, role: d.role as PersonFields['role'], address: orNull(d.address), city: orNull(d.city),
    phone: orNull(d.phone), criminalCheckDate: orNull(d.criminalCheckDate), criminalCheckResult: (orNull(d.criminalCheckResult) as PersonFields['criminalCheckResult']),
    criminalCheckReference: orNull(d.criminalCheckReference), healthCertDate: orNull(d.healthCertDate), healthCertExpiry: orNull(d.healthCertExpiry),
    notes: orNull(d.notes),
  };
}

/** `personnel/new` and `personnel/<id>/edit`. */
export function PersonFormPage({ id, defaultCountry }: { id?: string; defaultCountry: Country }) {
  if (!id) return <PersonForm person={null} defaultCountry={defaultCountry} />;
  return <EditLoader id={id} defaultCountry={defaultCountry} />;
}

function EditLoader({ id, defaultCountry }: { id: string; defaultCountry: Country }) {
  const { t, tError } = useI18n();
  const { person, error, loading } = usePerson(id);
  if (error) return <div className="page"><div className="alert alert-error" role="alert">{tError(error)}</div></div>;
  if (loading || !person) return <div className="page" role="status">{t('common.loading')}</div>;
  return <PersonForm key={`${person.id}:${person.version}`} person={person} defaultCountry={defaultCountry} />;
}

/** Per-field messages from a command error; an update nests field paths under `fields.`. */
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

const FIELD_ORDER = ['idCountry', 'nationalId', 'givenNames', 'familyNames', 'birthDate', 'nationality', 'role', 'address', 'city', 'phone',
  'criminalCheckDate', 'criminalCheckResult', 'criminalCheckReference', 'healthCertDate', 'healthCertExpiry', 'notes'];

function PersonForm({ person, defaultCountry }: { person: Person | null; defaultCountry: Country }) {
  const { t, tError, countryName, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => (person ? fromPerson(person) : empty(defaultCountry)));
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // A field's server message goes away once the officer changes that field.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setEdited((e) => (e.has(k) ? e : new Set([...e, k])));
  };
  const errors = useMemo(() => {
    const all = fieldErrors(error, tError);
    return Object.fromEntries(Object.entries(all).filter(([k]) => !edited.has(k)));
  }, [error, tError, edited]);

  useEffect(() => {
    if (!error || attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, attempt]);

  const back = person ? `/personnel/${encodeURIComponent(person.id)}` : '/personnel';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const fields = toFields(draft);
    const r = person ? await call('personnel.update', { id: person.id, version: person.version, fields }) : await call('personnel.create', fields);
    setSaving(false);
    if (r.ok) { navigate(`/personnel/${encodeURIComponent(r.value.id)}`); return; }
    setError(r.error);
    setEdited(new Set());
    setAttempt((n) => n + 1);
  };

  // The live hint: the document's name and format, then whether what is typed is valid.
  const idHint = useMemo(() => {
    const doc = nationalIdDocument(draft.idCountry);
    if (!draft.nationalId.trim()) return { ok: false, text: `${doc}. ${t('companies.taxId.example', { example: checkNationalId(draft.idCountry, '')?.example ?? '' })}` };
    const c = checkNationalId(draft.idCountry, draft.nationalId);
    if (!c) return { ok: true, text: t('personnel.hintValid', { document: doc, formatted: formatNationalId(draft.idCountry, draft.nationalId) }) };
    const key = c.problem === 'format' ? 'validation.nationalIdFormat' : c.problem === 'place' ? 'validation.nationalIdPlace' : 'validation.nationalIdCheckDigit';
    return { ok: false, text: t(key, { document: c.document, country: countryName(draft.idCountry), example: c.example }) };
  }, [draft.idCountry, draft.nationalId, t, countryName]);

  const countries = useMemo(() => COUNTRIES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label, lang)), [countryName, lang]);
  const f = (k: string) => t(`personnel.field.${k}` as 'personnel.field.name');
  const text = (k: keyof Draft, extra: { required?: boolean; type?: string; className?: string } = {}) => (
    <TextInput id={`pf-${k}`} label={f(k)} value={draft[k] as string} onChange={(v) => set(k, v as never)} error={errors[k]}
      required={extra.required} type={extra.type} className={extra.className} autoComplete="off" />
  );
  const count = Object.keys(errors).filter((k) => FIELD_ORDER.includes(k)).length;

  return (
    <div className="page pe-form-page">
      <nav className="breadcrumb" aria-label={t('personnel.title')}>
        <a href="#/personnel">{t('personnel.title')}</a> <span aria-hidden="true">/</span>{' '}
        {person ? <><a href={`#${back}`}>{person.givenNames} {person.familyNames}</a> <span aria-hidden="true">/</span> </> : null}
        <span>{person ? t('common.edit') : t('personnel.new')}</span>
      </nav>
      <div className="page-header"><div><h1>{person ? t('personnel.edit') : t('personnel.new')}</h1></div></div>
      {count > 0 && error?.code === 'VALIDATION' ? <div className="alert alert-error" role="alert">{count === 1 ? t('personnel.errorOne') : t('personnel.errorCount', { n: count })}</div> : null}
      <FormError error={error} fields={FIELD_ORDER} />
      <form ref={formRef} className="pe-form" onSubmit={submit} noValidate>
        <fieldset className="card">
          <legend>{t('personnel.section.identity')}</legend>
          <div className="grid-3">
            <Select id="pf-idCountry" label={f('idCountry')} value={draft.idCountry} options={countries} onChange={(v) => set('idCountry', v as Country)} error={errors.idCountry} required />
            <TextInput id="pf-nationalId" label={f('nationalId')} value={draft.nationalId} onChange={(v) => set('nationalId', v)} required className="pe-mono-input"
              error={errors.nationalId} hint={errors.nationalId ? undefined : <span className={idHint.ok ? 'field-ok' : undefined}>{idHint.text}</span>} autoComplete="off" spellCheck={false} />
            <Select id="pf-role" label={f('role')} value={draft.role} options={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRole.${r}`) }))} onChange={(v) => set('role', v)} error={errors.role} required />
            {text('givenNames', { required: true })}
            {text('familyNames', { required: true })}
            {text('birthDate', { required: true, type: 'date' })}
            <Select id="pf-nationality" label={f('nationality')} value={draft.nationality} options={countries} onChange={(v) => set('nationality', v as Country)} error={errors.nationality} required />
            <Field id="pf-rightToWork" label={f('rightToWork')} error={errors.rightToWork}>
              <input id="pf-rightToWork" type="checkbox" className="pe-check" checked={draft.rightToWork} onChange={(e) => set('rightToWork', e.target.checked)} />
            </Field>
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>{t('personnel.section.contact')}</legend>
          <div className="grid-3">
            {text('address', { className: 'pe-span-2' })}
            {text('city')}
            {text('phone', { type: 'tel' })}
          </div>
          <Field id="pf-notes" label={f('notes')} error={errors.notes}>
            <textarea id="pf-notes" className="input pe-notes-input" rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} aria-invalid={errors.notes ? true : undefined} />
          </Field>
        </fieldset>
        <fieldset className="card">
          <legend>{t('personnel.section.vetting')}</legend>
          <div className="grid-3">
            {text('criminalCheckDate', { type: 'date' })}
            <Select id="pf-criminalCheckResult" label={f('criminalCheckResult')} value={draft.criminalCheckResult} placeholder={t('common.none')}
              options={CRIMINAL_CHECK_RESULTS.map((r) => ({ value: r, label: t(`criminalResult.${r}`) }))} onChange={(v) => set('criminalCheckResult', v)} error={errors.criminalCheckResult} />
            {text('criminalCheckReference')}
            {text('healthCertDate', { type: 'date' })}
            {text('healthCertExpiry', { type: 'date' })}
          </div>
        </fieldset>
        <div className="form-actions pe-form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => navigate(back)}>{t('personnel.cancel')}</button>
          <button type="submit" className="btn btn-primary" disabled={saving}>{saving ? t('common.saving') : t('personnel.save')}</button>
        </div>
      </form>
    </div>
  );
}
