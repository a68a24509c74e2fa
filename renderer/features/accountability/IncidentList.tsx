import { useCallback, useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import { INCIDENT_SORT } from '../../../shared/commands/incidents.ts';
import { INCIDENT_STATUSES, INCIDENT_TYPES } from '../../../shared/model/incident.ts';
import { StatusBadge, showLocal, useTk } from './common.tsx';
import { useLoad } from './useLoad.ts';

type Row = CommandOutput<'incidents.list'>['rows'][number];
interface View { search: string; type: string; status: string; late: boolean; sort: DataSort; pageIndex: number; pageSize: number }
const INITIAL: View = { search: '', type: '', status: '', late: false, sort: { id: 'occurredAt', desc: true }, pageIndex: 0, pageSize: 50 };
const memory = viewMemory(INITIAL);

/** Incidents reported by companies; a serial number typed in the search finds every incident naming that firearm. */
export function IncidentList({ can, preset }: { can: (p: string) => boolean; preset?: Partial<View> }) {
  const { t, tError } = useI18n();
  const tk = useTk();
  const [view, setView] = useRememberedView(memory, preset);
  const list = useLoad('incidents.list', {
    search: view.search, type: (view.type || null) as never, status: (view.status || null) as never, late: view.late ? true : null,
    sort: view.sort.id as (typeof INCIDENT_SORT)[number], dir: view.sort.desc ? 'desc' : 'asc', offset: view.pageIndex * view.pageSize, limit: view.pageSize,
  });
  const [visibility, setVisibility] = useColumnPrefs('incidents.list.columns', { number: true, occurredAt: true, company: true, types: true, region: true, reportHours: true, status: true });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(() => {
    const col = (id: string, label: string, size: number, cell: (r: Row) => React.ReactNode, extra: Partial<DataColumnMeta> = {}): ColumnDef<Row, unknown> => ({
      id, header: label, size, cell: (c) => cell(c.row.original), meta: { label, sortable: (INCIDENT_SORT as readonly string[]).includes(id), ...extra } satisfies DataColumnMeta,
    });
    return [
      col('number', t('incidents.number'), 150, (r) => <span className="mono">{r.number}</span>, { alwaysVisible: true }),
      col('occurredAt', t('incidents.occurredAt'), 150, (r) => showLocal(r.occurredAt)),
      col('company', t('incidents.company'), 220, (r) => r.companyName, { grow: true }),
      col('types', t('incidents.types'), 220, (r) => r.types.map((x) => tk(`incidents.type.${x}`)).join(', ')),
      col('region', t('incidents.region'), 130, (r) => r.region),
      col('reportHours', t('incidents.delay'), 120, (r) => (
        <span className={r.late ? 'badge badge-danger' : ''}>{r.reportHours} h{r.late ? ` · ${t('incidents.late')}` : ''}</span>
      ), { align: 'right' }),
      col('status', t('incidents.status'), 120, (r) => <StatusBadge kind="incidents" status={r.status} />),
    ];
  }, [t, tk]);
  const onSearch = useCallback((s: string) => setView({ search: s, pageIndex: 0 }), [setView]);
  return (
    <div className="page acc-list">
      <div className="page-header"><div><h1>{t('incidents.title')}</h1></div></div>
      <DataTable<Row>
        label={t('incidents.title')}
        columns={columns}
        data={list.value?.rows ?? []}
        total={list.value?.total ?? 0}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error ? tError(list.error) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.search, onChange: onSearch })}
        searchLabel={t('incidents.search')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(r) => navigate(`/incidents/${encodeURIComponent(r.id)}`)}
        emptyMessage={t('statistics.noData')}
        toolbar={can('incidents.write') ? <a className="btn btn-primary" href="#/incidents/new">{t('incidents.new')}</a> : null}
        filters={
          <>
            <Select label={t('incidents.types')} value={view.type} placeholder={t('grievances.all')} options={INCIDENT_TYPES.map((s) => ({ value: s, label: tk(`incidents.type.${s}`) }))} onChange={(v) => setView({ type: v, pageIndex: 0 })} />
            <Select label={t('incidents.status')} value={view.status} placeholder={t('grievances.all')} options={INCIDENT_STATUSES.map((s) => ({ value: s, label: tk(`incidents.status.${s}`) }))} onChange={(v) => setView({ status: v, pageIndex: 0 })} />
            <label className="checkbox acc-filter-check"><input type="checkbox" checked={view.late} onChange={(e) => setView({ late: e.target.checked, pageIndex: 0 })} /> {t('incidents.late')}</label>
          </>
        }
      />
    </div>
  );
}
