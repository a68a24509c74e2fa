import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CredentialState } from '../../../shared/model/credentialLifecycle.ts';
import { todayIso } from './usePersonnel.ts';

const STATE_BADGE: Record<CredentialState, string> = {
  applicant: '', vetting: 'badge-info', credentialed: 'badge-info', active: 'badge-success', inactive: 'badge-warning',
  suspended: 'badge-danger', revoked: 'badge-danger', expired: 'badge-danger',
};

export function CredentialBadge({ state }: { state: CredentialState }) {
  const { t } = useI18n();
  return <span className={`badge ${STATE_BADGE[state]}`} data-state={state}>{t(`credentialState.${state}`)}</span>;
}

/** A date that turns red once past and amber within 60 days. */
export function DueDate({ iso }: { iso: string | null }) {
  const { t, formatDate } = useI18n();
  if (!iso) return <span className="muted">{t('common.none')}</span>;
  const today = todayIso();
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
  const cls = iso < today ? 'pe-due-past' : iso <= soon ? 'pe-due-soon' : '';
  return (
    <span className={cls}>
      {formatDate(iso)}
      {iso < today ? <> <span className="badge badge-danger">{t('personnel.overdue')}</span></> : null}
    </span>
  );
}
