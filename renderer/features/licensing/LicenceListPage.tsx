import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { LICENCE_QUEUES, LICENCE_SORT_COLUMNS, type LicenceQuery, type LicenceRow } from '../../../shared/commands/licensing.ts';
import { LICENCE_STATES } from '../../../shared/model/licenceLifecycle.ts';
import { ClockBadge, StateBadge } from './ClockBadge.tsx';
import { useQuery } from '../../api/useQuery.ts';

interface View { search: string; stage: string; state: string; queue: string; sort: DataSort; pageIndex: number; pageSize: number }
const INITIAL: View = { search: '', stage: 'application', state: '', queue: '', sort: { id: 'remainingDays', desc: false }, pageIndex: 0, pageSize: 50 };
const memory = viewMemory(INITIAL);
const DEFAULT_COLUMNS = { companyName: true, typeName: false, state: true, remainingDays: true, number: true, expiresOn: true, createdAt: false };

/** Applications and licences with their processing clocks; the overdue queue is one filter away. */
export function LicenceListPage({ can, initialQueue }: { can: (p: string) => boolean; initialQueue?: string }) {
  const { t, tError, formatDate, formatDateTime } = useI18n();
  // A queue link opens that queue without replacing the view the officer left.
  const [view, setView] = useRememberedView(memory, initialQueue ? { queue: initialQueue, stage: '' } : undefined, false);
  const query: LicenceQuery = {
    search: view.search,
    stage: (view.stage || null) as LicenceQuery['stage'],
    state: (view.state || null) as LicenceQuery['state'],
    queue: (view.queue || null) as LicenceQuery['queue'],
    sort: view.sort.id as LicenceQuery['sort'],
    dir: view.sort.desc ? 'desc' : 'asc',
  };
  const list = useQuery('licensing.list', { ...query, offset: view.pageIndex * view.pageSize, limit: view.pageSize });
  const [visibility, setVisibility] = useColumnPrefs('licensing.list.columns', DEFAULT_COLUMNS);

  const columns = useMemo<ColumnDef<LicenceRow, unknown>[]>(() => {
    const col = (id: string, labelKey: MessageKey, size: number, cell: (r: LicenceRow) => React.ReactNode, extra: Partial<DataColumnMeta> = {}): ColumnDef<LicenceRow, unknown> => ({
      id, header: t(labelKey), size, cell: (c) => cell(c.row.original),
      meta: { label: t(labelKey), sortable: (LICENCE_SORT_COLUMNS as readonly string[]).includes(id), ...extra } satisfies DataColumnMeta,
    });
    return [
      col('companyName', 'licensing.col.company', 200, (r) => <span title={r.companyName}>{r.companyName}</span>, { alwaysVisible: true, grow: true }),
      col('typeName', 'licensing.col.type', 170, (r) => <span title={r.typeName}>{r.typeName}</span>),
      col('state', 'licensing.col.state', 215, (r) => <StateBadge state={r.state} />),
      col('remainingDays', 'licensing.col.clock', 275, (r) => <ClockBadge clock={r.clock} />),
      col('number', 'licensing.col.number', 175, (r) => (r.number ? <span className="mono">{r.number}</span> : <span className="muted">{t('common.none')}</span>)),
      col('expiresOn', 'licensing.col.expiresOn', 115, (r) => (r.expiresOn ? formatDate(r.expiresOn) : <span className="muted">{t('common.none')}</span>)),
      col('createdAt', 'licensing.col.createdAt', 160, (r) => formatDateTime(r.createdAt)),
    ];
  }, [t, formatDate, formatDateTime]);

  const filtered = view.search || view.state || view.queue || view.stage !== INITIAL.stage;
  return (
    <div className="page lic-list">
      <div className="page-header">
        <div><h1>{t('licensing.title')}</h1></div>
      </div>
      <DataTable<LicenceRow>
        label={t('licensing.title')}
        columns={columns}
        data={list.value?.rows ?? []}
        total={list.value?.total ?? 0}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error ? tError(list.error) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.search, onChange: (s: string) => setView({ search: s, pageIndex: 0 }) })}
        searchLabel={t('licensing.search')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(r) => navigate(`/licensing/${encodeURIComponent(r.id)}`)}
        emptyMessage={t('licensing.empty')}
        toolbar={
          <>
            {can('licensing.configure') ? <a className="btn btn-secondary" href="#/licensing/types">{t('licensing.types.link')}</a> : null}
            {can('licensing.write') ? <a className="btn btn-primary" href="#/licensing/new">{t('licensing.new')}</a> : null}
          </>
        }
        filters={
          <>
            <Select label={t('licensing.filter.stage')} value={view.stage} placeholder={t('licensing.filter.allStages')}
              options={(['application', 'licence'] as const).map((s) => ({ value: s, label: t(`licensing.stage.${s}`) }))}
              onChange={(v) => setView({ stage: v, state: '', pageIndex: 0 })} />
            <Select label={t('licensing.filter.state')} value={view.state} placeholder={t('licensing.filter.allStates')}
              options={LICENCE_STATES.map((s) => ({ value: s, label: t(`licensing.state.${s}`) }))}
              onChange={(v) => setView({ state: v, pageIndex: 0 })} />
            <Select label={t('licensing.filter.queue')} value={view.queue} placeholder={t('licensing.filter.allQueues')}
              options={LICENCE_QUEUES.map((q) => ({ value: q, label: t(`licensing.queue.${q}`) }))}
              onChange={(v) => setView({ queue: v, pageIndex: 0 })} />
            {filtered ? <button type="button" className="btn btn-ghost" onClick={() => setView({ ...INITIAL, pageSize: view.pageSize })}>{t('companies.list.clear')}</button> : null}
          </>
        }
      />
    </div>
  );
}
