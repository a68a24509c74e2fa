import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import { fileToBase64, useQuery } from './useAudits.ts';

/** Photos and documents of an inspection, stored encrypted as attachments (owner type `inspection`). */
export function PhotosPanel({ inspectionId, canWrite }: { inspectionId: string; canWrite: boolean }) {
  const { t, tError } = useI18n();
  const list = useQuery('attachments.list', { ownerType: 'inspection', ownerId: inspectionId });
  const [error, setError] = useState<AppErrorData | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const add = async (files: FileList | null) => {
    setError(null);
    for (const file of Array.from(files ?? [])) {
      const r = await call('attachments.add', { ownerType: 'inspection', ownerId: inspectionId, kind: 'photo', filename: file.name, base64: await fileToBase64(file), note: file.name.replace(/\.[^.]+$/, '') });
      if (!r.ok) setError(r.error);
    }
    if (input.current) input.current.value = '';
    list.reload();
  };
  return (
    <section className="card" aria-labelledby="au-photos-h">
      <div className="card-header">
        <h2 id="au-photos-h">{t('audits.photos')} ({list.data?.length ?? 0})</h2>
        {canWrite ? (
          <label className="btn btn-secondary btn-sm">
            {t('audits.addPhoto')}
            <input ref={input} type="file" accept="image/png,image/jpeg,application/pdf" multiple className="visually-hidden" onChange={(e) => void add(e.target.files)} />
          </label>
        ) : null}
      </div>
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      <ul className="au-photo-list small">
        {(list.data ?? []).map((a) => <li key={a.id}>{a.filename} <span className="muted">({Math.round(a.size / 1024)} KB)</span></li>)}
      </ul>
    </section>
  );
}
