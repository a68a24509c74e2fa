import { contextBridge, ipcRenderer } from 'electron';

/**
 * The whole bridge between the sandboxed renderer and the main process: two functions, the
 * command call and the system's file dialog (which returns only the path the person chose).
 * Nothing else (no ipcRenderer, no Node, no events) is exposed. See docs ARCHITECTURE.md.
 */
contextBridge.exposeInMainWorld('centinela', {
  call: (name: string, input: unknown) => ipcRenderer.invoke('centinela:call', name, input),
  pickPath: (request: unknown) => ipcRenderer.invoke('centinela:pickPath', request),
});
