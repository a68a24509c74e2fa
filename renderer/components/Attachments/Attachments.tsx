import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { AttachmentMeta } from '../../../shared/commands/attachments.ts';
import type { AttachmentOwnerType } from '../../../shared/model/attachments.ts';
import { FormError, TextInput } from '../Form/index.ts';
import { AttachmentViewer } from './AttachmentViewer.tsx';
import { useAttachments } from './useAttachments.ts';
import './Attachments.css';

export interface AttachmentsProps {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  /** Show the add form (the main process checks the permission again). */
  canAdd: boolean;
  /** Heading; defaults to the catalogue's "Documents". */
  title?: string;
  /** Suggested document types (e.g. the licence checklist); free text is accepted too. */
  kinds?: readonly string[];
}

/**
 * The documents of one record: list with type, date, size and checksum; view PDFs and images in
 * the app; add a file through a file input. Reusable by any area that registers an owner type.
 */
export function Attachments({ ownerType, ownerId, canAdd, title, kinds = [] }: AttachmentsProps) {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const { items, error, loading, add } = useAttachments(ownerType, ownerId);
  const [viewing, setViewing] = useState<AttachmentMeta | null>(null);
  const [kind, setKind] = useState('');
  const [docDate, setDocDate] = useState('');
  const [addError, setAddError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const fileId = useId();
  const listId = useId();

  const onAdd = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) { setAddError({ code: 'VALIDATION', messageKey: 'validation.required', params: {}, field: 'file' }); return; }
    setBusy(true);
    const r = await add(file, kind.trim() || file.name, docDate || null);
    setBusy(false);
    if (r.ok) {
      setAddError(null);
      setKind('');
      setDocDate('');
      if (fileRef.current) fileRef.current.value = '';
    } else setAddError(r.error);
  };
  const size = (n: number) => (n >= 1048576 ? `${formatNumber(n / 1048576, { maximumFractionDigits: 1 })} MB` : `${formatNumber(Math.ceil(n / 1024))} KB`);

  return (
    <section className="card att" aria-labelledby={headingId}>
      <h2 id={headingId}>{title ?? t('attachments.title')}</h2>
      {error ? <FormError error={error} /> : null}
      {!loading && items.length === 0 ? <p className="muted">{t('attachments.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('attachments.kind')}</th>
                <th scope="col">{t('attachments.filename')}</th>
                <th scope="col">{t('attachments.documentDate')}</th>
                <th scope="col" className="num">{t('attachments.size')}</th>
                <th scope="col">{t('attachments.addedAt')}</th>
                <th scope="col"><span className="visually-hidden">{t('attachments.view')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>{a.kind}</td>
                  <td><span title={`${t('attachments.checksum')}: ${a.sha256}`}>{a.filename}</span></td>
                  <td>{a.documentDate ? formatDate(a.documentDate) : t('common.none')}</td>
                  <td className="num">{size(a.size)}</td>
                  <td>{formatDateTime(a.createdAt)}</td>
                  <td className="actions-cell">
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => setViewing(a)} aria-label={`${t('attachments.view')}: ${a.filename}`}>
                      {t('attachments.view')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canAdd ? (
        <div className="att-add">
          <TextInput label={t('attachments.kind')} value={kind} onChange={setKind} list={kinds.length ? listId : undefined} maxLength={60} />
          {kinds.length ? <datalist id={listId}>{kinds.map((k) => <option key={k} value={k} />)}</datalist> : null}
          <TextInput label={t('attachments.documentDate')} type="date" value={docDate} onChange={setDocDate} />
          <div className="field">
            <label htmlFor={fileId} className="field-label">{t('attachments.filename')}</label>
            <input id={fileId} ref={fileRef} className="input" type="file" accept="application/pdf,image/png,image/jpeg,image/webp" />
          </div>
          <button type="button" className="btn btn-secondary" onClick={() => void onAdd()} disabled={busy}>{t('attachments.add')}</button>
        </div>
      ) : null}
      {addError ? <FormError error={addError} /> : null}
      {viewing ? <AttachmentViewer meta={viewing} onClose={() => setViewing(null)} /> : null}
    </section>
  );
}
