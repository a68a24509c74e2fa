import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import type { InspectionRow } from '../../../shared/commands/inspections.ts';
import { INSPECTION_STATES, INSPECTION_TYPES } from '../../../shared/model/inspectionLifecycle.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useQuery } from './useAudits.ts';

interface View { search: string; status: string; type: string; sort: DataSort; pageIndex: number; pageSize: number }
const INITIAL: View = { search: '', status: '', type: '', sort: { id: 'date', desc: true }, pageIndex: 0, pageSize: 50 };
const memory = viewMemory(INITIAL);
const DEFAULT_COLUMNS = { reference: true, companyName: true, type: true, site: true, status: true, date: true, leadInspectorName: true, score: true, openFindings: true };

/** Inspections and the schedule: filters, search and sort in SQL, newest visit first. */
export function InspectionListPage({ can }: { can: (p: string) => boolean }) {
  const { t, formatDate } = useI18n();
  const [view, setView] = useRememberedView(memory);
  const list = useQuery('inspections.list', {
    search: view.search, status: (view.status || null) as never, type: (view.type || null) as never,
    sort: view.sort.id as 'date', dir: view.sort.desc ? 'desc' : 'asc', offset: view.pageIndex * view.pageSize, limit: view.pageSize,
  });
  const [visibility, setVisibility] = useColumnPrefs('audits.list.columns', DEFAULT_COLUMNS);
  const columns = useMemo<ColumnDef<InspectionRow, unknown>[]>(() => {
    const col = (id: string, label: string, size: number, cell: (r: InspectionRow) => React.ReactNode, meta: Partial<DataColumnMeta> = {}): ColumnDef<InspectionRow, unknown> =>
      ({ id, header: label, size, cell: (c) => cell(c.row.original), meta: { label, ...meta } satisfies DataColumnMeta });
    return [
      col('reference', t('audits.field.reference'), 130, (r) => <span className="mono">{r.reference}</span>, { sortable: true, alwaysVisible: true }),
      col('companyName', t('audits.field.company'), 240, (r) => <span title={r.companyName}>{r.companyName}</span>, { grow: true }),
      col('type', t('audits.field.type'), 130, (r) => t(`audits.type.${r.type}` as MessageKey)),
      col('site', t('audits.field.site'), 100, (r) => t(`audits.site.${r.site}` as MessageKey)),
      col('status', t('audits.field.status'), 180, (r) => <StatusBadge prefix="audits.status" value={r.status} />, { sortable: true }),
      col('date', t('audits.field.date'), 130, (r) => formatDate(r.scheduledDate ?? r.plannedDate), { sortable: true }),
      col('leadInspectorName', t('audits.field.lead'), 170, (r) => r.leadInspectorName),
      col('score', t('audits.field.score'), 90, (r) => (r.score === null ? <span className="muted">—</span> : <span className={r.capped ? 'au-capped' : ''}>{r.score.toFixed(1)}{r.capped ? ' *' : ''}</span>), { sortable: true, align: 'right' }),
      col('openFindings', t('audits.field.openFindings'), 110, (r) => r.openFindings || <span className="muted">0</span>, { align: 'right' }),
    ];
  }, [t, formatDate]);
  const opt = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return (
    <div className="page">
      <div className="page-header">
        <div><h1>{t('audits.title')}</h1></div>
      </div>
      <DataTable<InspectionRow>
        label={t('audits.title')}
        columns={columns}
        data={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error ? t(list.error.messageKey as MessageKey) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.search, onChange: (s: string) => setView({ search: s, pageIndex: 0 }) })}
        searchLabel={t('audits.search')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(r) => navigate(`/inspections/${encodeURIComponent(r.id)}`)}
        emptyMessage={t('audits.none')}
        toolbar={can('inspections.write') ? <a className="btn btn-primary" href="#/inspections/new">{t('audits.plan')}</a> : null}
        filters={
          <>
            <Select label={t('audits.field.status')} value={view.status} placeholder={t('audits.allStatuses')} options={opt('audits.status', INSPECTION_STATES)} onChange={(v) => setView({ status: v, pageIndex: 0 })} />
            <Select label={t('audits.field.type')} value={view.type} placeholder={t('audits.allTypes')} options={opt('audits.type', INSPECTION_TYPES)} onChange={(v) => setView({ type: v, pageIndex: 0 })} />
          </>
        }
      />
    </div>
  );
}
