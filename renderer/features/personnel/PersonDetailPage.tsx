import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Person } from '../../../shared/commands/personnel.ts';
import { manualActions, type CredentialAction } from '../../../shared/model/credentialLifecycle.ts';
import type { Permission } from '../../../shared/model/roles.ts';
import { CredentialBadge, DueDate } from './badges.tsx';
import { CredentialActionDialog, EmployerDialog, EndEmploymentDialog, QualificationDialog, TrainingDialog } from './PersonDialogs.tsx';
import { PersonPhoto } from './PersonPhoto.tsx';
import { TargetSanctions } from '../sanctions/index.ts';
import { PersonAccountability } from '../accountability/index.ts';
import { ageOn, usePerson } from './usePersonnel.ts';

/** Credentials a sanction can act on (the main process checks the same). */
const SANCTIONABLE: readonly string[] = ['credentialed', 'active', 'inactive', 'suspended'];

type Open = { kind: 'action'; action: CredentialAction } | { kind: 'training' | 'qualification' | 'employer' | 'endEmployment' } | null;

/** One person: identity, credential with only the actions allowed now, vetting, employers, training, qualifications. */
export function PersonDetailPage({ id, can }: { id: string; can: (permission: string) => boolean }) {
  const { t, tError } = useI18n();
  const { person, error, loading, reload, replace } = usePerson(id);
  if (error) {
    return (
      <div className="page">
        <p><a href="#/personnel">← {t('personnel.back')}</a></p>
        <div className="alert alert-error" role="alert">{tError(error)}</div>
        <button type="button" className="btn btn-secondary" onClick={reload}>{t('common.retry')}</button>
      </div>
    );
  }
  if (loading && !person) return <div className="page" role="status">{t('common.loading')}</div>;
  if (!person) return null;
  return <PersonDetail person={person} can={can} onChange={replace} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const empty = children === null || children === undefined || children === '';
  return <><dt>{label}</dt><dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd></>;
}

