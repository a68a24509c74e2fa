import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import { PERSON_EXPORT_COLUMNS, type PersonQuery, type PersonRow } from '../../../shared/commands/personnel.ts';
import { PERSON_ROLES, PERSON_SORT_COLUMNS, type PersonSortColumn } from '../../../shared/model/personnel.ts';
import { CREDENTIAL_STATES } from '../../../shared/model/credentialLifecycle.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { CredentialBadge, DueDate } from './badges.tsx';
import { downloadBase64, usePersonList } from './usePersonnel.ts';

interface ListView {
  search: string;
  role: string;
  status: string;
  expiring: string;
  sort: DataSort;
  pageIndex: number;
  pageSize: number;
}

const INITIAL: ListView = { search: '', role: '', status: '', expiring: '', sort: { id: 'name', desc: false }, pageIndex: 0, pageSize: 50 };
// Kept for the session so returning from a person shows the same page, filters and sort.
const memory = viewMemory(INITIAL);

const DEFAULT_COLUMNS = {
  name: true, nationalId: true, role: true, company: true, credentialStatus: true, credentialNumber: true, credentialExpiresOn: true,
  healthCertExpiry: false, updatedAt: false,
};

/** The personnel register: full-text search, filters, server-side sort and paging, export. */
export function PersonnelListPage({ can, companyId }: { can: (permission: string) => boolean; companyId: string | null }) {
  const { t, tError, lang, formatDateTime } = useI18n();
  const [view, setView] = useRememberedView(memory);
  const query = useMemo<PersonQuery>(() => ({
    search: view.search,
    companyId,
    role: (view.role || null) as PersonQuery['role'],
    credentialStatus: (view.status || null) as PersonQuery['credentialStatus'],
    expiringWithinDays: view.expiring ? Number(view.expiring) : null,
    sort: view.sort.id as PersonSortColumn,
    dir: view.sort.desc ? 'desc' : 'asc',
  }), [view, companyId]);
  const list = usePersonList(query, view.pageIndex * view.pageSize, view.pageSize);
  const [visibility, setVisibility] = useColumnPrefs('personnel.list.columns', DEFAULT_COLUMNS);
  const [companyName, setCompanyName] = useState<string | null>(null);
  useEffect(() => {
    if (!companyId) { setCompanyName(null); return; }
    void call('companies.get', { id: companyId }).then((r) => setCompanyName(r.ok ? r.value.legalName : companyId));
  }, [companyId]);

  const columns = useMemo<ColumnDef<PersonRow, unknown>[]>(() => {
    const col = (id: keyof typeof DEFAULT_COLUMNS, size: number, labelKey: string, cell: (r: PersonRow) => React.ReactNode, extra: Partial<DataColumnMeta> = {}): ColumnDef<PersonRow, unknown> => {
      const label = t(labelKey as 'personnel.field.name');
      return { id, header: label, size, cell: (c) => cell(c.row.original), meta: { label, sortable: (PERSON_SORT_COLUMNS as readonly string[]).includes(id), ...extra } satisfies DataColumnMeta };
    };
    return [
      col('name', 200, 'personnel.field.name', (r) => <span className="pe-name" title={`${r.familyNames}, ${r.givenNames}`}>{r.familyNames}, {r.givenNames}</span>, { alwaysVisible: true, grow: true }),
      col('nationalId', 140, 'personnel.list.nationalId', (r) => <span className="mono">{r.nationalId}</span>),
      col('role', 130, 'personnel.field.role', (r) => t(`personRole.${r.role}`)),
      col('company', 180, 'personnel.list.company', (r) => r.currentCompanyName ? <span title={r.currentCompanyName}>{r.currentCompanyName}</span> : <span className="muted">{t('common.none')}</span>),
      col('credentialStatus', 110, 'personnel.list.credentialStatus', (r) => <CredentialBadge state={r.credentialStatus} />),
      col('credentialNumber', 150, 'personnel.list.credentialNumber', (r) => r.credentialNumber ? <span className="mono">{r.credentialNumber}</span> : <span className="muted">{t('common.none')}</span>),
      col('credentialExpiresOn', 115, 'personnel.field.credentialExpiresOn', (r) => <DueDate iso={r.credentialExpiresOn} />),
      col('healthCertExpiry', 130, 'personnel.list.healthCertExpiry', (r) => <DueDate iso={r.healthCertExpiry} />),
      col('updatedAt', 170, 'personnel.field.updatedAt', (r) => formatDateTime(r.updatedAt)),
    ];
  }, [t, formatDateTime]);

  const [exportError, setExportError] = useState<AppErrorData | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    setExportError(null);
    const visible = new Set(Object.keys(DEFAULT_COLUMNS).filter((id) => visibility[id] !== false));
    const map: Record<string, (typeof PERSON_EXPORT_COLUMNS)[number][]> = {
      name: ['familyNames', 'givenNames'], nationalId: ['nationalId', 'idCountry'], role: ['role'], company: ['currentCompanyName'],
      credentialStatus: ['credentialStatus'], credentialNumber: ['credentialNumber'], credentialExpiresOn: ['credentialExpiresOn'],
      healthCertExpiry: ['healthCertExpiry'], updatedAt: ['updatedAt'],
    };
    const cols = Object.keys(map).filter((k) => visible.has(k)).flatMap((k) => map[k]);
    const r = await call('personnel.export', { ...query, format, columns: cols.length ? cols : ['familyNames'], language: lang });
    setExporting(false);
    if (r.ok) downloadBase64(r.value.filename, r.value.mime, r.value.base64);
    else setExportError(r.error);
  };

  const onSearch = useCallback((s: string) => setView({ search: s, pageIndex: 0 }), [setView]);
  const filtered = view.role || view.status || view.expiring || view.search;

  return (
    <div className="page pe-list">
      <div className="page-header">
        <div>
          <h1>{t('personnel.title')}</h1>
          {companyId ? (
            <p className="lead">
              {t('personnel.filter.company')}: <strong>{companyName ?? '…'}</strong>{' '}
              <a href="#/personnel" className="pe-chip-clear">{t('personnel.filter.allCompanies')}</a>
            </p>
          ) : null}
        </div>
      </div>
      {exportError ? <div className="alert alert-error" role="alert">{tError(exportError)}</div> : null}
      <DataTable<PersonRow>
        label={t('personnel.title')}
        columns={columns}
        data={list.rows}
        total={list.total}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error ? tError(list.error) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.search, onChange: onSearch })}
        searchLabel={t('personnel.searchPlaceholder')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(r) => navigate(`/personnel/${encodeURIComponent(r.id)}`)}
        emptyMessage={t('personnel.empty')}
        toolbar={
          <>
            {can('personnel.export') ? <ExportButtons busy={exporting} onExport={exportAs} /> : null}
            {can('personnel.write') ? <a className="btn btn-primary" href="#/personnel/new">{t('personnel.new')}</a> : null}
          </>
        }
        filters={
          <>
            <Select label={t('personnel.filter.role')} value={view.role} placeholder={t('personnel.filter.allRoles')}
              options={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRole.${r}`) }))} onChange={(v) => setView({ role: v, pageIndex: 0 })} />
            <Select label={t('personnel.filter.status')} value={view.status} placeholder={t('personnel.filter.allStatuses')}
              options={CREDENTIAL_STATES.map((s) => ({ value: s, label: t(`credentialState.${s}`) }))} onChange={(v) => setView({ status: v, pageIndex: 0 })} />
            <Select label={t('personnel.filter.expiring')} value={view.expiring} placeholder={t('personnel.filter.anyExpiry')}
              options={[30, 60, 90].map((d) => ({ value: String(d), label: t('personnel.filter.expiringIn', { days: d }) }))} onChange={(v) => setView({ expiring: v, pageIndex: 0 })} />
            {filtered ? (
              <button type="button" className="btn btn-ghost pe-clear" onClick={() => setView({ ...INITIAL, sort: view.sort, pageSize: view.pageSize })}>
                {t('companies.list.clear')}
              </button>
            ) : null}
          </>
        }
      />
    </div>
  );
}

function ExportButtons({ busy, onExport }: { busy: boolean; onExport(f: 'csv' | 'xlsx'): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => { if (!wrap.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', onDown);
    wrap.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const pick = (f: 'csv' | 'xlsx') => { setOpen(false); onExport(f); };
  return (
    <div className="dt-menu-wrap" ref={wrap} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="btn btn-secondary" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)}>
        {busy ? t('companies.export.busy') : t('companies.export.button')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="dt-menu" role="menu">
          <button type="button" role="menuitem" className="dt-menu-item pe-menu-btn" onClick={() => pick('csv')}>{t('companies.export.csv')}</button>
          <button type="button" role="menuitem" className="dt-menu-item pe-menu-btn" onClick={() => pick('xlsx')}>{t('companies.export.xlsx')}</button>
        </div>
      ) : null}
    </div>
  );
}
