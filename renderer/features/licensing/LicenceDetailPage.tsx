import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { Attachments } from '../../components/Attachments/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { LicenceDetail } from '../../../shared/commands/licensing.ts';
import { availableLicenceActions, type LicenceTransition } from '../../../shared/model/licenceLifecycle.ts';
import { addDays } from '../../../shared/model/due.ts';
import { ActionDialog, type DialogKind, type DialogValues } from './ActionDialog.tsx';
import { LicenceInspections } from './LicenceInspections.tsx';
import { ClockBadge, StateBadge } from './ClockBadge.tsx';
import { TargetSanctions } from '../sanctions/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { IssueCertificateButton } from '../documents/index.ts';

const OPEN_CHECKLIST = ['draft', 'submitted', 'information_requested'];

interface Pending { kind: DialogKind; action: string; title: string; submitLabel: string; danger?: boolean }

/** One application or licence: facts, clock, checklist, recommendation, documents, history and the actions allowed now. */
export function LicenceDetailPage({ id, can }: { id: string; can: (p: string) => boolean }) {
  const { t, tError } = useI18n();
  const q = useQuery('licensing.get', { id });
  if (q.error && !q.value) {
    return (
      <div className="page">
        <p><a href="#/licensing">← {t('licensing.backToList')}</a></p>
        <div className="alert alert-error" role="alert">{tError(q.error)}</div>
      </div>
    );
  }
  if (!q.value) return <div className="page" role="status">{t('common.loading')}</div>;
  return <LicenceDetailView l={q.value} can={can} onChange={(d) => q.setValue(d)} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const empty = children === null || children === undefined || children === '';
  return <><dt>{label}</dt><dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd></>;
}

