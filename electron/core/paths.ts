import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where workspaces live when no folder is given: the OS's per-user data folder. */
export function defaultDataRoot(): string {
  if (process.env.CENTINELA_DATA) return process.env.CENTINELA_DATA;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Centinela');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Centinela');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'centinela');
}
