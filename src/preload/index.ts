// The preload: the only bridge between the sandboxed page and the main process. It exposes
// `window.footprint` with one function per contract operation (each answers an Envelope), the
// unlock door (unlockStatus / unlock / setEncryptionPreference, also Envelopes), the import
// progress subscription and the path of a dropped file. Nothing else: no ipcRenderer, no
// Node. Built as one CommonJS file (sandboxed preloads cannot load ES modules or other files).
// The window may import only paths the user gave it (src/main/shell/approved-paths.ts): the dialog's
// answer is approved in main; a dropped file's path is approved here, from the real File, when the
// page asks pathForFile for it.
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

// PATH_APPROVAL_CHANNEL of src/main/shell/approved-paths.ts (the preload imports only src/shared;
// test/e2e/build.test.ts checks the built preload sends on that channel)
const PATH_APPROVAL_CHANNEL = 'path:approve';

// Operations wait for the approvals sent before them, so `importExport({ path: pathForFile(f) })`
// finds the path approved (IPC keeps order too; this does not rely on it).
let approvals: Promise<unknown> = Promise.resolve();

const operations = Object.fromEntries(
  (Object.keys(OPERATIONS) as OperationName[]).map((name) => [
    name,
    // exactly one argument crosses, whatever the page passes
    (input?: unknown) => approvals.then(() => ipcRenderer.invoke(`${IPC_CHANNEL_PREFIX}${name}`, input ?? {})),
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
    let path: string;
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return '';
    }
    // a real dropped or picked File has a path; one the page built has none ('')
    if (typeof path !== 'string' || path === '') return '';
    const approval = ipcRenderer.invoke(PATH_APPROVAL_CHANNEL, path).catch(() => undefined);
    approvals = Promise.all([approvals, approval]);
    return path;
  },
  // the unlock door (answers before the database is open); one argument, like the operations
  unlockStatus: () => ipcRenderer.invoke(UNLOCK_CHANNELS.status, {}),
  unlock: (input?: unknown) => ipcRenderer.invoke(UNLOCK_CHANNELS.submit, input ?? {}),
  setEncryptionPreference: (input?: unknown) => ipcRenderer.invoke(UNLOCK_CHANNELS.preference, input ?? {}),
} as FootprintBridge;

contextBridge.exposeInMainWorld('footprint', bridge);
