import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';

const TONE: Record<string, string> = {
  planned: 'info', scheduled: 'info', fieldwork: 'warning', draft_report: 'warning', quality_review: 'warning', issued: 'success',
  corrective_plan_due: 'warning', corrective_plan_accepted: 'info', follow_up: 'info', closed: 'success', escalated: 'danger',
  open: 'warning', plan_submitted: 'info', remediating: 'info', verified: 'success', overdue: 'danger',
  major: 'danger', minor: 'warning', observation: 'info',
  transitional: 'info', certified: 'success', suspended: 'warning', withdrawn: 'danger', expired: 'danger',
};

/** A coloured badge for a lifecycle state or severity; the label comes from `prefix.value`. */
export function StatusBadge({ prefix, value }: { prefix: string; value: string }) {
  const { t } = useI18n();
  return <span className={`badge badge-${TONE[value] ?? 'info'}`}>{t(`${prefix}.${value}` as MessageKey)}</span>;
}
