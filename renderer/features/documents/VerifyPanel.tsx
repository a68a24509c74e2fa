import { useState, type DragEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { VerifyResult } from '../../../shared/commands/documents.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Drop or pick a PDF: the main process checks its signature, its signer and the register. */
export function VerifyPanel() {
  const { t, tError, formatDateTime } = useI18n();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ file: string; r: VerifyResult } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const check = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const r = await call('documents.verify', { base64: await readBase64(file) });
    setBusy(false);
    if (r.ok) setResult({ file: file.name, r: r.value });
    else setError(r.error);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void check(e.dataTransfer.files[0]);
  };
  const tone = result?.r.status === 'valid' ? 'alert-success' : 'alert-error';
  return (
    <section className="card" aria-labelledby="doc-verify-h">
      <h2 id="doc-verify-h">{t('documents.verifyTitle')}</h2>
      <div className={`doc-drop${over ? ' is-over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop} data-testid="verify-drop">
        <p>{t('documents.verifyHint')}</p>
        <label className="btn btn-secondary">
          {t('documents.pickFile')}
          <input type="file" accept="application/pdf,.pdf" className="visually-hidden" data-testid="verify-input" onChange={(e) => { void check(e.target.files?.[0]); e.target.value = ''; }} />
        </label>
        {busy ? <p role="status">{t('documents.verifying')}</p> : null}
      </div>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      {result ? (
        <div className={`alert ${tone} doc-result`} role="status" data-testid="verify-result">
          <strong>{t(`documents.verify.status.${result.r.status}` as MessageKey)}</strong> — {result.file}
          <div>{t(result.r.reasonKey as MessageKey)}</div>
          {result.r.entry ? (
            <div>{result.r.status === 'valid'
              ? t('documents.verify.entry', { serial: result.r.entry.serial, kind: t(`documents.kind.${result.r.entry.kind}` as MessageKey), date: formatDateTime(result.r.entry.issuedAt) })
              : t('documents.verify.claimed', { serial: result.r.entry.serial })}</div>
          ) : null}
          {result.r.signerSubject ? <div className="small">{result.r.signerSubject}</div> : null}
          <div className="small doc-fp">SHA-256 {result.r.sha256}</div>
        </div>
      ) : null}
    </section>
  );
}
