import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, PasswordInput, PathInput, useFieldErrors } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { FieldPlanItem, FieldPreview } from '../../../shared/commands/field.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { columnLabel, tableLabel, valueLabel } from './labels.ts';

const keyOf = (i: FieldPlanItem) => `${i.table}|${i.rowId}|${i.column}`;

/**
 * Importing a return package: a preview first (nothing written), conflicts shown with the value
 * at export, the office's value and the field's value, each decided by the officer; then one
 * transaction applies everything.
 */
export function ImportPanel({ onDone }: { onDone(): void }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [path, setPath] = useState('');
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<FieldPreview | null>(null);
  const [keep, setKeep] = useState<Record<string, 'field' | 'office'>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [result, setResult] = useState<CommandOutput<'field.applyImport'> | null>(null);
  const fieldError = useFieldErrors(error);

  const look = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setPreview(null);
    setResult(null);
    setKeep({});
    const r = await call('field.previewImport', { path: path.trim(), passphrase: pass });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  };

  const conflicts = preview?.items.filter((i) => i.status === 'conflict') ?? [];
  const changes = preview?.items.filter((i) => i.status === 'apply') ?? [];
  const undecided = conflicts.filter((c) => !keep[keyOf(c)]).length;

  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    const resolutions = conflicts.map((c) => ({ table: c.table, rowId: c.rowId, column: c.column, keep: keep[keyOf(c)] }));
    const r = await call('field.applyImport', { path: path.trim(), passphrase: pass, resolutions });
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setPreview(null);
      setPass('');
      onDone();
    } else setError(r.error);
  };

  const value = (v: string | null) => (v === null || v === '' ? <span className="muted">{t('field.empty')}</span> : v);

  return (
    <section className="card" aria-labelledby="field-import-title">
      <h2 id="field-import-title">{t('field.importTitle')}</h2>
      <p className="muted">{t('field.importLead')}</p>
      <form onSubmit={look} noValidate>
        <FormError error={error} fields={['path', 'passphrase', 'resolutions']} />
        <div className="grid-2">
          <PathInput request={{ kind: 'openFile', title: t('field.importTitle') }} id="import-path" label={t('field.returnFile')} value={path} onChange={setPath} spellCheck={false} autoCapitalize="off" required error={fieldError('path')} />
          <PasswordInput id="import-passphrase" label={t('field.passphrase')} value={pass} onChange={setPass} autoComplete="off" required error={fieldError('passphrase')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary" disabled={busy}>{busy && !preview ? t('field.checking') : t('field.preview')}</button>
        </div>
      </form>
      <div aria-live="polite">
        {result ? (
          <div className="alert alert-success" data-testid="field-imported">
            {t('field.importDone', { applied: formatNumber(result.applied), records: formatNumber(result.records), kept: formatNumber(result.keptOffice), skipped: formatNumber(result.skipped) })}
          </div>
        ) : null}
      </div>
      {preview ? (
        <div data-testid="field-preview">
          <div className={`alert ${preview.alreadyImportedAt ? 'alert-warning' : 'alert-info'}`}>
            <strong>{t('field.previewFrom', { name: preview.inspector.displayName, label: preview.exportLabel, date: formatDateTime(preview.createdAt) })}</strong>
            {preview.alreadyImportedAt ? <div>{t('field.alreadyImported', { date: formatDateTime(preview.alreadyImportedAt) })}</div> : null}
            <div>{t('field.previewCounts', { apply: preview.counts.apply, conflict: preview.counts.conflict, same: preview.counts.same, superseded: preview.counts.superseded, missing: preview.counts.missing })}</div>
          </div>
          {conflicts.length ? (
            <>
              <h3 style={{ marginTop: 20 }}>{t('field.conflicts', { count: conflicts.length })}</h3>
              <p className="small muted">{t('field.conflictsLead')}</p>
              <div className="table-wrap">
                <table className="table" data-testid="field-conflicts">
                  <caption className="visually-hidden">{t('field.conflicts', { count: conflicts.length })}</caption>
                  <thead><tr>
                    <th scope="col">{t('field.record')}</th><th scope="col">{t('field.column')}</th><th scope="col">{t('field.atExport')}</th>
                    <th scope="col">{t('field.officeValue')}</th><th scope="col">{t('field.fieldValue')}</th><th scope="col">{t('field.keep')}</th>
                  </tr></thead>
                  <tbody>
                    {conflicts.map((c) => (
                      <tr key={keyOf(c)}>
                        <td>{c.record ?? c.rowId}</td>
                        <td>{columnLabel(t, c.table, c.column)}</td>
                        <td>{value(valueLabel(t, c.column, c.base))}</td>
                        <td>{value(valueLabel(t, c.column, c.office))}</td>
                        <td>{value(valueLabel(t, c.column, c.field))}</td>
                        <td>
                          <div role="radiogroup" aria-label={`${t('field.keep')}: ${c.record ?? ''} ${columnLabel(t, c.table, c.column)}`} className="row">
                            {(['office', 'field'] as const).map((k) => (
                              <label key={k} className="checkbox">
                                <input type="radio" name={`keep-${keyOf(c)}`} checked={keep[keyOf(c)] === k} onChange={() => setKeep({ ...keep, [keyOf(c)]: k })} />
                                {t(k === 'office' ? 'field.keepOffice' : 'field.keepField')}
                              </label>
                            ))}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <h3 style={{ marginTop: 20 }}>{t('field.changes', { count: preview.counts.apply })}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="field-changes">
              <caption className="visually-hidden">{t('field.changes', { count: preview.counts.apply })}</caption>
              <thead><tr><th scope="col">{t('field.table')}</th><th scope="col">{t('field.record')}</th><th scope="col">{t('field.column')}</th><th scope="col">{t('field.officeValue')}</th><th scope="col">{t('field.fieldValue')}</th></tr></thead>
              <tbody>
                {changes.length === 0 ? <tr><td colSpan={5} className="table-empty">{t('field.noChanges')}</td></tr> : changes.map((c) => (
                  <tr key={keyOf(c)}>
                    <td>{tableLabel(t, c.table)}</td>
                    <td>{c.record ?? c.rowId}</td>
                    <td>{columnLabel(t, c.table, c.column)}</td>
                    <td>{c.column === '*' ? '—' : value(valueLabel(t, c.column, c.office))}</td>
                    <td>{c.column === '*' ? t('field.newRecord') : value(valueLabel(t, c.column, c.field))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            {undecided ? <span className="small muted">{t('field.undecided', { count: undecided })}</span> : null}
            <button type="button" className="btn btn-primary" onClick={() => void apply()} disabled={busy || undecided > 0 || !!preview.alreadyImportedAt}>
              {busy ? t('field.applying') : t('field.apply')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
