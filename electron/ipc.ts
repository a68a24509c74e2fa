import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import type { Result } from '../shared/errors.ts';
import type { Gate } from './core/gate.ts';
import { isAppUrl } from './core/appProtocol.ts';

export const CALL_CHANNEL = 'centinela:call';
export const PICK_PATH_CHANNEL = 'centinela:pickPath';

const refused: Result<never> = { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden', params: {} } };

/** Only the top frame of our own `app://` page may call the gate. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * The Electron transport: one invoke channel that hands (name, input) to the same gate as
 * browser mode and the command line. It always resolves with a Result; it never throws
 * across IPC (a thrown error would carry a stack trace into the renderer).
 */
export function registerIpc(gate: Gate): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!trustedSender(event)) return refused;
    if (typeof name !== 'string' || name.length === 0 || name.length > 100) {
      return { ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.unknownCommand', params: { command: String(name).slice(0, 80) } } };
    }
    try {
      return await gate.call(name, input);
    } catch (e) {
      console.error('[centinela] ipc error:', e);
      return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal', params: {} } };
    }
  });
  ipcMain.handle(PICK_PATH_CHANNEL, async (event, request: unknown): Promise<string | null> => {
    if (!trustedSender(event)) return null;
    const r = pathRequest(request);
    if (!r) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const filters = r.extension ? [{ name: r.extensionLabel ?? r.extension, extensions: [r.extension] }] : undefined;
    if (r.kind === 'saveFile') {
      const options = { title: r.title, defaultPath: r.defaultName, filters };
      const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return res.canceled || !res.filePath ? null : res.filePath;
    }
    const options: OpenDialogOptions = { title: r.title, filters, properties: r.kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'] };
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return res.canceled ? null : res.filePaths[0] ?? null;
  });
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    ipcMain.removeHandler(PICK_PATH_CHANNEL);
  };
}

/**
 * The system file dialog, asked for by a path field ("Browse…"). It only returns the path the
 * person chose: nothing is read or written here, and the command that later uses the path is
 * checked by the gate like any other. The request is checked field by field (short strings only).
 */
function pathRequest(v: unknown): { kind: 'folder' | 'openFile' | 'saveFile'; title: string; extension?: string; extensionLabel?: string; defaultName?: string } | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const text = (x: unknown, max: number) => (typeof x === 'string' && x.length <= max ? x : undefined);
  if (o.kind !== 'folder' && o.kind !== 'openFile' && o.kind !== 'saveFile') return null;
  const title = text(o.title, 200);
  if (!title) return null;
  const extension = text(o.extension, 10);
  if (extension !== undefined && !/^[a-z0-9]+$/i.test(extension)) return null;
  return { kind: o.kind, title, extension, extensionLabel: text(o.extensionLabel, 100), defaultName: text(o.defaultName, 200)?.replace(/[\\/]/g, '') };
}
