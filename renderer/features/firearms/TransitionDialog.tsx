import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Firearm, FirearmTransitionInput } from '../../../shared/commands/firearms.ts';
import type { FirearmAction } from '../../../shared/model/firearmLifecycle.ts';
import { DESTRUCTION_METHODS } from '../../../shared/model/firearms.ts';
import { k, nowLocal, todayLocal, useArmoryOptions, useCompanyOptions, useQuery } from './useFirearms.ts';

type Values = Record<string, string>;

/** Fields each action asks for (the contract's per-action schema is the authority). */
const FIELDS: Partial<Record<FirearmAction, string[]>> = {
  issue: ['personId', 'post', 'issuedAt', 'shiftEndsAt'],
  return: ['returnedAt', 'note'],
  reportLost: ['eventDate', 'reportDate', 'policeReportNumber', 'circumstances'],
  reportStolen: ['eventDate', 'reportDate', 'policeReportNumber', 'circumstances'],
  transferToCompany: ['toCompanyId', 'toArmoryId', 'date', 'note'],
  destroy: ['date', 'method', 'witness', 'note'],
};
const DATETIME = new Set(['issuedAt', 'shiftEndsAt', 'returnedAt']);
const DATE = new Set(['eventDate', 'reportDate', 'date']);

function initial(action: FirearmAction): Values {
  const now = nowLocal();
  const end = new Date(Date.now() + 12 * 3600_000);
  const endLocal = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}T${String(end.getHours()).padStart(2, '0')}:${String(end.getMinutes()).padStart(2, '0')}`;
  const v: Values = { issuedAt: now, shiftEndsAt: endLocal, returnedAt: now, eventDate: todayLocal(), reportDate: todayLocal(), date: todayLocal(), method: 'cutting' };
  return Object.fromEntries((FIELDS[action] ?? ['date', 'note']).map((f) => [f, v[f] ?? '']));
}

/** The dialog of one lifecycle action: the facts the law asks for, sent as one command. */
export function TransitionDialog({ firearm, action, onCancel, onDone }: { firearm: Firearm; action: FirearmAction; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Values>(() => initial(action));
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldErrors(error);
  const fields = FIELDS[action] ?? ['date', 'note'];
  const set = (f: string) => (x: string) => setV((o) => ({ ...o, [f]: x, ...(f === 'toCompanyId' ? { toArmoryId: '' } : {}) }));

  const submit = async () => {
    setBusy(true);
    const input = { id: firearm.id, version: firearm.version, action, ...Object.fromEntries(Object.entries(v).map(([f, x]) => [f, x === '' && (f === 'toArmoryId' || f === 'note' || f === 'circumstances') ? null : x])) } as FirearmTransitionInput;
    const r = await call('firearms.transition', input);
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error);
  };
  const danger = action === 'reportLost' || action === 'reportStolen' || action === 'destroy';
  return (
    <Dialog title={`${t(k('firearmAction', action))} · ${firearm.serial}`} submitLabel={t(k('firearmAction', action))} danger={danger} busy={busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={fields} />
      {fields.map((f) => {
        const label = t(k('firearms.form', f));
        if (f === 'personId') return <GuardPicker key={f} value={v.personId} onChange={set('personId')} error={fieldError('personId')} calibre={firearm.calibre} />;
        if (f === 'toCompanyId') return <CompanyPick key={f} value={v[f]} onChange={set(f)} error={fieldError(f)} exclude={firearm.companyId} />;
        if (f === 'toArmoryId') return <ArmoryPick key={f} companyId={v.toCompanyId} value={v[f]} onChange={set(f)} error={fieldError(f)} />;
        if (f === 'method') return <Select key={f} label={label} value={v[f]} options={DESTRUCTION_METHODS.map((m) => ({ value: m, label: t(k('destruction', m)) }))} onChange={set(f)} required />;
        const required = !(f === 'note' || f === 'circumstances' || f === 'toArmoryId');
        return <TextInput key={f} label={label} value={v[f]} onChange={set(f)} error={fieldError(f)} required={required} type={DATETIME.has(f) ? 'datetime-local' : DATE.has(f) ? 'date' : 'text'} />;
      })}
    </Dialog>
  );
}

function CompanyPick({ value, onChange, error, exclude }: { value: string; onChange(v: string): void; error?: string; exclude: string }) {
  const { t } = useI18n();
  const opts = useCompanyOptions().filter((o) => o.value !== exclude);
  return <Select label={t('firearms.form.toCompanyId')} value={value} placeholder="—" options={opts} onChange={onChange} error={error} required />;
}

function ArmoryPick({ companyId, value, onChange, error }: { companyId: string; value: string; onChange(v: string): void; error?: string }) {
  const { t } = useI18n();
  return <Select label={t('firearms.form.toArmoryId')} value={value} placeholder={t('firearms.noArmory')} options={useArmoryOptions(companyId)} onChange={onChange} error={error} />;
}

/** Finds a guard in the personnel register by name or national id; the register stores the person's id. */
function GuardPicker({ value, onChange, error, calibre }: { value: string; onChange(id: string): void; error?: string; calibre: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const people = useQuery('personnel.list', can('personnel.read') && search.trim().length >= 2 ? { search, limit: 20 } : null);
  if (!can('personnel.read')) return <TextInput label={t('firearms.form.personId')} value={value} onChange={onChange} error={error} required />;
  return (
    <div className="field">
      <TextInput label={t('firearms.form.guard')} value={search} onChange={setSearch} hint={t('firearms.form.guardHint', { calibre })} error={error} required />
      {search.trim().length >= 2 ? (
        <ul className="fa-guards" aria-label={t('firearms.form.guardMatches')}>
          {(people.data?.rows ?? []).map((p) => (
            <li key={p.id}>
              <button type="button" aria-pressed={value === p.id} onClick={() => onChange(p.id)}>
                {p.givenNames} {p.familyNames} <span className="muted small">· {p.nationalId} · {p.credentialNumber ?? t('common.none')} · {t(k('credentialState', p.credentialStatus))}</span>
              </button>
            </li>
          ))}
          {people.data && people.data.rows.length === 0 ? <li className="muted small" style={{ padding: '7px 10px' }}>{t('firearms.form.noGuards')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
