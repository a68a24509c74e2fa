import { useEffect, useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Person } from '../../../shared/commands/personnel.ts';
import { CREDENTIAL_TRANSITIONS, type CredentialAction } from '../../../shared/model/credentialLifecycle.ts';
import { TRAINING_KINDS } from '../../../shared/model/personnel.ts';
import { todayIso } from './usePersonnel.ts';

type Done = (p: Person) => void;

/** Runs a command that returns the person; keeps the dialog open with the error on refusal. */
function useSubmit(onDone: Done) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const run = async (p: Promise<{ ok: true; value: Person } | { ok: false; error: AppErrorData }>) => {
    setBusy(true);
    const r = await p;
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  return { busy, error, run };
}

/** One credential action; decisions against the person ask for reason and legal basis. */
export function CredentialActionDialog({ person, action, onDone, onCancel }: { person: Person; action: CredentialAction; onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const needsReason = CREDENTIAL_TRANSITIONS.some((x) => x.action === action && x.needsReason);
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const s = useSubmit(onDone);
  const fe = useFieldErrors(s.error);
  const danger = action === 'suspend' || action === 'revoke';
  return (
    <Dialog title={`${t(`credentialAction.${action}`)}: ${person.givenNames} ${person.familyNames}`} submitLabel={t(`credentialAction.${action}`)} danger={danger} busy={s.busy}
      onCancel={onCancel}
      onSubmit={() => void s.run(call('personnel.transitionCredential', { personId: person.id, action: action as never, reason: reason || null, legalBasis: legalBasis || null }))}>
      <FormError error={s.error} fields={needsReason ? ['reason', 'legalBasis'] : []} />
      {needsReason ? (
        <>
          <TextInput id="cd-reason" label={t('personnel.field.reason')} value={reason} onChange={setReason} error={fe('reason')} required />
          <TextInput id="cd-legalBasis" label={t('personnel.field.legalBasis')} value={legalBasis} onChange={setLegalBasis} error={fe('legalBasis')} required />
        </>
      ) : <p>{t('personnel.confirmAction', { action: t(`credentialAction.${action}`), name: `${person.givenNames} ${person.familyNames}` })}</p>}
    </Dialog>
  );
}

export function TrainingDialog({ person, onDone, onCancel }: { person: Person; onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ course: '', hours: '', provider: '', completedOn: todayIso(), kind: 'initial' });
  const s = useSubmit(onDone);
  const fe = useFieldErrors(s.error);
  const f = (k: string) => t(`personnel.field.${k}` as 'personnel.field.name');
  return (
    <Dialog title={t('personnel.addTraining')} submitLabel={t('personnel.save')} busy={s.busy} onCancel={onCancel}
      onSubmit={() => void s.run(call('personnel.addTraining', { personId: person.id, course: v.course, hours: Number(v.hours) || 0, provider: v.provider, completedOn: v.completedOn, kind: v.kind as 'initial' }))}>
      <FormError error={s.error} fields={['course', 'hours', 'provider', 'completedOn', 'kind']} />
      <TextInput id="tr-course" label={f('course')} value={v.course} onChange={(x) => setV({ ...v, course: x })} error={fe('course')} required />
      <TextInput id="tr-hours" label={f('hours')} type="number" min={0} value={v.hours} onChange={(x) => setV({ ...v, hours: x })} error={fe('hours')} required />
      <TextInput id="tr-provider" label={f('provider')} value={v.provider} onChange={(x) => setV({ ...v, provider: x })} error={fe('provider')} required />
      <TextInput id="tr-completedOn" label={f('completedOn')} type="date" value={v.completedOn} onChange={(x) => setV({ ...v, completedOn: x })} error={fe('completedOn')} required />
      <Select id="tr-kind" label={f('kind')} value={v.kind} options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`trainingKind.${k}`) }))} onChange={(x) => setV({ ...v, kind: x })} />
    </Dialog>
  );
}