function PersonDetail({ person: p, can, onChange }: { person: Person; can: (permission: string) => boolean; onChange(p: Person): void }) {
  const { t, formatDate, formatDateTime, formatNumber, countryName } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const f = (k: string) => t(`personnel.field.${k}` as 'personnel.field.name');
  const write = can('personnel.write');
  const actions = write ? manualActions(p.credentialStatus, (perm: Permission) => can(perm)) : [];
  const done = (msg: string) => (next: Person) => { onChange(next); setOpen(null); setNotice(msg); };
  const current = p.employments.find((e) => e.endDate === null) ?? null;
  const criminalOk = p.criminalCheckResult === 'clear';

  return (
    <div className="page pe-detail">
      <nav className="breadcrumb" aria-label={t('personnel.title')}>
        <a href="#/personnel">{t('personnel.title')}</a> <span aria-hidden="true">/</span> <span>{p.givenNames} {p.familyNames}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{p.givenNames} {p.familyNames}</h1>
          <p className="lead">
            {t(`personRole.${p.role}`)} · <span className="mono">{p.nationalId}</span> ({countryName(p.idCountry)}) · {t('personnel.age', { years: ageOn(p.birthDate) })}
          </p>
        </div>
        <div className="actions">
          {write ? <a className="btn btn-primary" href={`#/personnel/${encodeURIComponent(p.id)}/edit`}>{t('common.edit')}</a> : null}
        </div>
      </div>
      {notice ? <div className="alert alert-success" role="status">{notice}</div> : null}

      <div className="pe-top">
        <section className="card pe-credential" aria-labelledby="pe-s-cred">
          <h2 id="pe-s-cred">{t('personnel.section.credential')}</h2>
          <div className="pe-cred-state">
            <CredentialBadge state={p.credentialStatus} />
            {p.credentialNumber ? <span className="pe-cred-number mono" data-testid="credential-number">{p.credentialNumber}</span> : <span className="muted">{t('personnel.noCredential')}</span>}
          </div>
          <dl className="facts pe-facts">
            <Fact label={f('credentialIssuedOn')}>{p.credentialIssuedOn ? formatDate(p.credentialIssuedOn) : null}</Fact>
            <Fact label={f('credentialExpiresOn')}>{p.credentialExpiresOn ? <DueDate iso={p.credentialExpiresOn} /> : null}</Fact>
            <Fact label={f('company')}>{current ? <a href={`#/companies/${encodeURIComponent(current.companyId)}`}>{current.companyName}</a> : t('personnel.noEmployer')}</Fact>
          </dl>
          <h3 className="pe-h3">{t('personnel.actions')}</h3>
          {actions.length ? (
            <div className="pe-actions">
              {actions.map((a) => (
                <button key={a} type="button" className={`btn ${a === 'suspend' || a === 'revoke' ? 'btn-danger' : a === 'issue' ? 'btn-primary' : 'btn-secondary'}`}
                  onClick={() => { setNotice(null); setOpen({ kind: 'action', action: a }); }}>
                  {t(`credentialAction.${a}`)}
                </button>
              ))}
            </div>
          ) : <p className="muted">{t('personnel.noActions')}</p>}
        </section>

        <section className="card" aria-labelledby="pe-s-vet">
          <h2 id="pe-s-vet">{t('personnel.section.vetting')}</h2>
          <dl className="facts pe-facts">
            <Fact label={t('personnel.vet.criminal')}>{p.criminalCheckDate ? formatDate(p.criminalCheckDate) : <span className="badge badge-warning">{t('personnel.vettingMissing')}</span>}</Fact>
            <Fact label={t('personnel.vet.result')}>{p.criminalCheckResult ? <span className={`badge ${criminalOk ? 'badge-success' : 'badge-danger'}`}>{t(`criminalResult.${p.criminalCheckResult}`)}</span> : null}</Fact>
            <Fact label={t('personnel.vet.reference')}>{p.criminalCheckReference}</Fact>
            <Fact label={t('personnel.vet.health')}>{p.healthCertDate ? formatDate(p.healthCertDate) : <span className="badge badge-warning">{t('personnel.vettingMissing')}</span>}</Fact>
            <Fact label={t('personnel.vet.healthExpiry')}>{p.healthCertExpiry ? <DueDate iso={p.healthCertExpiry} /> : null}</Fact>
            <Fact label={t('personnel.vet.rightToWork')}>{p.rightToWork ? t('common.yes') : <span className="badge badge-danger">{t('common.no')}</span>}</Fact>
          </dl>
        </section>

        <section className="card pe-photo-card" aria-labelledby="pe-s-photo">
          <h2 id="pe-s-photo">{t('personnel.section.photo')}</h2>
          <PersonPhoto personId={p.id} canUpload={write} name={`${p.givenNames} ${p.familyNames}`} />
        </section>
      </div>

      <div className="grid-2 pe-sections">
        <section className="card" aria-labelledby="pe-s-id">
          <h2 id="pe-s-id">{t('personnel.section.identity')}</h2>
          <dl className="facts pe-facts">
            <Fact label={f('familyNames')}>{p.familyNames}</Fact>
            <Fact label={f('givenNames')}>{p.givenNames}</Fact>
            <Fact label={f('nationalId')}><span className="mono">{p.nationalId}</span></Fact>
            <Fact label={f('birthDate')}>{formatDate(p.birthDate)}</Fact>
            <Fact label={f('nationality')}>{countryName(p.nationality)}</Fact>
            <Fact label={f('address')}>{p.address}</Fact>
            <Fact label={f('city')}>{p.city}</Fact>
            <Fact label={f('phone')}>{p.phone}</Fact>
            <Fact label={f('updatedAt')}>{formatDateTime(p.updatedAt)}</Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="pe-s-emp">
          <div className="card-header">
            <h2 id="pe-s-emp">{t('personnel.section.employment')}</h2>
            {write ? (
              <div className="pe-actions">
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen({ kind: 'employer' })}>{t('personnel.setEmployer')}</button>
                {current ? <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen({ kind: 'endEmployment' })}>{t('personnel.endEmployment')}</button> : null}
              </div>
            ) : null}
          </div>
          {p.employments.length === 0 ? <p className="muted">{t('personnel.noneYet')}</p> : (
            <div className="table-wrap" tabIndex={0}><table className="table pe-table">
              <thead><tr><th scope="col">{f('companyId')}</th><th scope="col">{f('position')}</th><th scope="col">{f('startDate')}</th><th scope="col">{f('endDate')}</th></tr></thead>
              <tbody>{p.employments.map((e) => (
                <tr key={e.id}>
                  <td><a href={`#/companies/${encodeURIComponent(e.companyId)}`}>{e.companyName}</a></td>
                  <td>{e.position ?? t('common.none')}</td>
                  <td>{formatDate(e.startDate)}</td>
                  <td>{e.endDate ? <>{formatDate(e.endDate)}{e.endReason ? <span className="muted small"> · {e.endReason === 'transfer' ? t('personnel.transfer') : e.endReason}</span> : null}</> : <span className="badge badge-success">{t('personnel.current')}</span>}</td>
                </tr>
              ))}</tbody>
            </table></div>
          )}
        </section>

        <section className="card pe-wide" aria-labelledby="pe-s-tr">
          <div className="card-header">
            <h2 id="pe-s-tr">{t('personnel.section.trainings')}</h2>
            {write ? <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen({ kind: 'training' })}>{t('personnel.addTraining')}</button> : null}
          </div>
          {p.trainings.length === 0 ? <p className="muted">{t('personnel.noneYet')}</p> : (
            <div className="table-wrap" tabIndex={0}><table className="table pe-table">
              <thead><tr><th scope="col">{f('course')}</th><th scope="col" className="num">{f('hours')}</th><th scope="col">{f('provider')}</th><th scope="col">{f('completedOn')}</th><th scope="col">{f('kind')}</th></tr></thead>
              <tbody>{p.trainings.map((x) => (
                <tr key={x.id}><td>{x.course}</td><td className="num">{formatNumber(x.hours)}</td><td>{x.provider}</td><td>{formatDate(x.completedOn)}</td><td>{t(`trainingKind.${x.kind}`)}</td></tr>
              ))}</tbody>
            </table></div>
          )}
        </section>

        <section className="card pe-wide" aria-labelledby="pe-s-q">
          <div className="card-header">
            <h2 id="pe-s-q">{t('personnel.section.qualifications')}</h2>
            {write ? <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen({ kind: 'qualification' })}>{t('personnel.addQualification')}</button> : null}
          </div>
          {p.qualifications.length === 0 ? <p className="muted">{t('personnel.noneYet')}</p> : (
            <div className="table-wrap" tabIndex={0}><table className="table pe-table">
              <thead><tr><th scope="col">{f('calibre')}</th><th scope="col">{f('qualifiedOn')}</th><th scope="col">{f('requalifyBy')}</th><th scope="col">{f('instructor')}</th></tr></thead>
              <tbody>{p.qualifications.map((q) => (
                <tr key={q.id}><td>{q.calibreLabel}</td><td>{formatDate(q.qualifiedOn)}</td><td>{q.requalifyBy ? <DueDate iso={q.requalifyBy} /> : t('common.none')}</td><td>{q.instructor ?? t('common.none')}</td></tr>
              ))}</tbody>
            </table></div>
          )}
        </section>
      </div>

      {can('sanctions.read') ? (
        <TargetSanctions targetType="credential" targetId={p.id} targetLabel={p.credentialNumber ?? `${p.givenNames} ${p.familyNames}`}
          canPropose={can('sanctions.write') && SANCTIONABLE.includes(p.credentialStatus)} />
      ) : null}

      {can('incidents.read') || can('grievances.read') ? (
        <PersonAccountability personId={p.id} canIncidents={can('incidents.read')} canGrievances={can('grievances.read')} />
      ) : null}

      <section className="card" aria-labelledby="pe-s-hist">
        <h2 id="pe-s-hist">{t('personnel.section.history')}</h2>
        {p.credentialEvents.length === 0 ? <p className="muted">{t('personnel.noneYet')}</p> : (
          <div className="table-wrap" tabIndex={0}><table className="table pe-table">
            <thead><tr><th scope="col">{t('personnel.history.at')}</th><th scope="col">{t('personnel.history.action')}</th><th scope="col">{t('personnel.history.change')}</th><th scope="col">{f('credentialNumber')}</th><th scope="col">{f('reason')}</th><th scope="col">{f('legalBasis')}</th></tr></thead>
            <tbody>{p.credentialEvents.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{t(`credentialAction.${e.action}`)}</td>
                <td className="pe-change"><CredentialBadge state={e.fromStatus} /> <span aria-hidden="true">→</span> <CredentialBadge state={e.toStatus} /></td>
                <td className="mono">{e.credentialNumber ?? t('common.none')}</td>
                <td>{e.reason ?? t('common.none')}</td>
                <td>{e.legalBasis ?? t('common.none')}</td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>

      {open?.kind === 'action' ? <CredentialActionDialog person={p} action={open.action} onCancel={() => setOpen(null)} onDone={done(t('personnel.saved'))} /> : null}
      {open?.kind === 'training' ? <TrainingDialog person={p} onCancel={() => setOpen(null)} onDone={done(t('personnel.saved'))} /> : null}
      {open?.kind === 'qualification' ? <QualificationDialog person={p} onCancel={() => setOpen(null)} onDone={done(t('personnel.saved'))} /> : null}
      {open?.kind === 'employer' ? <EmployerDialog person={p} onCancel={() => setOpen(null)} onDone={done(t('personnel.saved'))} /> : null}
      {open?.kind === 'endEmployment' ? <EndEmploymentDialog person={p} onCancel={() => setOpen(null)} onDone={done(t('personnel.saved'))} /> : null}
    </div>
  );
}
