// What can be checked of the Electron app without Electron: the electron-vite build output and the
// electron-builder configuration. (Electron's binary cannot be downloaded where these tests run.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { runInNewContext } from 'node:vm';
import { IMPORT_PROGRESS_CHANNEL, OPERATIONS, UNLOCK_CHANNELS } from '../../src/shared/contract';
import { createService } from '../../src/main/service';
import { encryptDatabaseFile, isEncrypted } from '../../src/main/vault/file-encryption';
import { buildApp, ROOT } from './harness';
import { openExport } from '../../src/main/reader';
import { READER_WORKER_NAME, readOnThread } from '../../src/main/import/reader-thread';
import { findWorkerEntry } from '../../src/main/import/threads';
import { writeFixture } from './fixture';
import { APP_ENTRY_URL, appMimeType, appProtocolHandler } from '../../src/main/shell/app-protocol';
import { PATH_APPROVAL_CHANNEL } from '../../src/main/shell/approved-paths';
import { contentSecurityPolicy } from '../../src/main/shell/security';

let build: ReturnType<typeof buildApp>;
beforeAll(() => {
  build = buildApp();
}, 240_000);
afterAll(() => build?.cleanup());

describe('electron-vite build output', () => {
  it('has the main entry, the import and reader workers next to it, the preload and the renderer', () => {
    for (const f of ['main/index.js', 'main/import-worker.js', 'main/reader-worker.js', 'preload/index.js', 'renderer/index.html']) {
      expect(existsSync(join(build.outDir, f)), f).toBe(true);
    }
  });

  it('main and worker are CommonJS and keep the native module external', () => {
    for (const f of ['main/index.js', 'main/import-worker.js', 'main/reader-worker.js']) {
      const code = readFileSync(join(build.outDir, f), 'utf8');
      expect(code, f).not.toMatch(/^\s*(import|export)\s/m);
    }
    const main = readFileSync(join(build.outDir, 'main/index.js'), 'utf8');
    expect(main).toMatch(/require\("electron"\)/);
    // the worker entry is resolved next to index.js at run time
    expect(main).toMatch(/resolveImportWorkerEntry\(here\)/);
    const worker = readFileSync(join(build.outDir, 'main/import-worker.js'), 'utf8');
    expect(worker).not.toMatch(/require\("electron"\)/);
    // the native module stays a require() of the installed package (asarUnpack'ed when packaged)
    const dir = join(build.outDir, 'main');
    const all = [main, worker, ...readdirSync(join(dir, 'chunks')).map((f) => readFileSync(join(dir, 'chunks', f), 'utf8'))].join('\n');
    expect(all).toMatch(/require\("better-sqlite3-multiple-ciphers"\)/);
    expect(all).not.toMatch(/better_sqlite3\.node|bindings\(/);
  });

  it('the built reader thread reads a large export, found where the app looks for it (next to index.js)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-reader-'));
    try {
      const entry = findWorkerEntry(join(build.outDir, 'main'), READER_WORKER_NAME);
      expect(entry).toBe(join(build.outDir, 'main', 'reader-worker.js'));
      const opened = openExport(writeFixture(join(dir, 'x'), { watch: 3000, likes: 200, seed: 3 }));
      let records = 0;
      const { layout } = readOnThread(opened.content, entry!).read({ records: (b) => void (records += b.n), present: () => {}, value: () => {}, unknown: () => {}, warn: () => {} });
      expect(layout).toMatch(/^L\d$/);
      expect(records).toBeGreaterThanOrEqual(3200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the preload is one sandbox-compatible CommonJS file exposing every operation', async () => {
    const code = readFileSync(join(build.outDir, 'preload/index.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...new Set(code.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);

    // Run it the way a sandboxed preload runs: a bare context whose require only knows 'electron'.
    const exposed: Record<string, Record<string, (...a: unknown[]) => unknown>> = {};
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => void (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: null };
        },
        on: (channel: string, l: (...a: unknown[]) => void) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l),
        removeListener: (channel: string, l: (...a: unknown[]) => void) => void listeners.get(channel)?.delete(l),
      },
      webUtils: { getPathForFile: (f: { name: string }) => `/dropped/${f.name}` },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    runInNewContext(`(function (require) {\n${code}\n})`, {}, { filename: 'preload/index.js' })(sandboxRequire);

    const api = exposed.footprint!;
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(OPERATIONS), 'onImportProgress', 'pathForFile', 'unlockStatus', 'unlock', 'setEncryptionPreference'].sort(),
    );
    await api.listRecords!({ dataset: 'likes' });
    await api.listSnapshots!();
    await api.unlockStatus!('ignored', 'too');
    await api.unlock!({ action: 'unlock', passphrase: 'p' }, 'extra');
    await api.setEncryptionPreference!({ encryption: 'declined' });
    expect(invoked).toEqual([
      ['fp:listRecords', { dataset: 'likes' }],
      ['fp:listSnapshots', {}],
      ['unlock:status', {}],
      ['unlock:submit', { action: 'unlock', passphrase: 'p' }],
      ['unlock:preference', { encryption: 'declined' }],
    ]);
    const got: unknown[] = [];
    const off = api.onImportProgress!((p: unknown) => got.push(p)) as () => void;
    for (const l of listeners.get(IMPORT_PROGRESS_CHANNEL) ?? []) l({}, { phase: 'writing', records: 5 });
    off();
    expect(listeners.get(IMPORT_PROGRESS_CHANNEL)?.size).toBe(0);
    expect(got).toEqual([{ phase: 'writing', records: 5 }]);
    // a dropped file: its path is registered with main (approved-paths.ts) before the next call goes out
    invoked.length = 0;
    expect(api.pathForFile!({ name: 'x.zip' })).toBe('/dropped/x.zip');
    await api.importExport!({ path: '/dropped/x.zip' });
    expect(invoked).toEqual([
      [PATH_APPROVAL_CHANNEL, '/dropped/x.zip'],
      ['fp:importExport', { path: '/dropped/x.zip' }],
    ]);
    // a File the page built has no path: nothing to approve
    electron.webUtils.getPathForFile = () => '';
    invoked.length = 0;
    expect(api.pathForFile!({ name: 'made-up.zip' })).toBe('');
    expect(invoked).toEqual([]);
  });

  it('every file of the built renderer is served by the app:// handler with a known type', async () => {
    const dir = join(build.outDir, 'renderer');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(2);
    const csp = contentSecurityPolicy();
    const serve = appProtocolHandler({ rendererDir: dir, csp });
    for (const file of files) {
      const url = `app://footprint/${relative(dir, file).split(sep).map(encodeURIComponent).join('/')}`;
      const r = await serve(new Request(url));
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toBe(appMimeType(file));
      expect(r.headers.get('content-security-policy'), url).toBe(csp);
      expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(file)), url).toBe(true);
    }
    // the page's own references resolve to files the handler serves
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, APP_ENTRY_URL).href);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect((await serve(new Request(ref))).status, ref).toBe(200);
  });

  it('the renderer has the CSP meta tag first and loads nothing remote', () => {
    const html = readFileSync(join(build.outDir, 'renderer/index.html'), 'utf8');
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head.trimStart().slice('<head>'.length).trimStart()).toMatch(/^<meta http-equiv="Content-Security-Policy"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('the built main process, driven with a stand-in electron module', () => {
  let work: string;
  let fixture: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'fp-main-'));
    fixture = writeFixture(join(work, 'export'), { watch: 30, likes: 5 });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /**
   * keychain: the stand-in safeStorage has a working OS keychain (default: Linux basic_text, none);
   * passphrase: the database exists, encrypted with it, before the app starts.
   */
  const run = (mode: 'app' | 'dev' | 'packaged', o: { name?: string; keychain?: boolean; passphrase?: string } = {}) => {
    const dir = join(work, o.name ?? mode);
    mkdirSync(dir, { recursive: true });
    const r = spawnSync(process.execPath, [join(__dirname, 'fake-electron-main.cjs'), build.outDir, dir, fixture, mode], {
      encoding: 'utf8',
      timeout: 60_000,
      // the build may live outside the repository: let it find node_modules
      env: {
        ...process.env,
        NODE_PATH: join(ROOT, 'node_modules'),
        FAKE_KEYCHAIN: o.keychain ? '1' : '',
        FAKE_PASSPHRASE: o.passphrase ?? '',
      },
    });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`main process run failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(line);
  };

  it('hardens, opens one sandboxed window, binds IPC, imports in the built worker, quits cleanly', () => {
    const r = run('app');
    expect(r.errors).toEqual([]);
    expect(r.calls[0]).toEqual(['enableSandbox', { beforeReady: true }]);
    // app:// is registered before ready and served by the session once it is
    expect(r.calls).toContainEqual([
      'registerSchemesAsPrivileged',
      { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }], beforeReady: true },
    ]);
    expect(r.calls).toContainEqual(['protocol.handle', { scheme: 'app', beforeReady: false }]);
    expect(r.protocol).toMatchObject({
      scheme: 'app',
      page: { status: 200, type: 'text/html; charset=utf-8', csp: expect.stringMatching(/^default-src 'self'; script-src 'self';/) },
      traversal: { status: 404, bytes: 9 },
      encoded: { status: 404, bytes: 9 },
      malformed: { status: 404 },
    });
    expect(r.protocol.page.bytes).toBeGreaterThan(100);
    expect(r.calls).toContain('requestSingleInstanceLock');
    expect(r.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
      preload: join(build.outDir, 'preload', 'index.js'),
    });
    expect(r.loaded).toEqual({ url: 'app://footprint/index.html' });
    expect(r.shown).toBe(true);
    expect(r.menus).toBe(1);
    expect(r.channels).toEqual([...Object.keys(OPERATIONS).map((n) => `fp:${n}`), ...Object.values(UNLOCK_CHANNELS), PATH_APPROVAL_CHANNEL].sort());
    // Linux basic_text (the stand-in's safeStorage): a new archive gets a passphrase suggested; the
    // window opens, the contract answers DB_LOCKED until the choice is made; "continue" is remembered
    expect(r.unlock.first).toMatchObject({ state: 'passphrase-suggested', database: 'new', reason: 'basic_text', keychainAvailable: false });
    expect(r.unlock.foreign.error.code).toBe('FORBIDDEN');
    expect(r.unlock.badInput.error.code).toBe('BAD_INPUT');
    expect(r.unlock.lockedCall).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    expect(r.unlock.submitted).toMatchObject({ ok: true, value: { state: 'ready', encryptionPreference: 'declined' } });
    expect(r.unlock.preferences).toEqual({ encryption: 'declined' });
    expect(r.session).toMatchObject({
      permission: false,
      check: false,
      device: false,
      remote: { cancel: true },
      local: { cancel: false },
      elsewhere: { cancel: true },
      rendererFile: { cancel: true }, // file:// is not the app any more
      devServer: { cancel: true },
      downloadPrevented: true,
    });
    expect(r.session.headers['Content-Security-Policy']).toEqual([expect.stringMatching(/^default-src 'self'; script-src 'self'; style-src 'self';/)]);
    expect(Object.keys(r.session.headers).filter((k: string) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(r.contents).toEqual({
      navigationPrevented: true,
      webviewPrevented: true,
      frameNavigationPrevented: true,
      malformedNavigationPrevented: true,
      ownNavigationPrevented: false,
      windowOpen: [{ action: 'deny' }, { action: 'deny' }],
      opened: ['https://support.tiktok.com/en/account-and-privacy/personalized-ads-and-data/requesting-your-data'],
    });
    expect(r.ipc.listSnapshots).toEqual({ ok: true, value: [] });
    expect(r.ipc.foreign.error.code).toBe('FORBIDDEN');
    expect(r.ipc.subframe.error.code).toBe('FORBIDDEN');
    expect(r.ipc.bad.error.code).toBe('BAD_INPUT');
    // paths only as the user gave them: refused until the dialog chose it; a drop approves
    expect(r.ipc.unapproved.error.code).toBe('FORBIDDEN');
    expect(r.ipc.choose).toEqual({ ok: true, value: { path: fixture } });
    expect(r.ipc.drop.before.error.code).toBe('FORBIDDEN');
    expect(r.ipc.drop.foreign.error.code).toBe('FORBIDDEN');
    expect(r.ipc.drop.approve).toEqual({ ok: true, value: { approved: true } });
    expect(r.ipc.drop.after.error.code).toBe('NOT_FOUND');
    expect(r.ipc.import).toMatchObject({ ok: true, snapshot: 1 });
    expect(r.ipc.import.datasets).toEqual(expect.arrayContaining(['likes', 'watch_history']));
    expect(r.progress).toEqual(['reading', 'parsing', 'done']);
    expect(r.ipc.afterImport).toBe(1);
    expect(r.quit).toBe(true);
    expect(r.windowStateAfterClose).toBe(true);
  });

  it('a real keychain: the archive is created encrypted with a device key and opens without a prompt', () => {
    const r = run('app', { name: 'keychain', keychain: true });
    expect(r.errors).toEqual([]);
    expect(r.unlock.first).toMatchObject({ state: 'ready', keychainAvailable: true });
    expect(r.unlock.lockedCall.ok).toBe(true);
    expect(r.ipc.import).toMatchObject({ ok: true, snapshot: 1 });
    expect(r.ipc.encryption).toEqual({ ok: true, value: { encrypted: true, unlockedWith: 'key', deviceKeyAvailable: true } });
    expect(isEncrypted(join(work, 'keychain', 'footprint.db'))).toBe(true);
    expect(existsSync(join(work, 'keychain', 'userData', 'footprint.key'))).toBe(true);
    expect(r.quit).toBe(true);
  });

  it('a passphrase archive: the window opens on the Unlock screen; a wrong passphrase, then the right one', async () => {
    const dir = join(work, 'locked');
    mkdirSync(dir, { recursive: true });
    const s = createService({ dbPath: join(dir, 'footprint.db') });
    await s.importExport({ path: writeFixture(join(dir, 'earlier'), { watch: 20, likes: 3, seed: 5 }) });
    s.close();
    encryptDatabaseFile(join(dir, 'footprint.db'), { passphrase: 'the right passphrase' });

    const r = run('app', { name: 'locked', passphrase: 'the right passphrase' });
    expect(r.errors).toEqual([]); // no error box, no quit: the window asks
    expect(r.loaded).toEqual({ url: 'app://footprint/index.html' });
    expect(r.unlock.first).toMatchObject({ state: 'passphrase-needed', database: 'encrypted', reason: 'keychain-unavailable', failures: 0 });
    expect(r.unlock.lockedCall).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    expect(r.unlock.wrong).toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
    expect(r.unlock.wrongDelayMs).toBeGreaterThanOrEqual(200); // a short delay after a failure
    expect(r.unlock.submitted).toMatchObject({ ok: true, value: { state: 'ready', failures: 1 } });
    expect(r.ipc.listSnapshots).toMatchObject({ ok: true, value: [{ id: 1 }] });
    // the worker import opens the encrypted file with the key derived from the passphrase
    expect(r.ipc.import).toMatchObject({ ok: true, snapshot: 2 });
    expect(r.ipc.encryption).toEqual({ ok: true, value: { encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: false } });
    expect(isEncrypted(join(dir, 'footprint.db'))).toBe(true);
    expect(r.quit).toBe(true);
  });

  it('packaged: no devtools, and a dev-server URL in the environment is ignored', () => {
    const r = run('packaged');
    expect(r.errors).toEqual([]);
    expect(r.webPreferences.devTools).toBe(false);
    expect(r.loaded).toEqual({ url: 'app://footprint/index.html' });
    expect(r.protocol.page.status).toBe(200);
    expect(r.session.devServer).toEqual({ cancel: true });
    expect(r.ipc.import).toMatchObject({ ok: true, snapshot: 1 });
  });

  it('development: loads the dev server and allows only it', () => {
    const r = run('dev');
    expect(r.loaded).toEqual({ url: 'http://localhost:5173' });
    expect(r.session).toMatchObject({ devServer: { cancel: false }, remote: { cancel: true }, elsewhere: { cancel: true } });
    expect(r.protocol).toBeUndefined(); // the dev server serves the page; app:// has no handler
    expect(r.contents.ownNavigationPrevented).toBe(false);
    expect(r.ipc.listSnapshots.ok).toBe(true);
  });
});

describe('electron-builder.yml', () => {
   
  let config: Record<string, any>;
  beforeAll(async () => {
    // js-yaml and app-builder-lib come with electron-builder
    const { load } = (await import('js-yaml' as string)) as { load(text: string): unknown };
    config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as typeof config;
  });

  it('passes electron-builder\'s own schema', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js' as string);
    const { DebugLogger } = await import('builder-util' as string);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets the fuses and the targets', () => {
    expect(config.productName).toBe('Footprint');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // the page is app://, so file:// keeps no extra privileges
      grantFileProtocolExtraPrivileges: false,
    });
    // ... and the built main process really registers and serves app:// (not loadFile)
    const main = readFileSync(join(build.outDir, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/registerSchemesAsPrivileged\(/);
    expect(main).toMatch(/\.protocol\.handle\(/);
    expect(main).toContain('app://footprint');
    expect(main).not.toMatch(/\.loadFile\(/);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toContain('out/**/*');
    expect(config.win.target[0].target).toBe('nsis');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.target[0]).toEqual({ target: 'dmg', arch: ['x64', 'arm64'] });
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('points at icons that exist', () => {
    for (const f of [config.win.icon, config.mac.icon, join(config.linux.icon, '512x512.png'), 'resources/icons/png/16x16.png']) {
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
  });
});
