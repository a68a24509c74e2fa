import type { MessageKey } from '../../../shared/i18n/index.ts';

/** A column of a field change as an officer reads it: the register's own label when there is one. */
export function columnLabel(t: (k: MessageKey, p?: Record<string, string | number>) => string, table: string, column: string): string {
  if (column === '*') return t('field.newRecord');
  const camel = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const area = table === 'companies' ? 'companies' : table;
  const key = `${area}.field.${camel}` as MessageKey;
  const text = t(key);
  return text === key ? column : text;
}

export function tableLabel(t: (k: MessageKey) => string, table: string): string {
  const key = `field.table.${table}` as MessageKey;
  const text = t(key);
  return text === key ? table : text;
}
