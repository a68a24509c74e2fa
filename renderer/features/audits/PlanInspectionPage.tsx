import { useMemo, useState } from 'react';
import { Select, TextInput, FormError, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { INSPECTION_SITES, INSPECTION_TYPES } from '../../../shared/model/inspectionLifecycle.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useQuery } from './useAudits.ts';

/** Plans an inspection: company, type, site, checklist version, date and lead inspector. */
export function PlanInspectionPage({ can }: { can: (p: string) => boolean }) {
  const { t, lang } = useI18n();
  const [companySearch, setCompanySearch] = useState('');
  const companies = useQuery('companies.list', { search: companySearch, limit: 50, offset: 0 });
  const templates = useQuery('checklists.list', {});
  const inspectors = useQuery('inspections.listInspectors', {});
  const [f, setF] = useState({ companyId: '', type: 'routine', site: 'armory', siteLabel: '', armoryId: '', templateId: '', plannedDate: '', leadInspectorId: '', summary: '' });
  // The company's registered armories (firearms area), when the user may see them.
  const armories = useQuery('armories.list', f.site === 'armory' && f.companyId && can('firearms.read') ? { companyId: f.companyId, limit: 100 } : null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldErrors(error);
  const active = useMemo(() => (templates.data ?? []).filter((x) => x.status === 'active' && (f.site !== 'armory' || x.kind === 'armory')), [templates.data, f.site]);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await call('inspections.plan', {
      companyId: f.companyId, type: f.type as 'routine', site: f.site as 'armory', siteLabel: f.siteLabel || null, armoryId: f.site === 'armory' && f.armoryId ? f.armoryId : null,
      templateId: f.templateId, plannedDate: f.plannedDate, leadInspectorId: f.leadInspectorId, summary: f.summary || null,
    });
    setBusy(false);
    if (r.ok) navigate(`/inspections/${r.value.id}`);
    else setError(r.error);
  };
  return (
    <div className="page page-narrow">
      <p className="breadcrumb"><a href="#/inspections">{t('audits.back')}</a></p>
      <h1>{t('audits.planTitle')}</h1>
      <form className="card" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <FormError error={error} fields={['companyId', 'templateId', 'plannedDate', 'leadInspectorId', 'siteLabel', 'type', 'site', 'armoryId']} />
        <TextInput label={t('audits.companySearch')} value={companySearch} onChange={setCompanySearch} />
        <Select label={t('audits.field.company')} required value={f.companyId} placeholder="—" error={fieldError('companyId')} onChange={(v) => setF((x) => ({ ...x, companyId: v, armoryId: '' }))}
          options={(companies.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.legalName} (${c.taxId})` }))} />
        <div className="au-grid2">
          <Select label={t('audits.field.type')} required value={f.type} onChange={set('type')} options={INSPECTION_TYPES.map((v) => ({ value: v, label: t(`audits.type.${v}` as MessageKey) }))} />
          <Select label={t('audits.field.site')} required value={f.site} onChange={(v) => setF((x) => ({ ...x, site: v, templateId: '' }))} options={INSPECTION_SITES.map((v) => ({ value: v, label: t(`audits.site.${v}` as MessageKey) }))} />
        </div>
        {f.site === 'armory' && (armories.data?.rows.length ?? 0) > 0 ? (
          <Select label={t('audits.field.armory')} value={f.armoryId} placeholder="—" error={fieldError('armoryId')}
            onChange={(v) => { const a = armories.data!.rows.find((x) => x.id === v); setF((x) => ({ ...x, armoryId: v, siteLabel: a ? `${a.name}, ${a.address}` : x.siteLabel })); }}
            options={armories.data!.rows.map((a) => ({ value: a.id, label: `${a.name} — ${a.address}` }))} />
        ) : null}
        <TextInput label={t('audits.field.siteLabel')} value={f.siteLabel} error={fieldError('siteLabel')} onChange={set('siteLabel')} />
        <Select label={t('audits.field.template')} required value={f.templateId} placeholder="—" error={fieldError('templateId')} onChange={set('templateId')}
          options={active.map((x) => ({ value: x.id, label: `${x.title[lang]} (v${x.version}, ${x.itemCount})` }))} />
        <div className="au-grid2">
          <TextInput label={t('audits.field.plannedDate')} required type="date" value={f.plannedDate} error={fieldError('plannedDate')} onChange={set('plannedDate')} />
          <Select label={t('audits.field.lead')} required value={f.leadInspectorId} placeholder="—" error={fieldError('leadInspectorId')} onChange={set('leadInspectorId')}
            options={(inspectors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        </div>
        <TextInput label={t('audits.field.summary')} value={f.summary} onChange={set('summary')} />
        <div className="form-actions">
          <a className="btn btn-secondary" href="#/inspections">{t('audits.cancel')}</a>
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('audits.plan')}</button>
        </div>
      </form>
    </div>
  );
}
