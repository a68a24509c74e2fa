import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { SanctionRow } from '../../../shared/commands/sanctions.ts';

const TONE: Record<string, string> = { proposed: '', notified: 'badge-info', appeal_window: 'badge-warning', final: 'badge-danger', executed: 'badge-success', paid: 'badge-success', annulled: '' };

export function SanctionStateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <span className={`badge ${TONE[state] ?? ''}`}>{t(`sanctions.state.${state}` as 'sanctions.state.final')}</span>;
}

/** A compact, linked table of sanctions (company page, licence page, sanctions list). */
export function SanctionsTable({ rows, showCompany }: { rows: SanctionRow[]; showCompany?: boolean }) {
  const { t, formatDate, formatNumber } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('sanctions.field.kind')}</th>
            {showCompany ? <th scope="col">{t('sanctions.field.company')}</th> : null}
            <th scope="col">{t('sanctions.field.target')}</th>
            <th scope="col">{t('sanctions.field.state')}</th>
            <th scope="col" className="num">{t('sanctions.field.amount')}</th>
            <th scope="col">{t('sanctions.field.appealDeadline')}</th>
            <th scope="col">{t('sanctions.field.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td><a href={`#/sanctions/${s.id}`}>{t(`sanctions.kind.${s.kind}`)}</a></td>
              {showCompany ? <td>{s.companyId ? <a href={`#/companies/${s.companyId}`}>{s.companyName}</a> : t('common.none')}</td> : null}
              <td className="mono">{s.targetLabel ?? t('common.none')}</td>
              <td><SanctionStateBadge state={s.state} /></td>
              <td className="num">{s.amount !== null ? `${formatNumber(s.amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${s.currency ?? ''}` : t('common.none')}</td>
              <td>{s.appealDeadline ? formatDate(s.appealDeadline) : t('common.none')}</td>
              <td>{formatDate(s.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
