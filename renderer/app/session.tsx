import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call, onLocked } from '../api/client.ts';
import { navigate } from './router.ts';
import type { SessionState } from '../../shared/commands/session.ts';
import type { AppErrorData } from '../../shared/errors.ts';

/** How often the shell re-reads the session (the main process may have locked on its own). */
const POLL_MS = 20_000;
/** At most one `session.touch` per this interval while the person is active. */
const TOUCH_MS = 60_000;
/** The workspace last used on this computer, preselected on the unlock screen. */
export const LAST_WORKSPACE_KEY = 'centinela.lastWorkspace';

export interface Session {
  status: SessionState;
  /** Replaces the status with one a command returned (unlock, setup, lock). */
  setStatus(s: SessionState): void;
  refresh(): Promise<void>;
  lock(): Promise<void>;
  can(permission: string): boolean;
  /** True once this window has been unlocked: the unlock screen then says the session was locked. */
  wasUnlocked: boolean;
}

const Ctx = createContext<Session | null>(null);

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/**
 * Loads `session.status`, keeps it fresh (poll + LOCKED answers) and renders `children` with it.
 * While unlocked it also reports activity to the main process and locks after the agency's idle minutes.
 */
export function SessionProvider({ children, loading, failed }: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: AppErrorData, retry: () => void) => ReactNode;
}) {
  const [status, setStatus] = useState<SessionState | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [wasUnlocked, setWasUnlocked] = useState(false);
  useEffect(() => {
    if (status?.state === 'unlocked') setWasUnlocked(true);
    if (status?.workspace) localStorage.setItem(LAST_WORKSPACE_KEY, status.workspace.id);
  }, [status?.state, status?.workspace]);

  // The same person coming back returns to where they were; someone else starts at the register,
  // not on a screen their role may not open.
  const lastUserId = useRef<string | null>(null);
  useEffect(() => {
    const id = status?.user?.id ?? null;
    if (id && lastUserId.current && id !== lastUserId.current) navigate('/home');
    if (id) lastUserId.current = id;
  }, [status?.user?.id]);

  const refresh = useCallback(async () => {
    const r = await call('session.status', {});
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error);
  }, []);

  const lock = useCallback(async () => {
    const r = await call('session.lock', {});
    if (r.ok) setStatus(r.value);
    else await refresh();
  }, [refresh]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const off = onLocked(() => void refresh());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [refresh]);

  useIdleLock(status, lock);

  const value = useMemo<Session | null>(() => status && {
    status,
    setStatus,
    refresh,
    lock,
    can: (p: string) => status.permissions.includes(p),
    wasUnlocked,
  }, [status, refresh, lock, wasUnlocked]);

  if (error && !status) return <>{failed(error, () => void refresh())}</>;
  if (!value) return <>{loading}</>;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Activity tracking: touch the main process at most once a minute; lock after the idle limit. */
function useIdleLock(status: SessionState | null, lock: () => Promise<void>) {
  const unlocked = status?.state === 'unlocked';
  const idleMinutes = status?.agency?.idleMinutes ?? 15;
  const lastActivity = useRef(Date.now());
  const lastTouch = useRef(0);

  useEffect(() => {
    if (!unlocked) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current >= TOUCH_MS) {
        lastTouch.current = now;
        void call('session.touch', {});
      }
    };
    const check = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMinutes * 60_000) void lock();
    }, 5_000);
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('mousedown', onActivity, true);
    return () => {
      window.clearInterval(check);
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('mousedown', onActivity, true);
    };
  }, [unlocked, idleMinutes, lock]);
}
