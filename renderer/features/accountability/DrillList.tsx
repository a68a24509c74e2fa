import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StatisticsFilters } from '../../../shared/commands/statistics.ts';
import { useTk } from './common.tsx';
import { useLoad } from './useLoad.ts';
import type { Drill } from './StatisticsPage.tsx';

const ROUTE: Record<string, string> = { company: 'companies', incident: 'incidents', grievance: 'grievances', firearm: 'firearms', person: 'personnel', licence: 'licensing', sanction: 'sanctions', inspection: 'inspections' };
const STATUS_KEY: Record<string, string> = {
  company: 'icoca', incident: 'incidents.status', grievance: 'grievances.status', firearm: 'firearmState', person: 'credentialState', licence: 'licensing.state', sanction: 'sanctions.state', inspection: 'audits.status',
};

/** The records behind one bar, paged in SQL; each opens its own page. */
export function DrillList({ drill, filters, onBack }: { drill: Drill; filters: StatisticsFilters; onBack(): void }) {
  const { t, tError, formatDate } = useI18n();
  const tk = useTk();
  const [page, setPage] = useState(0);
  const size = 50;
  const r = useLoad('statistics.drill', { figure: drill.figure, category: drill.category, series: drill.series, filters, offset: page * size, limit: size });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const total = r.value?.total ?? 0;
  return (
    <section className="card acc-drill" aria-labelledby="drill-h">
      <p><button type="button" className="btn btn-secondary btn-sm" onClick={onBack}>← {t('statistics.back')}</button></p>
      <h2 id="drill-h" ref={heading} tabIndex={-1}>{t('statistics.drillTitle', { figure: tk(`statistics.figure.${drill.figure}`), category: drill.label })}</h2>
      <p className="muted">{t('statistics.total', { n: total })}</p>
      {r.error ? <div className="alert alert-error" role="alert">{tError(r.error)}</div> : null}
      <div className="table-wrap" tabIndex={0} role="group" aria-label={drill.label}>
        <table className="table" aria-label={drill.label}>
          <thead><tr><th scope="col">{t('statistics.col.title')}</th><th scope="col">{t('statistics.col.subtitle')}</th><th scope="col">{t('statistics.col.date')}</th><th scope="col">{t('statistics.col.status')}</th></tr></thead>
          <tbody>
            {(r.value?.rows ?? []).map((row) => (
              <tr key={row.id}>
                <td><a href={`#/${ROUTE[r.value!.entity]}/${encodeURIComponent(row.id)}`}>{row.title}</a></td>
                <td>{row.subtitle ?? '—'}</td>
                <td>{row.date ? (row.date.length > 10 ? row.date.replace('T', ' ') : formatDate(row.date)) : '—'}</td>
                <td>{row.status ? tk(`${STATUS_KEY[r.value!.entity]}.${row.status}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > size ? (
        <div className="pager acc-pager">
          <button type="button" className="btn btn-secondary btn-sm" disabled={page === 0} onClick={() => setPage(page - 1)}>‹</button>
          <span>{page * size + 1}–{Math.min(total, (page + 1) * size)} / {total}</span>
          <button type="button" className="btn btn-secondary btn-sm" disabled={(page + 1) * size >= total} onClick={() => setPage(page + 1)}>›</button>
        </div>
      ) : null}
    </section>
  );
}
