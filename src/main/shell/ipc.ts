// Electron side of the IPC door: bindContract (ipc-binding.ts) on the real ipcMain, with the
// sender check for our one window, paths only as the user gave them (approved-paths.ts), and import
// progress pushed to it.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IMPORT_PROGRESS_CHANNEL, type ImportProgress } from '../../shared/contract';
import { bindContract, type ContractCaller } from './ipc-binding';
import { bindPathApproval, requireApprovedPaths, type ApprovedPaths } from './approved-paths';
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

/** The contract and the drop-approval channel; importExport / diagnoseExport take approved paths only. */
export function bindIpc(service: ContractCaller, getWindow: () => BrowserWindow | null, app: AppSource, approved: ApprovedPaths): () => void {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, getWindow(), app);
  const unbindApproval = bindPathApproval<IpcMainInvokeEvent>(ipcMain, approved, trusted, {
    onInternalError: (e) => console.error('[footprint] approvePath failed:', e),
  });
  const unbindContract = bindContract<IpcMainInvokeEvent>(requireApprovedPaths(ipcMain, approved), service, trusted, {
    onInternalError: (name, e) => console.error(`[footprint] ${name} failed:`, e),
  });
  return () => {
    unbindContract();
    unbindApproval();
  };
}

export function sendImportProgress(win: BrowserWindow | null, p: ImportProgress): void {
  if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IMPORT_PROGRESS_CHANNEL, p);
}
