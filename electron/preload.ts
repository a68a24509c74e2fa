import { contextBridge, ipcRenderer } from 'electron';

/**
 * The whole bridge between the sandboxed renderer and the main process: one function.
 * Nothing else (no ipcRenderer, no Node, no events) is exposed. See docs ARCHITECTURE.md.
 */
contextBridge.exposeInMainWorld('centinela', {
  call: (name: string, input: unknown) => ipcRenderer.invoke('centinela:call', name, input),
});
