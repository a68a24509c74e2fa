import { useCallback, useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import type { GrievanceRow } from '../../../shared/commands/grievances.ts';
import { GRIEVANCE_SORT } from '../../../shared/commands/grievances.ts';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_STATUSES } from '../../../shared/model/grievance.ts';
import { StatusBadge, showLocal, useTk } from './common.tsx';
import { useLoad } from './useLoad.ts';
import { DueCell } from './DueCell.tsx';

interface View { search: string; status: string; category: string; overdue: boolean; retaliation: boolean; sort: DataSort; pageIndex: number; pageSize: number }
const INITIAL: View = { search: '', status: '', category: '', overdue: false, retaliation: false, sort: { id: 'receivedAt', desc: true }, pageIndex: 0, pageSize: 50 };
const memory = viewMemory(INITIAL);

/** Grievances: search by reference code, company or content; filters and sort in SQL. */
export function GrievanceList({ can, preset }: { can: (p: string) => boolean; preset?: Partial<View> }) {
  const { t, tError } = useI18n();
  const tk = useTk();
  // A home card opens the list with its filter (and nothing else) set.
  const [view, setView] = useRememberedView(memory, preset);
  const list = useLoad('grievances.list', {
    search: view.search, status: (view.status || null) as never, category: (view.category || null) as never,
    overdue: view.overdue ? true : null, retaliation: view.retaliation ? true : null,
    sort: view.sort.id as (typeof GRIEVANCE_SORT)[number], dir: view.sort.desc ? 'desc' : 'asc', offset: view.pageIndex * view.pageSize, limit: view.pageSize,
  });
  const flags = useLoad('grievances.retaliationFlags', {});
  const [visibility, setVisibility] = useColumnPrefs('grievances.list.columns', { referenceCode: true, receivedAt: true, category: true, company: true, status: true, dueAt: true, channel: false });

  const columns = useMemo<ColumnDef<GrievanceRow, unknown>[]>(() => {
    const col = (id: string, label: string, size: number, cell: (g: GrievanceRow) => React.ReactNode, extra: Partial<DataColumnMeta> = {}): ColumnDef<GrievanceRow, unknown> => ({
      id, header: label, size, cell: (c) => cell(c.row.original), meta: { label, sortable: (GRIEVANCE_SORT as readonly string[]).includes(id), ...extra } satisfies DataColumnMeta,
    });
    return [
      col('referenceCode', t('grievances.referenceCode'), 150, (g) => <span className="mono">{g.referenceCode}</span>, { alwaysVisible: true }),
      col('receivedAt', t('grievances.receivedAt'), 140, (g) => showLocal(g.receivedAt)),
      col('category', t('grievances.category'), 230, (g) => tk(`grievances.category.${g.category}`), { grow: true }),
      col('company', t('grievances.company'), 220, (g) => (
        <span>{g.companyName ?? <span className="muted">{t('grievances.noCompany')}</span>}
          {g.retaliationConcern ? <> <span className="badge badge-danger">{t('grievances.retaliationFlag')}</span></> : null}</span>
      )),
      col('status', t('grievances.status'), 130, (g) => <StatusBadge kind="grievances" status={g.status} />),
      col('dueAt', t('grievances.due'), 150, (g) => <DueCell daysLeft={g.daysLeft} overdue={g.overdue} />),
      col('channel', t('grievances.channel'), 120, (g) => tk(`grievances.channel.${g.channel}`)),
    ];
  }, [t, tk]);

  const onSearch = useCallback((s: string) => setView({ search: s, pageIndex: 0 }), [setView]);
  return (
    <div className="page acc-list">
      <div className="page-header">
        <div><h1>{t('grievances.title')}</h1></div>
      </div>
      {flags.value && flags.value.length > 0 ? (
        <section className="card acc-flags" aria-labelledby="acc-flags-h">
          <h2 id="acc-flags-h">{t('grievances.retaliationFlags')}</h2>
          <ul>
            {flags.value.slice(0, 6).map((f) => (
              <li key={f.companyId}><a href={`#/companies/${encodeURIComponent(f.companyId)}`}>{f.companyName}</a> <span className={`badge${f.open > 0 ? ' badge-danger' : ''}`}>{t('grievances.flagCounts', { open: f.open, total: f.grievances })}</span></li>
            ))}
          </ul>
        </section>
      ) : null}
      <DataTable<GrievanceRow>
        label={t('grievances.title')}
        columns={columns}
        data={list.value?.rows ?? []}
        total={list.value?.total ?? 0}
        getRowId={(g) => g.id}
        loading={list.loading}
        error={list.error ? tError(list.error) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.search, onChange: onSearch })}
        searchLabel={t('grievances.search')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(g) => navigate(`/grievances/${encodeURIComponent(g.id)}`)}
        emptyMessage={t('statistics.noData')}
        toolbar={can('grievances.write') ? <a className="btn btn-primary" href="#/grievances/new">{t('grievances.new')}</a> : null}
        filters={
          <>
            <Select label={t('grievances.status')} value={view.status} placeholder={t('grievances.all')} options={GRIEVANCE_STATUSES.map((s) => ({ value: s, label: tk(`grievances.status.${s}`) }))} onChange={(v) => setView({ status: v, pageIndex: 0 })} />
            <Select label={t('grievances.category')} value={view.category} placeholder={t('grievances.all')} options={GRIEVANCE_CATEGORIES.map((s) => ({ value: s, label: tk(`grievances.category.${s}`) }))} onChange={(v) => setView({ category: v, pageIndex: 0 })} />
            <label className="checkbox acc-filter-check"><input type="checkbox" checked={view.overdue} onChange={(e) => setView({ overdue: e.target.checked, pageIndex: 0 })} /> {t('grievances.overdue')}</label>
            <label className="checkbox acc-filter-check"><input type="checkbox" checked={view.retaliation} onChange={(e) => setView({ retaliation: e.target.checked, pageIndex: 0 })} /> {t('grievances.retaliationFlag')}</label>
          </>
        }
      />
    </div>
  );
}
