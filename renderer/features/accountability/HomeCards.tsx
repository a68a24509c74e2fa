import { useQuery } from '../../api/useQuery.ts';
import { href } from '../../app/router.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** What needs the officer today in accountability: overdue grievance stages, incidents to review, retaliation concerns. */
export function AccountabilityCards() {
  const { t, formatNumber } = useI18n();
  const overdue = useQuery('grievances.list', { overdue: true, limit: 1 });
  const toReview = useQuery('incidents.list', { status: 'reported', limit: 1 });
  const late = useQuery('incidents.list', { status: 'reported', late: true, limit: 1 });
  const flags = useQuery('grievances.retaliationFlags', {});
  const openFlags = (flags.value ?? []).filter((f) => f.open > 0).length;
  return (
    <section aria-labelledby="home-accountability">
      <h2 id="home-accountability" className="home-section-title">{t('home.accountabilityTitle')}</h2>
      <div className="home-cards">
        <a className="home-card" href={href('grievances/overdue')}>
          <h3>{t('home.grievancesOverdue')}</h3>
          <span className={`big${(overdue.value?.total ?? 0) > 0 ? ' danger' : ''}`}>{formatNumber(overdue.value?.total ?? 0)}</span>
        </a>
        <a className="home-card" href={href('incidents/toReview')}>
          <h3>{t('home.incidentsToReview')}</h3>
          <span className="big">{formatNumber(toReview.value?.total ?? 0)}</span>
          <span className="sub">{t('home.incidentsLate', { n: formatNumber(late.value?.total ?? 0) })}</span>
        </a>
        <a className="home-card" href={href('grievances/retaliation')}>
          <h3>{t('home.retaliationCompanies')}</h3>
          <span className={`big${openFlags > 0 ? ' danger' : ''}`}>{formatNumber(openFlags)}</span>
        </a>
      </div>
    </section>
  );
}
