import { catalogues } from '../../../shared/i18n/index.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import { call } from '../../api/client.ts';
import { EXPORT_COLUMNS, type CompanyQuery, type CompanyRow } from '../../../shared/commands/companies.ts';
import { COMPANY_SORT_COLUMNS, ICOCA_STATUSES, SERVICE_TYPES, type CompanySortColumn } from '../../../shared/model/company.ts';
import { COUNTRIES } from '../../../shared/model/taxId.ts';
import { formatTaxId } from '../../../shared/model/taxId.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { ExpiryDate, IcocaBadge } from './expiry.tsx';
import { downloadBase64, useCompanyList } from './useCompanies.ts';

interface ListView {
  search: string;
  country: string;
  armed: string;
  serviceType: string;
  icocaStatus: string;
  sort: DataSort;
  pageIndex: number;
  pageSize: number;
}

const INITIAL: ListView = { search: '', country: '', armed: '', serviceType: '', icocaStatus: '', sort: { id: 'legalName', desc: false }, pageIndex: 0, pageSize: 50 };
// Kept for the session so returning from a company shows the same page, filters and sort.
const memory = viewMemory(INITIAL);

const DEFAULT_COLUMNS = {
  legalName: true, tradeName: false, taxId: true, country: false, city: false, armed: true, serviceTypes: false,
  icocaStatus: true, guaranteeExpiry: true, insuranceExpiry: true, updatedAt: false,
};

function toQuery(v: ListView): CompanyQuery {
  return {
    search: v.search,
    country: (v.country || null) as CompanyQuery['country'],
    armed: v.armed === '' ? null : v.armed === 'yes',
    serviceType: (v.serviceType || null) as CompanyQuery['serviceType'],
    icocaStatus: (v.icocaStatus || null) as CompanyQuery['icocaStatus'],
    sort: v.sort.id as CompanySortColumn,
    dir: v.sort.desc ? 'desc' : 'asc',
  };
}

