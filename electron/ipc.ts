import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../shared/errors.ts';
import type { Gate } from './core/gate.ts';
import { isAppUrl } from './core/appProtocol.ts';

export const CALL_CHANNEL = 'centinela:call';

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
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
