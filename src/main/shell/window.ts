// The main window and the hardening every web contents and the session get: sandboxed, isolated,
// no navigation, no new windows, no webviews, no permissions, no downloads, no request that is not
// the app's own, CSP on every response; only allow-listed https links open (in the browser).
// Every callback denies first or denies when its check throws (allowOnly): a malformed URL never
// gets past a parse error before preventDefault.
import { BrowserWindow, protocol, screen, shell, type Session, type WebContents } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { APP_SCHEME, appProtocolHandler } from './app-protocol';
import {
  allowedExternalUrl,
  allowOnly,
  appEntryUrl,
  contentSecurityPolicy,
  isAllowedRequest,
  isAppPageUrl,
  MIN_WINDOW,
  restoreWindowState,
  type AppSource,
  type WindowState,
} from './security';

export interface MainWindowOptions {
  app: AppSource;
  preload: string;
  devTools: boolean;
  /** JSON file remembering size and position */
  statePath: string;
  icon?: string;
}

function readState(file: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    raw = undefined;
  }
  return restoreWindowState(
    raw,
    screen.getAllDisplays().map((d) => d.workArea),
  );
}

function writeState(file: string, win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  const b = win.getNormalBounds();
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    /* losing the window position is not worth an error */
  }
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const state = readState(opts.statePath);
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title: 'Footprint',
    backgroundColor: '#f6f5f2',
    icon: opts.icon,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick', // middle-click would only try to open windows (all denied anyway)
      devTools: opts.devTools,
    },
  });

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeState(opts.statePath, win), 500);
  };
  win.on('resized', saveSoon);
  win.on('moved', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    writeState(opts.statePath, win);
  });

  // app://footprint/index.html (served by hardenSession's app:// handler), or the dev server
  void win.loadURL(opts.app.kind === 'dev' ? opts.app.url : appEntryUrl(opts.app));
  return win;
}

/**
 * app:// as a standard, secure origin, so the page is not file:// (the GrantFileProtocolExtraPrivileges
 * fuse is off) and 'self' in the CSP means the app alone; fetch() of its own files works (connect-src
 * 'self'). No bypassCSP, no service workers. corsEnabled: the bundle's `<script type="module"
 * crossorigin>` chunks are fetched in CORS mode, and Chromium refuses CORS-mode loads from schemes it
 * does not list as CORS-enabled, which leaves a blank window; the scheme serves only the app's own
 * files (no user data) and no other origin is ever loaded, so this opens nothing to anyone.
 * Electron allows this once, before `ready`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

function openIfAllowed(url: string): void {
  let safe: string | null;
  try {
    safe = allowedExternalUrl(url);
  } catch {
    return; // a URL that breaks the parser opens nothing
  }
  if (safe) void shell.openExternal(safe);
}

/** For every web contents the app ever creates (windows, devtools): no way out. */
export function hardenWebContents(contents: WebContents, app: AppSource, devTools: boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!allowOnly(() => isAppPageUrl(event.url, app))) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** The session's share of the policy, and the app:// handler that serves the page. */
export function hardenSession(ses: Session, app: AppSource, devTools: boolean): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.setSpellCheckerEnabled(false);
  ses.on('will-download', (event) => event.preventDefault());

  const csp = contentSecurityPolicy(app.kind === 'dev' ? { dev: app.url } : {});
  // the page and its files: only out/renderer, CSP on every response (app-protocol.ts)
  if (app.kind === 'app') ses.protocol.handle(APP_SCHEME, appProtocolHandler({ rendererDir: app.rendererDir, csp }));

  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = allowOnly(() => isAllowedRequest(details.url, app, { devTools }));
    if (!allowed) console.warn(`[footprint] blocked request to ${String(details.url).slice(0, 200)}`);
    callback({ cancel: !allowed });
  });

  ses.webRequest.onHeadersReceived((details, callback) => {
    // the app's own responses only (DevTools' pages keep their own policy)
    let own: boolean;
    try {
      own = isAllowedRequest(details.url, app);
    } catch {
      callback({ cancel: true });
      return;
    }
    if (!own) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(details.responseHeaders ?? {})) {
      if (k.toLowerCase() !== 'content-security-policy') headers[k] = v;
    }
    headers['Content-Security-Policy'] = [csp];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
}