/** The register: search (full text), filters, server-side sort and paging, export. */
export function CompanyListPage({ can }: { can: (permission: string) => boolean }) {
  const { t, tError, lang, countryName, formatDateTime } = useI18n();
  const [view, setView] = useRememberedView(memory);
  const query = useMemo(() => toQuery(view), [view]);
  const list = useCompanyList(query, view.pageIndex * view.pageSize, view.pageSize);
  const [visibility, setVisibility] = useColumnPrefs('companies.list.columns', DEFAULT_COLUMNS);

  const columns = useMemo<ColumnDef<CompanyRow, unknown>[]>(() => {
    const sortable = (id: string) => (COMPANY_SORT_COLUMNS as readonly string[]).includes(id);
    const col = (id: keyof typeof DEFAULT_COLUMNS, size: number, cell: (r: CompanyRow) => React.ReactNode, extra: Partial<DataColumnMeta> = {}): ColumnDef<CompanyRow, unknown> => {
      // Narrow columns get a short header from the catalogue when one exists.
      const short = `companies.list.${id}`;
      const label = t((short in catalogues.es ? short : `companies.field.${id}`) as 'companies.field.legalName');
      return { id, header: label, size, cell: (c) => cell(c.row.original), meta: { label, sortable: sortable(id), ...extra } satisfies DataColumnMeta };
    };
    return [
      col('legalName', 230, (r) => <span className="co-name" title={r.legalName}>{r.legalName}</span>, { alwaysVisible: true, grow: true }),
      col('tradeName', 190, (r) => r.tradeName ?? <span className="muted">{t('common.none')}</span>),
      col('taxId', 150, (r) => <span className="mono">{formatTaxId(r.country, r.taxId)}</span>),
      col('country', 105, (r) => countryName(r.country)),
      col('city', 150, (r) => r.city ?? <span className="muted">{t('common.none')}</span>),
      col('armed', 105, (r) => (r.armed ? <span className="badge badge-warning">{t('common.yes')}</span> : t('common.no'))),
      col('serviceTypes', 240, (r) => <span title={r.serviceTypes.map((s) => t(`service.${s}`)).join(', ')}>{r.serviceTypes.map((s) => t(`service.${s}`)).join(', ')}</span>),
      col('icocaStatus', 160, (r) => <IcocaBadge status={r.icocaStatus} />),
      col('guaranteeExpiry', 150, (r) => <ExpiryDate iso={r.guaranteeExpiry} compact />),
      col('insuranceExpiry', 150, (r) => <ExpiryDate iso={r.insuranceExpiry} compact />),
      col('updatedAt', 170, (r) => formatDateTime(r.updatedAt)),
    ];
  }, [t, countryName, formatDateTime]);

  const [exportError, setExportError] = useState<AppErrorData | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    setExportError(null);
    const visible = columns.map((c) => c.id!).filter((id) => visibility[id] !== false);
    const exportCols = EXPORT_COLUMNS.filter((c) => visible.includes(c));
    const r = await call('companies.export', { ...query, format, columns: exportCols.length ? exportCols : ['legalName'], language: lang });
    setExporting(false);
    if (r.ok) downloadBase64(r.value.filename, r.value.mime, r.value.base64);
    else setExportError(r.error);
  };

  const opts = {
    country: COUNTRIES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    armed: [{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }],
    service: SERVICE_TYPES.map((s) => ({ value: s, label: t(`service.${s}`) })),
    icoca: ICOCA_STATUSES.map((s) => ({ value: s, label: t(`icoca.${s}`) })),
  };
  const onSearch = useCallback((s: string) => setView({ search: s, pageIndex: 0 }), [setView]);
  const filtered = view.country || view.armed || view.serviceType || view.icocaStatus || view.search;

  return (
    <div className="page co-list">
      <div className="page-header">
        <div>
          <h1>{t('companies.title')}</h1>
          <p className="lead">{t('companies.list.lead')}</p>
        </div>
      </div>
      {exportError ? <div className="alert alert-error" role="alert">{tError(exportError)}</div> : null}
      <DataTable<CompanyRow>
        label={t('companies.title')}
        columns={columns}
        data={list.rows}
        total={list.total}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error ? tError(list.error) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.search, onChange: onSearch })}
        searchLabel={t('companies.list.search')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(r) => navigate(`/companies/${encodeURIComponent(r.id)}`)}
        emptyMessage={filtered ? t('companies.list.emptyFiltered') : t('companies.list.empty')}
        toolbar={
          <>
            {can('companies.export') ? <ExportMenu busy={exporting} onExport={exportAs} /> : null}
            {can('companies.write') ? (
              <a className="btn btn-primary" href="#/companies/new">{t('companies.new')}</a>
            ) : null}
          </>
        }
        filters={
          <>
            <Select label={t('companies.field.country')} value={view.country} placeholder={t('common.all')} options={opts.country} onChange={(v) => setView({ country: v, pageIndex: 0 })} />
            <Select label={t('companies.field.armed')} value={view.armed} placeholder={t('common.all')} options={opts.armed} onChange={(v) => setView({ armed: v, pageIndex: 0 })} />
            <Select label={t('companies.list.serviceType')} value={view.serviceType} placeholder={t('common.all')} options={opts.service} onChange={(v) => setView({ serviceType: v, pageIndex: 0 })} />
            <Select label={t('companies.field.icocaStatus')} value={view.icocaStatus} placeholder={t('common.all')} options={opts.icoca} onChange={(v) => setView({ icocaStatus: v, pageIndex: 0 })} />
            {filtered ? (
              <button type="button" className="btn btn-ghost co-clear" onClick={() => setView({ ...INITIAL, sort: view.sort, pageSize: view.pageSize })}>
                {t('companies.list.clear')}
              </button>
            ) : null}
          </>
        }
      />
    </div>
  );
}

function ExportMenu({ busy, onExport }: { busy: boolean; onExport(f: 'csv' | 'xlsx'): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    wrap.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const pick = (f: 'csv' | 'xlsx') => {
    setOpen(false);
    onExport(f);
  };
  return (
    <div className="dt-menu-wrap" ref={wrap} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="btn btn-secondary" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)}>
        {busy ? t('companies.export.busy') : t('companies.export.button')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="dt-menu" role="menu">
          <button type="button" role="menuitem" className="dt-menu-item co-menu-btn" onClick={() => pick('csv')}>{t('companies.export.csv')}</button>
          <button type="button" role="menuitem" className="dt-menu-item co-menu-btn" onClick={() => pick('xlsx')}>{t('companies.export.xlsx')}</button>
        </div>
      ) : null}
    </div>
  );
}
