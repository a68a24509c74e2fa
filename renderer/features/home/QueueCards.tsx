import { useQuery } from '../../api/useQuery.ts';
import { href } from '../../app/router.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The applications queue: past the statutory deadline, and due within a week. */
export function QueueCards() {
  const { t, formatNumber } = useI18n();
  const overdue = useQuery('licensing.list', { queue: 'overdue', limit: 1 });
  const soon = useQuery('licensing.list', { queue: 'dueSoon', limit: 1 });
  return (
    <section aria-labelledby="home-queue">
      <h2 id="home-queue" className="home-section-title">{t('home.queueTitle')}</h2>
      <div className="home-cards">
        <a className="home-card" href={href('licensing/queue/overdue')}>
          <h3>{t('home.queueOverdue')}</h3>
          <span className={`big${(overdue.value?.total ?? 0) > 0 ? ' danger' : ''}`}>{formatNumber(overdue.value?.total ?? 0)}</span>
        </a>
        <a className="home-card" href={href('licensing/queue/dueSoon')}>
          <h3>{t('home.queueSoon')}</h3>
          <span className="big">{formatNumber(soon.value?.total ?? 0)}</span>
        </a>
      </div>
    </section>
  );
}
