import type { Result } from '../../shared/errors.ts';

/**
 * The only way the renderer reaches the main process. Inside Electron the preload exposes
 * `window.centinela.call`; in browser mode (tests, `npm run serve`) the same call goes over
 * HTTP to 127.0.0.1 with the per-launch token that came in the page's URL.
 */
declare global {
  interface Window {
    centinela?: { call(name: string, input: unknown): Promise<Result<unknown>> };
  }
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
  if (window.centinela) return window.centinela.call(name, input);
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
