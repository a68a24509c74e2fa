import type { Result } from '../../shared/errors.ts';

/**
 * The only way the renderer reaches the main process. Inside Electron the preload exposes
 * `window.centinela.call`; in browser mode (tests, `npm run serve`) the same call goes over
 * HTTP to 127.0.0.1 with the per-launch token that came in the page's URL.
 */
declare global {
  interface Window {
    centinela?: {
      call?(name: string, input: unknown): Promise<Result<unknown>>;
      pickPath?(request: PathRequest): Promise<string | null>;
    };
  }
}

/** What the system's file dialog is asked for: a folder, a file to open, or a file to save. */
export interface PathRequest {
  kind: 'folder' | 'openFile' | 'saveFile';
  title: string;
  /** Only for files: the extension offered (without the dot) and its label, e.g. `cfp`. */
  extension?: string;
  extensionLabel?: string;
  defaultName?: string;
}

/** True inside the desktop app, where the system's file dialog can be shown (not in browser mode). */
export function canPickPaths(): boolean {
  return typeof window.centinela?.pickPath === 'function';
}

/** Shows the system's file dialog; the chosen path, or null when cancelled or not available. */
export async function pickPath(request: PathRequest): Promise<string | null> {
  return window.centinela?.pickPath ? window.centinela.pickPath(request) : null;
}

const TOKEN_KEY = 'centinela.token';

function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of history, bookmarks and screenshots of the address bar.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

export async function transportCall(name: string, input: unknown): Promise<Result<unknown>> {
  if (window.centinela?.call) return window.centinela.call(name, input);
  token ??= browserToken();
  try {
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name, input }),
    });
    if (res.status === 401) return { ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.transportToken', params: {} } };
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.transportDown', params: {} } };
  }
}
