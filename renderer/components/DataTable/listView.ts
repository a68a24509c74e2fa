import { useCallback, useState } from 'react';
import type { DataSort } from './DataTable.tsx';

/** What every list page's view holds besides its own filters. */
export interface ListViewBase { sort: DataSort; pageIndex: number; pageSize: number }

/** A list page's view kept for the session (module level): coming back to the list finds it as it was left. */
export interface ViewMemory<V> { readonly initial: V; current: V }
export const viewMemory = <V>(initial: V): ViewMemory<V> => ({ initial, current: initial });

/**
 * The page's view and its setter, remembered in `memory`. A `preset` (a drill-down, a queue link)
 * opens the list from its initial view with those changes; `rememberPreset` keeps it for next time.
 */
export function useRememberedView<V>(memory: ViewMemory<V>, preset?: Partial<V>, rememberPreset = true): [V, (patch: Partial<V>) => void] {
  const [view, setState] = useState<V>(() => {
    if (!preset) return memory.current;
    const v = { ...memory.initial, ...preset };
    if (rememberPreset) memory.current = v;
    return v;
  });
  const setView = useCallback((patch: Partial<V>) => setState((v) => (memory.current = { ...v, ...patch })), [memory]);
  return [view, setView];
}

/**
 * The DataTable props every list page wires the same way: sorting and page size go back to the
 * first page, clearing the sort restores the page's default, and the search box is the caller's.
 */
export function pagerProps<V extends ListViewBase>(view: V, setView: (patch: Partial<V>) => void, defaultSort: DataSort, search: { value: string; onChange(s: string): void }) {
  return {
    sort: view.sort,
    onSortChange: (s: DataSort | null) => setView({ sort: s ?? defaultSort, pageIndex: 0 } as Partial<V>),
    pageIndex: view.pageIndex,
    pageSize: view.pageSize,
    onPageChange: (p: number) => setView({ pageIndex: p } as Partial<V>),
    onPageSizeChange: (s: number) => setView({ pageSize: s, pageIndex: 0 } as Partial<V>),
    search: search.value,
    onSearchChange: search.onChange,
  };
}
