import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, PathInput, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { BackupRecord } from '../../../shared/commands/backups.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { RestorePanel } from './RestorePanel.tsx';

type Settings = CommandOutput<'backups.getSettings'>;

/** Administrators: backup schedule, a backup now, the backups made, and check/restore. */
export function BackupsPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [draft, setDraft] = useState({ folder: '', enabled: false, intervalHours: '24', keep: '14' });
  const [list, setList] = useState<BackupRecord[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState<'save' | 'backup' | null>(null);
  const [made, setMade] = useState<BackupRecord | null>(null);
  const [backupError, setBackupError] = useState<AppErrorData | null>(null);
  const fieldError = useFieldErrors(error);

  const load = useCallback(async () => {
    const [s, l] = await Promise.all([call('backups.getSettings', {}), call('backups.list', {})]);
    if (s.ok) {
      setSettings(s.value);
      setDraft({ folder: s.value.folder ?? '', enabled: s.value.enabled, intervalHours: String(s.value.intervalHours), keep: String(s.value.keep) });
    } else setError(s.error);
    if (l.ok) setList(l.value);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setSaved(false);
    setError(null);
    const r = await call('backups.updateSettings', {
      folder: draft.folder.trim() || null, enabled: draft.enabled,
      intervalHours: Number.parseInt(draft.intervalHours, 10) || 0, keep: Number.parseInt(draft.keep, 10) || 0,
    });
    setBusy(null);
    if (r.ok) {
      setSaved(true);
      await load();
    } else setError(r.error);
  };

  const backupNow = async () => {
    setBusy('backup');
    setMade(null);
    setBackupError(null);
    const r = await call('backups.create', draft.folder.trim() ? { folder: draft.folder.trim() } : {});
    setBusy(null);
    if (r.ok) {
      setMade(r.value);
      await load();
    } else setBackupError(r.error);
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('backups.title')}</h1>
          <p className="lead">{t('backups.lead')}</p>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void backupNow()} disabled={busy !== null}>
            {busy === 'backup' ? t('backups.creating') : t('backups.createNow')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {made ? <div className="alert alert-success" data-testid="backup-made">{t('backups.created', { path: made.path })}</div> : null}
        <FormError error={backupError} />
        {settings?.lastError ? <div className="alert alert-warning">{t('backups.lastError', { error: t(settings.lastError as never) })}</div> : null}
      </div>

      <form className="card" onSubmit={save} noValidate aria-labelledby="backup-settings-title">
        <h2 id="backup-settings-title">{t('backups.settings')}</h2>
        {saved ? <div className="alert alert-success" role="status">{t('backups.saved')}</div> : null}
        <FormError error={error} fields={['folder', 'intervalHours', 'keep']} />
        <PathInput request={{ kind: 'folder', title: t('backups.folder') }} id="backup-folder" label={t('backups.folder')} hint={t('backups.folderHint')} value={draft.folder} onChange={(v) => { setSaved(false); setDraft({ ...draft, folder: v }); }} spellCheck={false} autoCapitalize="off" error={fieldError('folder')} />
        <label className="checkbox">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => { setSaved(false); setDraft({ ...draft, enabled: e.target.checked }); }} />
          {t('backups.enabled')}
        </label>
        <div className="grid-2">
          <TextInput id="backup-interval" type="number" min={1} max={720} inputMode="numeric" label={t('backups.intervalHours')} value={draft.intervalHours} onChange={(v) => setDraft({ ...draft, intervalHours: v })} error={fieldError('intervalHours')} />
          <TextInput id="backup-keep" type="number" min={1} max={365} inputMode="numeric" label={t('backups.keep')} value={draft.keep} onChange={(v) => setDraft({ ...draft, keep: v })} error={fieldError('keep')} />
        </div>
        <p className="muted small">
          {t('backups.lastBackup')}: {settings?.lastBackupAt ? formatDateTime(settings.lastBackupAt) : t('backups.never')}
          {settings?.nextDueAt ? <> · {t('backups.nextDue')}: {formatDateTime(settings.nextDueAt)}</> : null}
        </p>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary" disabled={busy !== null}>{busy === 'save' ? t('common.saving') : t('backups.saveSettings')}</button>
        </div>
      </form>

      <section className="card" aria-labelledby="backups-history-title">
      <h2 id="backups-history-title">{t('backups.history')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="backups-table">
          <caption className="visually-hidden">{t('backups.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.at')}</th>
              <th scope="col">{t('backups.kind')}</th>
              <th scope="col">{t('backups.path')}</th>
              <th scope="col" className="num">{t('backups.size')}</th>
              <th scope="col">{t('backups.present')}</th>
            </tr>
          </thead>
          <tbody>
            {!list || list.length === 0 ? (
              <tr><td colSpan={5} className="table-empty">{list ? t('backups.empty') : t('common.loading')}</td></tr>
            ) : list.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{t(`backups.kind.${b.kind}`)}</td>
                <td><code className="small">{b.path}</code></td>
                <td className="num">{formatNumber(b.sizeBytes / 1048576, { maximumFractionDigits: 1 })} MB</td>
                <td>{b.present ? <span className="badge badge-success">{t('backups.present')}</span> : <span className="badge badge-warning">{t('backups.missing')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </section>

      <RestorePanel defaultPath={list?.find((b) => b.present)?.path ?? ''} />
    </div>
  );
}
