import { useCallback, useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, pagerProps, useColumnPrefs, useRememberedView, viewMemory, type DataColumnMeta, type DataSort } from '../../components/DataTable/index.ts';
import { Select, TextInput } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../app/router.ts';
import type { FirearmQuery, FirearmRow } from '../../../shared/commands/firearms.ts';
import { FIREARM_SORT_COLUMNS, SERIAL_MATCH_MODES, type FirearmSortColumn } from '../../../shared/model/firearms.ts';
import { FIREARM_STATES } from '../../../shared/model/firearmLifecycle.ts';
import { k, useCompanyOptions, useQuery } from './useFirearms.ts';
import { StateBadge } from './StateBadge.tsx';

interface View {
  serial: string; serialMode: string; make: string; state: string; calibreCode: string; companyId: string; duplicatesOnly: boolean;
  sort: DataSort; pageIndex: number; pageSize: number;
}
const INITIAL: View = { serial: '', serialMode: 'contains', make: '', state: '', calibreCode: '', companyId: '', duplicatesOnly: false, sort: { id: 'serial', desc: false }, pageIndex: 0, pageSize: 50 };
const memory = viewMemory(INITIAL);

const DEFAULT_COLUMNS = { serial: true, make: true, type: true, calibre: true, company: true, armory: false, state: true, holder: true, duplicates: true, updatedAt: false };

/** Trace search over the register: full or partial serial (normalised), make, calibre, company, status; all in SQL. */
export function FirearmListPage({ can }: { can: (p: string) => boolean }) {
  const { t, tError, formatDateTime } = useI18n();
  const [view, setView] = useRememberedView(memory);
  const query: FirearmQuery = {
    serial: view.serial, serialMode: view.serialMode as FirearmQuery['serialMode'], make: view.make,
    state: (view.state || null) as FirearmQuery['state'], calibreCode: view.calibreCode || null, companyId: view.companyId || null,
    duplicatesOnly: view.duplicatesOnly, sort: view.sort.id as FirearmSortColumn, dir: view.sort.desc ? 'desc' : 'asc',
  };
  const list = useQuery('firearms.list', { ...query, offset: view.pageIndex * view.pageSize, limit: view.pageSize });
  const calibres = useQuery('firearms.calibres', {});
  const companies = useCompanyOptions();
  const [visibility, setVisibility] = useColumnPrefs('firearms.list.columns', DEFAULT_COLUMNS);

  const columns = useMemo<ColumnDef<FirearmRow, unknown>[]>(() => {
    const col = (id: keyof typeof DEFAULT_COLUMNS, size: number, cell: (r: FirearmRow) => React.ReactNode, extra: Partial<DataColumnMeta> = {}): ColumnDef<FirearmRow, unknown> => {
      const label = t(k('firearms.field', id));
      return { id, header: label, size, cell: (c) => cell(c.row.original), meta: { label, sortable: (FIREARM_SORT_COLUMNS as readonly string[]).includes(id), ...extra } satisfies DataColumnMeta };
    };
    return [
      col('serial', 150, (r) => <span className="fa-serial">{r.serial}</span>, { alwaysVisible: true }),
      col('make', 160, (r) => <>{r.make}{r.model ? <span className="muted"> {r.model}</span> : null}</>),
      col('type', 110, (r) => t(k('firearmType', r.type))),
      col('calibre', 150, (r) => r.calibre),
      col('company', 220, (r) => <span title={r.companyName}>{r.companyName}</span>, { grow: true }),
      col('armory', 160, (r) => r.armoryName ?? <span className="muted">{t('common.none')}</span>),
      col('state', 150, (r) => <StateBadge state={r.state} />),
      col('holder', 190, (r) => (r.holderName ?? r.holderPersonId) ? <>{r.holderName ?? r.holderPersonId}{r.post ? <span className="muted small"> · {r.post}</span> : null}</> : <span className="muted">{t('common.none')}</span>),
      col('duplicates', 120, (r) => (r.duplicates > 0 ? <span className="badge badge-danger">{t('firearms.field.duplicates')}</span> : null)),
      col('updatedAt', 170, (r) => formatDateTime(r.updatedAt)),
    ];
  }, [t, formatDateTime]);

  const filtered = view.serial || view.make || view.state || view.calibreCode || view.companyId || view.duplicatesOnly;
  const onSearch = useCallback((s: string) => setView({ serial: s, pageIndex: 0 }), [setView]);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('firearms.title')}</h1>
        </div>
      </div>
      <DataTable<FirearmRow>
        label={t('firearms.title')}
        columns={columns}
        data={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        getRowId={(r) => r.id}
        loading={list.loading}
        error={list.error ? tError(list.error) : null}
        {...pagerProps(view, setView, INITIAL.sort, { value: view.serial, onChange: onSearch })}
        searchLabel={t('firearms.searchSerial')}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        onRowActivate={(r) => navigate(`/firearms/${encodeURIComponent(r.id)}`)}
        emptyMessage={t('firearms.empty')}
        toolbar={can('firearms.write') ? <a className="btn btn-primary" href="#/firearms/new">{t('firearms.register')}</a> : null}
        filters={
          <>
            <Select label={t('firearms.serialMode')} value={view.serialMode} options={SERIAL_MATCH_MODES.map((m) => ({ value: m, label: t(k('firearms.serialMode', m)) }))} onChange={(v) => setView({ serialMode: v, pageIndex: 0 })} />
            <TextInput label={t('firearms.field.make')} value={view.make} onChange={(v) => setView({ make: v, pageIndex: 0 })} />
            <Select label={t('firearms.field.calibre')} value={view.calibreCode} placeholder={t('firearms.allCalibres')} options={(calibres.data?.calibres ?? []).map((c) => ({ value: c.code, label: c.canonical }))} onChange={(v) => setView({ calibreCode: v, pageIndex: 0 })} />
            <Select label={t('firearms.field.company')} value={view.companyId} placeholder={t('firearms.allCompanies')} options={companies} onChange={(v) => setView({ companyId: v, pageIndex: 0 })} />
            <Select label={t('firearms.field.state')} value={view.state} placeholder={t('firearms.allStates')} options={FIREARM_STATES.map((s) => ({ value: s, label: t(k('firearmState', s)) }))} onChange={(v) => setView({ state: v, pageIndex: 0 })} />
            <label className="checkbox fa-check"><input type="checkbox" checked={view.duplicatesOnly} onChange={(e) => setView({ duplicatesOnly: e.target.checked, pageIndex: 0 })} /> {t('firearms.duplicatesOnly')}</label>
            {filtered ? <button type="button" className="btn btn-ghost" onClick={() => setView({ ...INITIAL, sort: view.sort, pageSize: view.pageSize })}>{t('companies.list.clear')}</button> : null}
          </>
        }
      />
    </div>
  );
}
