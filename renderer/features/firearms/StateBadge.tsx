import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import { k } from './useFirearms.ts';

const TONE: Record<FirearmState, string> = {
  in_armory: 'badge-success', issued: 'badge-info', under_repair: '', lost: 'badge-danger', stolen: 'badge-danger',
  recovered: 'badge-warning', seized: 'badge-warning', transferred: '', surplus: '', destroyed: '',
};

export function StateBadge({ state }: { state: FirearmState }) {
  const { t } = useI18n();
  return <span className={`badge ${TONE[state]}`}>{t(k('firearmState', state))}</span>;
}
