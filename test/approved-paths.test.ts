// The approval rules behind "the window imports only paths the user gave it"
// (src/main/shell/approved-paths.ts); the IPC door itself is in test/ipc.test.ts.
import { describe, expect, it } from 'vitest';
import { channelFor, FORBIDDEN, type IpcMainLike } from '../src/main/shell/ipc-binding';
import {
  approveChosen,
  createApprovedPaths,
  isApprovablePath,
  MAX_PATH_LENGTH,
  PATH_OPERATIONS,
  SAVE_PATH_OPERATIONS,
  requireApprovedPaths,
} from '../src/main/shell/approved-paths';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

function standIn(): IpcMainLike<unknown> & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return { handlers, handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
}

describe('createApprovedPaths', () => {
  it('approves absolute paths only, and knows exactly those strings', () => {
    const a = createApprovedPaths();
    expect(a.approve('/home/me/TikTok_Data.zip')).toBe(true);
    expect(a.has('/home/me/TikTok_Data.zip')).toBe(true);
    for (const near of ['/home/me/TikTok_Data.zip/', '/home/me/./TikTok_Data.zip', '/home/me/x/../TikTok_Data.zip', '/home/me/tiktok_data.zip', '/home/me']) {
      expect(a.has(near), near).toBe(false);
    }
    expect(a.has(undefined)).toBe(false);
    expect(a.has({ toString: () => '/home/me/TikTok_Data.zip' })).toBe(false);
    for (const bad of ['', 'relative.zip', './x.zip', '/tmp/a\0.zip', `/${'a'.repeat(MAX_PATH_LENGTH)}`, 7, null, ['/tmp/a.zip']]) {
      expect(isApprovablePath(bad)).toBe(false);
      expect(a.approve(bad)).toBe(false);
    }
    expect(a.size).toBe(1);
    expect(isApprovablePath(`/${'a'.repeat(MAX_PATH_LENGTH - 1)}`)).toBe(true);
  });

  it('forgets the oldest beyond its bound (a re-approved path counts as new)', () => {
    const a = createApprovedPaths(3);
    for (const p of ['/1', '/2', '/3']) a.approve(p);
    a.approve('/1');
    a.approve('/4');
    expect(['/1', '/2', '/3', '/4'].filter((p) => a.has(p))).toEqual(['/1', '/3', '/4']);
    expect(a.size).toBe(3);
  });
});

describe('approveChosen', () => {
  it('approves what the dialog answers, nothing when it is dismissed', async () => {
    const a = createApprovedPaths();
    let answer: string | null = null;
    const choose = approveChosen(a, async (kind: 'file' | 'folder') => (kind === 'folder' ? '/exports/unzipped' : answer));
    expect(await choose('file')).toBeNull();
    expect(a.size).toBe(0);
    answer = '/exports/TikTok_Data.zip';
    expect(await choose('file')).toBe('/exports/TikTok_Data.zip');
    expect(await choose('folder')).toBe('/exports/unzipped');
    expect(a.has('/exports/TikTok_Data.zip') && a.has('/exports/unzipped')).toBe(true);
  });
});

describe('requireApprovedPaths', () => {
  it('guards the path operations only and passes other channels through as they are', async () => {
    const ipc = standIn();
    const a = createApprovedPaths();
    const guarded = requireApprovedPaths(ipc, a);
    const seen: unknown[][] = [];
    const listener: Listener = (_e, ...args) => {
      seen.push(args);
      return { ok: true, value: 'ran' };
    };
    for (const c of ['fp:importExport', 'fp:diagnoseExport', 'fp:importSample', 'fp:listSnapshots']) guarded.handle(c, listener);
    expect(PATH_OPERATIONS.map(channelFor).sort()).toEqual(['fp:diagnoseExport', 'fp:importExport']);
    expect(ipc.handlers.get('fp:listSnapshots')).toBe(listener);
    expect(ipc.handlers.get('fp:importSample')).toBe(listener);
    expect(ipc.handlers.get('fp:importExport')).not.toBe(listener);

    expect(await ipc.handlers.get('fp:importExport')!({}, { path: '/x.zip' })).toEqual({ ok: false, error: FORBIDDEN });
    expect(await ipc.handlers.get('fp:diagnoseExport')!({}, { path: '/x.zip' })).toEqual({ ok: false, error: FORBIDDEN });
    expect(seen).toEqual([]);
    a.approve('/x.zip');
    expect(await ipc.handlers.get('fp:importExport')!({}, { path: '/x.zip' }, 'extra')).toEqual({ ok: true, value: 'ran' });
    // extra arguments still reach the contract's own one-argument check
    expect(seen).toEqual([[{ path: '/x.zip' }, 'extra']]);

    guarded.removeHandler('fp:importExport');
    expect(ipc.handlers.has('fp:importExport')).toBe(false);
  });

  it.each([
    ['exportView', { dataset: 'likes', format: 'csv' }],
    ['saveApps', {}],
  ] as const)('lets %s write only a path chosen in the Save dialog, never an opened one', async (name, rest) => {
    const ipc = standIn();
    const a = createApprovedPaths();
    const listener: Listener = () => ({ ok: true, value: 'ran' });
    requireApprovedPaths(ipc, a).handle(`fp:${name}`, listener);
    expect(SAVE_PATH_OPERATIONS.map(channelFor)).toEqual(['fp:exportView', 'fp:saveApps']);
    const exportTo = (path: string) => ipc.handlers.get(`fp:${name}`)!({}, { ...rest, path });
    a.approve('/opened.zip');
    expect(await exportTo('/opened.zip')).toEqual({ ok: false, error: FORBIDDEN });
    expect(await exportTo('/never-chosen.json')).toEqual({ ok: false, error: FORBIDDEN });
    await approveChosen(a, async () => '/saved.csv', 'save')();
    expect(await exportTo('/saved.csv')).toEqual({ ok: true, value: 'ran' });
    // and a saved path opens nothing
    expect(a.has('/saved.csv')).toBe(false);
    expect(a.has('/saved.csv', 'save')).toBe(true);
  });

  it('checks the path the service will read: the input is read once', async () => {
    const ipc = standIn();
    const a = createApprovedPaths();
    a.approve('/approved.zip');
    let got: unknown;
    requireApprovedPaths(ipc, a).handle('fp:importExport', (_e, input) => {
      got = (input as { path: string }).path;
      return { ok: true, value: null };
    });
    let reads = 0;
    const shifty = {
      get path() {
        return reads++ === 0 ? '/approved.zip' : '/etc/shadow';
      },
    };
    await ipc.handlers.get('fp:importExport')!({}, shifty);
    expect(got).toBe('/approved.zip');
  });
});
