import { useState } from 'react';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { k, useCompanyOptions, useQuery } from './useFirearms.ts';

/** What needs an officer's attention: weapons still out after their shift, and losses or thefts reported late. */
export function AlertsPage() {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const [companyId, setCompanyId] = useState('');
  const companies = useCompanyOptions();
  const overdue = useQuery('firearms.issueLog', { companyId: companyId || null, overdueOnly: true, limit: 200 });
  const late = useQuery('firearms.lossReports', { companyId: companyId || null, lateOnly: true, limit: 200 });
  return (
    <div className="page">
      <div className="page-header"><div><h1>{t('firearms.alerts')}</h1></div></div>
      <div className="filters card"><Select label={t('firearms.field.company')} value={companyId} placeholder={t('firearms.allCompanies')} options={companies} onChange={setCompanyId} /></div>
      <section className="card" aria-labelledby="al-over-h">
        <h2 id="al-over-h">{t('firearms.overdueIssues')} <span className="badge badge-warning">{formatNumber(overdue.data?.total ?? 0)}</span></h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead><tr><th>{t('firearms.field.serial')}</th><th>{t('firearms.field.make')}</th><th>{t('firearms.field.holder')}</th><th>{t('firearms.field.post')}</th><th>{t('firearms.form.issuedAt')}</th><th>{t('firearms.form.shiftEndsAt')}</th></tr></thead>
            <tbody>
              {(overdue.data?.rows ?? []).map((r) => (
                <tr key={r.id}>
                  <td><a className="fa-serial" href={`#/firearms/${encodeURIComponent(r.firearmId)}`}>{r.serial}</a></td><td>{r.make}</td>
                  <td>{r.personName ?? r.personId}</td><td>{r.post}</td><td>{formatDateTime(r.issuedAt)}</td><td><span className="badge badge-warning">{formatDateTime(r.shiftEndsAt)}</span></td>
                </tr>
              ))}
              {overdue.data && overdue.data.rows.length === 0 ? <tr><td colSpan={6} className="table-empty">{t('firearms.empty')}</td></tr> : null}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="al-late-h">
        <h2 id="al-late-h">{t('firearms.lateReports')} <span className="badge badge-danger">{formatNumber(late.data?.total ?? 0)}</span></h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead><tr><th>{t('firearms.field.serial')}</th><th>{t('firearms.field.make')}</th><th>{t('firearms.field.company')}</th><th>{t('firearms.field.state')}</th><th>{t('firearms.form.eventDate')}</th><th>{t('firearms.form.reportDate')}</th><th className="num">{t('firearms.daysToReport')}</th><th>{t('firearms.form.policeReportNumber')}</th></tr></thead>
            <tbody>
              {(late.data?.rows ?? []).map((r) => (
                <tr key={r.id}>
                  <td><a className="fa-serial" href={`#/firearms/${encodeURIComponent(r.firearmId)}`}>{r.serial}</a></td><td>{r.make}</td><td>{r.companyName}</td>
                  <td>{t(k('firearmState', r.kind))}</td><td>{formatDate(r.eventDate)}</td><td>{formatDate(r.reportDate)}</td>
                  <td className="num"><span className="badge badge-danger">{r.daysToReport} / {r.deadlineDays}</span></td><td className="mono">{r.policeReportNumber}</td>
                </tr>
              ))}
              {late.data && late.data.rows.length === 0 ? <tr><td colSpan={8} className="table-empty">{t('firearms.empty')}</td></tr> : null}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