function LicenceDetailView({ l, can, onChange }: { l: LicenceDetail; can: (p: string) => boolean; onChange(d: LicenceDetail): void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { status } = useSession();
  const me = status.user!;
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [pageError, setPageError] = useState<AppErrorData | null>(null);
  const tk = (k: string, p?: Record<string, string | number>) => t(k as MessageKey, p);

  const checklistDone = l.checklist.every((c) => c.receivedOn);
  const today = new Date().toISOString().slice(0, 10);
  const ownRecommendation = l.recommendedBy === me.id;
  const actions = availableLicenceActions(l.state, me.role).filter((tr) => {
    if (tr.guard === 'checklistComplete') return checklistDone;
    if (tr.guard === 'recommended') return !!l.recommendation && !ownRecommendation;
    // Date guards by this computer's calendar; the main process decides with its own clock.
    if (tr.guard === 'pastExpiry') return !!l.expiresOn && today > l.expiresOn;
    if (tr.guard === 'inRenewalWindow') return !!l.expiresOn && today <= l.expiresOn && today >= addDays(l.expiresOn, -l.renewalWindowDays);
    return true;
  });
  const decisionsHidden = availableLicenceActions(l.state, me.role).some((tr) => tr.guard === 'recommended') && ownRecommendation;
  const canRecommend = l.state === 'pre_licence_inspection' && can('licensing.write');
  const canTick = OPEN_CHECKLIST.includes(l.state) && can('licensing.write');

  const open = (tr: LicenceTransition) => {
    setError(null);
    const label = tk(`licensing.action.${tr.action}`);
    setPending({
      kind: tr.decision ? 'decision' : tr.action === 'request_information' ? 'note' : 'confirm', action: tr.action,
      title: t('licensing.decision.title', { action: label, company: l.companyName }), submitLabel: label,
      danger: ['refuse', 'revoke', 'suspend'].includes(tr.action),
    });
  };

  const submit = async (v: DialogValues) => {
    if (!pending) return;
    setBusy(true);
    const base = { id: l.id, version: l.version };
    let r;
    if (pending.kind === 'recommend') r = await call('licensing.recommend', { ...base, recommendation: v.recommendation, legalBasis: v.legalBasis, reason: v.reason });
    else if (pending.kind === 'condition') r = await call('licensing.addCondition', { ...base, text: v.text, dueOn: v.dueOn || null });
    else if (pending.kind === 'decision') r = await call('licensing.decide', { ...base, action: pending.action as never, legalBasis: v.legalBasis, reason: v.reason });
    else r = await call('licensing.advance', { ...base, action: pending.action as never, note: v.note || null });
    setBusy(false);
    if (r.ok) { onChange(r.value); setPending(null); setError(null); } else setError(r.error);
  };

  const tick = async (position: number, received: boolean) => {
    const r = await call('licensing.setChecklistItem', { id: l.id, version: l.version, position, received });
    if (r.ok) { onChange(r.value); setPageError(null); } else setPageError(r.error);
  };

  const done = l.checklist.filter((c) => c.receivedOn).length;
  return (
    <div className="page lic-detail">
      <nav className="breadcrumb" aria-label={t('licensing.breadcrumb')}>
        <a href="#/licensing">{t('licensing.title')}</a> <span aria-hidden="true">/</span>{' '}
        <a href={`#/companies/${encodeURIComponent(l.companyId)}`}>{l.companyName}</a>
      </nav>
      <div className="page-header">
        <div>
          <h1>{l.number ? <span className="mono">{l.number}</span> : l.typeName}</h1>
          <p className="lead">
            <StateBadge state={l.state} /> {l.number ? <>{l.typeName} · </> : null}
            <a href={`#/companies/${encodeURIComponent(l.companyId)}`}>{l.companyName}</a> · <span className="mono">{l.companyTaxId}</span>
          </p>
        </div>
      </div>
      {pageError ? <div className="alert alert-error" role="alert"><PageError e={pageError} /></div> : null}

      <section className="card lic-actions" aria-labelledby="lic-s-actions">
        <h2 id="lic-s-actions">{t('licensing.section.actions')}</h2>
        <div className="lic-action-row">
          {actions.map((tr) => (
            <button key={tr.action} type="button" className={`btn ${tr.decision ? 'btn-primary' : 'btn-secondary'}${['refuse', 'revoke'].includes(tr.action) ? ' btn-danger' : ''}`} onClick={() => open(tr)}>
              {tk(`licensing.action.${tr.action}`)}
            </button>
          ))}
          {canRecommend ? (
            <button type="button" className="btn btn-secondary" onClick={() => { setError(null); setPending({ kind: 'recommend', action: 'recommend', title: t('licensing.action.recommend'), submitLabel: t('licensing.action.recommend') }); }}>
              {t('licensing.action.recommend')}
            </button>
          ) : null}
          {can('licensing.write') && ['active', 'renewal_filed', 'suspended', 'pre_licence_inspection'].includes(l.state) ? (
            <button type="button" className="btn btn-ghost" onClick={() => { setError(null); setPending({ kind: 'condition', action: 'condition', title: t('licensing.conditions.add'), submitLabel: t('licensing.conditions.add') }); }}>
              {t('licensing.conditions.add')}
            </button>
          ) : null}
          <IssueCertificateButton licenceId={l.id} state={l.state} can={can} />
          {actions.length === 0 && !canRecommend ? <p className="muted">{t('licensing.noActions')}</p> : null}
        </div>
        {decisionsHidden ? <p className="alert alert-info lic-hint">{t('licensing.fourEyesHint')}</p> : null}
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="lic-s-app">
          <h2 id="lic-s-app">{t('licensing.section.application')}</h2>
          <dl className="facts">
            <Fact label={t('licensing.field.company')}><a href={`#/companies/${encodeURIComponent(l.companyId)}`}>{l.companyName}</a></Fact>
            <Fact label={t('licensing.field.type')}>{l.typeName}</Fact>
            <Fact label={t('licensing.field.serviceTypes')}>{l.serviceTypes.map((s) => tk(`service.${s}`)).join(', ')}</Fact>
            <Fact label={t('licensing.field.submittedOn')}>{l.submittedOn ? formatDate(l.submittedOn) : null}</Fact>
            <Fact label={t('licensing.field.number')}>{l.number ? <span className="mono">{l.number}</span> : null}</Fact>
            <Fact label={t('licensing.field.issuedOn')}>{l.issuedOn ? formatDate(l.issuedOn) : null}</Fact>
            <Fact label={t('licensing.field.expiresOn')}>{l.expiresOn ? formatDate(l.expiresOn) : null}</Fact>
            {l.renewalFiledOn ? <Fact label={t('licensing.field.renewalFiledOn')}>{formatDate(l.renewalFiledOn)}</Fact> : null}
            {l.notes ? <Fact label={t('licensing.field.notes')}>{l.notes}</Fact> : null}
          </dl>
        </section>
        <div>
          <section className="card" aria-labelledby="lic-s-clock">
            <h2 id="lic-s-clock">{t('licensing.clock.title')}</h2>
            <p className="lic-clock-big"><ClockBadge clock={l.clock} long /></p>
            {l.clock.pausedDays > 0 || l.clock.status === 'paused' ? <p className="muted">{t('licensing.clock.paused.note', { days: l.clock.pausedDays })}</p> : null}
          </section>
          <section className="card" aria-labelledby="lic-s-rec">
            <h2 id="lic-s-rec">{t('licensing.section.recommendation')}</h2>
            {l.recommendation ? (
              <>
                <p><span className={`badge ${l.recommendation === 'grant' ? 'badge-success' : 'badge-danger'}`}>{tk(`licensing.recommendation.${l.recommendation}`)}</span>{' '}
                  <span className="muted">{t('licensing.recommendation.by', { name: l.recommendedByName ?? '', date: formatDateTime(l.recommendedAt) })}</span></p>
                <dl className="facts">
                  <Fact label={t('licensing.field.legalBasis')}>{l.recommendationBasis}</Fact>
                  <Fact label={t('licensing.field.reason')}>{l.recommendationReason}</Fact>
                </dl>
              </>
            ) : <p className="muted">{t('licensing.recommendation.none')}</p>}
          </section>
          {l.inspections.length || l.state === 'pre_licence_inspection' ? (
            <section className="card" aria-labelledby="lic-s-insp">
              <h2 id="lic-s-insp">{t('licensing.section.inspections')}</h2>
              <LicenceInspections licence={l} />
            </section>
          ) : null}
        </div>
      </div>

      <section className="card" aria-labelledby="lic-s-check">
        <div className="card-header">
          <h2 id="lic-s-check">{t('licensing.section.checklist')}</h2>
          {l.checklist.length ? <span className="badge">{t('licensing.checklist.progress', { done, total: l.checklist.length })}</span> : null}
        </div>
        {l.checklist.length === 0 ? <p className="muted">{t('licensing.checklist.empty')}</p> : (
          <ul className="lic-checklist">
            {l.checklist.map((c) => (
              <li key={c.position}>
                <label className="checkbox">
                  <input type="checkbox" checked={!!c.receivedOn} disabled={!canTick} onChange={(e) => void tick(c.position, e.target.checked)} />
                  <span>{c.label}</span>
                </label>
                {c.receivedOn ? <span className="muted lic-received">{t('licensing.checklist.received', { date: formatDate(c.receivedOn) })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Attachments ownerType="licence" ownerId={l.id} canAdd={can('licensing.write')} title={t('licensing.documents')} kinds={l.checklist.map((c) => c.label)} />

      <section className="card" aria-labelledby="lic-s-cond">
        <h2 id="lic-s-cond">{t('licensing.section.conditions')}</h2>
        {l.conditions.length === 0 ? <p className="muted">{t('licensing.conditions.empty')}</p> : (
          <ul className="lic-conditions">
            {l.conditions.map((c) => (
              <li key={c.id}>
                {c.text}
                {c.dueOn ? <span className="badge badge-warning">{t('licensing.conditions.due', { date: formatDate(c.dueOn) })}</span> : null}
                {c.sanctionId ? <a className="badge" href={`#/sanctions/${c.sanctionId}`}>{t('licensing.conditions.fromSanction')}</a> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {can('sanctions.read') && l.number ? <TargetSanctions targetType="licence" targetId={l.id} targetLabel={l.number} canPropose={can('sanctions.write')} /> : null}

      <section className="card" aria-labelledby="lic-s-hist">
        <h2 id="lic-s-hist">{t('licensing.section.history')}</h2>
        <ol className="lic-history">
          {[...l.events].reverse().map((e) => (
            <li key={e.id}>
              <div className="lic-ev-head">
                <strong>{tk(`licensing.event.${e.action}`)}</strong>
                {e.fromState !== e.toState ? <> <StateBadge state={e.toState} /></> : null}
                <span className="muted"> {e.username ? t('licensing.event.by', { user: e.username, date: formatDateTime(e.at) }) : t('licensing.event.byCalendar', { date: formatDateTime(e.at) })}</span>
                {e.sanctionId ? <> · <a href={`#/sanctions/${e.sanctionId}`}>{t('licensing.event.sanction')}</a></> : null}
              </div>
              {e.legalBasis ? <div><span className="muted">{t('licensing.field.legalBasis')}:</span> {e.legalBasis}</div> : null}
              {e.reason ? <div className="lic-ev-reason">{e.reason}</div> : null}
            </li>
          ))}
        </ol>
      </section>

      {pending ? (
        <ActionDialog kind={pending.kind} title={pending.title} submitLabel={pending.submitLabel} danger={pending.danger} busy={busy} error={error}
          context={(pending.kind === 'decision' || pending.kind === 'recommend') && (l.inspections.length || l.state === 'pre_licence_inspection') ? (
            <div className="lic-dialog-context"><strong>{t('licensing.section.inspections')}</strong><LicenceInspections licence={l} /></div>
          ) : null}
          onSubmit={(v) => void submit(v)} onCancel={() => setPending(null)} />
      ) : null}
    </div>
  );
}

function PageError({ e }: { e: AppErrorData }) {
  const { tError } = useI18n();
  return <>{tError(e)}</>;
}
