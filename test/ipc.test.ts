// The IPC door without Electron: bindContract on a stand-in for ipcMain, a real service on a real
// SQLite file. Plus the main process's security policy (src/main/shell/security.ts), which decides who
// may call it, what the window may load and which links may open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IPC_CHANNEL_PREFIX, OPERATIONS, type ApiError, type Envelope } from '../src/shared/contract';
import { bindContract, channelFor, FORBIDDEN, OPERATION_NAMES, type IpcMainLike } from '../src/main/shell/ipc-binding';
import { createService, type Service } from '../src/main/service';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import {
  allowedExternalUrl,
  appEntryUrl,
  contentSecurityPolicy,
  DEFAULT_WINDOW,
  EXTERNAL_LINKS,
  isAllowedRequest,
  isAppPageUrl,
  restoreWindowState,
  type AppSource,
} from '../src/main/shell/security';
import { approveChosen, bindPathApproval, createApprovedPaths, PATH_APPROVAL_CHANNEL, requireApprovedPaths } from '../src/main/shell/approved-paths';
import { writeFixture } from './e2e/fixture';

type Event = { senderFrame: { url: string } | null };
type Handler = (event: Event, ...args: unknown[]) => Promise<Envelope<unknown>>;

class FakeIpcMain implements IpcMainLike<Event> {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener as Handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(event: Event, channel: string, ...args: unknown[]): Promise<Envelope<unknown>> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, ...args);
  }
}

const app: AppSource = { kind: 'app', rendererDir: '/opt/Footprint/resources/app.asar/out/renderer' };
const own: Event = { senderFrame: { url: appEntryUrl(app) } };
const stranger: Event = { senderFrame: { url: 'https://evil.example/index.html' } };
const trusted = (e: Event) => isAppPageUrl(e.senderFrame?.url, app);

