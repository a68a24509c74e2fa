import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { Pager } from './Pager.tsx';
import { SearchBox } from './SearchBox.tsx';
import './DataTable.css';

/** Per-column presentation hints, read from `columnDef.meta`. */
export interface DataColumnMeta {
  /** Header text for the column chooser and the sort button's label. */
  label: string;
  align?: 'left' | 'right' | 'center';
  /** Can the server sort by this column? */
  sortable?: boolean;
  /** Cannot be hidden in the column chooser (e.g. the name). */
  alwaysVisible?: boolean;
  /** Takes the width left over by the other columns (its `size` is then a minimum). */
  grow?: boolean;
}

export interface DataSort {
  id: string;
  desc: boolean;
}

export interface DataTableProps<T> {
  /** Accessible name of the table (e.g. "Empresas"). */
  label: string;
  columns: ColumnDef<T, unknown>[];
  /** The current page only; sorting, filtering and paging happen on the server. */
  data: T[];
  total: number;
  getRowId(row: T): string;
  loading?: boolean;
  /** Translated message of a failed load, shown instead of the rows. */
  error?: ReactNode;
  sort: DataSort | null;
  onSortChange(sort: DataSort | null): void;
  pageIndex: number;
  pageSize: number;
  pageSizes?: readonly number[];
  onPageChange(pageIndex: number): void;
  onPageSizeChange(size: number): void;
  /** Search box; omitted when `onSearchChange` is absent. Called after a short pause in typing. */
  search?: string;
  onSearchChange?(search: string): void;
  searchLabel?: string;
  columnVisibility: VisibilityState;
  onColumnVisibilityChange(v: VisibilityState): void;
  /** Filter controls shown under the toolbar. */
  filters?: ReactNode;
  /** Buttons shown at the right of the toolbar (new, export...). */
  toolbar?: ReactNode;
  onRowActivate?(row: T): void;
  emptyMessage?: ReactNode;
  /** Height of one row in pixels, for the virtualiser (rows keep one line). */
  rowHeight?: number;
  /** Height of the scroll area; defaults to filling the view below the toolbar. */
  height?: number | string;
}

