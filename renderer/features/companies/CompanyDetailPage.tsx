import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatTaxId } from '../../../shared/model/taxId.ts';
import type { Company } from '../../../shared/commands/companies.ts';
import { ExpiryDate, IcocaBadge } from './expiry.tsx';
import { useCompany } from './useCompanies.ts';
import { CompanyPersonnelLink } from '../personnel/index.ts';
import { CompanyLicensingPanel } from '../licensing/index.ts';

/** One company, read-only, in the sections an officer checks. */
export function CompanyDetailPage({ id, can }: { id: string; can: (permission: string) => boolean }) {
  const { t, tError } = useI18n();
  const { company, error, loading, reload } = useCompany(id);
  if (error) {
    return (
      <div className="page">
        <p><a href="#/companies">← {t('companies.backToList')}</a></p>
        <div className="alert alert-error" role="alert">{tError(error)}</div>
        <button type="button" className="btn btn-secondary" onClick={reload}>{t('common.retry')}</button>
      </div>
    );
  }
  if (loading && !company) return <div className="page" role="status">{t('common.loading')}</div>;
  if (!company) return null;
  return <CompanyDetail company={company} canEdit={can('companies.write')} extra={<CompanyLicensingPanel companyId={company.id} can={can} />} />;
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts co-facts">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd>
    </>
  );
}

