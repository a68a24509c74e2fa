import { useState } from 'react';
import { Dialog, Select } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { downloadBase64 } from './useLoad.ts';

/** Public register export and the signed annual report, for the roles allowed to issue them. */
export function PublishActions({ can }: { can: (p: string) => boolean }) {
  const { t, tError, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [asking, setAsking] = useState(false);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [reportLang, setReportLang] = useState<string>(lang);

  const publish = async () => {
    setBusy(true); setError(null); setDone(null);
    const r = await call('accountability.exportPublicRegister', { language: lang });
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    downloadBase64(r.value.filename, r.value.mime, r.value.base64);
    setDone(t('statistics.publicDone', { companies: r.value.companies, files: r.value.files.length }));
  };
  const report = async () => {
    setBusy(true); setError(null); setDone(null);
    const r = await call('accountability.annualReport', { year: Number(year), language: reportLang as 'es' | 'en' });
    setBusy(false);
    setAsking(false);
    if (!r.ok) { setError(r.error); return; }
    downloadBase64(r.value.filename, r.value.mime, r.value.base64);
    setDone(t('statistics.reportDone', { year, sha: r.value.sha256.slice(0, 16) }));
  };
  const years = Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    <div className="actions acc-publish">
      {can('accountability.publish') ? <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void publish()}>{t('statistics.publicRegister')}</button> : null}
      {can('accountability.report') ? <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setAsking(true)}>{t('statistics.annualReport')}</button> : null}
      {done ? <div className="alert alert-success acc-done" role="status">{done}</div> : null}
      {error ? <div className="alert alert-error acc-done" role="alert">{tError(error)}</div> : null}
      {asking ? (
        <Dialog title={t('statistics.annualReport')} submitLabel={t('statistics.annualReport')} busy={busy} onSubmit={() => void report()} onCancel={() => setAsking(false)}>
          <Select label={t('statistics.reportYear')} value={year} options={years.map((y) => ({ value: y, label: y }))} onChange={setYear} />
          <Select label={t('statistics.reportLanguage')} value={reportLang} options={[{ value: 'es', label: 'Español' }, { value: 'en', label: 'English' }]} onChange={setReportLang} />
        </Dialog>
      ) : null}
    </div>
  );
}
