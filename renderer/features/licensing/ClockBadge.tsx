import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { ProcessingClock } from '../../../shared/commands/licensing.ts';
import { DUE_SOON_DAYS } from '../../../shared/model/processingClock.ts';

/** The processing clock in words, coloured by how close the statutory deadline is. */
export function ClockBadge({ clock, long }: { clock: ProcessingClock; long?: boolean }) {
  const { t } = useI18n();
  if (clock.status === 'not_started') return <span className="muted">{t('licensing.clock.not_started')}</span>;
  const deadline = clock.deadlineDays ?? 0;
  const main = t(`licensing.clock.${clock.status}` as MessageKey, { elapsed: clock.elapsedDays, deadline });
  if (clock.status === 'stopped') return <span className="lic-clock">{main}</span>;
  const left = clock.remainingDays ?? 0;
  const tone = left < 0 ? 'badge-danger' : left <= DUE_SOON_DAYS ? 'badge-warning' : 'badge-info';
  const rest = long
    ? (left < 0 ? t('licensing.clock.overdue', { days: -left }) : t('licensing.clock.left', { days: left }))
    : (left < 0 ? t('licensing.clock.overdueShort', { days: -left }) : t('licensing.clock.leftShort', { days: left }));
  return (
    <span className="lic-clock">
      <span className={`badge ${tone}`}>{main}</span>
      {long || left < 0 || left <= DUE_SOON_DAYS ? <span className={left < 0 ? 'lic-overdue' : 'muted'}> {rest}</span> : null}
    </span>
  );
}

const STATE_TONE: Record<string, string> = {
  draft: '', submitted: 'badge-info', information_requested: 'badge-warning', pre_licence_inspection: 'badge-info',
  refused: 'badge-danger', active: 'badge-success', renewal_filed: 'badge-success', suspended: 'badge-warning',
  revoked: 'badge-danger', expired: 'badge-danger', surrendered: '',
};

export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <span className={`badge ${STATE_TONE[state] ?? ''}`}>{t(`licensing.state.${state}` as 'licensing.state.draft')}</span>;
}
