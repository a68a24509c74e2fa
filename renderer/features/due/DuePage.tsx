import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/useQuery.ts';
import { href, navigate } from '../../app/router.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { DueRow } from '../../../shared/commands/due.ts';
import { DUE_KINDS, DUE_WINDOWS, type DueKind, type DueWindow } from '../../../shared/model/due.ts';
import './due.css';

const PAGE = 50;

/** Where a due item is handled in the app. */
export function dueLink(r: DueRow): string {
  if (r.entityType === 'licence') return href(`licensing/${r.entityId}`);
  if (r.entityType === 'sanction') return href(`sanctions/${r.entityId}`);
  if (r.entityType === 'company') return href(`companies/${r.entityId}`);
  if (r.entityType === 'person') return href(`personnel/${r.entityId}`);
  return r.companyId ? href(`companies/${r.companyId}`) : href('due');
}

/**
 * "Vencimientos": every deadline in the register for a period (overdue, 30/60/90 days), one
 * kind or all, soonest first, paged in SQL; export of the whole view to CSV or Excel.
 * Route: `#/due[/<window>[/<kind>]]`, so home cards can link straight to a bucket.
 */
export function DuePage({ route }: { route: string[] }) {
  const { t, tError, lang, formatDate, formatNumber } = useI18n();
  const window = ((DUE_WINDOWS as readonly string[]).includes(route[1] ?? '') ? route[1] : '30') as DueWindow;
  const kind = ((DUE_KINDS as readonly string[]).includes(route[2] ?? '') ? route[2] : '') as DueKind | '';
  const [page, setPage] = useState(0);
  const input = { window, kinds: kind ? [kind] : [] };
  const q = useQuery('due.list', { ...input, offset: page * PAGE, limit: PAGE });
  const [exportError, setExportError] = useState<AppErrorData | null>(null);
  const go = (w: string, k: string) => { setPage(0); navigate(`/due/${w}${k ? `/${k}` : ''}`); };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    const r = await call('due.export', { ...input, format, language: lang });
    if (!r.ok) { setExportError(r.error); return; }
    setExportError(null);
    const bin = atob(r.value.base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const total = q.value?.total ?? 0;
  const days = (n: number) => (n < 0 ? <span className="due-days-over">{t('due.daysOverdue', { days: -n })}</span> : n === 0 ? t('due.today') : t('due.daysLeft', { days: n }));
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('due.title')}</h1></div>
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={() => void exportAs('csv')}>{t('due.export.csv')}</button>
          <button type="button" className="btn btn-secondary" onClick={() => void exportAs('xlsx')}>{t('due.export.xlsx')}</button>
        </div>
      </div>
      {exportError ? <div className="alert alert-error" role="alert">{tError(exportError)}</div> : null}
      <div role="group" aria-label={t('due.windowLabel')} className="due-tabs">
        {DUE_WINDOWS.map((w) => (
          <button key={w} type="button" className="btn btn-secondary" aria-pressed={w === window} onClick={() => go(w, kind)}>{t(`due.window.${w}` as MessageKey)}</button>
        ))}
      </div>
      <div className="filters">
        <Select label={t('due.kindsLabel')} value={kind} placeholder={t('due.allKinds')} options={DUE_KINDS.map((k) => ({ value: k, label: t(`due.kind.${k}`) }))} onChange={(k) => go(window, k)} />
      </div>
      {q.error ? <div className="alert alert-error" role="alert">{tError(q.error)}</div> : null}
      {q.value && q.value.rows.length === 0 ? <p className="muted">{t('due.empty')}</p> : null}
      {q.value && q.value.rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label={t('due.title')}>
            <thead>
              <tr>
                <th scope="col">{t('due.col.dueOn')}</th>
                <th scope="col">{t('due.col.daysLeft')}</th>
                <th scope="col">{t('due.col.kind')}</th>
                <th scope="col">{t('due.col.companyName')}</th>
                <th scope="col">{t('due.col.subject')}</th>
                <th scope="col">{t('due.col.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {q.value.rows.map((r) => (
                <tr key={`${r.kind}-${r.entityId}`}>
                  <td className="due-nowrap">{formatDate(r.dueOn)}</td>
                  <td className="due-nowrap">{days(r.daysLeft)}</td>
                  <td>{t(`due.kind.${r.kind}`)}</td>
                  <td>{r.companyId ? <a href={href(`companies/${r.companyId}`)}>{r.companyName}</a> : t('common.none')}</td>
                  <td><a href={dueLink(r)}>{r.subjectIsKey ? t(r.subject as MessageKey) : r.subject}</a></td>
                  <td className="mono">{r.reference ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > PAGE ? (
        <div className="pager">
          <span>{formatNumber(page * PAGE + 1)}–{formatNumber(Math.min(total, (page + 1) * PAGE))} / {formatNumber(total)}</span>
          <span className="row">
            <button type="button" className="btn btn-secondary btn-sm" disabled={page === 0} onClick={() => setPage(page - 1)} aria-label="←">←</button>
            <button type="button" className="btn btn-secondary btn-sm" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)} aria-label="→">→</button>
          </span>
        </div>
      ) : null}
    </div>
  );
}
