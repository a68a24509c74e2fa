import { useState } from 'react';
import { useQuery } from '../../api/useQuery.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { TimelineItem } from '../../../shared/commands/due.ts';
import { SanctionsTable } from '../sanctions/index.ts';
import { ClockBadge, StateBadge } from './ClockBadge.tsx';

/**
 * What the company page shows from licensing: its applications and licences, its sanctions
 * and a timeline of everything that happened to it (merged from every timeline source).
 */
export function CompanyLicensingPanel({ companyId, can }: { companyId: string; can: (p: string) => boolean }) {
  const { t, formatDate } = useI18n();
  const licences = useQuery('licensing.list', { companyId, sort: 'createdAt', dir: 'desc', limit: 100 });
  return (
    <>
      {can('licensing.read') ? (
        <section className="card" aria-labelledby="co-s-licences">
          <div className="card-header">
            <h2 id="co-s-licences">{t('licensing.companyPanel.licences')}</h2>
            {can('licensing.write') ? <a className="btn btn-secondary" href={`#/licensing/new/${companyId}`}>{t('licensing.companyPanel.newApplication')}</a> : null}
          </div>
          {licences.value && licences.value.rows.length === 0 ? <p className="muted">{t('licensing.companyPanel.none')}</p> : null}
          {licences.value && licences.value.rows.length > 0 ? (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('licensing.col.type')}</th>
                    <th scope="col">{t('licensing.col.number')}</th>
                    <th scope="col">{t('licensing.col.state')}</th>
                    <th scope="col">{t('licensing.col.clock')}</th>
                    <th scope="col">{t('licensing.col.expiresOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {licences.value.rows.map((l) => (
                    <tr key={l.id}>
                      <td><a href={`#/licensing/${l.id}`}>{l.typeName}</a></td>
                      <td className="mono">{l.number ?? t('common.none')}</td>
                      <td><StateBadge state={l.state} /></td>
                      <td><ClockBadge clock={l.clock} /></td>
                      <td>{l.expiresOn ? formatDate(l.expiresOn) : t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      {can('sanctions.read') ? <CompanySanctions companyId={companyId} /> : null}
      <CompanyTimeline companyId={companyId} />
    </>
  );
}

function CompanySanctions({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const q = useQuery('sanctions.list', { companyId, limit: 100 });
  return (
    <section className="card" aria-labelledby="co-s-sanctions">
      <h2 id="co-s-sanctions">{t('sanctions.title')}</h2>
      {q.value && q.value.rows.length === 0 ? <p className="muted">{t('sanctions.empty')}</p> : null}
      {q.value && q.value.rows.length > 0 ? <SanctionsTable rows={q.value.rows} /> : null}
    </section>
  );
}

const PAGE = 15;

function CompanyTimeline({ companyId }: { companyId: string }) {
  const { t, formatDateTime } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const q = useQuery('timeline.list', { companyId, limit });
  const title = (i: TimelineItem) => {
    // Params that are themselves catalogue keys (a sanction's kind) are translated first.
    const params = Object.fromEntries(Object.entries(i.params).map(([k, v]) => [k, typeof v === 'string' && /^[a-z]+\.[a-z]+\.[a-z_]+$/.test(v) ? t(v as MessageKey) : v]));
    return t(i.titleKey as MessageKey, params);
  };
  const href = (i: TimelineItem) => (i.entityType === 'licence' ? `#/licensing/${i.entityId}` : i.entityType === 'sanction' ? `#/sanctions/${i.entityId}` : null);
  return (
    <section className="card" aria-labelledby="co-s-timeline">
      <h2 id="co-s-timeline">{t('timeline.title')}</h2>
      {q.value && q.value.items.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
      <ol className="timeline">
        {(q.value?.items ?? []).map((i, n) => (
          <li key={`${i.at}-${n}`} className={`tl-${i.source}`}>
            <time dateTime={i.at}>{formatDateTime(i.at)}</time>
            <div>
              {href(i) ? <a href={href(i)!}>{title(i)}</a> : <span>{title(i)}</span>}
              {i.username ? <span className="muted"> · {i.username}</span> : null}
              {i.detail ? <div className="muted tl-detail">{i.detail}</div> : null}
            </div>
          </li>
        ))}
      </ol>
      {q.value?.hasMore ? <button type="button" className="btn btn-secondary btn-sm" onClick={() => setLimit(limit + PAGE)}>{t('timeline.more')}</button> : null}
    </section>
  );
}
