import { useState } from 'react';
import { Dialog, FormError, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { ALARM_LINKS } from '../../../shared/model/firearms.ts';
import { k, useCompanyOptions, useQuery } from './useFirearms.ts';

/** Armories of each company: facility, key custodians, what is stored there, last assessment. */
export function ArmoriesPage({ can }: { can: (p: string) => boolean }) {
  const { t, tError, formatNumber, formatDate } = useI18n();
  const [companyId, setCompanyId] = useState('');
  const [search, setSearch] = useState('');
  const companies = useCompanyOptions();
  const list = useQuery('armories.list', { companyId: companyId || null, search, limit: 200 });
  const [adding, setAdding] = useState(false);
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('armories.title')}</h1></div>
        <div className="actions">{can('firearms.write') ? <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>{t('armories.add')}</button> : null}</div>
      </div>
      <div className="filters card">
        <Select label={t('firearms.field.company')} value={companyId} placeholder={t('firearms.allCompanies')} options={companies} onChange={setCompanyId} />
        <TextInput label={t('common.search')} value={search} onChange={setSearch} />
      </div>
      {list.error ? <div className="alert alert-error" role="alert">{tError(list.error)}</div> : null}
      <div className="table-wrap" tabIndex={0}>
        <table className="table" aria-label={t('armories.title')}>
          <thead><tr>
            <th>{t('armories.name')}</th><th>{t('firearms.field.company')}</th><th>{t('armories.address')}</th><th>{t('armories.alarmShort')}</th>
            <th className="num">{t('armories.cameras')}</th><th>{t('armories.custodians')}</th><th className="num">{t('armories.firearms')}</th><th className="num">{t('ammo.rounds')}</th><th>{t('armories.assessmentShort')}</th>
          </tr></thead>
          <tbody>
            {(list.data?.rows ?? []).map((a) => (
              <tr key={a.id}>
                <td><strong>{a.name}</strong>{a.construction ? <div className="muted small">{a.construction}</div> : null}</td>
                <td>{a.companyName}</td>
                <td>{a.address}{a.city ? `, ${a.city}` : ''}</td>
                <td>{a.alarmLink === 'none' ? <span className="badge badge-warning">{t('alarm.none')}</span> : t(k('alarm', a.alarmLink))}</td>
                <td className="num">{a.cameras}{a.retentionDays !== null ? <span className="muted small"> · {a.retentionDays} d</span> : null}</td>
                <td>{a.keyCustodians.map((c) => c.name).join(', ') || <span className="muted">{t('common.none')}</span>}</td>
                <td className="num">{formatNumber(a.firearms)}</td>
                <td className="num">{formatNumber(a.rounds)}</td>
                <td>{a.lastAssessmentScore !== null ? <>{formatNumber(a.lastAssessmentScore)} / 100 <span className="muted small">{formatDate(a.lastAssessmentAt)}</span></> : <span className="muted">{t('armories.notAssessed')}</span>}</td>
              </tr>
            ))}
            {list.data && list.data.rows.length === 0 ? <tr><td colSpan={9} className="table-empty">{t('firearms.empty')}</td></tr> : null}
          </tbody>
        </table>
      </div>
      {adding ? <ArmoryDialog onCancel={() => setAdding(false)} onDone={() => { setAdding(false); list.reload(); }} /> : null}
    </div>
  );
}

function ArmoryDialog({ onCancel, onDone }: { onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ companyId: '', name: '', address: '', city: '', construction: '', locks: '', alarmLink: 'none', cameras: '0', retentionDays: '', keyCustodians: '' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const companies = useCompanyOptions();
  const set = (f: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [f]: x }));
  const submit = async () => {
    const r = await call('armories.create', {
      ...v, alarmLink: v.alarmLink as 'none', cameras: Number(v.cameras) || 0, retentionDays: v.retentionDays ? Number(v.retentionDays) : null,
      keyCustodians: v.keyCustodians.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name })),
    });
    if (r.ok) onDone(); else setError(r.error);
  };
  return (
    <Dialog title={t('armories.add')} submitLabel={t('armories.add')} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={Object.keys(v)} />
      <Select label={t('firearms.field.company')} value={v.companyId} placeholder="—" options={companies} onChange={set('companyId')} error={fe('companyId')} required />
      <TextInput label={t('armories.name')} value={v.name} onChange={set('name')} error={fe('name')} required />
      <TextInput label={t('armories.address')} value={v.address} onChange={set('address')} error={fe('address')} required />
      <TextInput label={t('armories.city')} value={v.city} onChange={set('city')} />
      <TextInput label={t('armories.construction')} value={v.construction} onChange={set('construction')} />
      <TextInput label={t('armories.locks')} value={v.locks} onChange={set('locks')} />
      <Select label={t('armories.alarmLink')} value={v.alarmLink} options={ALARM_LINKS.map((x) => ({ value: x, label: t(k('alarm', x)) }))} onChange={set('alarmLink')} />
      <div className="grid-2">
        <TextInput label={t('armories.cameras')} type="number" value={v.cameras} onChange={set('cameras')} error={fe('cameras')} />
        <TextInput label={t('armories.retentionDays')} type="number" value={v.retentionDays} onChange={set('retentionDays')} error={fe('retentionDays')} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="arm-keys">{t('armories.keyCustodians')}</label>
        <textarea id="arm-keys" className="input fa-textarea" value={v.keyCustodians} onChange={(e) => set('keyCustodians')(e.target.value)} />
      </div>
    </Dialog>
  );
}
