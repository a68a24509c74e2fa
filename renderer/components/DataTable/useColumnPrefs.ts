import { useCallback, useEffect, useState } from 'react';
import type { VisibilityState } from '@tanstack/react-table';
import { call } from '../../api/client.ts';

/**
 * The columns a user chose for one table, remembered per user through `prefs.get`/`prefs.set`
 * under `key`. Until the saved choice loads, `defaults` apply. Unknown ids in a saved choice
 * (a column removed in a later version) are ignored; new columns keep their default.
 */
export function useColumnPrefs(key: string, defaults: VisibilityState): [VisibilityState, (v: VisibilityState) => void] {
  const [visibility, setVisibility] = useState<VisibilityState>(defaults);
  useEffect(() => {
    let live = true;
    void call('prefs.get', { key }).then((r) => {
      if (!live || !r.ok || !r.value.value || typeof r.value.value !== 'object') return;
      const saved = r.value.value as Record<string, unknown>;
      const merged: VisibilityState = { ...defaults };
      for (const id of Object.keys(defaults)) if (typeof saved[id] === 'boolean') merged[id] = saved[id] as boolean;
      setVisibility(merged);
    });
    return () => {
      live = false;
    };
    // `defaults` is a literal per render; only the key decides which preference to read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const update = useCallback(
    (v: VisibilityState) => {
      setVisibility(v);
      // A failed save only loses the preference, not data; the table keeps the choice for now.
      void call('prefs.set', { key, value: v });
    },
    [key],
  );
  return [visibility, update];
}
