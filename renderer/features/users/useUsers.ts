import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { User } from '../../../shared/commands/users.ts';
import type { AppErrorData } from '../../../shared/errors.ts';

/** The agency's users, reloaded after every change. */
export function useUsers() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const reload = useCallback(async () => {
    const r = await call('users.list', {});
    if (r.ok) {
      setUsers(r.value);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { users, error, reload };
}
