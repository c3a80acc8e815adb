// The desktop app's main process: lifecycle, one hardened window, the service behind IPC.
// Everything the window can do goes through the contract (ipc.ts) and, before the database is
// open, the unlock door (unlock.ts); imports run in a worker thread.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createService, type Service } from '../service';
import { toApiError } from '../service/errors';
import { pickLang, translator } from '../../shared/i18n';
import { resolveImportWorkerEntry, workerImportRunner } from '../import/worker-import';
import { defaultDbPath } from '../service/data-location';
import type { AppSource } from './security';
import { bindIpc, isTrustedSender, sendImportProgress } from './ipc';
import { bindUnlock } from './ipc-binding';
import { createMainWindow, hardenSession, hardenWebContents, registerAppScheme } from './window';
import { approveChosen, createApprovedPaths } from './approved-paths';
import { buildMenu } from './menu';
import { deviceKeyStore } from './keychain';
import { createUnlockGate, decideStartup, filePreferences, PREFERENCES_FILE, serviceSecret } from '../vault/unlock';

// Every renderer sandboxed, whatever a window's options say. Must run before `ready`.
app.enableSandbox();
// The page comes from app://footprint/, not file:// (window.ts). Also only before `ready`.
registerAppScheme();

const devTools = !app.isPackaged;
// The dev server URL is honoured only in an unpackaged run (electron-vite dev).
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const here = import.meta.dirname; // out/main
const appSource: AppSource = devUrl ? { kind: 'dev', url: devUrl } : { kind: 'app', rendererDir: join(here, '../renderer') };
// Paths the user chose in the dialog or dropped on the window this session: the only ones the
// window may import or diagnose (approved-paths.ts).
const approvedPaths = createApprovedPaths();

let mainWindow: BrowserWindow | null = null;
let service: Service | null = null;

/** The bundled sample: resources/sample (unpacked next to the app when packaged). */
function samplePath(): string | undefined {
  const dir = app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'resources', 'sample');
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return dir;
  const exports = readdirSync(dir).filter((f) => /\.(zip|json|txt)$/i.test(f));
  return exports.length === 1 ? join(dir, exports[0]!) : dir;
}

/** The native dialogs speak the OS's language, as the menu does (the catalog's shell.* keys). */
const shellWords = () => translator(pickLang(app.getPreferredSystemLanguages()));

const chooseExport = approveChosen(approvedPaths, async (kind: 'file' | 'folder'): Promise<string | null> => {
  const tr = shellWords();
  const options: Electron.OpenDialogOptions = {
    title: tr.t(kind === 'folder' ? 'shell.dialog.openFolder' : 'shell.dialog.openFile'),
    properties: kind === 'folder' ? ['openDirectory'] : ['openFile'],
    filters: kind === 'folder' ? [] : [{ name: tr.t('shell.dialog.exportFilter'), extensions: ['zip', 'json', 'txt'] }],
  };
  const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
});

// The Save dialog for exporting a table view: the chosen path is approved for writing only
// (approved-paths.ts), and the dialog itself asks before replacing a file, so the window may then
// pass replace: 'yes'. The suggested name is only a name: no folder the page could point at.
const chooseSavePath = approveChosen(
  approvedPaths,
  async (suggestedName: string, format: 'csv' | 'json'): Promise<string | null> => {
    const name = basename(suggestedName).replace(/[\\/:*?"<>|\x00-\x1f]/g, '_') || `footprint.${format}`;
    const options: Electron.SaveDialogOptions = {
      title: shellWords().t('shell.dialog.save'),
      defaultPath: join(app.getPath('documents'), name),
      filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  'save',
);

const linuxIcon = join(here, '../../resources/icons/png/512x512.png');

function openWindow(): void {
  mainWindow = createMainWindow({
    app: appSource,
    preload: join(here, '../preload/index.js'),
    devTools,
    statePath: join(app.getPath('userData'), 'window-state.json'),
    icon: process.platform === 'linux' && existsSync(linuxIcon) ? linuxIcon : undefined,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function start(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appSource, devTools));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(startApp).catch((e: unknown) => {
    // e.g. a database from a newer version: say it in words, do not hang without a window
    const { code, params } = toApiError(e);
    const tr = translator(pickLang([app.getLocale()]));
    dialog.showErrorBox(tr.t('shell.startFailed'), tr.t(`error.${code}`, params));
    app.quit();
  });

  async function startApp(): Promise<void> {
    hardenSession(session.defaultSession, appSource, devTools);
    Menu.setApplicationMenu(buildMenu({ devTools, tr: translator(pickLang(app.getPreferredSystemLanguages())) }));

    const dbPath = defaultDbPath();
    const sample = samplePath();
    const onImportProgress = (p: Parameters<typeof sendImportProgress>[1]) => sendImportProgress(mainWindow, p);
    const deviceKeys = deviceKeyStore();
    const prefs = filePreferences(join(app.getPath('userData'), PREFERENCES_FILE));
    // Encryption at rest: open with the OS-kept device key when there is one (see keychain.ts and
    // unlock.ts); otherwise the window opens on the Unlock screen (a passphrase database, or a key
    // the keychain no longer has) or on the "no secure keychain here" choice (Linux basic_text).
    const startup = await decideStartup(dbPath, deviceKeys, prefs);
    const runner = workerImportRunner({ entry: resolveImportWorkerEntry(here) });
    const gate = createUnlockGate<Service>({
      dbPath,
      startup,
      prefs,
      keychainAvailable: (await deviceKeys.availability()).available,
      open: (secret) =>
        createService({ dbPath, ...serviceSecret(secret), deviceKeys, samplePath: sample, chooseExport, chooseSavePath, mainDir: here, runner, onImportProgress }),
      onReady: (s) => {
        service = s;
      },
    });
    // Both doors exist before the service does: the contract answers DB_LOCKED until it is unlocked.
    const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, mainWindow, appSource);
    bindUnlock<IpcMainInvokeEvent>(ipcMain, gate, trusted, { onInternalError: (channel, e) => console.error(`[footprint] ${channel} failed:`, e) });
    bindIpc(gate, () => mainWindow, appSource, approvedPaths);

    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !service) return;
    closing = true;
    event.preventDefault();
    const s = service;
    service = null;
    void s
      .stopImports()
      .catch(() => undefined)
      .finally(() => {
        try {
          s.close();
        } finally {
          app.quit();
        }
      });
  });
}

if (!app.requestSingleInstanceLock()) app.quit();
else start();
