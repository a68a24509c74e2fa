import { app, BrowserWindow, powerMonitor, protocol, session, type WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataRoot } from './core/paths.ts';
import { createCentinela } from './core/app.ts';
import { APP_ENTRY, APP_SCHEME, isAppUrl, mimeOf, resolveAppFile } from './core/appProtocol.ts';
import { CSP } from './core/csp.ts';
import { registerIpc } from './ipc.ts';

/**
 * The Electron shell: one window, a sandboxed renderer with no Node, loaded from `app://`
 * (our built files only), talking to the back end through one IPC channel (ipc.ts).
 * Everything else lives in plain-Node modules. See ARCHITECTURE.md.
 *
 * This file is bundled by electron/build.ts into dist/electron/main.cjs; the renderer
 * (dist/renderer) and the preload (dist/electron/preload.cjs) are found relative to it.
 */
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

// Must run before `ready`: `app://` behaves like https (standard, secure) so the CSP's
// 'self' means our origin. No fetch/CORS/service-worker privileges are granted.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, allowServiceWorkers: false } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let win: BrowserWindow | null = null;
  // The same folder browser mode and the command-line tool use, so all three see the same workspaces.
  const root = defaultDataRoot();
  const backend = createCentinela({ root });
  const unregisterIpc = registerIpc(backend);

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Every web contents ever created (windows, and anything a bug might open) gets the guards.
  app.on('web-contents-created', (_e, contents) => guard(contents));

  app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => {
      const file = resolveAppFile(RENDERER_DIR, request.url);
      if (!file) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain', ...SECURITY_HEADERS } });
      return new Response(readFileSync(file), { status: 200, headers: { 'content-type': mimeOf(file), ...SECURITY_HEADERS } });
    });

    const ses = session.defaultSession;
    // No camera, microphone, notifications, geolocation, clipboard-read...: nothing is granted.
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // Defence in depth: refuse every request that is not our own origin or devtools.
    ses.webRequest.onBeforeRequest((details, callback) => {
      const ok = isAppUrl(details.url) || /^(devtools|data|blob):/.test(details.url);
      callback({ cancel: !ok });
    });

    win = new BrowserWindow({
      width: 1400,
      height: 900,
      minWidth: 1024,
      minHeight: 640,
      title: 'Centinela',
      show: false,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        // A middle click must not open a link in a new window (also refused by setWindowOpenHandler).
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        // Chromium's built-in PDF viewer (the only plugin left), for stored PDFs shown from blob: URLs.
        plugins: true,
      },
    });
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => { win = null; });
    void win.loadURL(APP_ENTRY);

    // Leaving the desk locks the workspace: the key is dropped from memory and the renderer's
    // next call answers LOCKED, which shows the unlock screen.
    powerMonitor.on('lock-screen', () => backend.workspaces.lock());
    powerMonitor.on('suspend', () => backend.workspaces.lock());
  }).catch((e: unknown) => {
    console.error('[centinela] failed to start:', e);
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    unregisterIpc();
    backend.close();
  });
}

/** Navigation stays inside `app://centinela`; new windows, webviews and remote pages are refused. */
function guard(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
