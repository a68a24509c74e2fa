import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Company, CompanyQuery, CompanyRow } from '../../../shared/commands/companies.ts';

export interface ListState {
  rows: CompanyRow[];
  total: number;
  loading: boolean;
  error: AppErrorData | null;
}

/**
 * One page of the register for a query. A slower answer to an older query is dropped, so
 * typing fast never shows stale rows.
 */
export function useCompanyList(query: CompanyQuery, offset: number, limit: number): ListState & { reload(): void } {
  const [state, setState] = useState<ListState>({ rows: [], total: 0, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify({ query, offset, limit });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call('companies.list', { ...query, offset, limit }).then((r) => {
      if (!live) return;
      if (r.ok) setState({ rows: r.value.rows, total: r.value.total, loading: false, error: null });
      else setState((s) => ({ ...s, rows: [], loading: false, error: r.error }));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

export function useCompany(id: string): { company: Company | null; error: AppErrorData | null; loading: boolean; reload(): void } {
  const [company, setCompany] = useState<Company | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    void call('companies.get', { id }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) {
        setCompany(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, tick]);
  return { company, error, loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Saves the file a command produced (base64) through a temporary object URL. */
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
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
