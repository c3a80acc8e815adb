// End-to-end harness: the built renderer in Debian Chromium, talking to the REAL service.
//
// - builds the app with `electron-vite build --outDir <tmp>` (or uses FOOTPRINT_E2E_OUT=<dir> when
//   a build already exists, e.g. `out` after `npm run build`);
// - serves <out>/renderer from a tiny server on 127.0.0.1 that answers through the app's own app://
//   handler (src/main/shell/app-protocol.ts: same files, types and CSP header as in the app);
// - installs `window.footprint` with page.exposeFunction + page.addInitScript, forwarding every
//   operation through bindContract and the unlock channels through bindUnlock (the same code
//   ipcMain runs, against the same unlock gate as src/main/index.ts) to createService + the worker
//   import on a temporary SQLite file; paths are approved as in the app (approved-paths.ts): the
//   dialog's answer in "main", a dropped file's through pathForFile and the approval channel;
// - by default the archive opens at once (plain, no keychain); `startup` makes the harness decide
//   like the desktop app does (decideStartup) with a fake keychain or none (Linux basic_text), so
//   the window can start on the Unlock screen or the "no secure keychain" choice;
// - records every request of the browser context and aborts any that is not the local server.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { UNLOCK_CHANNELS, type ImportProgress } from '../../src/shared/contract';
import { createService, type Service } from '../../src/main/service';
import { resolveImportWorkerEntry, workerImportRunner } from '../../src/main/import/worker-import';
import { bindContract, bindUnlock, OPERATION_NAMES } from '../../src/main/shell/ipc-binding';
import { contentSecurityPolicy } from '../../src/main/shell/security';
import { APP_ORIGIN, appProtocolHandler } from '../../src/main/shell/app-protocol';
import { approveChosen, bindPathApproval, createApprovedPaths, PATH_APPROVAL_CHANNEL, requireApprovedPaths } from '../../src/main/shell/approved-paths';
import type { DeviceKeyStore, UnlockResult } from '../../src/main/vault/device-key';
import { createUnlockGate, decideStartup, filePreferences, PREFERENCES_FILE, serviceSecret, type UnlockGate } from '../../src/main/vault/unlock';
import { fakeKeyStore } from './fake-keychain';

// page.evaluate / addInitScript callbacks run in the browser; to Node's type-check these are opaque.
 
declare const window: any, document: any;

export const CHROMIUM = process.env.FOOTPRINT_CHROMIUM || '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  console.warn(`[e2e] SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium (or set FOOTPRINT_CHROMIUM).`);
}

/** Screenshots go to FOOTPRINT_E2E_SHOTS, or the OS temp folder, as <prefix><name>.png. */
export function screenshotter(prefix: string): (h: AppHarness, name: string) => Promise<Buffer> {
  const dir = process.env.FOOTPRINT_E2E_SHOTS || tmpdir();
  return (h, name) => {
    mkdirSync(dir, { recursive: true });
    return h.page.screenshot({ path: join(dir, `${prefix}${name}.png`), fullPage: false });
  };
}
export const ROOT = resolve(__dirname, '../..');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--no-pings',
];

