import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/** Loads one read command's result and reloads on demand or when `input` changes (by value). */
export function useQuery<N extends CommandName>(name: N, input: CommandInput<N> | null) {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data: CommandOutput<N> | null; error: AppErrorData | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (input === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call(name, JSON.parse(key) as CommandInput<N>).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, error: null, loading: false } : { data: null, error: r.error, loading: false });
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  const set = useCallback((data: CommandOutput<N>) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, set };
}

/** Reads a picked or dropped file as base64 (no data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Saves base64 content as a file through the browser's download. */
export function downloadBase64(filename: string, mime: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
