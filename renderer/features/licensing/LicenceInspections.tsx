import type { LicenceDetail } from '../../../shared/commands/licensing.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PASS_SCORE } from '../../../shared/model/checklist.ts';

/**
 * The inspections linked to an application and their result: on the licence page, and inside the
 * recommendation and decision dialogs, so the supervisor decides with the inspection in view.
 */
export function LicenceInspections({ licence }: { licence: LicenceDetail }) {
  const { t, formatDate } = useI18n();
  if (licence.inspections.length === 0) return <p className="muted">{t('licensing.inspections.none')}</p>;
  return (
    <ul className="lic-inspections">
      {licence.inspections.map((i) => (
        <li key={i.id}>
          <a href={`#/inspections/${encodeURIComponent(i.id)}`}>{i.reference}</a>{' '}
          <span className="muted">{t(`audits.type.${i.type}` as MessageKey)} · {t(`audits.status.${i.status}` as MessageKey)}</span>{' '}
          {i.score !== null && i.issuedAt ? (
            <>
              <span className={`badge ${i.score >= PASS_SCORE && !i.capped ? 'badge-success' : 'badge-danger'}`}>{t('licensing.inspections.score', { score: Math.round(i.score) })}</span>
              {i.capped ? <span className="muted"> {t('licensing.inspections.capped')}</span> : null}
              <span className="muted"> · {formatDate(i.issuedAt)}</span>
            </>
          ) : <span className="badge badge-warning">{t('licensing.inspections.notIssued')}</span>}
        </li>
      ))}
    </ul>
  );
}