export function QualificationDialog({ person, onDone, onCancel }: { person: Person; onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ calibre: '', qualifiedOn: todayIso(), requalifyBy: '', instructor: '' });
  const s = useSubmit(onDone);
  const fe = useFieldErrors(s.error);
  const f = (k: string) => t(`personnel.field.${k}` as 'personnel.field.name');
  return (
    <Dialog title={t('personnel.addQualification')} submitLabel={t('personnel.save')} busy={s.busy} onCancel={onCancel}
      onSubmit={() => void s.run(call('personnel.addQualification', { personId: person.id, calibre: v.calibre, qualifiedOn: v.qualifiedOn, requalifyBy: v.requalifyBy || null, instructor: v.instructor || null }))}>
      <FormError error={s.error} fields={['calibre', 'qualifiedOn', 'requalifyBy', 'instructor']} />
      <TextInput id="q-calibre" label={f('calibre')} value={v.calibre} onChange={(x) => setV({ ...v, calibre: x })} error={fe('calibre')} required placeholder="9 mm" />
      <TextInput id="q-qualifiedOn" label={f('qualifiedOn')} type="date" value={v.qualifiedOn} onChange={(x) => setV({ ...v, qualifiedOn: x })} error={fe('qualifiedOn')} required />
      <TextInput id="q-requalifyBy" label={f('requalifyBy')} type="date" value={v.requalifyBy} onChange={(x) => setV({ ...v, requalifyBy: x })} error={fe('requalifyBy')} />
      <TextInput id="q-instructor" label={f('instructor')} value={v.instructor} onChange={(x) => setV({ ...v, instructor: x })} error={fe('instructor')} />
    </Dialog>
  );
}

/** Picks a company by searching the register (2,500 companies do not fit a drop-down). */
export function EmployerDialog({ person, onDone, onCancel }: { person: Person; onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [v, setV] = useState({ companyId: '', startDate: todayIso(), position: '' });
  const s = useSubmit(onDone);
  const fe = useFieldErrors(s.error);
  useEffect(() => {
    let live = true;
    const h = setTimeout(() => {
      void call('companies.list', { search, limit: 30, sort: 'legalName', dir: 'asc' }).then((r) => {
        if (!live || !r.ok) return;
        const opts = r.value.rows.map((c) => ({ value: c.id, label: c.legalName }));
        setOptions(opts);
        setV((cur) => (opts.some((o) => o.value === cur.companyId) ? cur : { ...cur, companyId: opts[0]?.value ?? '' }));
      });
    }, 200);
    return () => { live = false; clearTimeout(h); };
  }, [search]);
  const f = (k: string) => t(`personnel.field.${k}` as 'personnel.field.name');
  return (
    <Dialog title={t('personnel.setEmployer')} submitLabel={t('personnel.save')} busy={s.busy} onCancel={onCancel}
      onSubmit={() => void s.run(call('personnel.setEmployer', { personId: person.id, companyId: v.companyId, startDate: v.startDate, position: v.position || null }))}>
      <FormError error={s.error} fields={['companyId', 'startDate', 'position']} />
      <TextInput id="em-search" label={t('companies.list.search')} value={search} onChange={setSearch} type="search" autoComplete="off" />
      <Select id="em-companyId" label={f('companyId')} value={v.companyId} options={options} onChange={(x) => setV({ ...v, companyId: x })} error={fe('companyId')} required />
      <TextInput id="em-startDate" label={f('startDate')} type="date" value={v.startDate} onChange={(x) => setV({ ...v, startDate: x })} error={fe('startDate')} required />
      <TextInput id="em-position" label={f('position')} value={v.position} onChange={(x) => setV({ ...v, position: x })} error={fe('position')} />
    </Dialog>
  );
}

export function EndEmploymentDialog({ person, onDone, onCancel }: { person: Person; onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ endDate: todayIso(), reason: '' });
  const s = useSubmit(onDone);
  const fe = useFieldErrors(s.error);
  return (
    <Dialog title={t('personnel.endEmployment')} submitLabel={t('personnel.endEmployment')} danger busy={s.busy} onCancel={onCancel}
      onSubmit={() => void s.run(call('personnel.endEmployment', { personId: person.id, endDate: v.endDate, reason: v.reason || null }))}>
      <FormError error={s.error} fields={['endDate', 'reason']} />
      <TextInput id="ee-endDate" label={t('personnel.field.endDate')} type="date" value={v.endDate} onChange={(x) => setV({ ...v, endDate: x })} error={fe('endDate')} required />
      <TextInput id="ee-reason" label={t('personnel.field.endReason')} value={v.reason} onChange={(x) => setV({ ...v, reason: x })} error={fe('reason')} />
    </Dialog>
  );
}
