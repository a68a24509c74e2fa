import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormError, NewPasswordFields, PathInput, newPasswordReady, useFieldErrors } from '../../components/Form/index.ts';
import type { CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { tableLabel } from './labels.ts';
import { WeaponCountPanel } from './WeaponCountPanel.tsx';

type Status = NonNullable<CommandOutput<'field.status'>['package']>;

/** In a field copy: where it came from, what changed so far, and the return package. */
export function FieldCopyPanel({ pkg, onDone }: { pkg: Status; onDone(): void }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [path, setPath] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState<CommandOutput<'field.exportReturn'> | null>(null);
  const fieldError = useFieldErrors(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    setDone(null);
    if (!newPasswordReady(pass, confirm)) return;
    setBusy(true);
    const r = await call('field.exportReturn', { passphrase: pass, path: path.trim() });
    setBusy(false);
    if (r.ok) {
      setDone(r.value);
      setPass('');
      setConfirm('');
      setTried(false);
      onDone();
    } else setError(r.error);
  };

  return (
    <>
      <section className="card" aria-labelledby="field-copy-title" data-testid="field-copy">
        <h2 id="field-copy-title">{t('field.copyTitle', { label: pkg.label })}</h2>
        <p>{t('field.copyLead', { agency: pkg.agency, date: formatDateTime(pkg.openedAt) })}</p>
        <p className="small">{pkg.counts.map((c) => `${tableLabel(t, c.table)}: ${formatNumber(c.rows)}`).join(' · ')}</p>
        <p className="small muted">{t('field.fingerprint')}: <span className="hash">{pkg.agencyFingerprint}</span></p>
        <div className="alert alert-info" data-testid="field-pending">{t('field.pending', { count: pkg.changes })}</div>
      </section>
      <WeaponCountPanel />
      <form className="card" onSubmit={submit} noValidate aria-labelledby="field-return-title">
        <h2 id="field-return-title">{t('field.returnTitle')}</h2>
        <p className="muted">{t('field.returnLead')}</p>
        <FormError error={error} fields={['passphrase', 'path']} />
        <NewPasswordFields label={t('field.passphrase')} idPrefix="return-passphrase" password={pass} confirm={confirm} onPassword={setPass} onConfirm={setConfirm} showErrors={tried} error={fieldError('passphrase')} />
        <PathInput request={{ kind: 'saveFile', title: t('field.returnTitle') }} id="return-path" label={t('field.file')} hint={t('field.fileHint')} value={path} onChange={setPath} spellCheck={false} autoCapitalize="off" required error={fieldError('path')} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('field.exporting') : t('field.exportReturn')}</button>
        </div>
        <div aria-live="polite">
          {done ? <div className="alert alert-success" data-testid="field-returned">{t('field.returned', { path: done.path, sets: done.sets, inserts: done.inserts })}</div> : null}
        </div>
      </form>
    </>
  );
}
