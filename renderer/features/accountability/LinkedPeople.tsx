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
        <div className="table-wrap" tabIndex={0} role="group" aria-label={t('people.registered')}>
          <table className="table">
            <thead><tr><th scope="col">{t('people.name')}</th><th scope="col">{t('people.nationalId')}</th><th scope="col">{t('people.credentialNumber')}</th><th scope="col">{t('people.credentialStatus')}</th></tr></thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.personId}>
                  <td><a href={`#/personnel/${encodeURIComponent(p.personId)}`}>{p.name}</a></td>
                  <td className="mono">{p.nationalId}</td>
                  <td className="mono">{p.credentialNumber ?? <span className="muted">{t('people.noCredential')}</span>}</td>
                  <td><span className={`badge ${TONE[p.credentialStatus]}`}>{t(`credentialState.${p.credentialStatus}`)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {named.length ? <p className="acc-named"><span className="muted">{t('people.namedOnly')}:</span> {named.join(', ')}</p> : null}
    </section>
  );
}
