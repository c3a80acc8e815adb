// Which paths the window may hand to importExport and diagnoseExport: only those the user gave it in
// this session, by choosing them in the native Open dialog (approved here in main, before the page
// sees the answer) or by dropping them on the window (the preload's pathForFile registers the path
// of a real dropped File on PATH_APPROVAL_CHANNEL). A page made to run script cannot name any other
// file: webUtils.getPathForFile gives no path for a File the page built itself.
// exportView and saveApps write a file: they take only a path the user chose in the native Save dialog, kept
// apart from the opened ones, so a page cannot overwrite an export the user opened to import.
// The check sits at the IPC door (requireApprovedPaths), so the service, the CLI and the tests keep
// taking plain paths. No electron import: test/approved-paths.test.ts and test/ipc.test.ts drive it.
import { isAbsolute } from 'node:path';
import type { OperationName } from '../../shared/contract';
import { s } from '../../shared/schema';
import { FootprintError } from '../../shared/errors';
import { channelFor, FORBIDDEN, guardedHandler, type IpcMainLike } from './ipc-binding';

/** Preload → main: "the user dropped this path". The preload spells the same string (it may import only src/shared). */
export const PATH_APPROVAL_CHANNEL = 'path:approve';

/** The operations that take a file-system path from the window. importSample takes none. */
export const PATH_OPERATIONS = ['importExport', 'diagnoseExport'] as const satisfies readonly OperationName[];

/** The operations that write to a path from the window: only a path chosen in the Save dialog. */
export const SAVE_PATH_OPERATIONS = ['exportView', 'saveApps'] as const satisfies readonly OperationName[];

/** How a path was given: opened (the Open dialog or a drop) or chosen to be written (the Save dialog). */
export type PathUse = 'open' | 'save';

/** The contract's bound for those paths: a longer one could never be imported anyway. */
export const MAX_PATH_LENGTH = 4096;

/** A session approves a handful of paths; the oldest are forgotten beyond this. */
export const MAX_APPROVED_PATHS = 256;

export interface ApprovedPaths {
  /** approves an absolute path (no NUL, within bounds) for one use (default open); false when it is not one */
  approve(path: unknown, use?: PathUse): boolean;
  /** exactly this string was approved for this use (no normalizing: `/a/../b` is not `/b`) */
  has(path: unknown, use?: PathUse): boolean;
  readonly size: number;
}

export function isApprovablePath(path: unknown): path is string {
  return typeof path === 'string' && path.length > 0 && path.length <= MAX_PATH_LENGTH && !path.includes('\0') && isAbsolute(path);
}

export function createApprovedPaths(max = MAX_APPROVED_PATHS): ApprovedPaths {
  // insertion order: the oldest first
  const sets: Record<PathUse, Set<string>> = { open: new Set(), save: new Set() };
  return {
    approve(path, use = 'open') {
      if (!isApprovablePath(path)) return false;
      const paths = sets[use];
      paths.delete(path);
      paths.add(path);
      while (paths.size > max) paths.delete(paths.values().next().value!);
      return true;
    },
    has: (path, use = 'open') => typeof path === 'string' && sets[use].has(path),
    get size() {
      return sets.open.size + sets.save.size;
    },
  };
}

/** Wraps a native Open (or Save) dialog: whatever the user chose is approved before the page gets it. */
export function approveChosen<A extends unknown[]>(
  approved: ApprovedPaths,
  choose: (...args: A) => Promise<string | null>,
  use: PathUse = 'open',
): (...args: A) => Promise<string | null> {
  return async (...args) => {
    const path = await choose(...args);
    if (path !== null) approved.approve(path, use);
    return path;
  };
}

/**
 * The ipcMain-like object to give bindContract: the PATH_OPERATIONS channels answer FORBIDDEN unless
 * the input's path was approved; every other channel is bound as it is. The input is copied once,
 * so the path checked is the path the service reads.
 */
export function requireApprovedPaths<E>(ipc: IpcMainLike<E>, approved: ApprovedPaths): IpcMainLike<E> {
  const guarded = new Map<string, PathUse>([
    ...PATH_OPERATIONS.map((name) => [channelFor(name), 'open'] as const),
    ...SAVE_PATH_OPERATIONS.map((name) => [channelFor(name), 'save'] as const),
  ]);
  return {
    handle(channel, listener) {
      const use = guarded.get(channel);
      if (!use) {
        ipc.handle(channel, listener);
        return;
      }
      ipc.handle(channel, async (event, ...args) => {
        const input = args[0];
        const copy = typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...(input as Record<string, unknown>) } : undefined;
        if (!copy || !approved.has(copy['path'], use)) return { ok: false, error: FORBIDDEN };
        return listener(event, copy, ...args.slice(1));
      });
    },
    removeHandler: (channel) => ipc.removeHandler(channel),
  };
}

const pathSchema = s.string({ min: 1, max: MAX_PATH_LENGTH });

/**
 * Binds PATH_APPROVAL_CHANNEL: the same sender check and one-argument rule as the contract, a
 * string within bounds that is an absolute path. Approval happens synchronously when the message
 * arrives, so a call the preload sends after it finds the path approved.
 */
export function bindPathApproval<E>(
  ipc: IpcMainLike<E>,
  approved: ApprovedPaths,
  isTrustedSender: (event: E) => boolean,
  opts: { onInternalError?: (error: unknown) => void } = {},
): () => void {
  ipc.handle(
    PATH_APPROVAL_CHANNEL,
    guardedHandler(
      'approvePath',
      isTrustedSender,
      async (input) => {
        const path = pathSchema.parse(input, 'path');
        if (!approved.approve(path)) throw new FootprintError('BAD_INPUT', { field: 'path', expected: 'absolutePath' });
        return { approved: true };
      },
      opts.onInternalError,
    ),
  );
  return () => ipc.removeHandler(PATH_APPROVAL_CHANNEL);
}
