import { useQuery } from '../../api/useQuery.ts';
import { href } from '../../app/router.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ExpiredTodayNotice } from './ExpiredTodayNotice.tsx';

/** One card per kind of deadline: how many are overdue and how many fall due within 30 and 90 days. */
export function DueCards() {
  const { t, tError, formatNumber } = useI18n();
  const q = useQuery('due.counts', {});
  return (
    <section aria-labelledby="home-due">
      <h2 id="home-due" className="home-section-title">{t('home.dueTitle')}</h2>
      <ExpiredTodayNotice />
      {q.error ? <div className="alert alert-error" role="alert">{tError(q.error)}</div> : null}
      <div className="home-cards">
        {(q.value ?? []).map((c) => (
          <a key={c.kind} className="home-card" href={href(c.overdue > 0 ? `due/overdue/${c.kind}` : `due/30/${c.kind}`)}>
            <h3>{t(`due.kind.${c.kind}`)}</h3>
            <span className={`big${c.overdue > 0 ? ' danger' : ''}`}>{formatNumber(c.overdue > 0 ? c.overdue : c.d30)}</span>
            <span className="sub">{c.overdue > 0 ? t('home.overdue', { n: formatNumber(c.overdue) }) : t('home.within30', { n: formatNumber(c.d30) })}</span>
            <span className="sub">{c.overdue > 0 ? `${t('home.within30', { n: formatNumber(c.d30) })} · ` : ''}{t('home.within90', { n: formatNumber(c.d90) })}</span>
          </a>
        ))}
      </div>
    </section>
  );
}
