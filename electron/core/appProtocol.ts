import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The Electron window loads the renderer from `app://centinela/`, a privileged custom scheme
 * served from the built files (never `file://`, never a remote origin). Plain Node so the
 * origin check and the path-traversal check are unit tested without Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'centinela';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.json': 'application/json',
};

export function mimeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True only for URLs of our own origin (`app://centinela/...`). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Maps an `app://centinela/<path>` request to a file inside `root`, or null when the URL is
 * not ours, escapes the folder (`..`, encoded slashes, absolute paths) or names no file.
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const base = resolve(root);
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const target = normalize(join(base, path === '/' || path === '' ? 'index.html' : path));
  if (!target.startsWith(base + sep)) return null;
  if (!existsSync(target) || !statSync(target).isFile()) return null;
  return target;
}
