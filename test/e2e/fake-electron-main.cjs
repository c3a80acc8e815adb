// Runs the BUILT main process (out/main/index.js) in plain Node with a stand-in for the 'electron'
// module, drives it like Electron would (ready, a window, IPC from the page, quit) and prints what
// it saw as JSON. Electron itself cannot be downloaded where the tests run; this checks the wiring
// of the real bundle: hardening, the app:// scheme and its handler, window options, IPC binding,
// sender check and path approvals, the import worker entry next to index.js, progress events, shutdown.
// Usage: node fake-electron-main.cjs <outDir> <workDir> <exportPath> <app|dev|packaged>
//   app: unpackaged, no dev server (the page from app://); dev: ELECTRON_RENDERER_URL set; packaged: app.isPackaged with
//   ELECTRON_RENDERER_URL set (which must then be ignored).
// Environment: FAKE_KEYCHAIN=1: safeStorage has a working OS keychain (default: Linux basic_text,
//   none); FAKE_PASSPHRASE=<p>: the passphrase of an existing encrypted database, typed into the
//   Unlock screen (after a wrong one).
'use strict';
const Module = require('node:module');
const { join } = require('node:path');
const { EventEmitter } = require('node:events');

const [outDir, workDir, exportPath, mode = 'app'] = process.argv.slice(2);
const packaged = mode === 'packaged';
const seen = { calls: [], windows: [], menus: 0, errors: [] };
const log = (what, detail) => seen.calls.push(detail === undefined ? what : [what, detail]);

let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
let readyFired = false;

class FakeEmitter extends EventEmitter {}

const app = new FakeEmitter();
Object.assign(app, {
  isPackaged: packaged,
  enableSandbox: () => log('enableSandbox', { beforeReady: !readyFired }),
  requestSingleInstanceLock: () => (log('requestSingleInstanceLock'), true),
  quit: () => {
    log('quit');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    app.emit('before-quit', event);
    if (!event.defaultPrevented) app.emit('quit-done');
  },
  whenReady: () => ready,
  getPath: (name) => join(workDir, name),
  getAppPath: () => join(outDir, '..'),
  getName: () => 'Footprint',
  getPreferredSystemLanguages: () => ['en-US'],
});

function makeWebContents(kind) {
  const wc = new FakeEmitter();
  wc.kind = kind;
  wc.sent = [];
  wc.mainFrame = { url: '', parent: null };
  wc.send = (channel, payload) => wc.sent.push([channel, payload]);
  wc.isDestroyed = () => false;
  wc.closeDevTools = () => log('closeDevTools');
  wc.setWindowOpenHandler = (h) => (wc.windowOpenHandler = h);
  return wc;
}

const windows = [];
class BrowserWindow extends FakeEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = makeWebContents('window');
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  loadFile(file) {
    this.loaded = { file };
    this.webContents.mainFrame.url = require('node:url').pathToFileURL(file).href;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = { url };
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  show() {
    this.shown = true;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

const sessionEvents = new FakeEmitter();
const defaultSession = {
  handlers: {},
  setPermissionRequestHandler: (h) => (defaultSession.handlers.permissionRequest = h),
  setPermissionCheckHandler: (h) => (defaultSession.handlers.permissionCheck = h),
  setDevicePermissionHandler: (h) => (defaultSession.handlers.devicePermission = h),
  setDisplayMediaRequestHandler: (h) => (defaultSession.handlers.displayMedia = h),
  setSpellCheckerEnabled: (v) => log('setSpellCheckerEnabled', v),
  on: (e, h) => sessionEvents.on(e, h),
  protocol: {
    handle: (scheme, h) => {
      log('protocol.handle', { scheme, beforeReady: !readyFired });
      defaultSession.handlers.protocol = { scheme, handler: h };
    },
  },
  webRequest: {
    onBeforeRequest: (h) => (defaultSession.handlers.beforeRequest = h),
    onHeadersReceived: (h) => (defaultSession.handlers.headersReceived = h),
  },
};

const ipcHandlers = new Map();
const electron = {
  app,
  BrowserWindow,
  session: { defaultSession },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => log('registerSchemesAsPrivileged', { schemes, beforeReady: !readyFired }),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openExternal: async (url) => log('openExternal', url) },
  Menu: { buildFromTemplate: (t) => ({ template: t }), setApplicationMenu: () => void seen.menus++ },
  dialog: {
    showOpenDialog: async () => ({ canceled: false, filePaths: [exportPath] }),
    showErrorBox: (title, message) => seen.errors.push([title, message]),
  },
  ipcMain: {
    handle: (channel, h) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, h);
    },
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  safeStorage: process.env.FAKE_KEYCHAIN === '1' ? fakeKeychain() : {
    isEncryptionAvailable: () => false,
    isAsyncEncryptionAvailable: async () => false,
    getSelectedStorageBackend: () => 'basic_text',
  },
};

