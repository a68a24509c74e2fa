import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { Dialog, FormError, Select, TextArea, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { SanctionDetail } from '../../../shared/commands/sanctions.ts';
import { APPEAL_OUTCOMES, availableSanctionActions, type AppealOutcome, type SanctionTransition } from '../../../shared/model/sanctionLifecycle.ts';
import { useQuery } from '../../api/useQuery.ts';
import { SanctionStateBadge } from './SanctionsTable.tsx';

/** One sanction: what, against whom, on what basis, its appeal and the actions allowed now. */
export function SanctionDetailPage({ id }: { id: string }) {
  const { t, tError } = useI18n();
  const q = useQuery('sanctions.get', { id });
  if (q.error && !q.value) return <div className="page"><p><a href="#/sanctions">← {t('sanctions.title')}</a></p><div className="alert alert-error" role="alert">{tError(q.error)}</div></div>;
  if (!q.value) return <div className="page" role="status">{t('common.loading')}</div>;
  return <SanctionView s={q.value} onChange={(d) => q.setValue(d)} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const empty = children === null || children === undefined || children === '';
  return <><dt>{label}</dt><dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd></>;
}

function SanctionView({ s, onChange }: { s: SanctionDetail; onChange(d: SanctionDetail): void }) {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const { status } = useSession();
  const tk = (k: string, p?: Record<string, string | number>) => t(k as MessageKey, p);
  const [pending, setPending] = useState<SanctionTransition | null>(null);
  const actions = availableSanctionActions(s.state, status.user!.role).filter((tr) => (tr.guard === 'isFine' ? s.kind === 'fine' : tr.guard === 'notFine' ? s.kind !== 'fine' : true));
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('licensing.breadcrumb')}>
        <a href="#/sanctions">{t('sanctions.title')}</a> <span aria-hidden="true">/</span>{' '}
        {s.companyId ? <a href={`#/companies/${s.companyId}`}>{s.companyName}</a> : null}
      </nav>
      <div className="page-header">
        <div>
          <h1>{tk(`sanctions.kind.${s.kind}`)}{s.targetLabel ? <> · <span className="mono">{s.targetLabel}</span></> : null}</h1>
          <p className="lead"><SanctionStateBadge state={s.state} /> {s.companyName}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="san-s-actions">
        <h2 id="san-s-actions">{t('licensing.section.actions')}</h2>
        <div className="lic-action-row">
          {actions.map((tr) => (
            <button key={tr.action} type="button" className={`btn ${tr.permission === 'sanctions.decide' ? 'btn-primary' : 'btn-secondary'}`} onClick={() => setPending(tr)}>
              {tk(`sanctions.action.${tr.action}`)}
            </button>
          ))}
          {actions.length === 0 ? <p className="muted">{t('licensing.noActions')}</p> : null}
        </div>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="san-s-facts">
          <h2 id="san-s-facts">{tk(`sanctions.kind.${s.kind}`)}</h2>
          <dl className="facts">
            <Fact label={t('sanctions.field.company')}>{s.companyId ? <a href={`#/companies/${s.companyId}`}>{s.companyName}</a> : null}</Fact>
            <Fact label={t(s.targetType === 'licence' ? 'sanctions.field.target.licence' : 'sanctions.field.target.credential')}>
              <a className="mono" href={s.targetType === 'licence' ? `#/licensing/${s.targetId}` : `#/personnel/${s.targetId}`}>{s.targetLabel ?? s.targetId}</a>
            </Fact>
            {s.amount !== null ? <Fact label={t('sanctions.field.amount')}>{formatNumber(s.amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} {s.currency}</Fact> : null}
            {s.conditionText ? <Fact label={t('sanctions.field.conditionText')}>{s.conditionText}</Fact> : null}
            <Fact label={t('sanctions.field.legalBasis')}>{s.legalBasis}</Fact>
            <Fact label={t('sanctions.field.reason')}>{s.reason}</Fact>
          </dl>
        </section>
        <section className="card" aria-labelledby="san-s-appeal">
          <h2 id="san-s-appeal">{t('sanctions.field.appealOutcome')}</h2>
          <dl className="facts">
            <Fact label={t('sanctions.field.appealDays')}>{formatNumber(s.appealDays)}</Fact>
            <Fact label={t('sanctions.field.appealDeadline')}>{s.appealDeadline ? formatDate(s.appealDeadline) : null}</Fact>
            <Fact label={t('sanctions.field.appealOutcome')}>{s.appealOutcome ? tk(`sanctions.appeal.${s.appealOutcome}`) : null}</Fact>
            {s.appealNote ? <Fact label={t('sanctions.field.note')}>{s.appealNote}</Fact> : null}
            <Fact label={t('sanctions.field.finalOn')}>{s.finalOn ? formatDate(s.finalOn) : null}</Fact>
          </dl>
        </section>
      </div>
      <section className="card" aria-labelledby="san-s-hist">
        <h2 id="san-s-hist">{t('sanctions.history')}</h2>
        <ol className="lic-history">
          {[...s.events].reverse().map((e) => (
            <li key={e.id}>
              <div className="lic-ev-head"><strong>{tk(`sanctions.action.${e.action}`)}</strong> <SanctionStateBadge state={e.toState} />
                <span className="muted"> {t('licensing.event.by', { user: e.username ?? '', date: formatDateTime(e.at) })}</span></div>
              {e.note ? <div className="lic-ev-reason">{e.note}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      {pending ? <SanctionActionDialog s={s} tr={pending} onCancel={() => setPending(null)} onDone={(d) => { setPending(null); onChange(d); }} /> : null}
    </div>
  );
}

function SanctionActionDialog({ s, tr, onDone, onCancel }: { s: SanctionDetail; tr: SanctionTransition; onDone(d: SanctionDetail): void; onCancel(): void }) {
  const { t } = useI18n();
  const tk = (k: string) => t(k as MessageKey);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<AppealOutcome>('none');
  const [reduced, setReduced] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const decide = tr.permission === 'sanctions.decide';
  const submit = async () => {
    setBusy(true);
    const base = { id: s.id, version: s.version };
    const r = decide
      ? await call('sanctions.decide', { ...base, action: tr.action as never, appealOutcome: tr.action === 'finalize' ? outcome : null, reducedAmount: outcome === 'reduced' && reduced ? Number(reduced.replace(',', '.')) : null, note })
      : await call('sanctions.advance', { ...base, action: tr.action as never, note: note || null });
    setBusy(false);
    if (r.ok) onDone(r.value); else setError(r.error);
  };
  return (
    <Dialog title={tk(`sanctions.action.${tr.action}`)} submitLabel={tk(`sanctions.action.${tr.action}`)} danger={tr.action === 'annul'} busy={busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={['note', 'appealOutcome', 'reducedAmount']} />
      {tr.action === 'finalize' ? (
        <Select label={t('sanctions.field.appealOutcome')} value={outcome} required error={fe('appealOutcome')}
          options={APPEAL_OUTCOMES.filter((o) => o !== 'upheld' && (o !== 'reduced' || s.kind === 'fine')).map((o) => ({ value: o, label: tk(`sanctions.appeal.${o}`) }))}
          onChange={(v) => setOutcome(v as AppealOutcome)} />
      ) : null}
      {tr.action === 'finalize' && outcome === 'reduced' ? <TextInput label={t('sanctions.field.reducedAmount')} inputMode="decimal" value={reduced} onChange={setReduced} required error={fe('reducedAmount')} /> : null}
      <TextArea label={t('sanctions.field.note')} value={note} onChange={setNote} error={fe('note')} required={decide} />
    </Dialog>
  );
}