/**
 * A register table over server-side data: TanStack Table in manual mode (the command does the
 * sorting, filtering and paging in SQL) with virtualised rows so a 200-row page stays cheap.
 * Pitfall: rows are absolutely sized (`rowHeight`); cells truncate rather than wrap.
 * Keyboard: header buttons sort; rows are one tab stop (roving tabindex), Arrow keys move,
 * Home/End jump, Enter activates.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t, formatNumber } = useI18n();
  const {
    label, columns, data, total, getRowId, loading, error, sort, onSortChange, pageIndex, pageSize,
    pageSizes = [50, 100, 200], onPageChange, onPageSizeChange, search, onSearchChange, searchLabel,
    columnVisibility, onColumnVisibilityChange, filters, toolbar, onRowActivate, emptyMessage, rowHeight = 40,
    height = 'calc(100vh - 350px)',
  } = props;

  const sorting: SortingState = useMemo(() => (sort ? [sort] : []), [sort]);
  const table = useReactTable<T>({
    data,
    columns,
    getRowId: (r) => getRowId(r),
    state: { sorting, columnVisibility },
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableMultiSort: false,
    rowCount: total,
    getCoreRowModel: getCoreRowModel(),
  });
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  // Roving focus: one row is the tab stop; a new page starts at the top.
  const [active, setActive] = useState(0);
  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [data]);
  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    // The row may only exist after the virtualiser renders it.
    requestAnimationFrame(() => {
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)?.focus();
      });
    });
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + page, PageUp: index - page };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onRowActivate?.(row);
    }
  };

  const toggleSort = (id: string) => {
    if (!sort || sort.id !== id) onSortChange({ id, desc: false });
    else onSortChange({ id, desc: !sort.desc });
  };

  const hintId = useId();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const showEmpty = !loading && !error && rows.length === 0;

  return (
    <div className="dt">
      <div className="dt-toolbar">
        {onSearchChange ? (
          <SearchBox value={search ?? ''} onChange={onSearchChange} label={searchLabel ?? t('table.search')} />
        ) : null}
        <div className="dt-toolbar-end">
          <ColumnChooser
            columns={table.getAllLeafColumns().map((c) => {
              const meta = c.columnDef.meta as DataColumnMeta | undefined;
              return { id: c.id, label: meta?.label ?? c.id, visible: c.getIsVisible(), locked: !!meta?.alwaysVisible };
            })}
            onChange={(id, visible) => onColumnVisibilityChange({ ...columnVisibility, [id]: visible })}
          />
          {toolbar}
        </div>
      </div>
      {filters ? <div className="dt-filters">{filters}</div> : null}

      <div className="dt-scroll table-wrap" ref={scrollRef} style={{ height }} aria-busy={loading || undefined}>
        <table className="table dt-table" style={{ minWidth: visibleColumns.reduce((w, c) => w + c.getSize(), 0) }} aria-label={label} aria-rowcount={total + 1} aria-describedby={onRowActivate ? hintId : undefined}>
          <colgroup>
            {visibleColumns.map((c) => (
              <col key={c.id} style={{ width: (c.columnDef.meta as DataColumnMeta | undefined)?.grow ? undefined : c.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id} aria-rowindex={1}>
                {hg.headers.map((h) => {
                  const meta = h.column.columnDef.meta as DataColumnMeta | undefined;
                  const isSorted = sort?.id === h.column.id;
                  const ariaSort = isSorted ? (sort!.desc ? 'descending' : 'ascending') : meta?.sortable ? 'none' : undefined;
                  const content = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th key={h.id} scope="col" aria-sort={ariaSort} className={meta?.align === 'right' ? 'num' : undefined}>
                      {meta?.sortable ? (
                        <button type="button" className="dt-sort" onClick={() => toggleSort(h.column.id)} title={t('table.sortBy', { column: meta.label })}>
                          <span>{content}</span>
                          <span className={`dt-sort-icon${isSorted ? ' on' : ''}`} aria-hidden="true">
                            {isSorted ? (sort!.desc ? '▼' : '▲') : '↕'}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true" className="dt-pad">
                <td colSpan={visibleColumns.length} style={{ height: padTop }} />
              </tr>
            ) : null}
            {!error && items.map((vi) => {
              const row = rows[vi.index];
              return (
                <tr
                  key={row.id}
                  data-index={vi.index}
                  aria-rowindex={pageIndex * pageSize + vi.index + 2}
                  tabIndex={onRowActivate ? (vi.index === active ? 0 : -1) : undefined}
                  className={onRowActivate ? 'dt-row dt-clickable' : 'dt-row'}
                  style={{ height: rowHeight }}
                  onClick={onRowActivate ? () => { setActive(vi.index); onRowActivate(row.original); } : undefined}
                  onFocus={() => setActive(vi.index)}
                  onKeyDown={onRowActivate ? (e) => onRowKey(e, vi.index, row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as DataColumnMeta | undefined;
                    return (
                      <td key={cell.id} className={meta?.align === 'right' ? 'num' : undefined}>
                        <div className="dt-cell">{flexRender(cell.column.columnDef.cell, cell.getContext())}</div>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="dt-pad">
                <td colSpan={visibleColumns.length} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {error ? <div className="table-empty dt-error" role="alert">{error}</div> : null}
        {showEmpty ? <div className="table-empty" role="status">{emptyMessage ?? t('table.empty')}</div> : null}
        {loading ? (
          <div className="dt-loading" role="status">
            <span className="dt-spinner" aria-hidden="true" />
            {t('table.loading')}
          </div>
        ) : null}
      </div>
      {onRowActivate ? <p id={hintId} className="visually-hidden">{t('table.rowHint')}</p> : null}

      <Pager
        pageIndex={pageIndex}
        pageCount={pageCount}
        pageSize={pageSize}
        pageSizes={pageSizes}
        total={total}
        rowsOnPage={rows.length}
        formatNumber={formatNumber}
        onPageChange={onPageChange}
        onPageSizeChange={onPageSizeChange}
      />
    </div>
  );
}
