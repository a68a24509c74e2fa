import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { Certification } from '../../../shared/commands/certifications.ts';
import { CERTIFICATION_STANDARDS } from '../../../shared/model/certificationLifecycle.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useQuery } from './useAudits.ts';
import './audits.css';

/** Companies' certifications: the ones expiring soon first; record one; move it along its lifecycle. */
export function CertificationsPage({ can }: { can: (p: string) => boolean }) {
  const { t, tError, formatDate } = useI18n();
  const [expiring, setExpiring] = useState(false);
  const list = useQuery('certifications.list', { expiringWithinDays: expiring ? 90 : null, limit: 500 });
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const act = async (c: Certification, action: Certification['actions'][number]) => {
    const r = await call('certifications.transition', { id: c.id, action, version: c.version });
    setError(r.ok ? null : r.error);
    list.reload();
  };
  const canWrite = can('certifications.write');
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('audits.certTitle')}</h1></div>
        <div className="row">
          <label className="checkbox"><input type="checkbox" checked={expiring} onChange={(e) => setExpiring(e.target.checked)} /> {t('audits.cert.expiringOnly')}</label>
          {canWrite ? <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('audits.cert.add')}</button> : null}
        </div>
      </div>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      {(list.data?.rows.length ?? 0) === 0 ? <p className="muted">{list.loading ? t('audits.loading') : t('audits.cert.none')}</p> : (
        <div className="table-wrap">
          <table className="table">
            <thead><tr>
              <th scope="col">{t('audits.field.company')}</th><th scope="col">{t('audits.cert.standard')}</th><th scope="col">{t('audits.cert.body')}</th>
              <th scope="col">{t('audits.field.status')}</th><th scope="col">{t('audits.cert.expires')}</th><th scope="col">{t('audits.cert.nextSurveillance')}</th>
              <th scope="col">{t('audits.actions')}</th>
            </tr></thead>
            <tbody>
              {list.data!.rows.map((c) => (
                <tr key={c.id}>
                  <td>{c.companyName}</td>
                  <td>{t(`audits.standard.${c.standard}` as MessageKey)}{c.certificateNumber ? <div className="small muted mono">{c.certificateNumber}</div> : null}</td>
                  <td>{c.certificationBody}{c.accreditationBody ? <div className="small muted">{c.accreditationBody}</div> : null}</td>
                  <td><StatusBadge prefix="audits.certStatus" value={c.status} /></td>
                  <td>{formatDate(c.expiresOn)} <div className={`small ${c.daysToExpiry <= 90 ? 'au-capped' : 'muted'}`}>{t('audits.cert.daysLeft', { days: c.daysToExpiry })}</div></td>
                  <td>{c.nextSurveillance ? formatDate(c.nextSurveillance) : '—'}</td>
                  <td>{canWrite ? <div className="row">{c.actions.map((a) => <button key={a} type="button" className="btn btn-sm btn-secondary" onClick={() => void act(c, a)}>{t(`audits.certAction.${a}` as MessageKey)}</button>)}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? <AddCertification onDone={() => { setAdding(false); list.reload(); }} /> : null}
    </div>
  );
}

function AddCertification({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const companies = useQuery('companies.list', { search, limit: 50, offset: 0 });
  const [f, setF] = useState({ companyId: '', standard: 'icoca_psc1', certificateNumber: '', certificationBody: '', accreditationBody: '', scope: '', issuedOn: '', expiresOn: '', surveillance: '' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const save = async () => {
    const r = await call('certifications.create', {
      companyId: f.companyId, standard: f.standard as 'icoca_psc1', certificateNumber: f.certificateNumber || null, certificationBody: f.certificationBody,
      accreditationBody: f.accreditationBody || null, scope: f.scope, issuedOn: f.issuedOn, expiresOn: f.expiresOn,
      surveillanceDates: f.surveillance.split(/[,;\s]+/).filter(Boolean),
    });
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Dialog title={t('audits.cert.add')} submitLabel={t('audits.save')} onSubmit={() => void save()} onCancel={onDone}>
      <FormError error={error} fields={['companyId', 'standard', 'certificateNumber', 'certificationBody', 'accreditationBody', 'scope', 'issuedOn', 'expiresOn', 'surveillanceDates']} />
      <TextInput label={t('audits.companySearch')} value={search} onChange={setSearch} />
      <Select label={t('audits.field.company')} required value={f.companyId} placeholder="—" error={fe('companyId')} onChange={set('companyId')} options={(companies.data?.rows ?? []).map((c) => ({ value: c.id, label: c.legalName }))} />
      <Select label={t('audits.cert.standard')} required value={f.standard} onChange={set('standard')} options={CERTIFICATION_STANDARDS.map((s) => ({ value: s, label: t(`audits.standard.${s}` as MessageKey) }))} />
      <TextInput label={t('audits.cert.number')} value={f.certificateNumber} error={fe('certificateNumber')} onChange={set('certificateNumber')} />
      <TextInput label={t('audits.cert.body')} required value={f.certificationBody} error={fe('certificationBody')} onChange={set('certificationBody')} />
      <TextInput label={t('audits.cert.accreditation')} value={f.accreditationBody} error={fe('accreditationBody')} onChange={set('accreditationBody')} />
      <TextInput label={t('audits.cert.scope')} required value={f.scope} error={fe('scope')} onChange={set('scope')} />
      <div className="au-grid2">
        <TextInput label={t('audits.cert.issued')} required type="date" value={f.issuedOn} error={fe('issuedOn')} onChange={set('issuedOn')} />
        <TextInput label={t('audits.cert.expires')} required type="date" value={f.expiresOn} error={fe('expiresOn')} onChange={set('expiresOn')} />
      </div>
      <TextInput label={t('audits.cert.surveillance')} hint={t('audits.cert.surveillanceHint')} value={f.surveillance} error={fe('surveillanceDates')} onChange={set('surveillance')} />
    </Dialog>
  );
}
