/** Generic server-driven table: manual sort/filter/paging, virtual rows, pager, column chooser. */
export { DataTable } from './DataTable.tsx';
export type { DataTableProps, DataColumnMeta, DataSort } from './DataTable.tsx';
export { useColumnPrefs } from './useColumnPrefs.ts';
export { SearchBox } from './SearchBox.tsx';
export { pagerProps, useRememberedView, viewMemory, type ListViewBase, type ViewMemory } from './listView.ts';
