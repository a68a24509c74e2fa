import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { FormError, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { JournalEntry } from '../../../shared/commands/journal.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

const PAGE = 100;

interface Filters {
  username: string;
  entityType: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { username: '', entityType: '', from: '', to: '' };

/** The hash-chained journal: filter, page through, and verify the chain (journal.verify). */
export function JournalPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { can } = useSession();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ rows: JournalEntry[]; total: number } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<CommandOutput<'journal.verify'> | null>(null);
  const [verifyError, setVerifyError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);

  const load = useCallback(async (f: Filters, off: number) => {
    const r = await call('journal.list', {
      username: f.username.trim() || null,
      entityType: f.entityType.trim() || null,
      from: f.from || null,
      to: f.to || null,
      offset: off,
      limit: PAGE,
    });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  useEffect(() => {
    void load(filters, offset);
  }, [load, filters, offset]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setFilters({ ...draft });
  };
  const clear = () => {
    setDraft(EMPTY);
    setOffset(0);
    setFilters(EMPTY);
  };
  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(null);
    const r = await call('journal.verify', {});
    setVerifying(false);
    if (r.ok) setVerify(r.value);
    else setVerifyError(r.error);
  };

  const total = data?.total ?? 0;
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('journal.title')}</h1>
          <p className="lead">{t('journal.lead')}</p>
        </div>
        {can('journal.verify') ? (
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => void runVerify()} disabled={verifying}>
              {verifying ? t('journal.verifying') : t('journal.verify')}
            </button>
          </div>
        ) : null}
      </div>

      <div aria-live="polite">
        {verify?.ok ? (
          <div className="alert alert-success" data-testid="journal-verify-ok">
            <strong>{t('journal.verifyOk')}</strong>
            {t('journal.verifyOkText', { checked: formatNumber(verify.checked), hash: verify.headHash ? verify.headHash.slice(0, 16) : t('common.none') })}
          </div>
        ) : null}
        {verify && !verify.ok ? (
          <div className="alert alert-error" role="alert" data-testid="journal-verify-broken">
            <strong>{t('journal.verifyBroken')}</strong>
            {t('journal.verifyBrokenText', { seq: verify.firstBrokenSeq ?? '?' })}
          </div>
        ) : null}
        <FormError error={verifyError} />
      </div>

      <form className="card filters" onSubmit={apply} aria-label={t('journal.filtersLabel')} noValidate>
        <TextInput id="journal-username" label={t('journal.user')} value={draft.username} onChange={(v) => setDraft({ ...draft, username: v })} autoCapitalize="off" spellCheck={false} error={fieldError('username')} />
        <TextInput id="journal-entityType" label={t('journal.entityType')} value={draft.entityType} onChange={(v) => setDraft({ ...draft, entityType: v })} autoCapitalize="off" spellCheck={false} error={fieldError('entityType')} />
        <TextInput id="journal-from" type="date" label={t('journal.from')} value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} error={fieldError('from')} />
        <TextInput id="journal-to" type="date" label={t('journal.to')} value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} error={fieldError('to')} />
        <div className="row">
          <button type="submit" className="btn btn-primary">{t('journal.filter')}</button>
          <button type="button" className="btn btn-secondary" onClick={clear}>{t('journal.clear')}</button>
        </div>
      </form>

      <FormError error={error} fields={['username', 'entityType', 'from', 'to']} />
      {!data ? (
        error ? null : <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('journal.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t('journal.seq')}</th>
                  <th scope="col">{t('journal.at')}</th>
                  <th scope="col">{t('journal.user')}</th>
                  <th scope="col">{t('journal.command')}</th>
                  <th scope="col">{t('journal.entity')}</th>
                  <th scope="col">{t('journal.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.length === 0 ? (
                  <tr><td colSpan={6} className="table-empty">{t('journal.empty')}</td></tr>
                ) : data.rows.map((r) => (
                  <tr key={r.seq}>
                    <td className="num">{r.seq}</td>
                    <td>{formatDateTime(r.at)}</td>
                    <td>{r.username ?? <span className="muted">{t('journal.system')}</span>}</td>
                    <td><code>{r.command}</code></td>
                    <td>
                      {r.entityType ? <span className="badge">{r.entityType}</span> : t('common.none')}
                      {r.entityId ? <> <span className="hash" title={r.entityId}>{r.entityId.slice(0, 13)}…</span></> : null}
                    </td>
                    <td><span className="hash" title={r.hash}>{r.hash.slice(0, 12)}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <span>{total ? t('journal.range', { from: formatNumber(offset + 1), to: formatNumber(Math.min(offset + PAGE, total)), total: formatNumber(total) }) : ''}</span>
            <div className="row">
              <button type="button" className="btn btn-secondary btn-sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('journal.prev')}</button>
              <button type="button" className="btn btn-secondary btn-sm" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('journal.next')}</button>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
