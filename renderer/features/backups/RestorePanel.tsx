import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, PasswordInput, PathInput, Select, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { RestoreReport } from '../../../shared/commands/backups.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/** Check a backup (manifest, checksums, integrity, journal) and restore it into a new folder. */
export function RestorePanel({ defaultPath }: { defaultPath: string }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [path, setPath] = useState(defaultPath);
  const [target, setTarget] = useState('');
  const [method, setMethod] = useState<'recoveryKey' | 'password'>('recoveryKey');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RestoreReport | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);
  useEffect(() => { if (!path) setPath(defaultPath); }, [defaultPath, path]);

  const run = async (e: FormEvent, restore: boolean) => {
    e.preventDefault();
    setBusy(true);
    setReport(null);
    setError(null);
    const credential = method === 'recoveryKey' ? { method, recoveryKey } : { method, username, password };
    const r = restore
      ? await call('backups.restore', { path: path.trim(), target: target.trim(), credential })
      : await call('backups.verify', { path: path.trim(), credential });
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(r.error);
  };

  return (
    <form className="card" onSubmit={(e) => void run(e, false)} noValidate aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backups.restoreTitle')}</h2>
      <p className="muted">{t('backups.restoreLead')}</p>
      <FormError error={error} fields={['path', 'target', 'credential', 'credential.recoveryKey', 'credential.username', 'credential.password']} />
      <PathInput request={{ kind: 'folder', title: t('backups.restorePath') }} id="restore-path" label={t('backups.restorePath')} value={path} onChange={setPath} spellCheck={false} autoCapitalize="off" required error={fieldError('path')} />
      <Select id="restore-method" label={t('backups.method')} value={method} onChange={(v) => setMethod(v as typeof method)}
        options={(['recoveryKey', 'password'] as const).map((m) => ({ value: m, label: t(`backups.method.${m}`) }))} />
      {method === 'recoveryKey' ? (
        <PasswordInput id="restore-recovery" label={t('backups.recoveryKey')} value={recoveryKey} onChange={setRecoveryKey} autoComplete="off" required error={fieldError('credential.recoveryKey') ?? fieldError('credential')} />
      ) : (
        <div className="grid-2">
          <TextInput id="restore-username" label={t('backups.username')} value={username} onChange={setUsername} autoCapitalize="off" spellCheck={false} required error={fieldError('credential.username')} />
          <PasswordInput id="restore-password" label={t('backups.password')} value={password} onChange={setPassword} autoComplete="off" required error={fieldError('credential.password') ?? fieldError('credential')} />
        </div>
      )}
      <PathInput request={{ kind: 'folder', title: t('backups.restoreTarget') }} id="restore-target" label={t('backups.restoreTarget')} value={target} onChange={setTarget} spellCheck={false} autoCapitalize="off" error={fieldError('target')} />
      <div className="form-actions">
        <button type="submit" className="btn btn-secondary" disabled={busy}>{busy ? t('backups.working') : t('backups.verify')}</button>
        <button type="button" className="btn btn-primary" disabled={busy || !target.trim()} onClick={(e) => void run(e, true)}>{t('backups.restore')}</button>
      </div>
      <div aria-live="polite">
        {report ? (
          <div className="alert alert-success" data-testid="restore-report">
            <strong>{report.restoredTo ? t('backups.reportRestored', { path: report.restoredTo }) : t('backups.reportChecked')}</strong>
            <div>{t('backups.reportMade', { date: formatDateTime(report.backupCreatedAt), label: report.label })}</div>
            <div>{t('backups.reportIntegrity')}</div>
            <div>{t('backups.reportJournal', { count: formatNumber(report.journal.checked) })}</div>
            {report.lastJournal ? (
              <div>{t('backups.reportLast', { seq: report.lastJournal.seq, at: formatDateTime(report.lastJournal.at), user: report.lastJournal.username ?? '—', command: report.lastJournal.command })}</div>
            ) : null}
          </div>
        ) : null}
      </div>
      {report ? (
        <div className="table-wrap">
          <table className="table" data-testid="restore-counts">
            <caption className="visually-hidden">{t('backups.reportTitle')}</caption>
            <thead><tr><th scope="col">{t('backups.reportTable')}</th><th scope="col" className="num">{t('backups.reportRows')}</th></tr></thead>
            <tbody>
              {report.counts.map((c) => (
                <tr key={c.table}><td><code>{c.table}</code></td><td className="num">{formatNumber(c.rows)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
