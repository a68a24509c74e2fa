import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Firearm, FirearmEvent } from '../../../shared/commands/firearms.ts';
import { availableFirearmActions, type FirearmAction } from '../../../shared/model/firearmLifecycle.ts';
import type { Permission } from '../../../shared/model/roles.ts';
import { k, useQuery } from './useFirearms.ts';
import { StateBadge } from './StateBadge.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';

/** One weapon: record, flags, the actions its status and the user's role allow, and its whole history. */
export function FirearmDetailPage({ id, can }: { id: string; can: (p: string) => boolean }) {
  const { t, tError } = useI18n();
  const f = useQuery('firearms.get', { id });
  const tl = useQuery('firearms.timeline', { id });
  const [action, setAction] = useState<FirearmAction | null>(null);
  const [done, setDone] = useState(false);
  if (f.error) return <div className="page"><p><a href="#/firearms">← {t('firearms.back')}</a></p><div className="alert alert-error" role="alert">{tError(f.error)}</div></div>;
  if (!f.data) return <div className="page" role="status">{t('common.loading')}</div>;
  const fa = f.data;
  const actions = availableFirearmActions(fa.state, (p: Permission) => can(p));
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('firearms.title')}><a href="#/firearms">{t('firearms.title')}</a> <span aria-hidden="true">/</span> <span className="fa-serial">{fa.serial}</span></nav>
      <div className="page-header">
        <div>
          <h1><span className="fa-serial">{fa.serial}</span> · {fa.make}{fa.model ? ` ${fa.model}` : ''}</h1>
          <p className="lead">{t(k('firearmType', fa.type))} · {fa.calibre} · {fa.companyName} <StateBadge state={fa.state} /></p>
        </div>
        {can('firearms.write') ? <a className="btn btn-secondary" href={`#/firearms/${encodeURIComponent(fa.id)}/edit`}>{t('firearms.edit')}</a> : null}
      </div>
      {done ? <div className="alert alert-success" role="status">{t('firearms.done')}</div> : null}
      <Flags fa={fa} />
      <div className="fa-cols">
        <div className="fa-col">
          <section className="card" aria-labelledby="fa-actions-h">
            <h2 id="fa-actions-h">{t('firearms.actions')}</h2>
            {actions.length ? (
              <div className="fa-actions">
                {actions.map((a) => (
                  <button key={a} type="button" className={`btn ${a === 'reportStolen' || a === 'reportLost' || a === 'destroy' ? 'btn-danger' : a === 'issue' || a === 'return' ? 'btn-primary' : 'btn-secondary'}`} onClick={() => { setDone(false); setAction(a); }}>
                    {t(k('firearmAction', a))}
                  </button>
                ))}
              </div>
            ) : <p className="muted">{t('firearms.noActions')}</p>}
          </section>
          <section className="card" aria-labelledby="fa-tl-h">
            <h2 id="fa-tl-h">{t('firearms.timeline')}</h2>
            <Timeline events={tl.data ?? []} />
          </section>
        </div>
        <div className="fa-col">
          <Record fa={fa} />
        </div>
      </div>
      {action ? (
        <TransitionDialog firearm={fa} action={action} onCancel={() => setAction(null)} onDone={() => { setAction(null); setDone(true); f.reload(); tl.reload(); }} />
      ) : null}
    </div>
  );
}

function Flags({ fa }: { fa: Firearm }) {
  const { t, formatDateTime, formatDate } = useI18n();
  const items: ReactNode[] = [];
  if (fa.duplicateOf.length) items.push(<div key="dup" className="alert alert-error" role="alert">{t('firearms.duplicateWarning', { companies: fa.duplicateOf.map((d) => `${d.companyName} (${d.serial})`).join('; ') })}</div>);
  if (fa.openIssue) {
    items.push(
      <div key="issue" className={`alert ${fa.openIssue.overdue ? 'alert-warning' : 'alert-info'}`}>
        {t('firearms.openIssue', { person: fa.openIssue.personName ?? fa.openIssue.personId, post: fa.openIssue.post, from: formatDateTime(fa.openIssue.issuedAt), until: formatDateTime(fa.openIssue.shiftEndsAt) })}
        {fa.openIssue.overdue ? <> <strong>{t('firearms.overdue')}</strong></> : null}
      </div>,
    );
  }
  for (const r of fa.lossReports) {
    items.push(
      <div key={r.id} className={`alert ${r.late ? 'alert-error' : 'alert-warning'}`} role={r.late ? 'alert' : undefined}>
        <strong>{t(k('firearmState', r.kind))}</strong> · {t('firearms.form.eventDate')}: {formatDate(r.eventDate)} · {t('firearms.form.reportDate')}: {formatDate(r.reportDate)} · {t('firearms.policeReport', { number: r.policeReportNumber })}
        <div>{r.late ? <span className="badge badge-danger">{t('firearms.lateFlag', { days: r.daysToReport, deadline: r.deadlineDays })}</span> : <span className="badge badge-success">{t('firearms.onTime', { days: r.daysToReport, deadline: r.deadlineDays })}</span>}
          {r.recoveredOn ? <> · {t('firearmEvent.recover')}: {formatDate(r.recoveredOn)}</> : null}</div>
      </div>,
    );
  }
  if (fa.openCustodyListId) items.push(<div key="custody" className="alert alert-warning"><a href="#/firearms/custody">{t('firearms.custodyOpen')}</a></div>);
  return items.length ? <div className="fa-flags">{items}</div> : null;
}