/** A working safeStorage: AES-GCM under an in-memory "OS" key. */
function fakeKeychain() {
  const crypto = require('node:crypto');
  const osKey = crypto.randomBytes(32);
  const enc = (text) => {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', osKey, iv);
    const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from('v10'), iv, c.getAuthTag(), body]);
  };
  const dec = (buf) => {
    const d = crypto.createDecipheriv('aes-256-gcm', osKey, buf.subarray(3, 15));
    d.setAuthTag(buf.subarray(15, 31));
    return Buffer.concat([d.update(buf.subarray(31)), d.final()]).toString('utf8');
  };
  return {
    isEncryptionAvailable: () => true,
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (t) => enc(t),
    decryptStringAsync: async (b) => ({ result: dec(b), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => (process.platform === 'linux' ? 'gnome_libsecret' : 'unknown'),
  };
}

const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron' || request.startsWith('electron/')) return electron;
  return originalLoad.call(this, request, parent, isMain);
};

process.env.FOOTPRINT_DB = join(workDir, 'footprint.db');
process.resourcesPath = join(workDir, 'resources'); // Electron sets it; a packaged app reads the sample there
if (mode === 'dev' || mode === 'packaged') process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'; // ignored when packaged
else delete process.env.ELECTRON_RENDERER_URL;

