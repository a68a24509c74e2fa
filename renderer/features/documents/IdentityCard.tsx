import { useState } from 'react';
import { FormError, PasswordInput, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { SigningIdentity } from '../../../shared/commands/documents.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** The agency's signing identity and its fingerprint; administrators create or import one. */
export function IdentityCard({ identity, canManage, agencyName, onChanged }: { identity: SigningIdentity | null; canManage: boolean; agencyName: string; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const [mode, setMode] = useState<'none' | 'create' | 'import'>('none');
  const [f, setF] = useState({ commonName: agencyName, organization: agencyName, country: 'GT', passphrase: '' });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = mode === 'create'
      ? await call('signing.createSelfSigned', { commonName: f.commonName, organization: f.organization, country: f.country.toUpperCase() })
      : await call('signing.importPkcs', { base64: file ? await readBase64(file) : '', passphrase: f.passphrase });
    setBusy(false);
    if (!r.ok) { setError(r.error); return; }
    setMode('none');
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="doc-id-h">
      <div className="card-header"><h2 id="doc-id-h">{t('documents.identity')}</h2></div>
      {identity ? (
        <dl className="doc-id">
          <dt>{t('documents.identitySubject')}</dt><dd>{identity.subject} <span className="muted">({t(`documents.identitySource.${identity.source}` as MessageKey)})</span></dd>
          <dt>{t('documents.identityFingerprint')}</dt><dd className="doc-fp" data-testid="fingerprint">{identity.fingerprint}</dd>
          <dt>{t('documents.identityValidity')}</dt><dd>{formatDate(identity.notBefore)} — {formatDate(identity.notAfter)}</dd>
        </dl>
      ) : <div className="alert alert-warning">{t('documents.identityNone')}</div>}
      {canManage ? (
        mode === 'none' ? (
          <div className="row">
            <button type="button" className="btn btn-secondary" onClick={() => setMode('create')}>{t('documents.createSelfSigned')}</button>
            <button type="button" className="btn btn-secondary" onClick={() => setMode('import')}>{t('documents.importP12')}</button>
          </div>
        ) : (
          <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <FormError error={error} fields={['commonName', 'organization', 'country', 'base64', 'passphrase']} />
            {mode === 'create' ? (
              <>
                <TextInput label={t('documents.commonName')} required value={f.commonName} error={fe('commonName')} onChange={(v) => setF({ ...f, commonName: v })} />
                <TextInput label={t('documents.organization')} required value={f.organization} error={fe('organization')} onChange={(v) => setF({ ...f, organization: v })} />
                <TextInput label={t('documents.country')} required value={f.country} maxLength={2} error={fe('country')} onChange={(v) => setF({ ...f, country: v })} />
              </>
            ) : (
              <>
                <div className="field">
                  <label className="field-label" htmlFor="doc-p12">{t('documents.p12File')}</label>
                  <input id="doc-p12" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
                  {fe('base64') ? <div className="field-error" role="alert">{fe('base64')}</div> : null}
                </div>
                <PasswordInput label={t('documents.p12Passphrase')} value={f.passphrase} error={fe('passphrase')} onChange={(v) => setF({ ...f, passphrase: v })} />
              </>
            )}
            <div className="form-actions">
              <button type="button" className="btn btn-secondary" onClick={() => setMode('none')}>{t('audits.cancel')}</button>
              <button type="submit" className="btn btn-primary" disabled={busy}>{mode === 'create' ? t('documents.createSelfSigned') : t('documents.importP12')}</button>
            </div>
          </form>
        )
      ) : <p className="small muted">{t('documents.onlyAdmins')}</p>}
    </section>
  );
}
