import { useQuery } from '../../api/useQuery.ts';
import { href } from '../../app/router.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';

const LINK: Record<string, (id: string) => string> = {
  person: (id) => href(`personnel/${id}`),
  licence: (id) => href(`licensing/${id}`),
  certification: () => href('certifications'),
};

/**
 * What the calendar expired today (daily upkeep), so nobody is surprised to find a licence or a
 * credential Expired that was Active yesterday; and anything it could not expire, to look at.
 * Shown only when there is something to say.
 */
export function ExpiredTodayNotice() {
  const { t, formatNumber } = useI18n();
  const tk = (key: string) => t(key as MessageKey);
  const q = useQuery('due.expiredToday', {});
  const d = q.value;
  if (!d || (d.credentials + d.licences + d.certifications === 0 && d.failed.length === 0)) return null;
  return (
    <div className="alert alert-info home-expired" role="status">
      <strong>{t('home.expiredToday.title')}</strong>{' '}
      {t('home.expiredToday.counts', { credentials: formatNumber(d.credentials), licences: formatNumber(d.licences), certifications: formatNumber(d.certifications) })}{' '}
      <span className="muted">{t('home.expiredToday.journal')}</span>
      {d.failed.length ? (
        <div>
          {t('home.expiredToday.failed', { n: formatNumber(d.failed.length) })}{' '}
          {d.failed.slice(0, 10).map((f, i) => (
            <span key={f.entityId}>{i ? ', ' : ''}<a href={LINK[f.entityType]?.(f.entityId) ?? '#'} title={tk(f.messageKey)}>{tk(`home.expiredToday.entity.${f.entityType}`)} {f.entityId.slice(0, 8)}</a></span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
