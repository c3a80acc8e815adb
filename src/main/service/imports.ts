// The service's one import slot: at most one import at a time, whatever runs it (in-process or a
// worker thread, see import/runner.ts). While it is taken the service refuses exclusive operations
// (operations.ts), cancelImport reaches the running import, and stop() ends it before quitting.
// When another process's import holds the archive's write lock (DB_BUSY), the import waits for it,
// reporting the phase 'waiting', cancellable, for up to BUSY_WAIT_MS, and then tries again.
import type { ImportProgress, ImportResult } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import type { ImportJob, ImportRunner, RunningImport } from '../import/runner';
import { cancelledImport } from '../reader/errors';

export interface ImportSlot {
  /** runs one import; IMPORT_RUNNING while another holds the slot */
  run(path: string): Promise<ImportResult>;
  cancel(): { cancelled: boolean };
  readonly busy: boolean;
  /** cancels the running import, waits a little for it to roll back, then stops it for good */
  stop(): Promise<void>;
}

/** How long stop() lets a cancelled import roll back before it is terminated. */
const STOP_GRACE_MS = 3000;

export interface SlotOptions {
  /**
   * How long an import waits, in all, for another process's import to let go of the archive
   * (DB_BUSY); meanwhile it reports the phase 'waiting' and can be cancelled. After that, DB_BUSY.
   */
  busyWaitMs?: number;
  /** the pause between two tries (each try itself waits the connection's busy timeout, 5 s) */
  retryMs?: number;
}

/** Another import (another window, the CLI) holds the write lock longer than this only when something is wrong. */
export const BUSY_WAIT_MS = 5 * 60_000;
const RETRY_MS = 250;

/**
 * `afterImport` runs once an import has committed, still holding the slot (so no exclusive
 * operation interleaves), whichever runner imported: the checklists verify the new export here.
 * Its failure does not undo or fail the import, which is already in the archive.
 */
export function importSlot(
  runner: ImportRunner,
  job: Omit<ImportJob, 'path' | 'isCancelled'>,
  afterImport?: (r: ImportResult) => void,
  opts: SlotOptions = {},
): ImportSlot {
  const busyWaitMs = opts.busyWaitMs ?? BUSY_WAIT_MS;
  const retryMs = opts.retryMs ?? RETRY_MS;
  let current: RunningImport | null = null;
  // An in-process runner imports inside start(): the slot is taken, and cancel heard, from before it.
  let starting = false;
  let cancelRequested = false;

  /** One try: the runner's import, with the slot taken for it. */
  const attempt = async (path: string, waited: boolean): Promise<ImportResult> => {
    // a try after waiting says nothing until it has the archive (writing): "waiting" stays up meanwhile
    const onProgress = waited && job.onProgress ? (p: ImportProgress) => (p.phase === 'writing' || p.phase === 'done' ? job.onProgress?.(p) : undefined) : job.onProgress;
    let running: RunningImport;
    starting = true;
    try {
      running = runner.start({ ...job, onProgress, path, isCancelled: () => cancelRequested });
    } finally {
      starting = false;
    }
    current = running;
    return running.result;
  };

  /** The pause between tries, as a running import: cancel() ends it with CANCELLED. */
  const pause = (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    let stop: () => void = () => {};
    const result = new Promise<void>((resolve, reject) => {
      timer = setTimeout(resolve, retryMs);
      stop = () => {
        clearTimeout(timer);
        reject(cancelledImport());
      };
    });
    current = { result: result as unknown as Promise<ImportResult>, cancel: () => stop() };
    if (cancelRequested) stop();
    return result;
  };

  return {
    run: async (path) => {
      if (current || starting) throw new FootprintError('IMPORT_RUNNING');
      cancelRequested = false;
      const started = Date.now();
      try {
        for (let waited = false; ; waited = true) {
          try {
            const result = await attempt(path, waited);
            try {
              afterImport?.(result);
            } catch {
              // the checklist verifies again when it is next shown (service/checklists.ts verifyLatest)
            }
            return result;
          } catch (e) {
            // Another process's import holds the archive: wait for it, saying so, until cancelled or
            // until it has held it far longer than any import takes. Nothing of this try was written.
            const busy = e instanceof FootprintError && e.code === 'DB_BUSY';
            if (busy && cancelRequested) throw cancelledImport();
            if (!busy || Date.now() - started >= busyWaitMs) throw e;
          }
          job.onProgress?.({ phase: 'waiting', records: 0 });
          await pause();
        }
      } finally {
        current = null;
      }
    },
    cancel: () => {
      if (!starting && !current) return { cancelled: false };
      cancelRequested = true;
      if (!starting) current?.cancel();
      return { cancelled: true };
    },
    get busy() {
      return current !== null || starting;
    },
    stop: async () => {
      const running = current;
      if (!running) return runner.stop?.();
      cancelRequested = true;
      running.cancel();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running.result.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, STOP_GRACE_MS)))]);
      clearTimeout(timer);
      await running.terminate?.();
      await runner.stop?.();
    },
  };
}