function Record({ fa }: { fa: Firearm }) {
  const { t, formatDate } = useI18n();
  const row = (label: string, value: ReactNode) => (
    <><dt>{label}</dt><dd>{value === null || value === undefined || value === '' ? <span className="muted">{t('common.none')}</span> : value}</dd></>
  );
  const f = (x: string) => t(k('firearms.field', x));
  return (
    <section className="card" aria-labelledby="fa-rec-h">
      <h2 id="fa-rec-h">{t('firearms.record')}</h2>
      <dl className="facts fa-facts">
        {row(f('serial'), <span className="fa-serial">{fa.serial}</span>)}
        {row(f('make'), fa.make)}
        {row(f('model'), fa.model)}
        {row(f('calibre'), <>{fa.calibre}{fa.calibreWritten !== fa.calibre ? <span className="muted small"> ({fa.calibreWritten})</span> : null}</>)}
        {row(f('manufacturer'), fa.manufacturer)}
        {row(f('countryOfManufacture'), fa.countryOfManufacture)}
        {row(f('year'), fa.year)}
        {row(f('importMark'), fa.importMark)}
        {row(f('secondaryMarks'), fa.secondaryMarks)}
        {row(f('company'), <a href={`#/companies/${encodeURIComponent(fa.companyId)}`}>{fa.companyName}</a>)}
        {row(f('armory'), fa.armoryName)}
        {row(f('permitNumber'), fa.permitNumber)}
        {row(f('permitExpiry'), fa.permitExpiry ? formatDate(fa.permitExpiry) : null)}
        {row(f('condition'), t(k('firearmCondition', fa.condition)))}
        {row(f('holder'), fa.holderName ?? fa.holderPersonId)}
        {row(f('post'), fa.post)}
        {row(f('notes'), fa.notes)}
      </dl>
    </section>
  );
}

const ALERT_KINDS = new Set(['reportLost', 'reportStolen', 'seize', 'destroy', 'custodyListed']);

function Timeline({ events }: { events: FirearmEvent[] }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const when = (s: string) => (s.length === 10 ? formatDate(s) : formatDateTime(s));
  return (
    <ol className="fa-timeline">
      {[...events].reverse().map((e) => {
        const d = e.details as Record<string, string | number | boolean | undefined>;
        const detail: string[] = [];
        if (e.personId) detail.push(`${t('firearms.field.holder')}: ${e.personName ?? e.personId}`);
        if (e.post) detail.push(`${t('firearms.field.post')}: ${e.post}`);
        if (d.shiftEndsAt) detail.push(`${t('firearms.form.shiftEndsAt')}: ${formatDateTime(String(d.shiftEndsAt))}`);
        if (d.eventDate) detail.push(`${t('firearms.form.eventDate')}: ${formatDate(String(d.eventDate))}`);
        if (d.policeReportNumber) detail.push(t('firearms.policeReport', { number: String(d.policeReportNumber) }));
        if (d.method) detail.push(`${t('firearms.form.method')}: ${t(k('destruction', String(d.method)))} · ${t('firearms.form.witness')}: ${String(d.witness)}`);
        if (d.note) detail.push(String(d.note));
        if (d.reason) detail.push(t(k('custody.reason', String(d.reason))));
        return (
          <li key={e.id} className={ALERT_KINDS.has(e.kind) ? 'fa-ev-alert' : undefined}>
            <div className="fa-ev-when">{when(e.occurredAt)} · {e.companyName}{e.createdBy ? ` · ${e.createdBy}` : ''}</div>
            <div className="fa-ev-what">
              {t(k('firearmEvent', e.kind), { company: e.counterpartCompanyName ?? '' })}
              {d.late === true ? <> <span className="badge badge-danger">{t('firearms.lateShort')}</span></> : null}
            </div>
            {detail.length ? <div className="fa-ev-detail">{detail.join(' · ')}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
