import type { ReactNode } from 'react';
import type { AppErrorData } from '../../../shared/errors.ts';
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
  const { t, formatDate } = useI18n();
  const tk = useTk();
  const inc = useLoad('incidents.list', canIncidents ? { personId, sort: 'occurredAt', dir: 'desc', limit: SHOWN } : null);
  const gri = useLoad('grievances.list', canGrievances ? { personId, sort: 'receivedAt', dir: 'desc', limit: SHOWN } : null);
  if (!canIncidents && !canGrievances) return null;
  const day = (iso: string) => formatDate(iso.slice(0, 10));

  return (
    <section className="card acc-person-acc" aria-labelledby="pe-s-acc">
      <h2 id="pe-s-acc">{t('people.page.title')}</h2>
      <div className="acc-person-acc-grid">
        {canIncidents ? (
          <LinkedList
            id="pe-s-acc-i" title={t('people.page.incidents', { n: inc.value?.total ?? 0 })} empty={t('people.page.noIncidents')} load={inc}
            headers={[t('incidents.number'), t('people.page.date'), t('incidents.types'), t('incidents.status')]}
            row={(i) => [
              <a className="mono" href={`#/incidents/${encodeURIComponent(i.id)}`}>{i.number}</a>, day(i.occurredAt),
              i.types.map((x) => tk(`incidents.type.${x}`)).join(', '), <StatusBadge kind="incidents" status={i.status} />,
            ]}
          />
        ) : null}
        {canGrievances ? (
          <LinkedList
            id="pe-s-acc-g" title={t('people.page.grievances', { n: gri.value?.total ?? 0 })} empty={t('people.page.noGrievances')} load={gri}
            headers={[t('grievances.referenceCode'), t('grievances.receivedAt'), t('grievances.category'), t('grievances.status')]}
            row={(g) => [
              <a className="mono" href={`#/grievances/${encodeURIComponent(g.id)}`}>{g.referenceCode}</a>, day(g.receivedAt),
              tk(`grievances.category.${g.category}`), <StatusBadge kind="grievances" status={g.status} />,
            ]}
          />
        ) : null}
      </div>
    </section>
  );
}

/** One half: its heading, then loading, error, "none" or a four-column table (the first two cells kept on one line). */
function LinkedList<R extends { id: string }>({ id, title, empty, load, headers, row }: {
  id: string; title: string; empty: string; headers: string[];
  load: { value: { rows: R[]; total: number } | null; error: AppErrorData | null };
  row: (r: R) => ReactNode[];
}) {
  const { t, tError } = useI18n();
  const { value, error } = load;
  let body: ReactNode;
  if (error) body = <p className="alert alert-error" role="alert">{tError(error)}</p>;
  else if (!value) body = <p role="status" className="muted">{t('common.loading')}</p>;
  else if (value.rows.length === 0) body = <p className="muted">{empty}</p>;
  else {
    body = (
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={id}>
        <table className="table">
          <thead><tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {value.rows.map((r) => (
              <tr key={r.id}>{row(r).map((cell, k) => <td key={k} className={k < 2 ? 'acc-nowrap' : undefined}>{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div>
      <h3 id={id}>{title}</h3>
      {body}
      {value && value.total > SHOWN ? <p className="small muted">{t('people.page.moreThan', { shown: SHOWN, total: value.total })}</p> : null}
    </div>
  );
}
