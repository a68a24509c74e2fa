import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { ImportReportView, ReturnFlag, ReturnProblem } from '../../../shared/commands/returns.ts';
import { RETURN_SHEETS } from '../../../shared/model/returns.ts';
import { useI18n, type T } from '../../i18n/I18nProvider.tsx';
import { calibreName } from '../../../shared/model/returnsCalibre.ts';

/** A stored value as the officer reads it: enumerations and calibres by their label. */
function valueLabel(t: T, field: string, v: string | number | null): string {
  if (v === null) return '—';
  if (field === 'calibre') return calibreName(String(v));
  if (['role', 'type', 'status', 'armed', 'ammunition_type'].includes(field)) return t(`returns.value.${field}.${v}` as MessageKey);
  return String(v);
}

/** What was detected in each file: format, encoding, delimiter, header row, date order, rows. */
export function DetectedTable({ report }: { report: ImportReportView }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="table-wrap" data-testid="returns-detected">
      <table className="table">
        <caption className="visually-hidden">{t('returns.detected')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('returns.col.file')}</th><th scope="col">{t('returns.format')}</th><th scope="col">{t('returns.encoding')}</th>
            <th scope="col">{t('returns.delimiter')}</th><th scope="col">{t('returns.sheet')}</th><th scope="col" className="num">{t('returns.headerRow')}</th>
            <th scope="col" className="num">{t('returns.rows')}</th><th scope="col">{t('returns.dateOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {report.files.flatMap((f) => (f.sheets.length ? f.sheets : [null]).map((s, i) => (
            <tr key={`${f.file}-${i}`}>
              <td>{i === 0 ? f.file : ''}</td>
              <td>{i === 0 ? (f.format ?? '—').toUpperCase() : ''}</td>
              <td>{i === 0 ? f.encoding ?? '—' : ''}</td>
              <td>{i === 0 ? <code>{f.delimiter ?? '—'}</code> : ''}</td>
              <td>{s ? <>{s.sheetName ? `${s.sheetName} → ` : ''}{s.returnSheet ? t(`returns.sheet.${s.returnSheet}` as MessageKey) : '—'}</> : '—'}</td>
              <td className="num">{s?.headerRow ?? '—'}</td>
              <td className="num">{s ? formatNumber(s.rows) : '—'}</td>
              <td>{i === 0 ? t(`returns.dateOrder.${f.dateOrder ?? 'none'}` as MessageKey) : ''}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </div>
  );
}

export function CountsTable({ report }: { report: ImportReportView }) {
  const { t, formatNumber } = useI18n();
  const cols = ['read', 'new', 'changed', 'unchanged', 'missing'] as const;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="returns-counts">
        <caption className="visually-hidden">{t('returns.counts')}</caption>
        <thead><tr><th scope="col">{t('returns.sheet')}</th>{cols.map((c) => <th key={c} scope="col" className="num">{t(`returns.count.${c}`)}</th>)}</tr></thead>
        <tbody>
          {RETURN_SHEETS.filter((s) => report.counts[s].read > 0 || report.counts[s].missing > 0).map((s) => (
            <tr key={s}><th scope="row">{t(`returns.sheet.${s}`)}</th>{cols.map((c) => <td key={c} className="num">{formatNumber(report.counts[s][c])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Errors and warnings with file, sheet, row and column, as the company will need them to fix the file. */
export function ProblemsTable({ problems, severity, limit = 300 }: { problems: ReturnProblem[]; severity: 'error' | 'warning'; limit?: number }) {
  const { t } = useI18n();
  if (!problems.length) return null;
  return (
    <div className="table-wrap returns-problems">
      <table className="table" data-testid={`returns-${severity}s`}>
        <caption className="visually-hidden">{t(severity === 'error' ? 'returns.errors' : 'returns.warnings', { n: problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('returns.col.file')}</th><th scope="col">{t('returns.col.sheet')}</th><th scope="col" className="num">{t('returns.col.row')}</th>
            <th scope="col">{t('returns.col.column')}</th><th scope="col">{t('returns.col.code')}</th><th scope="col">{t('returns.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, limit).map((p, i) => (
            <tr key={i}>
              <td>{p.file}</td><td>{p.sheet ?? '—'}</td><td className="num">{p.row ?? '—'}</td><td>{p.column ?? '—'}</td>
              <td><span className={`badge ${severity === 'error' ? 'badge-danger' : 'badge-warning'}`}>{p.code}</span></td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FlagsTable({ flags }: { flags: ReturnFlag[] }) {
  const { t } = useI18n();
  if (!flags.length) return <p className="muted">{t('returns.noFlags')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="returns-flags">
        <caption className="visually-hidden">{t('returns.flags', { n: flags.length })}</caption>
        <thead><tr><th scope="col">{t('returns.col.message')}</th><th scope="col">{t('returns.field.company_licence_no')}</th><th scope="col">{t('returns.col.key')}</th></tr></thead>
        <tbody>
          {flags.slice(0, 500).map((f, i) => (
            <tr key={i}>
              <td><span className={`badge ${f.kind === 'possible_diversion' || f.kind === 'serial_other_company' ? 'badge-danger' : 'badge-warning'}`}>{t(`returns.flag.${f.kind}` as MessageKey)}</span></td>
              <td>{f.companyLicenceNo}{f.otherCompanyLicenceNo ? <span className="muted"> · {t('returns.flag.other', { other: f.otherCompanyLicenceNo })}</span> : null}</td>
              <td><code>{f.serialNo ?? f.nationalId ?? '—'}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DiffTable({ report }: { report: ImportReportView }) {
  const { t } = useI18n();
  const lines = report.diff.filter((d) => d.change !== 'new').slice(0, 200);
  if (!lines.length) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="returns-diff">
        <caption className="visually-hidden">{t('returns.diff')}</caption>
        <thead><tr><th scope="col">{t('returns.sheet')}</th><th scope="col">{t('returns.field.company_licence_no')}</th><th scope="col">{t('returns.col.key')}</th><th scope="col">{t('returns.batch.status')}</th></tr></thead>
        <tbody>
          {lines.map((d, i) => (
            <tr key={i}>
              <td>{t(`returns.sheet.${d.sheet}`)}</td><td>{d.companyLicenceNo}</td><td><code>{d.key}</code></td>
              <td>
                <span className={`badge ${d.change === 'missing' ? 'badge-warning' : 'badge-info'}`}>{t(`returns.diff.${d.change}`)}</span>
                {d.fields.map((f) => <span key={f.field} className="small muted returns-change"> {t(`returns.field.${f.field}` as MessageKey)}: {valueLabel(t, f.field, f.before)} → {valueLabel(t, f.field, f.after)}</span>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
