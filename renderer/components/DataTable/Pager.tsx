import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface PagerProps {
  pageIndex: number;
  pageCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  total: number;
  rowsOnPage: number;
  formatNumber(n: number): string;
  onPageChange(pageIndex: number): void;
  onPageSizeChange(size: number): void;
}

/** Page size, "rows x–y of total" and first/previous/next/last. */
export function Pager({ pageIndex, pageCount, pageSize, pageSizes, total, rowsOnPage, formatNumber, onPageChange, onPageSizeChange }: PagerProps) {
  const { t } = useI18n();
  const sizeId = useId();
  const from = total === 0 ? 0 : pageIndex * pageSize + 1;
  const to = pageIndex * pageSize + rowsOnPage;
  const atStart = pageIndex <= 0;
  const atEnd = pageIndex >= pageCount - 1;
  return (
    <nav className="pager dt-pager" aria-label={t('table.pager')}>
      <div className="row">
        <label htmlFor={sizeId}>{t('table.rowsPerPage')}</label>
        <select id={sizeId} className="input select dt-size" value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))}>
          {pageSizes.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className="row" aria-live="polite">
        {total === 0
          ? t('table.rangeEmpty')
          : t('table.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </div>
      <div className="row">
        <button type="button" className="btn btn-secondary btn-sm" disabled={atStart} onClick={() => onPageChange(0)} aria-label={t('table.first')} title={t('table.first')}>«</button>
        <button type="button" className="btn btn-secondary btn-sm" disabled={atStart} onClick={() => onPageChange(pageIndex - 1)} aria-label={t('table.prev')} title={t('table.prev')}>‹</button>
        <span className="dt-page">{t('table.page', { page: formatNumber(Math.min(pageIndex + 1, pageCount)), pages: formatNumber(pageCount) })}</span>
        <button type="button" className="btn btn-secondary btn-sm" disabled={atEnd} onClick={() => onPageChange(pageIndex + 1)} aria-label={t('table.next')} title={t('table.next')}>›</button>
        <button type="button" className="btn btn-secondary btn-sm" disabled={atEnd} onClick={() => onPageChange(pageCount - 1)} aria-label={t('table.last')} title={t('table.last')}>»</button>
      </div>
    </nav>
  );
}
