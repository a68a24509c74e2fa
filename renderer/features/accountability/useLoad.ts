import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/**
 * Loads one read command's answer for an input; a slower answer to an older input is dropped,
 * so fast typing or filter changes never show stale data.
 */
export function useLoad<N extends CommandName>(name: N, input: CommandInput<N> | null) {
  const [state, setState] = useState<{ value: CommandOutput<N> | null; error: AppErrorData | null; loading: boolean }>({ value: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (input === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call(name, input).then((r) => {
      if (!live) return;
      setState(r.ok ? { value: r.value, error: null, loading: false } : { value: null, error: r.error, loading: false });
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, tick]);
  return { ...state, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Saves a base64 file the main process made (report, export) through the browser's download. */
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
