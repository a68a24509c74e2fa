import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/** The person's latest photo (an attachment of kind `photo`, stored encrypted) and an upload button. */
export function PersonPhoto({ personId, canUpload, name }: { personId: string; canUpload: boolean; name: string }) {
  const { t, tError } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [tick, setTick] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await call('attachments.list', { ownerType: 'person', ownerId: personId });
      if (!live || !list.ok) return;
      const photo = list.value.filter((a) => a.kind === 'photo' && a.mime.startsWith('image/')).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
      if (!photo) { setSrc(null); return; }
      const file = await call('attachments.get', { id: photo.id });
      if (live && file.ok) setSrc(`data:${file.value.mime};base64,${file.value.base64}`);
    })();
    return () => { live = false; };
  }, [personId, tick]);

  const upload = async (f: File) => {
    setError(null);
    const buf = new Uint8Array(await f.arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    const r = await call('attachments.add', { ownerType: 'person', ownerId: personId, kind: 'photo', filename: f.name, base64: btoa(bin) });
    if (r.ok) setTick((n) => n + 1);
    else setError(r.error);
  };

  return (
    <div className="pe-photo">
      {src ? <img src={src} alt={name} className="pe-photo-img" /> : <div className="pe-photo-empty" role="img" aria-label={t('personnel.noPhoto')}>{t('personnel.noPhoto')}</div>}
      {error ? <div className="alert alert-error" role="alert">{tError(error)}</div> : null}
      {canUpload ? (
        <>
          <input ref={input} type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => input.current?.click()}>{t('personnel.uploadPhoto')}</button>
        </>
      ) : null}
    </div>
  );
}
