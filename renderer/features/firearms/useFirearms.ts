import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands/index.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

/**
 * Loads one read command and reloads it on demand. An answer to an older input is dropped,
 * so typing fast never shows stale rows.
 */
export function useQuery<N extends CommandName>(name: N, input: CommandInput<N> | null): {
  data: CommandOutput<N> | null; error: AppErrorData | null; loading: boolean; reload(): void;
} {
  const [data, setData] = useState<CommandOutput<N> | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (input === null) return;
    let live = true;
    setLoading(true);
    void call(name, input).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) { setData(r.value); setError(null); } else setError(r.error);
    });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, tick]);
  return { data, error, loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Every company for pickers, by name (the whole register: a filter must reach the 2,500th company too). */
export function useCompanyOptions(): { value: string; label: string }[] {
  const q = useQuery('companies.names', {});
  return (q.data ?? []).map((c) => ({ value: c.id, label: c.legalName }));
}

/** Armories of one company for pickers. */
export function useArmoryOptions(companyId: string): { value: string; label: string }[] {
  const q = useQuery('armories.list', companyId ? { companyId, limit: 500 } : null);
  return companyId ? (q.data?.rows ?? []).map((a) => ({ value: a.id, label: a.name })) : [];
}

/** Typed catalogue key built from a vocabulary value. */
export const k = (prefix: string, value: string) => `${prefix}.${value}` as MessageKey;

/** Today in the agency's local time, as the officer's date inputs expect. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
export function nowLocal(): string {
  const d = new Date();
  return `${todayLocal()}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