async function main() {
  require(join(outDir, 'main', 'index.js'));
  readyFired = true;
  readyResolve();
  // let startApp run (unlock, service, IPC, window)
  for (let i = 0; i < 50 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const win = windows[0];
  if (!win) throw new Error(`no window was created; errors: ${JSON.stringify(seen.errors)}`);
  await new Promise((r) => setTimeout(r, 20));

  const result = {
    packaged,
    calls: seen.calls,
    webPreferences: win.options.webPreferences,
    loaded: win.loaded,
    shown: !!win.shown,
    menus: seen.menus,
    channels: [...ipcHandlers.keys()].sort(),
  };

  // session policy
  const h = defaultSession.handlers;
  const permission = await new Promise((r) => h.permissionRequest(win.webContents, 'media', r, {}));
  const check = h.permissionCheck(win.webContents, 'geolocation', 'file://', {});
  const device = h.devicePermission({});
  const request = (url) => new Promise((r) => h.beforeRequest({ url }, r));
  const ownFile = win.webContents.mainFrame.url;
  const headers = await new Promise((r) => h.headersReceived({ url: ownFile, responseHeaders: { 'content-security-policy': ['default-src *'] } }, r));
  let downloadPrevented = false;
  sessionEvents.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
  result.session = {
    permission,
    check,
    device,
    remote: await request('https://www.tiktok.com/'),
    local: await request(ownFile),
    elsewhere: await request('file:///etc/passwd'),
    rendererFile: await request(require('node:url').pathToFileURL(join(outDir, 'renderer', 'index.html')).href),
    devServer: await request('http://localhost:5173/src/main.ts'),
    headers: headers.responseHeaders,
    downloadPrevented,
  };

  // the app:// handler (a real Request, as Electron passes it), when the page is served by it
  if (h.protocol) {
    const serve = async (url) => {
      const r = await h.protocol.handler(new Request(url));
      return { status: r.status, type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), bytes: (await r.arrayBuffer()).byteLength };
    };
    result.protocol = {
      scheme: h.protocol.scheme,
      page: await serve(ownFile),
      traversal: await serve('app://footprint/../main/index.js'),
      encoded: await serve('app://footprint/%2e%2e/main/index.js'),
      malformed: await serve('app://footprint/%E0%A4%A'),
    };
  }

  // web contents policy
  const wc = win.webContents;
  const evt = () => ({ prevented: false, preventDefault() { this.prevented = true; } });
  const nav = evt();
  wc.emit('will-navigate', nav, 'https://evil.example/');
  const webview = evt();
  wc.emit('will-attach-webview', webview, {}, {});
  const frameNav = Object.assign(evt(), { url: 'https://evil.example/' });
  wc.emit('will-frame-navigate', frameNav);
  const malformedNav = Object.assign(evt(), { url: `${ownFile.replace(/index\.html$/, '')}%E0%A4%A` });
  wc.emit('will-frame-navigate', malformedNav);
  const ownNav = Object.assign(evt(), { url: ownFile });
  wc.emit('will-frame-navigate', ownNav);
  const before = seen.calls.length;
  const openAllowed = wc.windowOpenHandler({ url: 'https://support.tiktok.com/en/account-and-privacy/personalized-ads-and-data/requesting-your-data' });
  const openOther = wc.windowOpenHandler({ url: 'https://evil.example/' });
  await new Promise((r) => setTimeout(r, 10));
  result.contents = {
    navigationPrevented: nav.prevented,
    webviewPrevented: webview.prevented,
    frameNavigationPrevented: frameNav.prevented,
    malformedNavigationPrevented: malformedNav.prevented,
    ownNavigationPrevented: ownNav.prevented,
    windowOpen: [openAllowed, openOther],
    opened: seen.calls.slice(before).filter((c) => Array.isArray(c) && c[0] === 'openExternal').map((c) => c[1]),
  };

  // IPC as the page would send it
  const own = { sender: wc, senderFrame: { url: ownFile, parent: null } };
  const foreign = { sender: makeWebContents('other'), senderFrame: { url: ownFile, parent: null } };
  const subframe = { sender: wc, senderFrame: { url: ownFile, parent: {} } };
  const invoke = (event, op, input) => ipcHandlers.get(`fp:${op}`)(event, input);
  const unlockInvoke = (event, channel, ...args) => ipcHandlers.get(`unlock:${channel}`)(event, ...args);

  // the unlock door, before the service may exist: what the renderer asks first
  const first = await unlockInvoke(own, 'status', {});
  result.unlock = {
    first: first.ok ? first.value : first,
    foreign: await unlockInvoke(foreign, 'status', {}),
    badInput: await unlockInvoke(own, 'submit', { action: 'open' }),
    lockedCall: await invoke(own, 'listSnapshots', {}),
  };
  if (first.ok && first.value.state === 'passphrase-suggested') {
    result.unlock.submitted = await unlockInvoke(own, 'submit', { action: 'skip' });
  } else if (first.ok && first.value.state === 'passphrase-needed') {
    const t1 = Date.now();
    result.unlock.wrong = await unlockInvoke(own, 'submit', { action: 'unlock', passphrase: 'not the passphrase' });
    result.unlock.wrongDelayMs = Date.now() - t1;
    result.unlock.submitted = await unlockInvoke(own, 'submit', { action: 'unlock', passphrase: process.env.FAKE_PASSPHRASE || '' });
  }
  const prefsFile = join(workDir, 'userData', 'preferences.json');
  result.unlock.preferences = require('node:fs').existsSync(prefsFile) ? JSON.parse(require('node:fs').readFileSync(prefsFile, 'utf8')) : null;

  result.ipc = {
    listSnapshots: await invoke(own, 'listSnapshots', {}),
    foreign: await invoke(foreign, 'listSnapshots', {}),
    subframe: await invoke(subframe, 'listSnapshots', {}),
    bad: await invoke(own, 'getSnapshot', { id: 'x' }),
    // not chosen in the dialog nor dropped (yet): refused at the door
    unapproved: await invoke(own, 'importExport', { path: exportPath }),
    choose: await invoke(own, 'chooseExport', { kind: 'file' }),
  };
  // a drop, as the preload's pathForFile registers it: approved, so the service answers (NOT_FOUND)
  const dropped = join(workDir, 'dropped', 'TikTok_Data.zip');
  result.ipc.drop = {
    before: await invoke(own, 'diagnoseExport', { path: dropped }),
    foreign: await ipcHandlers.get('path:approve')(foreign, dropped),
    approve: await ipcHandlers.get('path:approve')(own, dropped),
    after: await invoke(own, 'diagnoseExport', { path: dropped }),
  };
  const t0 = Date.now();
  const imported = await invoke(own, 'importExport', { path: exportPath });
  result.ipc.import = imported.ok
    ? { ok: true, snapshot: imported.value.snapshot.id, datasets: Object.keys(imported.value.datasets).sort(), ms: Date.now() - t0 }
    : imported;
  result.progress = wc.sent.filter(([c]) => c === 'import:progress').map(([, p]) => p.phase);
  result.ipc.afterImport = (await invoke(own, 'listSnapshots', {})).value.length;
  result.ipc.encryption = await invoke(own, 'encryptionStatus', {});

  // shutdown: closes the database and quits
  let quitDone = false;
  app.once('quit-done', () => (quitDone = true));
  app.quit();
  for (let i = 0; i < 100 && !quitDone; i++) await new Promise((r) => setTimeout(r, 20));
  result.quit = quitDone;
  result.windowState = require('node:fs').existsSync(join(workDir, 'userData', 'window-state.json'));
  win.emit('close');
  result.windowStateAfterClose = require('node:fs').existsSync(join(workDir, 'userData', 'window-state.json'));
  result.errors = seen.errors;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ crashed: String(e && e.stack ? e.stack : e), errors: seen.errors })}\n`);
  process.exitCode = 1;
});
