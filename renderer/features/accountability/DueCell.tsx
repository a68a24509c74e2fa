import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Days left in the current stage, or how long it is overdue (text and colour). */
export function DueCell({ daysLeft, overdue }: { daysLeft: number | null; overdue: boolean }) {
  const { t } = useI18n();
  if (daysLeft === null) return <span className="muted">{t('common.none')}</span>;
  if (overdue) return <span className="badge badge-danger">{t('grievances.overdueBy', { days: Math.max(1, -daysLeft) })}</span>;
  return <span className={daysLeft <= 2 ? 'badge badge-warning' : ''}>{t('grievances.daysLeft', { days: daysLeft })}</span>;
}
