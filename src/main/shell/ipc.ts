// Electron side of the IPC door: bindContract (ipc-binding.ts) on the real ipcMain, with the
// sender check for our one window, and import progress pushed to it.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IMPORT_PROGRESS_CHANNEL, type ImportProgress } from '../../shared/contract';
import { bindContract, type ContractCaller } from './ipc-binding';
import { isAppPageUrl, type AppSource } from './security';

export { bindContract, channelFor, OPERATION_NAMES } from './ipc-binding';

/**
 * Only the top frame of our own window, showing our own page, may call the service: not another
 * window, not a sub-frame, not a page it was navigated to (navigation is denied anyway).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, app: AppSource): boolean {
  if (!win || win.isDestroyed()) return false;
  if (event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppPageUrl(frame.url, app);
}

export function bindIpc(service: ContractCaller, getWindow: () => BrowserWindow | null, app: AppSource): () => void {
  return bindContract<IpcMainInvokeEvent>(ipcMain, service, (event) => isTrustedSender(event, getWindow(), app), {
    onInternalError: (name, e) => console.error(`[footprint] ${name} failed:`, e),
  });
}

export function sendImportProgress(win: BrowserWindow | null, p: ImportProgress): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IMPORT_PROGRESS_CHANNEL, p);
}