/** Builds the app into a temporary folder (or reuses FOOTPRINT_E2E_OUT) and returns the out dir. */
export function buildApp(): { outDir: string; cleanup: () => void } {
  const given = process.env.FOOTPRINT_E2E_OUT;
  if (given) {
    const outDir = resolve(ROOT, given);
    if (!existsSync(join(outDir, 'renderer', 'index.html'))) throw new Error(`FOOTPRINT_E2E_OUT=${given} has no renderer/index.html; run npm run build`);
    return { outDir, cleanup: () => {} };
  }
  const outDir = mkdtempSync(join(tmpdir(), 'fp-e2e-build-'));
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`electron-vite build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { outDir, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** A server on 127.0.0.1 for one folder, answering as the app's app:// handler would. */
export async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const serve = appProtocolHandler({ rendererDir: resolve(dir), csp: contentSecurityPolicy() });
  const server = createServer((req, res) => {
    void serve(new Request(`${APP_ORIGIN}${req.url ?? '/'}`, { method: req.method })).then(async (r) => {
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export interface AppHarness {
  page: Page;
  context: BrowserContext;
  /** the service (throws while the archive is still locked) */
  readonly service: Service;
  /** the unlock gate in front of it */
  gate: UnlockGate<Service>;
  /** the device-key store (undefined: no keychain at all, as before encryption existed) */
  deviceKeys?: DeviceKeyStore;
  /** where the "continue without encryption" choice is kept */
  preferencesPath: string;
  origin: string;
  dbPath: string;
  /** every URL the browser context requested */
  requests: string[];
  /** requests that were not to the local server (aborted) */
  offending: () => string[];
  pageErrors: string[];
  consoleErrors: string[];
  progress: ImportProgress[];
  /** what the "Open export…" dialog answers next (a path, or null = dismissed) */
  setNextChoice(path: string | null): void;
  /** what the Save dialog (chooseSavePath) answers next (a path, or null = dismissed) */
  setNextSave(path: string | null): void;
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  rendererDir: string;
  workDir: string;
  samplePath?: string;
  /** File name → path, for pathForFile on dropped files */
  dropPaths?: Record<string, string>;
  colorScheme?: 'light' | 'dark';
  /** the OS keychain: none at all (default), a working one, or Linux's basic_text (no real keychain) */
  keychain?: 'none' | 'keychain' | 'basic_text';
  /** 'open' (default): the archive opens at once as it is; 'decide': like the desktop app (decideStartup) */
  startup?: 'open' | 'decide';
  /** delay after a wrong passphrase (default 0 ms) */
  failureDelay?: (failures: number) => number;
  /** the browser's (the OS's) locale, navigator.languages (default: Chromium's, en-US) */
  locale?: string;
  /** an existing archive file to open instead of a new <workDir>/footprint.db (the window bench's copy) */
  dbPath?: string;
  /** the address the window opens at, e.g. '#/search?q=' (default: none, Home) */
  hash?: string;
  /** told of every call the window makes as it starts; what it returns is called once the call is answered (the window bench times them) */
  onOperation?: (channel: string, input: unknown) => () => void;
  /** an answer held back until the promise settles (a slow service, in a test that needs one) */
  holdAnswer?: (channel: string) => Promise<void> | undefined;
}

let browser: Browser | undefined;

export async function launchApp(o: LaunchOptions): Promise<AppHarness> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const { server, origin } = await serveStatic(o.rendererDir);

  const dbPath = o.dbPath ?? join(o.workDir, 'footprint.db');
  let nextChoice: string | null = null;
  let nextSave: string | null = null;
  const approved = createApprovedPaths();
  const progress: ImportProgress[] = [];
  // assigned once the context exists; the progress callback above reads it before that
  // eslint-disable-next-line prefer-const
  let page: Page | undefined;
  const keychain = o.keychain ?? 'none';
  const deviceKeys = keychain === 'none' ? undefined : fakeKeyStore(join(o.workDir, 'userData', 'footprint.key'), keychain);
  const preferencesPath = join(o.workDir, 'userData', PREFERENCES_FILE);
  const prefs = filePreferences(preferencesPath);
  const startup: UnlockResult =
    o.startup === 'decide'
      ? await decideStartup(dbPath, deviceKeys ?? fakeKeyStore(join(o.workDir, 'userData', 'footprint.key'), 'basic_text'), prefs)
      : { status: 'ready', database: 'plaintext' };
  // the same gate as src/main/index.ts builds
  const gate = createUnlockGate<Service>({
    dbPath,
    startup,
    prefs,
    keychainAvailable: deviceKeys ? (await deviceKeys.availability()).available : false,
    failureDelay: o.failureDelay ?? (() => 0),
    open: (secret) =>
      createService({
        dbPath,
        ...serviceSecret(secret),
        deviceKeys,
        samplePath: o.samplePath,
        chooseExport: approveChosen(approved, async () => nextChoice),
        chooseSavePath: approveChosen(approved, async () => nextSave, 'save'),
        runner: workerImportRunner({ entry: resolveImportWorkerEntry(join(ROOT, 'src', 'main', 'import')) }),
        onImportProgress: (p) => {
          progress.push(p);
          void page?.evaluate((x) => (window as unknown as { __fpEmitProgress(p: unknown): void }).__fpEmitProgress(x), p).catch(() => undefined);
        },
      }),
  });

  // The same bindings ipcMain gets in the app, on a stand-in: channel → handler.
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipc = { handle: (c: string, h: (event: unknown, ...args: unknown[]) => unknown) => void handlers.set(c, h), removeHandler: (c: string) => void handlers.delete(c) };
  bindUnlock(ipc, gate, () => true);
  bindPathApproval(ipc, approved, () => true);
  bindContract(requireApprovedPaths(ipc, approved), gate, () => true);

  // reduced motion: the app then draws without animations, so screenshots show the finished state
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    colorScheme: o.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...(o.locale ? { locale: o.locale } : {}),
  });
  const requests: string[] = [];
  const isLocal = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
  context.on('request', (r) => void requests.push(r.url()));
  await context.route(
    () => true,
    (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')),
  );

  page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('websocket', (ws) => void requests.push(ws.url()));
  page.on('pageerror', (e) => void pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });

  await page.exposeFunction('__fpInvoke', async (channel: string, input: unknown) => {
    const h = handlers.get(channel);
    if (!h) return { ok: false, error: { code: 'BAD_INPUT', params: { field: channel, expected: 'absent' } } };
    await o.holdAnswer?.(channel);
    if (!o.onOperation) return h({}, input);
    const answered = o.onOperation(channel, input);
    try {
      return await h({}, input);
    } finally {
      answered();
    }
  });
  await page.addInitScript(
    ({ names, unlock, paths, approvalChannel }) => {
      const w = window as unknown as Record<string, unknown>;
      const listeners = new Set<(p: unknown) => void>();
      w.__fpEmitProgress = (p: unknown) => listeners.forEach((l) => l(p));
      const invoke = w.__fpInvoke as (channel: string, input: unknown) => Promise<unknown>;
      const bridge: Record<string, unknown> = {};
      let approvals: Promise<unknown> = Promise.resolve();
      for (const name of names) bridge[name] = (input?: unknown) => approvals.then(() => invoke(`fp:${name}`, input ?? {}));
      // as the preload does (src/preload/index.ts)
      bridge.unlockStatus = () => invoke(unlock.status, {});
      bridge.unlock = (input?: unknown) => invoke(unlock.submit, input ?? {});
      bridge.setEncryptionPreference = (input?: unknown) => invoke(unlock.preference, input ?? {});
      bridge.onImportProgress = (cb: (p: unknown) => void) => {
        listeners.add(cb);
        return () => listeners.delete(cb);
      };
      // as the preload does: a dropped file's path is approved before the next call goes out
      bridge.pathForFile = (file: File) => {
        const path = paths[file.name] ?? '';
        if (path) approvals = Promise.all([approvals, invoke(approvalChannel, path).catch(() => undefined)]);
        return path;
      };
      w.footprint = Object.freeze(bridge);
      const violations: string[] = [];
      w.__cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (e: any) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
    { names: OPERATION_NAMES as string[], unlock: UNLOCK_CHANNELS, paths: o.dropPaths ?? {}, approvalChannel: PATH_APPROVAL_CHANNEL },
  );
  await page.goto(`${origin}/index.html${o.hash ?? ''}`);

  return {
    page,
    context,
    get service() {
      if (!gate.service) throw new Error('the archive is still locked');
      return gate.service;
    },
    gate,
    deviceKeys,
    preferencesPath,
    origin,
    dbPath,
    requests,
    offending: () => requests.filter((u) => !isLocal(u)),
    pageErrors,
    consoleErrors,
    progress,
    setNextChoice: (p) => {
      nextChoice = p;
    },
    setNextSave: (p) => {
      nextSave = p;
    },
    cspViolations: () => page!.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    close: async () => {
      await context.close();
      const service = gate.service;
      if (service) {
        await service.stopImports();
        service.close();
      }
      await new Promise((r) => server.close(r));
    },
  };
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * The latest snapshot's page, reloaded so the window reads what the service imported behind its
 * back (an empty hash is Home); ready once its datasets table is there.
 */
export async function showOverview(h: AppHarness): Promise<void> {
  await h.page.evaluate(() => (document.defaultView.location.hash = '#/overview'));
  await h.page.reload();
  await h.page.locator('tr[data-dataset="watch_history"]').waitFor();
}

/** afterAll of a page test: the window, the browser, the build and the temp folder, whatever got made. */
export async function closeApp(o: { h?: AppHarness; build?: { cleanup(): void }; work?: string }): Promise<void> {
  await o.h?.close().catch(() => undefined);
  await closeBrowser();
  o.build?.cleanup();
  if (o.work) rmSync(o.work, { recursive: true, force: true });
}
