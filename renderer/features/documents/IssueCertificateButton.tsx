import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import { VALID_LICENCE_STATES, type LicenceState } from '../../../shared/model/licenceLifecycle.ts';
import { downloadBase64 } from '../audits/useAudits.ts';

/**
 * "Issue certificate" on a licence page: shown only for a licence in force and a user who may
 * issue documents (the main process checks both again); issues the signed PDF and downloads it.
 */
export function IssueCertificateButton({ licenceId, state, can }: { licenceId: string; state: LicenceState; can: (p: string) => boolean }) {
  const { t, tError, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  if (!VALID_LICENCE_STATES.includes(state) || !can('documents.issue')) return null;
  const issue = async () => {
    setBusy(true);
    setError(null);
    const r = await call('documents.issueLicenceCertificate', { licenceId, language: lang });
    setBusy(false);
    if (r.ok) downloadBase64(r.value.filename, 'application/pdf', r.value.base64);
    else setError(r.error);
  };
  return (
    <>
      <button type="button" className="btn btn-secondary" disabled={busy} aria-busy={busy} onClick={() => void issue()}>
        {busy ? t('documents.issuing') : t('documents.issueCertificate')}
      </button>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
    </>
  );
}
