import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { AttachmentMeta } from '../../../shared/commands/attachments.ts';
import { base64ToObjectUrl } from './useAttachments.ts';

/**
 * Shows one stored file inside the app: images inline, PDFs in an `<iframe>` on a blob: URL
 * (the CSP allows `frame-src blob:` for exactly this; see electron/core/csp.ts). The bytes are
 * fetched through `attachments.get`, which checks the owner's permission and the checksum.
 */
export function AttachmentViewer({ meta, onClose }: { meta: AttachmentMeta; onClose(): void }) {
  const { t, tError } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void call('attachments.get', { id: meta.id }).then((r) => {
      if (!live) return;
      if (!r.ok) { setError(r.error); return; }
      made = base64ToObjectUrl(r.value.base64, r.value.mime);
      setUrl(made);
    });
    return () => { live = false; if (made) URL.revokeObjectURL(made); };
  }, [meta.id]);
  const isPdf = meta.mime === 'application/pdf';
  return (
    <dialog ref={ref} className="dialog att-viewer" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <div className="dialog-body">
        <h2 id={titleId}>{meta.filename}</h2>
        {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
        {!url && !error ? <p role="status">{t('common.loading')}</p> : null}
        {url && isPdf ? <iframe className="att-frame" src={url} title={meta.filename} /> : null}
        {url && !isPdf ? <img className="att-image" src={url} alt={meta.filename} /> : null}
      </div>
      <div className="form-actions">
        {url ? <a className="btn btn-secondary" href={url} download={meta.filename}>{t('attachments.download')}</a> : null}
        <button type="button" className="btn btn-primary" onClick={onClose}>{t('attachments.close')}</button>
      </div>
    </dialog>
  );
}
