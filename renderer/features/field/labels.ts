import type { MessageKey } from '../../../shared/i18n/index.ts';

/** A column of a field change as an officer reads it: the register's own label when there is one. */
export function columnLabel(t: (k: MessageKey, p?: Record<string, string | number>) => string, table: string, column: string): string {
  if (column === '*') return t('field.newRecord');
  const own = `field.col.${column}` as MessageKey;
  if (t(own) !== own) return t(own);
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

/** Coded values (an answer, a severity) in words; anything else as it is. */
export function valueLabel(t: (k: MessageKey) => string, column: string, value: string | null): string | null {
  if (value === null) return null;
  const key = (column === 'answer' ? `audits.answer.${value}` : column === 'severity' ? `audits.severity.${value}` : '') as MessageKey;
  return key && t(key) !== key ? t(key) : value;
}
