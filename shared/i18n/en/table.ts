import type { table as es } from '../es/table.ts';

export const table: Record<keyof typeof es, string> = {
  'table.search': 'Search',
  'table.searchPlaceholder': 'Type to search…',
  'table.columns': 'Columns',
  'table.columnsMenu': 'Choose visible columns',
  'table.sortBy': 'Sort by {column}',
  'table.rowsPerPage': 'Rows per page',
  'table.range': 'Rows {from}–{to} of {total}',
  'table.rangeEmpty': 'No rows',
  'table.page': 'Page {page} of {pages}',
  'table.first': 'First page',
  'table.prev': 'Previous page',
  'table.next': 'Next page',
  'table.last': 'Last page',
  'table.pager': 'Pagination',
  'table.loading': 'Loading rows…',
  'table.empty': 'No rows match the search and filters.',
  'table.rowHint': 'Use the up and down arrows to move between rows and Enter to open one.',
};
