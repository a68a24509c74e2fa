import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { Person, PersonQuery, PersonRow } from '../../../shared/commands/personnel.ts';

export interface PersonListState {
  rows: PersonRow[];
  total: number;
  loading: boolean;
  error: AppErrorData | null;
}

/** One page of the personnel register; a slower answer to an older query is dropped. */
export function usePersonList(query: PersonQuery, offset: number, limit: number): PersonListState & { reload(): void } {
  const [state, setState] = useState<PersonListState>({ rows: [], total: 0, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify({ query, offset, limit });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void call('personnel.list', { ...query, offset, limit }).then((r) => {
      if (!live) return;
      if (r.ok) setState({ rows: r.value.rows, total: r.value.total, loading: false, error: null });
      else setState((s) => ({ ...s, rows: [], loading: false, error: r.error }));
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return { ...state, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** One person with their trainings, qualifications, employers and credential history. */
export function usePerson(id: string): { person: Person | null; error: AppErrorData | null; loading: boolean; reload(): void; replace(p: Person): void } {
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    void call('personnel.get', { id }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) { setPerson(r.value); setError(null); } else setError(r.error);
    });
    return () => { live = false; };
  }, [id, tick]);
  return { person, error, loading, reload: useCallback(() => setTick((n) => n + 1), []), replace: setPerson };
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
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whole years between a birth date and today (local calendar). */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

/** Today's local date as YYYY-MM-DD (the default for date fields). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