let dir: string;
let fixture: string;
let service: Service;
let ipc: FakeIpcMain;
let unbind: () => void;
let chosen: string | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fp-ipc-'));
  fixture = writeFixture(join(dir, 'export'), { watch: 120, likes: 10 });
  service = createService({ dbPath: join(dir, 'footprint.db'), chooseExport: async () => chosen });
  ipc = new FakeIpcMain();
  unbind = bindContract(ipc, service, trusted);
});
afterAll(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bindContract', () => {
  it('binds every contract operation on fp:<name>, generically', () => {
    expect(OPERATION_NAMES).toEqual(Object.keys(OPERATIONS));
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(OPERATIONS).map((n) => `${IPC_CHANNEL_PREFIX}${n}`).sort());
    expect(channelFor('listSnapshots')).toBe('fp:listSnapshots');
  });

  it('answers envelopes from the real service', async () => {
    expect(await ipc.invoke(own, 'fp:listSnapshots', {})).toEqual({ ok: true, value: [] });
    const imported = await ipc.invoke(own, 'fp:importExport', { path: fixture });
    expect(imported.ok).toBe(true);
    const value = (imported as { value: { snapshot: { id: number }; datasets: Record<string, { records: number }> } }).value;
    expect(value.snapshot.id).toBe(1);
    expect(value.datasets.watch_history?.records).toBe(120);

    const page = await ipc.invoke(own, 'fp:listRecords', { dataset: 'watch_history', snapshotId: 1, offset: 100, limit: 50 });
    expect(page).toMatchObject({ ok: true, value: { total: 120 } });
    expect((page as { value: { rows: unknown[] } }).value.rows).toHaveLength(20);
    const overview = await ipc.invoke(own, 'fp:datasetOverview', {});
    expect((overview as { value: { id: string; records: number }[] }).value.find((d) => d.id === 'likes')?.records).toBe(10);
  });

  it('treats a missing argument as {}', async () => {
    expect(await ipc.invoke(own, 'fp:listSnapshots')).toMatchObject({ ok: true });
  });

  it('refuses senders that are not our page, before touching the service', async () => {
    const before = await service.listSnapshots({});
    const other = writeFixture(join(dir, 'other'), { watch: 5, seed: 9 });
    for (const event of [stranger, { senderFrame: null }, { senderFrame: { url: `${appEntryUrl(app)}?x=1` } }]) {
      expect(await ipc.invoke(event, 'fp:importExport', { path: other })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await ipc.invoke(event, 'fp:deleteSnapshot', { id: 1 })).toEqual({ ok: false, error: FORBIDDEN });
    }
    expect(await service.listSnapshots({})).toEqual(before);
  });

  it('refuses when the sender check itself throws', async () => {
    const local = new FakeIpcMain();
    bindContract(local, service, () => {
      throw new Error('boom');
    });
    expect(await local.invoke(own, 'fp:listSnapshots', {})).toEqual({ ok: false, error: FORBIDDEN });
  });

  it('validates input through the contract', async () => {
    const bad = async (channel: string, ...args: unknown[]) => {
      const r = await ipc.invoke(own, channel, ...args);
      expect(r.ok).toBe(false);
      return (r as { error: ApiError }).error;
    };
    expect(await bad('fp:listRecords', { dataset: 'not_a_dataset' })).toMatchObject({ code: 'BAD_INPUT' });
    expect(await bad('fp:listRecords', { dataset: 'likes', limit: 5000 })).toMatchObject({ code: 'BAD_INPUT' });
    expect(await bad('fp:getSnapshot', { id: '1' })).toEqual({ code: 'BAD_INPUT', params: { field: 'id', expected: 'integerMin', min: 1 } });
    expect(await bad('fp:importExport', { path: fixture, extra: true })).toEqual({ code: 'BAD_INPUT', params: { field: 'extra', expected: 'absent' } });
    expect(await bad('fp:importExport', 'just a string')).toEqual({ code: 'BAD_INPUT', params: { field: 'input', expected: 'object' } });
    expect(await bad('fp:listSnapshots', {}, {})).toEqual({ code: 'BAD_INPUT', params: { field: 'listSnapshots', expected: 'oneArgument' } });
    expect(await bad('fp:chooseExport', { kind: 'anything' })).toEqual({ code: 'BAD_INPUT', params: { field: 'kind', expected: 'oneOf', allowed: 'file, folder' } });
    // the value never comes back, only where and what was expected
    expect(JSON.stringify(await bad('fp:listRecords', { dataset: 'secret-value-here' }))).not.toContain('secret-value-here');
  });

  it('maps service failures to codes and plain parameters', async () => {
    const r = await ipc.invoke(own, 'fp:importExport', { path: join(dir, 'missing.zip') });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', params: { path: join(dir, 'missing.zip') } } });
    expect(await ipc.invoke(own, 'fp:getSnapshot', { id: 999 })).toEqual({ ok: true, value: null });
  });

  it('passes the dialog through chooseExport', async () => {
    chosen = '/home/me/TikTok_Data_1.zip';
    expect(await ipc.invoke(own, 'fp:chooseExport', { kind: 'file' })).toEqual({ ok: true, value: { path: chosen } });
    chosen = null;
    expect(await ipc.invoke(own, 'fp:chooseExport', {})).toEqual({ ok: true, value: { path: null } });
    const noDialog = createService({ dbPath: join(dir, 'cli.db') });
    const local = new FakeIpcMain();
    bindContract(local, noDialog, () => true);
    expect(await local.invoke(own, 'fp:chooseExport', {})).toEqual({ ok: false, error: { code: 'DESKTOP_ONLY', params: { operation: 'chooseExport' } } });
    noDialog.close();
  });

  it('reports unexpected failures to the log hook', async () => {
    const seen: string[] = [];
    const local = new FakeIpcMain();
    const broken = { call: async () => Promise.reject(new Error('disk on fire')) };
    bindContract(local, broken, () => true, { onInternalError: (name) => void seen.push(name) });
    expect(await local.invoke(own, 'fp:listSnapshots', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', params: { reason: 'disk on fire' } },
    });
    expect(seen).toEqual(['listSnapshots']);
  });

  it('runs imports in the worker when bound to the desktop service', async () => {
    const dbPath = join(dir, 'desktop.db');
    const desktop = createService({ dbPath, runner: workerImportRunner({ entry: resolveImportWorkerEntry(resolve(__dirname, '../src/main/import')) }) });
    const local = new FakeIpcMain();
    bindContract(local, desktop, trusted);
    try {
      const r = await local.invoke(own, 'fp:importExport', { path: fixture });
      expect(r).toMatchObject({ ok: true, value: { snapshot: { id: 1 }, alreadyImported: false } });
      expect(await local.invoke(own, 'fp:cancelImport', {})).toEqual({ ok: true, value: { cancelled: false } });
      expect(await local.invoke(own, 'fp:listSnapshots', {})).toMatchObject({ ok: true, value: [{ id: 1 }] });
      expect(await local.invoke(own, 'fp:importExport', { path: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    } finally {
      await desktop.stopImports();
      desktop.close();
    }
  });

  it('unbinds every handler', () => {
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('the window imports and diagnoses only paths the user gave it', () => {
  // as src/main/shell/ipc.ts binds it: the approval channel, and the contract behind requireApprovedPaths
  function door(o: { sample?: string } = {}) {
    const approved = createApprovedPaths();
    const dialog = { answer: null as string | null };
    const svc = createService({
      dbPath: join(dir, `door-${Math.random().toString(36).slice(2)}.db`),
      samplePath: o.sample,
      chooseExport: approveChosen(approved, async () => dialog.answer),
    });
    const local = new FakeIpcMain();
    bindPathApproval(local, approved, trusted);
    bindContract(requireApprovedPaths(local, approved), svc, trusted);
    return { approved, dialog, svc, local };
  }

  it('refuses a path nobody chose or dropped, before the service reads it', async () => {
    const { svc, local, approved } = door();
    try {
      const other = writeFixture(join(dir, 'unapproved'), { watch: 5, seed: 11 });
      expect(await local.invoke(own, 'fp:importExport', { path: other })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await local.invoke(own, 'fp:diagnoseExport', { path: other })).toEqual({ ok: false, error: FORBIDDEN });
      // nothing that merely resembles an approved path, and no input shape, gets through
      approved.approve(other);
      for (const input of [{ path: `${other}/` }, { path: `${dir}/unapproved/./user_data_tiktok.json` }, { path: `${dir}/x/../unapproved/user_data_tiktok.json` }, { path: other.toUpperCase() }, { path: [other] }, [other], other, null, undefined]) {
        expect(await local.invoke(own, 'fp:importExport', input), JSON.stringify(input)).toEqual({ ok: false, error: FORBIDDEN });
      }
      expect(await svc.listSnapshots({})).toEqual([]);
      // everything else is unchanged
      expect(await local.invoke(own, 'fp:listSnapshots', {})).toEqual({ ok: true, value: [] });
    } finally {
      svc.close();
    }
  });

  it('the dialog\'s answer is approved in main; a drop is approved over the approval channel', async () => {
    const { svc, local, dialog } = door();
    try {
      dialog.answer = fixture;
      expect(await local.invoke(own, 'fp:chooseExport', { kind: 'file' })).toEqual({ ok: true, value: { path: fixture } });
      expect(await local.invoke(own, 'fp:diagnoseExport', { path: fixture })).toMatchObject({ ok: true });
      expect(await local.invoke(own, 'fp:importExport', { path: fixture })).toMatchObject({ ok: true, value: { snapshot: { id: 1 } } });
      // approved, the input is still the contract's to validate
      expect(await local.invoke(own, 'fp:importExport', { path: fixture, extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      dialog.answer = null;
      expect(await local.invoke(own, 'fp:chooseExport', {})).toEqual({ ok: true, value: { path: null } });

      const dropped = writeFixture(join(dir, 'dropped'), { watch: 7, seed: 12 });
      expect(await local.invoke(own, 'fp:importExport', { path: dropped })).toEqual({ ok: false, error: FORBIDDEN });
      // another page cannot approve a path for our window
      expect(await local.invoke(stranger, PATH_APPROVAL_CHANNEL, dropped)).toEqual({ ok: false, error: FORBIDDEN });
      expect(await local.invoke(own, 'fp:importExport', { path: dropped })).toEqual({ ok: false, error: FORBIDDEN });
      // what the preload's pathForFile sends for a real dropped File
      expect(await local.invoke(own, PATH_APPROVAL_CHANNEL, dropped)).toEqual({ ok: true, value: { approved: true } });
      expect(await local.invoke(own, 'fp:importExport', { path: dropped })).toMatchObject({ ok: true, value: { snapshot: { id: 2 } } });
    } finally {
      svc.close();
    }
  });

  it('importSample needs no path and stays allowed', async () => {
    const { svc, local } = door({ sample: writeFixture(join(dir, 'sample'), { watch: 4, seed: 13 }) });
    try {
      expect(await local.invoke(own, 'fp:importSample', {})).toMatchObject({ ok: true, value: { snapshot: { id: 1 } } });
    } finally {
      svc.close();
    }
  });

  it('validates the approval channel like the contract\'s', async () => {
    const { svc, local, approved } = door();
    try {
      const bad = [
        [],
        [{}],
        [7],
        [''],
        ['relative/export.zip'],
        ['/tmp/x\0.zip'],
        [`/${'a'.repeat(5000)}`],
        ['/tmp/a.zip', '/tmp/b.zip'],
      ];
      for (const args of bad) {
        const r = await local.invoke(own, PATH_APPROVAL_CHANNEL, ...args);
        expect(r, JSON.stringify(args).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      }
      expect(approved.size).toBe(0);
      expect(await local.invoke({ senderFrame: null }, PATH_APPROVAL_CHANNEL, '/tmp/a.zip')).toEqual({ ok: false, error: FORBIDDEN });
      expect(approved.size).toBe(0);
    } finally {
      svc.close();
    }
  });

  it('approves as the message arrives, so the call the preload sends next finds it', () => {
    const { svc, local, approved } = door();
    try {
      void local.invoke(own, PATH_APPROVAL_CHANNEL, '/home/me/dropped.zip'); // not awaited
      expect(approved.has('/home/me/dropped.zip')).toBe(true);
    } finally {
      svc.close();
    }
  });
});

describe('security policy', () => {
  it('knows the app page exactly', () => {
    const entry = appEntryUrl(app);
    expect(entry).toBe('app://footprint/index.html');
    expect(isAppPageUrl(entry, app)).toBe(true);
    expect(isAppPageUrl(`${entry}#/snapshots`, app)).toBe(true);
    expect(isAppPageUrl(`${entry}?a=1`, app)).toBe(false);
    expect(isAppPageUrl('app://footprint/other.html', app)).toBe(false);
    expect(isAppPageUrl('app://footprint/', app)).toBe(false);
    expect(isAppPageUrl('app://evil/index.html', app)).toBe(false);
    expect(isAppPageUrl('app://user@footprint/index.html', app)).toBe(false);
    expect(isAppPageUrl('app://footprint:1/index.html', app)).toBe(false);
    // file:// is no longer the app, even the renderer folder's own index.html
    expect(isAppPageUrl('file:///opt/Footprint/resources/app.asar/out/renderer/index.html', app)).toBe(false);
    expect(isAppPageUrl('file:///tmp/index.html', app)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', app)).toBe(false);
    expect(isAppPageUrl('', app)).toBe(false);
    expect(isAppPageUrl('not a url', app)).toBe(false);

    const dev: AppSource = { kind: 'dev', url: 'http://localhost:5173' };
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/#/snapshots', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl('file:///tmp/index.html', dev)).toBe(false);
    expect(isAppPageUrl('app://footprint/index.html', dev)).toBe(false);
  });

  it('lets the window request only its own files', () => {
    const own = (p: string) => `app://footprint/${p}`;
    expect(isAllowedRequest(own('index.html'), app)).toBe(true);
    expect(isAllowedRequest(own('assets/index-abc.js'), app)).toBe(true);
    expect(isAllowedRequest(own('../main/index.js'), app)).toBe(false);
    expect(isAllowedRequest(own('%2e%2e/main/index.js'), app)).toBe(false);
    expect(isAllowedRequest(own('assets%2F..%2F..%2Fsecret.js'), app)).toBe(false);
    expect(isAllowedRequest('app://evil/index.html', app)).toBe(false);
    // no file:// at all: the page is app://, and the fuse that privileged file:// is off
    expect(isAllowedRequest('file:///opt/Footprint/resources/app.asar/out/renderer/index.html', app)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', app)).toBe(false);
    expect(isAllowedRequest('https://www.tiktok.com/', app)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', app)).toBe(false);
    expect(isAllowedRequest('wss://example.com/', app)).toBe(false);
    expect(isAllowedRequest('https://clients2.google.com/service/update2/crx', app)).toBe(false);
    expect(isAllowedRequest('data:image/png;base64,AAAA', app)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', app)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', app, { devTools: true })).toBe(true);

    const dev: AppSource = { kind: 'dev', url: 'http://localhost:5173/' };
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://cdn.example/x.js', dev)).toBe(false);
    expect(isAllowedRequest('app://footprint/index.html', dev)).toBe(false);
  });

  it('opens only the https links the app ships, after parsing', () => {
    for (const url of Object.values(EXTERNAL_LINKS)) expect(allowedExternalUrl(url)).toBe(url);
    const help = EXTERNAL_LINKS.requestData;
    expect(allowedExternalUrl(`${help}/`)).toBe(help);
    expect(allowedExternalUrl(`${help}#section`)).toBe(help);
    expect(allowedExternalUrl(help.replace('https:', 'http:'))).toBeNull();
    expect(allowedExternalUrl(`${help}?next=https://evil.example`)).toBeNull();
    expect(allowedExternalUrl(help.replace('support.tiktok.com', 'support.tiktok.com.evil.example'))).toBeNull();
    expect(allowedExternalUrl(help.replace('https://', 'https://user:pw@'))).toBeNull();
    expect(allowedExternalUrl(help.replace('support.tiktok.com', 'support.tiktok.com:8443'))).toBeNull();
    expect(allowedExternalUrl(`${help}-and-more`)).toBeNull();
    expect(allowedExternalUrl('https://support.tiktok.com/')).toBeNull();
    expect(allowedExternalUrl('file:///etc/passwd')).toBeNull();
    expect(allowedExternalUrl('javascript:alert(1)')).toBeNull();
    expect(allowedExternalUrl('not a url')).toBeNull();
  });

  it('has a strict CSP with no remote origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|ws:|\*|unsafe-eval/);
    expect(csp).not.toContain('unsafe-inline');
    const meta = contentSecurityPolicy({ meta: true });
    expect(meta).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ dev: 'http://localhost:5173' })).toContain('connect-src \'self\' ws://localhost:5173');
  });

  it('restores window state defensively', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreWindowState(undefined, screen)).toEqual(DEFAULT_WINDOW);
    expect(restoreWindowState('garbage', screen)).toEqual(DEFAULT_WINDOW);
    expect(restoreWindowState({ width: 'x', height: null, maximized: 'yes' }, screen)).toEqual(DEFAULT_WINDOW);
    expect(restoreWindowState({ x: 100, y: 80, width: 1000, height: 700, maximized: true }, screen)).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    });
    // a display that is gone: keep the size, let the OS place it
    expect(restoreWindowState({ x: 4000, y: 80, width: 1000, height: 700 }, screen)).toEqual({ width: 1000, height: 700, maximized: false });
    // absurd sizes are clamped
    expect(restoreWindowState({ width: 10, height: 1e9 }, screen)).toMatchObject({ width: 760, height: 10_000 });
  });
});
