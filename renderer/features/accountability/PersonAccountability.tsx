import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StatusBadge, useTk } from './common.tsx';
import { useLoad } from './useLoad.ts';

const SHOWN = 100;

/**
 * "Incidents and grievances" on a person's page: every incident and grievance the person is
 * linked to in the register, newest first, each half shown only to a role that may read it.
 * Grievances show reference, category and status: nothing about who complained.
 */
export function PersonAccountability({ personId, canIncidents, canGrievances }: { personId: string; canIncidents: boolean; canGrievances: boolean }) {
  const { t, tError, formatDate } = useI18n();
  const tk = useTk();
  const inc = useLoad('incidents.list', canIncidents ? { personId, sort: 'occurredAt', dir: 'desc', limit: SHOWN } : null);
  const gri = useLoad('grievances.list', canGrievances ? { personId, sort: 'receivedAt', dir: 'desc', limit: SHOWN } : null);
  if (!canIncidents && !canGrievances) return null;
  const more = (total: number) => (total > SHOWN ? <p className="small muted">{t('people.page.moreThan', { shown: SHOWN, total })}</p> : null);

  return (
    <section className="card acc-person-acc" aria-labelledby="pe-s-acc">
      <h2 id="pe-s-acc">{t('people.page.title')}</h2>
      <div className="acc-person-acc-grid">
        {canIncidents ? (
          <div>
            <h3 id="pe-s-acc-i">{t('people.page.incidents', { n: inc.value?.total ?? 0 })}</h3>
            {inc.error ? <p className="alert alert-error" role="alert">{tError(inc.error)}</p> : !inc.value ? <p role="status" className="muted">{t('common.loading')}</p>
              : inc.value.rows.length === 0 ? <p className="muted">{t('people.page.noIncidents')}</p> : (
                <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="pe-s-acc-i">
                  <table className="table">
                    <thead><tr><th scope="col">{t('incidents.number')}</th><th scope="col">{t('people.page.date')}</th><th scope="col">{t('incidents.types')}</th><th scope="col">{t('incidents.status')}</th></tr></thead>
                    <tbody>
                      {inc.value.rows.map((i) => (
                        <tr key={i.id}>
                          <td className="acc-nowrap"><a className="mono" href={`#/incidents/${encodeURIComponent(i.id)}`}>{i.number}</a></td>
                          <td className="acc-nowrap">{formatDate(i.occurredAt.slice(0, 10))}</td>
                          <td>{i.types.map((x) => tk(`incidents.type.${x}`)).join(', ')}</td>
                          <td><StatusBadge kind="incidents" status={i.status} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            {inc.value ? more(inc.value.total) : null}
          </div>
        ) : null}
        {canGrievances ? (
          <div>
            <h3 id="pe-s-acc-g">{t('people.page.grievances', { n: gri.value?.total ?? 0 })}</h3>
            {gri.error ? <p className="alert alert-error" role="alert">{tError(gri.error)}</p> : !gri.value ? <p role="status" className="muted">{t('common.loading')}</p>
              : gri.value.rows.length === 0 ? <p className="muted">{t('people.page.noGrievances')}</p> : (
                <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="pe-s-acc-g">
                  <table className="table">
                    <thead><tr><th scope="col">{t('grievances.referenceCode')}</th><th scope="col">{t('grievances.receivedAt')}</th><th scope="col">{t('grievances.category')}</th><th scope="col">{t('grievances.status')}</th></tr></thead>
                    <tbody>
                      {gri.value.rows.map((g) => (
                        <tr key={g.id}>
                          <td className="acc-nowrap"><a className="mono" href={`#/grievances/${encodeURIComponent(g.id)}`}>{g.referenceCode}</a></td>
                          <td className="acc-nowrap">{formatDate(g.receivedAt.slice(0, 10))}</td>
                          <td>{tk(`grievances.category.${g.category}`)}</td>
                          <td><StatusBadge kind="grievances" status={g.status} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            {gri.value ? more(gri.value.total) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
