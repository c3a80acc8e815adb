// The preload: the only bridge between the sandboxed page and the main process. It exposes
// `window.footprint` with one function per contract operation (each answers an Envelope), the
// unlock door (unlockStatus / unlock / setEncryptionPreference, also Envelopes), the import
// progress subscription and the path of a dropped file. Nothing else: no ipcRenderer, no
// Node. Built as one CommonJS file (sandboxed preloads cannot load ES modules or other files).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  IMPORT_PROGRESS_CHANNEL,
  IPC_CHANNEL_PREFIX,
  OPERATIONS,
  UNLOCK_CHANNELS,
  type FootprintBridge,
  type ImportProgress,
  type OperationName,
} from '../shared/contract';

const operations = Object.fromEntries(
  (Object.keys(OPERATIONS) as OperationName[]).map((name) => [
    name,
    // exactly one argument crosses, whatever the page passes
    (input?: unknown) => ipcRenderer.invoke(`${IPC_CHANNEL_PREFIX}${name}`, input ?? {}),
  ]),
);

const bridge = {
  ...operations,
  onImportProgress(cb: (p: ImportProgress) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('onImportProgress needs a function');
    const listener = (_event: unknown, p: ImportProgress) => cb(p);
    ipcRenderer.on(IMPORT_PROGRESS_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IMPORT_PROGRESS_CHANNEL, listener);
    };
  },
  pathForFile(file: File): string {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
  // the unlock door (answers before the database is open); one argument, like the operations
  unlockStatus: () => ipcRenderer.invoke(UNLOCK_CHANNELS.status, {}),
  unlock: (input?: unknown) => ipcRenderer.invoke(UNLOCK_CHANNELS.submit, input ?? {}),
  setEncryptionPreference: (input?: unknown) => ipcRenderer.invoke(UNLOCK_CHANNELS.preference, input ?? {}),
} as FootprintBridge;

contextBridge.exposeInMainWorld('footprint', bridge);
