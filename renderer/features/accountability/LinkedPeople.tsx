import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { LinkedPerson } from '../../../shared/commands/grievances.ts';

const TONE: Record<LinkedPerson['credentialStatus'], string> = {
  applicant: '', vetting: 'badge-info', credentialed: 'badge-info', active: 'badge-success', inactive: 'badge-warning',
  suspended: 'badge-danger', revoked: 'badge-danger', expired: 'badge-danger',
};

/**
 * The people of an incident or grievance: registered persons (linked to their page, with their
 * credential as the register holds it today) and the names given without a register entry.
 */
export function LinkedPeople({ title, headingId, people, named }: { title: string; headingId: string; people: LinkedPerson[]; named: string[] }) {
  const { t } = useI18n();
  return (
    <section className="card acc-people" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {people.length === 0 ? <p className="muted">{t('people.registeredNone')}</p> : (
        <ul className="acc-people-list" aria-label={t('people.registered')}>
          {people.map((p) => (
            <li key={p.personId}>
              <div className="acc-people-head">
                <a href={`#/personnel/${encodeURIComponent(p.personId)}`}>{p.name}</a>
                <span className={`badge ${TONE[p.credentialStatus]}`} title={t('people.credentialStatus')}>{t(`credentialState.${p.credentialStatus}`)}</span>
              </div>
              <div className="acc-people-ids">
                <span><span className="muted">{t('people.nationalId')}</span> <span className="mono">{p.nationalId}</span></span>
                <span><span className="muted">{t('people.credentialNumber')}</span> {p.credentialNumber ? <span className="mono">{p.credentialNumber}</span> : <span className="muted">{t('people.noCredential')}</span>}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {named.length ? <p className="acc-named"><span className="muted">{t('people.namedOnly')}:</span> {named.join(', ')}</p> : null}
    </section>
  );
}
