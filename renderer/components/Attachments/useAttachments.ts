import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { AttachmentMeta } from '../../../shared/commands/attachments.ts';
import type { AttachmentOwnerType } from '../../../shared/model/attachments.ts';

/** The files of one record, and a way to add one. */
export function useAttachments(ownerType: AttachmentOwnerType, ownerId: string) {
  const [items, setItems] = useState<AttachmentMeta[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    void call('attachments.list', { ownerType, ownerId }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) { setItems(r.value); setError(null); } else setError(r.error);
    });
    return () => { live = false; };
  }, [ownerType, ownerId, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  const add = useCallback(async (file: File, kind: string, documentDate: string | null) => {
    const base64 = await fileToBase64(file);
    const r = await call('attachments.add', { ownerType, ownerId, kind, filename: file.name, base64, documentDate });
    if (r.ok) reload();
    return r;
  }, [ownerType, ownerId, reload]);

  return { items, error, loading, reload, add };
}

/** Reads a picked file as base64 (without the data: prefix) for the command. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A blob: URL for the file's bytes; the caller revokes it when the viewer closes. */
export function base64ToObjectUrl(base64: string, mime: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}
