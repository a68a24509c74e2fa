import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import { REFERRAL_TARGETS } from '../../../shared/model/grievance.ts';
import { grievanceActions, type GrievanceTransition } from '../../../shared/model/grievanceLifecycle.ts';
import type { Permission } from '../../../shared/model/roles.ts';
import { Fact, Facts, StatusBadge, showLocal, useTk } from './common.tsx';
import { DueCell } from './DueCell.tsx';
import { TextArea } from './TextArea.tsx';
import { useLoad } from './useLoad.ts';
import { justRecorded } from './GrievanceForm.tsx';
import { LinkedPeople } from './LinkedPeople.tsx';

type Identity = CommandOutput<'grievances.getIdentity'>;

/** One grievance: facts, stage clock, the actions the table allows this role, restricted identity, history. */
export function GrievanceDetail({ id, can }: { id: string; can: (p: string) => boolean }) {
  const { t, tError, formatDateTime } = useI18n();
  const tk = useTk();
  const g = useLoad('grievances.get', { id });
  const [acting, setActing] = useState<GrievanceTransition | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [asking, setAsking] = useState(false);
  const fresh = justRecorded.id === id;

  if (g.error) return <div className="page"><div className="alert alert-error" role="alert">{tError(g.error)}</div></div>;
  if (!g.value) return <div className="page" role="status">{t('common.loading')}</div>;
  const v = g.value;
  const actions = grievanceActions(v.status, (p: Permission) => can(p));

  return (
    <div className="page acc-detail">
      <nav className="breadcrumb" aria-label={t('grievances.title')}><a href="#/grievances">{t('grievances.title')}</a> <span aria-hidden="true">/</span> <span className="mono">{v.referenceCode}</span></nav>
      <div className="page-header">
        <div>
          <h1>{t('grievances.referenceCode')}: <span className="mono">{v.referenceCode}</span></h1>
          <p className="lead"><StatusBadge kind="grievances" status={v.status} /> {tk(`grievances.category.${v.category}`)}
            {v.retaliationConcern ? <> <span className="badge badge-danger">{t('grievances.retaliationFlag')}</span></> : null}</p>
        </div>
        <div className="actions acc-actions">
          {actions.map((a) => (
            <button key={a.action} type="button" className={`btn ${a.to === 'closed' || a.to === 'referred' ? 'btn-secondary' : 'btn-primary'}`} onClick={() => setActing(a)}>
              {tk(`grievances.action.${a.action}`)}
            </button>
          ))}
        </div>
      </div>
      {fresh ? <div className="alert alert-success" role="status"><strong className="mono acc-code">{v.referenceCode}</strong> {t('grievances.codeGiven')}</div> : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="g-facts">
          <h2 id="g-facts">{t('grievances.facts')}</h2>
          <Facts>
            <Fact label={t('grievances.receivedAt')}>{showLocal(v.receivedAt)}</Fact>
            <Fact label={t('grievances.channel')}>{tk(`grievances.channel.${v.channel}`)}</Fact>
            <Fact label={t('grievances.company')}>{v.companyId ? <a href={`#/companies/${encodeURIComponent(v.companyId)}`}>{v.companyName}</a> : t('grievances.noCompany')}</Fact>
            <Fact label={t('grievances.status')}><StatusBadge kind="grievances" status={v.status} /></Fact>
            <Fact label={t('grievances.due')}>{v.dueAt ? <>{formatDateTime(v.dueAt)} · <DueCell daysLeft={v.daysLeft} overdue={v.overdue} /></> : null}</Fact>
            {v.referralTarget ? <Fact label={t('grievances.referralTarget')}>{tk(`grievances.referral.${v.referralTarget}`)}</Fact> : null}
            {v.outcomeNote ? <Fact label={t('grievances.outcome')}>{v.outcomeNote}</Fact> : null}
          </Facts>
          <h3>{t('grievances.summary')}</h3>
          <p className="acc-prose">{v.summary}</p>
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="g-who">
            <h2 id="g-who">{t('grievances.complainant')}</h2>
            {v.anonymous ? <p>{t('grievances.noIdentity')}</p> : identity?.complainant ? (
              <>
                <Facts>
                  <Fact label={t('grievances.complainant.fullName')}>{identity.complainant.fullName}</Fact>
                  <Fact label={t('grievances.complainant.nationalId')}>{identity.complainant.nationalId}</Fact>
                  <Fact label={t('grievances.complainant.contact')}>{identity.complainant.contact}</Fact>
                  <Fact label={t('grievances.complainant.address')}>{identity.complainant.address}</Fact>
                </Facts>
                <p className="small muted">{t('grievances.identityJournaled')}</p>
              </>
            ) : (
              <>
                <p><span className="badge badge-info">{t('grievances.identityOnFile')}</span></p>
                {can('grievances.identity') ? <button type="button" className="btn btn-secondary" onClick={() => setAsking(true)}>{t('grievances.revealIdentity')}</button> : null}
              </>
            )}
          </section>
          <LinkedPeople title={t('grievances.personnelShort')} headingId="g-people" people={v.people} named={v.personnelConcerned} />
          <section className="card" aria-labelledby="g-hist">
            <h2 id="g-hist">{t('grievances.history')}</h2>
            <ol className="acc-timeline">
              {v.events.map((e) => (
                <li key={e.id}>
                  <span className="acc-when">{formatDateTime(e.at)}</span> <strong>{tk(`grievances.action.${e.action}`)}</strong> → {tk(`grievances.status.${e.toStatus}`)}
                  {e.username ? <span className="muted"> · {e.username}</span> : null}
                  {e.note ? <div className="acc-note">{e.note}</div> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      {acting ? <ActionDialog grievance={v} transition={acting} onDone={() => { setActing(null); g.reload(); }} onCancel={() => setActing(null)} /> : null}
      {asking ? <IdentityDialog id={v.id} onDone={(i) => { setIdentity(i); setAsking(false); }} onCancel={() => setAsking(false)} /> : null}
    </div>
  );
}

function ActionDialog({ grievance, transition, onDone, onCancel }: { grievance: { id: string; version: number }; transition: GrievanceTransition; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const tk = useTk();
  const [note, setNote] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error);
  const submit = async () => {
    setBusy(true);
    const r = await call('grievances.transition', { id: grievance.id, version: grievance.version, action: transition.action, note, referralTarget: (target || null) as never });
    setBusy(false);
    if (r.ok) onDone(); else setError(r.error);
  };
  return (
    <Dialog title={tk(`grievances.action.${transition.action}`)} submitLabel={tk(`grievances.action.${transition.action}`)} busy={busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={['note', 'referralTarget']} />
      {transition.needs.includes('referralTarget') ? (
        <Select label={t('grievances.referralTarget')} value={target} placeholder="—" required error={fe('referralTarget')}
          options={REFERRAL_TARGETS.map((x) => ({ value: x, label: tk(`grievances.referral.${x}`) }))} onChange={setTarget} />
      ) : null}
      <TextArea label={t('grievances.note')} value={note} onChange={setNote} required={transition.needs.includes('note')} error={fe('note')} />
    </Dialog>
  );
}

function IdentityDialog({ id, onDone, onCancel }: { id: string; onDone(i: Identity): void; onCancel(): void }) {
  const { t } = useI18n();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const submit = async () => {
    const r = await call('grievances.getIdentity', { id, purpose });
    if (r.ok) onDone(r.value); else setError(r.error);
  };
  return (
    <Dialog title={t('grievances.revealIdentity')} submitLabel={t('grievances.revealIdentity')} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={['purpose']} />
      <TextInput label={t('grievances.revealPurpose')} value={purpose} onChange={setPurpose} required error={fe('purpose')} />
    </Dialog>
  );
}
