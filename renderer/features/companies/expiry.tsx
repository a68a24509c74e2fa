import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Days before expiry from which a guarantee or insurance is flagged as expiring soon. */
export const EXPIRY_WARNING_DAYS = 60;

export type ExpiryState = 'expired' | 'soon' | 'ok';

/** Compares calendar dates (YYYY-MM-DD) in UTC so the result does not depend on the time zone. */
export function expiryState(iso: string | null | undefined, today = new Date()): ExpiryState | null {
  if (!iso) return null;
  const end = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const days = Math.round((end - start) / 86_400_000);
  if (days < 0) return 'expired';
  return days <= EXPIRY_WARNING_DAYS ? 'soon' : 'ok';
}

/** A date with a badge when it has passed or is within the warning window. */
/** `compact` (table cells) uses the short badge texts. */
export function ExpiryDate({ iso, compact }: { iso: string | null | undefined; compact?: boolean }) {
  const { t, formatDate } = useI18n();
  const state = expiryState(iso);
  if (!state) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className={`expiry expiry-${state}`} title={state === 'ok' ? undefined : t(state === 'expired' ? 'companies.expiry.expired' : 'companies.expiry.soon')}>
      {formatDate(iso)}
      {state !== 'ok' && compact ? (
        // Narrow table cells: a mark that is read out (and shown on hover) as the full words.
        <span className={`badge ${state === 'expired' ? 'badge-danger' : 'badge-warning'} expiry-mark`}>
          <span aria-hidden="true">!</span>
          <span className="visually-hidden">{t(state === 'expired' ? 'companies.expiry.expiredShort' : 'companies.expiry.soonShort')}</span>
        </span>
      ) : null}
      {state === 'expired' && !compact ? <span className="badge badge-danger">{t('companies.expiry.expired')}</span> : null}
      {state === 'soon' && !compact ? <span className="badge badge-warning">{t('companies.expiry.soon')}</span> : null}
    </span>
  );
}

const ICOCA_BADGE: Record<string, string> = {
  certified: 'badge-success',
  transitional: 'badge-info',
  applicant: 'badge-info',
  suspended: 'badge-danger',
  withdrawn: 'badge-warning',
  none: '',
};

export function IcocaBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge ${ICOCA_BADGE[status] ?? ''}`}>{t(`icoca.${status}` as 'icoca.none')}</span>;
}