export function CompanyDetail({ company: c, canEdit, extra }: { company: Company; canEdit: boolean; extra?: ReactNode }) {
  const { t, formatDate, formatDateTime, formatNumber, countryName } = useI18n();
  const f = (k: string) => t(`companies.field.${k}` as 'companies.field.legalName');
  const money = (amount: number | null, currency: string | null) =>
    amount === null ? null : `${formatNumber(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ''}`;
  return (
    <div className="page co-detail">
      <nav className="breadcrumb" aria-label={t('companies.breadcrumb')}>
        <a href="#/companies">{t('companies.title')}</a> <span aria-hidden="true">/</span> <span>{c.legalName}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{c.legalName}</h1>
          <p className="lead">
            {c.tradeName ? <>{c.tradeName} · </> : null}
            <span className="mono">{formatTaxId(c.country, c.taxId)}</span> · {countryName(c.country)}
          </p>
        </div>
        <div className="actions">
          {canEdit ? <a className="btn btn-primary" href={`#/companies/${encodeURIComponent(c.id)}/edit`}>{t('common.edit')}</a> : null}
        </div>
      </div>

      <div className="grid-2 co-sections">
        <section className="card" aria-labelledby="co-s-identity">
          <h2 id="co-s-identity">{t('companies.section.identity')}</h2>
          <Facts>
            <Fact label={f('legalName')}>{c.legalName}</Fact>
            <Fact label={f('tradeName')}>{c.tradeName}</Fact>
            <Fact label={f('taxId')}><span className="mono">{formatTaxId(c.country, c.taxId)}</span></Fact>
            <Fact label={f('country')}>{countryName(c.country)}</Fact>
            <Fact label={f('address')}>{c.address}</Fact>
            <Fact label={f('city')}>{c.city}</Fact>
            <Fact label={f('phone')}>{c.phone}</Fact>
            <Fact label={f('email')}>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}</Fact>
          </Facts>
        </section>

        <div className="co-col">
          <section className="card" aria-labelledby="co-s-rep">
            <h2 id="co-s-rep">{t('companies.section.legalRep')}</h2>
            <Facts>
              <Fact label={f('legalRepName')}>{c.legalRepName}</Fact>
              <Fact label={f('legalRepId')}>{c.legalRepId}</Fact>
            </Facts>
          </section>
          <section className="card" aria-labelledby="co-s-services">
            <h2 id="co-s-services">{t('companies.section.services')}</h2>
            <Facts>
              <Fact label={f('serviceTypes')}>
                <ul className="co-tags">
                  {c.serviceTypes.map((s) => <li key={s} className="badge">{t(`service.${s}`)}</li>)}
                </ul>
              </Fact>
              <Fact label={f('armed')}>{c.armed ? <span className="badge badge-warning">{t('companies.armed.yes')}</span> : t('companies.armed.no')}</Fact>
            </Facts>
          </section>
        </div>

        <section className="card" aria-labelledby="co-s-guarantee">
          <h2 id="co-s-guarantee">{t('companies.section.guarantee')}</h2>
          <Facts>
            <Fact label={f('guaranteeAmount')}>{money(c.guaranteeAmount, c.guaranteeCurrency)}</Fact>
            <Fact label={f('guaranteeExpiry')}><ExpiryDate iso={c.guaranteeExpiry} /></Fact>
            <Fact label={f('insurer')}>{c.insurer}</Fact>
            <Fact label={f('insurancePolicy')}>{c.insurancePolicy}</Fact>
            <Fact label={f('insuranceAmount')}>{money(c.insuranceAmount, c.guaranteeCurrency)}</Fact>
            <Fact label={f('insuranceExpiry')}><ExpiryDate iso={c.insuranceExpiry} /></Fact>
          </Facts>
        </section>

        <div className="co-col">
          <section className="card" aria-labelledby="co-s-icoca">
            <h2 id="co-s-icoca">{t('companies.section.icoca')}</h2>
            <Facts>
              <Fact label={f('icocaStatus')}><IcocaBadge status={c.icocaStatus} /></Fact>
            </Facts>
          </section>
          <section className="card" aria-labelledby="co-s-record">
            <h2 id="co-s-record">{t('companies.section.record')}</h2>
            <Facts>
              <Fact label={f('createdAt')}>{formatDateTime(c.createdAt)}</Fact>
              <Fact label={f('updatedAt')}>{formatDateTime(c.updatedAt)}</Fact>
              <Fact label={t('companies.field.version')}>{formatNumber(c.version)}</Fact>
            </Facts>
          </section>
        </div>
      </div>

      <CompanyPersonnelLink companyId={c.id} />

      <section className="card" aria-labelledby="co-s-owners">
        <h2 id="co-s-owners">{t('companies.section.owners')}</h2>
        {c.owners.length === 0 ? (
          <p className="muted">{t('companies.owners.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('companies.owner.fullName')}</th>
                  <th scope="col">{t('companies.owner.nationalId')}</th>
                  <th scope="col">{t('companies.owner.nationality')}</th>
                  <th scope="col" className="num">{t('companies.owner.sharePercent')}</th>
                  <th scope="col">{t('companies.owner.declaration')}</th>
                </tr>
              </thead>
              <tbody>
                {c.owners.map((o) => (
                  <tr key={o.id}>
                    <td>{o.fullName}</td>
                    <td className="mono">{o.nationalId ?? t('common.none')}</td>
                    <td>{o.nationality ? countryName(o.nationality) : t('common.none')}</td>
                    <td className="num">{o.sharePercent === null ? t('common.none') : `${formatNumber(o.sharePercent, { maximumFractionDigits: 2 })} %`}</td>
                    <td>
                      {o.criminalRecordDeclared ? (
                        <span className="badge badge-success">{t('companies.owner.declared', { date: formatDate(o.declarationDate) })}</span>
                      ) : (
                        <span className="badge badge-danger">{t('companies.owner.notDeclared')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="co-s-branches">
        <h2 id="co-s-branches">{t('companies.section.branches')}</h2>
        {c.branches.length === 0 ? (
          <p className="muted">{t('companies.branches.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('companies.branch.name')}</th>
                  <th scope="col">{t('companies.branch.city')}</th>
                  <th scope="col">{t('companies.branch.address')}</th>
                  <th scope="col">{t('companies.branch.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {c.branches.map((b) => (
                  <tr key={b.id}>
                    <td>{b.name}</td>
                    <td>{b.city}</td>
                    <td>{b.address ?? t('common.none')}</td>
                    <td>{b.phone ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {c.notes ? (
        <section className="card" aria-labelledby="co-s-notes">
          <h2 id="co-s-notes">{f('notes')}</h2>
          <p className="co-notes">{c.notes}</p>
        </section>
      ) : null}
      {extra}
    </div>
  );
}
