import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { INCIDENT_FOLLOW_UPS } from '../../../shared/model/incident.ts';
import { incidentActions, type IncidentTransition } from '../../../shared/model/incidentLifecycle.ts';
import type { Permission } from '../../../shared/model/roles.ts';
import { Fact, Facts, StatusBadge, showLocal, useTk } from './common.tsx';
import { TextArea } from './TextArea.tsx';
import { useLoad } from './useLoad.ts';
import { LinkedPeople } from './LinkedPeople.tsx';

/** One incident: the company's report, the firearms by serial, reporting delay, the regulator's review. */
export function IncidentDetail({ id, can }: { id: string; can: (p: string) => boolean }) {
  const { t, tError, formatDateTime } = useI18n();
  const tk = useTk();
  const i = useLoad('incidents.get', { id });
  const [acting, setActing] = useState<IncidentTransition | null>(null);
  if (i.error) return <div className="page"><div className="alert alert-error" role="alert">{tError(i.error)}</div></div>;
  if (!i.value) return <div className="page" role="status">{t('common.loading')}</div>;
  const v = i.value;
  const actions = incidentActions(v.status, (p: Permission) => can(p));
  return (
    <div className="page acc-detail">
      <nav className="breadcrumb" aria-label={t('incidents.title')}><a href="#/incidents">{t('incidents.title')}</a> <span aria-hidden="true">/</span> <span className="mono">{v.number}</span></nav>
      <div className="page-header">
        <div>
          <h1><span className="mono">{v.number}</span> · {v.companyName}</h1>
          <p className="lead"><StatusBadge kind="incidents" status={v.status} /> {v.types.map((x) => tk(`incidents.type.${x}`)).join(', ')}</p>
        </div>
        <div className="actions acc-actions">
          {actions.map((a) => <button key={a.action} type="button" className="btn btn-primary" onClick={() => setActing(a)}>{tk(`incidents.action.${a.action}`)}</button>)}
        </div>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="i-facts">
          <h2 id="i-facts">{t('incidents.facts')}</h2>
          <Facts>
            <Fact label={t('incidents.occurredAt')}>{showLocal(v.occurredAt)}</Fact>
            <Fact label={t('incidents.reportedAt')}>{showLocal(v.reportedAt)}</Fact>
            <Fact label={t('incidents.delay')}>
              <span className={v.late ? 'badge badge-danger' : 'badge badge-success'}>{v.late ? t('incidents.late') : t('incidents.onTime')}</span> {t('incidents.delayValue', { hours: v.reportHours, limit: v.reportLimitHours })}
            </Fact>
            <Fact label={t('incidents.place')}>{[v.municipality, v.region].filter(Boolean).join(', ')}{v.latitude !== null ? ` (${v.latitude}, ${v.longitude})` : ''}</Fact>
            <Fact label={t('incidents.company')}><a href={`#/companies/${encodeURIComponent(v.companyId)}`}>{v.companyName}</a></Fact>
            <Fact label={t('incidents.useOfForce')}>{v.useOfForce ? t('common.yes') : t('common.no')}</Fact>
            <Fact label={t('incidents.shotsFired')}>{String(v.shotsFired)}</Fact>
            <Fact label={t('incidents.harm')}>{`${t('incidents.injuries')}: ${v.injuries} · ${t('incidents.deaths')}: ${v.deaths}`}</Fact>
            <Fact label={t('incidents.damage')}>{v.damage}</Fact>
            <Fact label={t('incidents.policeReport')}>{v.policeReportNumber}</Fact>
          </Facts>
          <h3>{t('incidents.description')}</h3>
          <p className="acc-prose">{v.description}</p>
          {v.measuresTaken ? <><h3>{t('incidents.measures')}</h3><p className="acc-prose">{v.measuresTaken}</p></> : null}
        </section>
        <div className="stack">
          <LinkedPeople title={t('incidents.personnelShort')} headingId="i-people" people={v.people} named={v.personnelInvolved} />
          <section className="card" aria-labelledby="i-arms">
            <h2 id="i-arms">{t('incidents.firearms')}</h2>
            {v.firearms.length === 0 ? <p className="muted">{t('common.none')}</p> : (
              <div className="table-wrap" tabIndex={0} role="group" aria-label={t('incidents.firearms')}>
                <table className="table">
                  <thead><tr><th scope="col">{t('incidents.serial')}</th><th scope="col">{t('incidents.firearmType')}</th><th scope="col">{t('incidents.outcomeLabel')}</th></tr></thead>
                  <tbody>
                    {v.firearms.map((a) => (
                      <tr key={a.id}>
                        <td><span className="mono">{a.serial}</span>{a.firearmId ? <div className="small">{t('incidents.registerState')}: <strong data-testid="register-state">{tk(`firearmState.${a.registerState}`)}</strong></div> : <div className="small muted">{t('incidents.firearmNotInRegister')}</div>}</td>
                        <td>{[a.firearmType, a.make, a.calibre].filter(Boolean).join(' · ') || '—'}</td>
                                                <td><span className={a.outcome === 'lost' || a.outcome === 'stolen' ? 'badge badge-danger' : 'badge'}>{tk(`incidents.outcome.${a.outcome}`)}</span></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="i-review">
            <h2 id="i-review">{t('incidents.review')}</h2>
            <Facts>
              <Fact label={t('incidents.status')}><StatusBadge kind="incidents" status={v.status} /></Fact>
              <Fact label={t('incidents.reviewNote')}>{v.reviewNote}</Fact>
              <Fact label={t('incidents.followUp')}>{v.followUp === 'none' ? null : `${tk(`incidents.followUp.${v.followUp}`)} ${v.followUpRef ?? ''}`}</Fact>
            </Facts>
            <h3>{t('incidents.history')}</h3>
            <ol className="acc-timeline">
              {v.events.map((e) => (
                <li key={e.id}><span className="acc-when">{formatDateTime(e.at)}</span> <strong>{tk(`incidents.action.${e.action}`)}</strong>{e.username ? <span className="muted"> · {e.username}</span> : null}
                  {e.note ? <div className="acc-note">{e.note}</div> : null}</li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      {acting ? <ReviewDialog incident={v} transition={acting} onDone={() => { setActing(null); i.reload(); }} onCancel={() => setActing(null)} /> : null}
    </div>
  );
}

function ReviewDialog({ incident, transition, onDone, onCancel }: { incident: { id: string; version: number }; transition: IncidentTransition; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const tk = useTk();
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState('none');
  const [ref, setRef] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const closing = transition.action === 'closeReview';
  const submit = async () => {
    const r = await call('incidents.transition', { id: incident.id, version: incident.version, action: transition.action, note, followUp: followUp as never, followUpRef: ref });
    if (r.ok) onDone(); else setError(r.error);
  };
  return (
    <Dialog title={tk(`incidents.action.${transition.action}`)} submitLabel={tk(`incidents.action.${transition.action}`)} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={['note', 'followUpRef']} />
      <TextArea label={t('incidents.reviewNote')} value={note} onChange={setNote} required={transition.needs.includes('note')} error={fe('note')} />
      {closing ? (
        <div className="grid-2">
          <Select label={t('incidents.followUp')} value={followUp} options={INCIDENT_FOLLOW_UPS.map((x) => ({ value: x, label: tk(`incidents.followUp.${x}`) }))} onChange={setFollowUp} />
          {followUp !== 'none' ? <TextInput label={t('incidents.followUpRef')} value={ref} onChange={setRef} error={fe('followUpRef')} required /> : null}
        </div>
      ) : null}
    </Dialog>
  );
}
