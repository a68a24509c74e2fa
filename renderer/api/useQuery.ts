import { useCallback, useEffect, useState } from 'react';
import { call } from './client.ts';
import type { AppErrorData } from '../../shared/errors.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands/index.ts';

/**
 * Runs one read command for the given input and keeps its answer; a slower answer to an older
 * input is dropped. `reload()` asks again. Used by every licensing, sanctions and due screen.
 */
export function useQuery<N extends CommandName>(name: N, input: CommandInput<N>) {
  const [value, setValue] = useState<CommandOutput<N> | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setLoading(true);
    void call(name, JSON.parse(key) as CommandInput<N>).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) { setValue(r.value); setError(null); } else setError(r.error);
    });
    return () => { live = false; };
  }, [name, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value, error, loading, reload, setValue };
}
