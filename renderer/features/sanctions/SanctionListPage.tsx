import { useState } from 'react';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SANCTION_STATES } from '../../../shared/model/sanctionLifecycle.ts';
import type { SanctionState } from '../../../shared/model/sanctionLifecycle.ts';
import { useQuery } from '../../api/useQuery.ts';
import { SanctionsTable } from './SanctionsTable.tsx';

const PAGE = 50;

/** Every sanction, newest first, filtered by state; paged in SQL. */
export function SanctionListPage() {
  const { t, tError, formatNumber } = useI18n();
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const q = useQuery('sanctions.list', { state: (state || null) as SanctionState | null, offset: page * PAGE, limit: PAGE });
  const total = q.value?.total ?? 0;
  return (
    <div className="page">
      <div className="page-header"><div><h1>{t('sanctions.title')}</h1></div></div>
      <div className="filters">
        <Select label={t('sanctions.filter.state')} value={state} placeholder={t('sanctions.filter.all')} options={SANCTION_STATES.map((s) => ({ value: s, label: t(`sanctions.state.${s}`) }))} onChange={(v) => { setState(v); setPage(0); }} />
      </div>
      {q.error ? <div className="alert alert-error" role="alert">{tError(q.error)}</div> : null}
      {q.value && q.value.rows.length === 0 ? <p className="muted">{t('sanctions.empty')}</p> : null}
      {q.value && q.value.rows.length > 0 ? <SanctionsTable rows={q.value.rows} showCompany /> : null}
      {total > PAGE ? (
        <div className="pager">
          <span>{formatNumber(page * PAGE + 1)}–{formatNumber(Math.min(total, (page + 1) * PAGE))} / {formatNumber(total)}</span>
          <span className="row">
            <button type="button" className="btn btn-secondary btn-sm" disabled={page === 0} onClick={() => setPage(page - 1)}>←</button>
            <button type="button" className="btn btn-secondary btn-sm" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>→</button>
          </span>
        </div>
      ) : null}
    </div>
  );
}
