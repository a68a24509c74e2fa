import { useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { JobStatus, ReturnBatch } from '../../../shared/commands/returns.ts';
import { FormError } from '../../components/Form/index.ts';
import { ConfirmDialog } from '../../components/Form/Dialog.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { downloadBase64 } from '../companies/useCompanies.ts';
import { QuestionsForm } from './QuestionsForm.tsx';
import { CountsTable, DetectedTable, DiffTable, FlagsTable, ProblemsTable } from './ReportView.tsx';
import { readAsBase64, useReturnBatches, useReturnImport, type PickedFile } from './useReturnImport.ts';
import './returns.css';

/**
 * Yearly returns: choose the company's files, check them (a dry run: detected format, unknown
 * columns asked about, every problem located, the diff and the flags), import them as one batch,
 * and undo a batch as a unit. Long work runs in the main process' worker; this page polls it.
 */
export function ReturnsPage() {
  const { t, lang, formatNumber, formatDateTime } = useI18n();
  const { can } = useSession();
  const canImport = can('returns.import');
  const imp = useReturnImport(lang);
  const { batches, profiles, error: listError, reload } = useReturnBatches(canImport);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [profileId, setProfileId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<ReturnBatch | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const running = imp.job?.state === 'running';
  const report = imp.job?.report ?? null;

  const pick = async (list: FileList | null) => {
    if (!list) return;
    imp.reset();
    setNotice(null);
    setFiles(await Promise.all([...list].map(readAsBase64)));
  };
  const run = (dryRun: boolean) => {
    setNotice(null);
    void imp.start({ files, year: Number(year), dryRun, profileId: profileId || null }, (s: JobStatus) => {
      if (s.report?.committed) { setNotice(t('returns.committed', { batch: s.report.batchId!.slice(-8) })); void reload(); }
    });
  };
  const apply = async (saveAs: string | null) => {
    if (saveAs) {
      const r = await call('returns.saveProfile', { name: saveAs, answers: imp.answers, dateOrder: Object.values(imp.dateOrder)[0] ?? null });
      if (!r.ok) { imp.setError(r.error); return; }
      await reload();
      setProfileId(r.value.id);
    }
    run(true);
  };
  const exportProblems = async () => {
    if (!imp.job) return;
    const r = await call('returns.exportProblems', { jobId: imp.job.jobId, language: lang });
    if (r.ok) downloadBase64(r.value.filename, r.value.mime, r.value.base64); else imp.setError(r.error);
  };
  const template = async () => {
    const r = await call('returns.template', { language: lang });
    if (r.ok) downloadBase64(r.value.filename, r.value.mime, r.value.base64); else imp.setError(r.error);
  };
  const undo = async () => {
    if (!undoing) return;
    const r = await call('returns.undoBatch', { id: undoing.id });
    setUndoing(null);
    if (r.ok) { setNotice(t('returns.batch.undone')); await reload(); } else imp.setError(r.error);
  };

  const j = imp.job;
  const pct = j && j.total > 0 ? Math.min(100, Math.round((j.done / j.total) * 100)) : null;
  return (
    <div className="page returns-page">
      <div className="page-header">
        <div>
          <h1>{t('returns.title')}</h1>
          <p className="lead">{t('returns.subtitle')}</p>
        </div>
        <div className="actions"><button type="button" className="btn btn-secondary" onClick={() => void template()}>{t('returns.template')}</button></div>
      </div>

      {canImport ? (
        <section className="card">
          <div className="filters">
            <div className="field">
              <label className="field-label" htmlFor="returns-files">{t('returns.files')}</label>
              <input ref={inputRef} id="returns-files" className="input" type="file" multiple accept=".csv,.txt,.xlsx,.ods" onChange={(e) => void pick(e.target.files)} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="returns-year">{t('returns.year')}</label>
              <input id="returns-year" className="input returns-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="returns-profile">{t('returns.profile.use')}</label>
              <select id="returns-profile" className="input select" value={profileId} onChange={(e) => setProfileId(e.target.value)}>
                <option value="">{t('returns.profile.none')}</option>
                {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </div>
            <div className="row returns-actions">
              <button type="button" className="btn btn-secondary" disabled={!files.length || running} onClick={() => run(true)}>{t('returns.check')}</button>
              <button type="button" className="btn btn-primary" disabled={!files.length || running || !report || report.errors.length > 0 || report.committed} onClick={() => run(false)}>{t('returns.commit')}</button>
            </div>
          </div>
          {!files.length ? <p className="muted small">{t('returns.noFiles')}</p> : <p className="small muted">{files.map((f) => `${f.name} (${formatNumber(Math.ceil(f.size / 1024))} KB)`).join(' · ')}</p>}
          {running && j ? (
            <div className="returns-progress" data-testid="returns-progress">
              <div className="progress" role="progressbar" aria-label={t(`returns.phase.${j.phase}` as MessageKey)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
                <div className={`progress-bar${pct === null ? ' indeterminate' : ''}`} style={{ width: `${pct ?? 30}%` }} />
              </div>
              <span className="small">{t('returns.progress', { phase: t(`returns.phase.${j.phase}` as MessageKey), done: formatNumber(j.done), total: j.total ? formatNumber(j.total) : '?', rate: formatNumber(j.rowsPerSecond), eta: j.etaSeconds === null ? '—' : `${j.etaSeconds} s` })}</span>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => void imp.cancel()}>{t('returns.cancel')}</button>
            </div>
          ) : null}
        </section>
      ) : null}

      <div aria-live="polite">
        {notice ? <div className="alert alert-success" data-testid="returns-notice">{notice}</div> : null}
        {j?.state === 'cancelled' ? <div className="alert alert-warning">{t('returns.cancelled')}</div> : null}
        {j?.state === 'failed' ? <div className="alert alert-error" role="alert">{t('returns.failed')}</div> : null}
        {report && !report.committed ? (
          report.errors.length ? <div className="alert alert-error" role="alert" data-testid="returns-blocked">{t('returns.blocked')}</div>
            : <div className="alert alert-info" data-testid="returns-clean">{t('returns.dryRunClean')}</div>
        ) : null}
        <FormError error={imp.error ?? listError} />
      </div>

      {report ? (
        <>
          <h2>{t('returns.detected')}</h2>
          <DetectedTable report={report} />
          <QuestionsForm
            questions={report.questions} answers={imp.answers} busy={running}
            onAnswer={(q, field) => imp.answer(q.returnSheet, q.key, field)}
            dateOrder={imp.dateOrder} onDateOrder={(file, o) => imp.setDateOrder({ ...imp.dateOrder, [file]: o })}
            onApply={(saveAs) => void apply(saveAs)}
          />
          <h2>{t('returns.counts')}</h2>
          <CountsTable report={report} />
          <div className="card-header returns-problems-header">
            <h2>{t('returns.errors', { n: report.errors.length })} · {t('returns.warnings', { n: report.warnings.length })}</h2>
            {report.errors.length + report.warnings.length ? <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exportProblems()}>{t('returns.exportProblems')}</button> : null}
          </div>
          {report.errors.length + report.warnings.length === 0 ? <p className="muted">{t('returns.noProblems')}</p> : null}
          <ProblemsTable problems={report.errors} severity="error" />
          <ProblemsTable problems={report.warnings} severity="warning" />
          {report.problemsNotListed ? <p className="muted small">{t('returns.problemsNotListed', { n: report.problemsNotListed })}</p> : null}
          <h2>{t('returns.flags', { n: report.flags.length })}</h2>
          <FlagsTable flags={report.flags} />
          <h2>{t('returns.diff')}</h2>
          <DiffTable report={report} />
        </>
      ) : null}

      <h2>{t('returns.batches')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="returns-batches">
          <caption className="visually-hidden">{t('returns.batches')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('returns.batch.id')}</th><th scope="col" className="num">{t('returns.batch.year')}</th><th scope="col">{t('returns.batch.files')}</th>
              <th scope="col" className="num">{t('returns.batch.rows')}</th><th scope="col" className="num">{t('returns.batch.flags')}</th>
              <th scope="col">{t('returns.batch.createdAt')}</th><th scope="col">{t('returns.batch.status')}</th><th scope="col"><span className="visually-hidden">{t('returns.batch.undo')}</span></th>
            </tr>
          </thead>
          <tbody>
            {!batches?.length ? <tr><td colSpan={8} className="table-empty">{t('returns.batch.none')}</td></tr> : batches.map((b) => (
              <tr key={b.id}>
                <td><span className="hash" title={b.id}>{b.id.slice(-8)}</span></td>
                <td className="num">{b.year}</td>
                <td>{b.files.join(', ')}</td>
                <td className="num">{formatNumber(b.rowCount)}</td>
                <td className="num">{formatNumber(b.flagCount)}</td>
                <td>{formatDateTime(b.createdAt)}{b.createdBy ? <span className="muted"> · {b.createdBy}</span> : null}</td>
                <td><span className={`badge ${b.status === 'committed' ? 'badge-success' : ''}`}>{t(`returns.batch.status.${b.status}`)}</span></td>
                <td>{b.status === 'committed' && can('returns.undo') ? <button type="button" className="btn btn-secondary btn-sm" onClick={() => setUndoing(b)}>{t('returns.batch.undo')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {undoing ? (
        <ConfirmDialog title={t('returns.batch.undo')} text={t('returns.batch.undoConfirm')} confirmLabel={t('returns.batch.undo')} danger onConfirm={() => void undo()} onCancel={() => setUndoing(null)} />
      ) : null}
    </div>
  );
}
