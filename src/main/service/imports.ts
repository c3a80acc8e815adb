// The service's one import slot: at most one import at a time, whatever runs it (in-process or a
// worker thread, see import/runner.ts). While it is taken the service refuses exclusive operations
// (operations.ts), cancelImport reaches the running import, and stop() ends it before quitting.
import type { ImportResult } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import type { ImportJob, ImportRunner, RunningImport } from '../import/runner';

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

/**
 * `afterImport` runs once an import has committed, still holding the slot (so no exclusive
 * operation interleaves), whichever runner imported: the checklists verify the new export here.
 * Its failure does not undo or fail the import, which is already in the archive.
 */
export function importSlot(runner: ImportRunner, job: Omit<ImportJob, 'path' | 'isCancelled'>, afterImport?: (r: ImportResult) => void): ImportSlot {
  let current: RunningImport | null = null;
  // An in-process runner imports inside start(): the slot is taken, and cancel heard, from before it.
  let starting = false;
  let cancelRequested = false;
  return {
    run: async (path) => {
      if (current || starting) throw new FootprintError('IMPORT_RUNNING');
      starting = true;
      cancelRequested = false;
      let running: RunningImport;
      try {
        running = runner.start({ ...job, path, isCancelled: () => cancelRequested });
      } finally {
        starting = false;
      }
      current = running;
      try {
        const result = await running.result;
        try {
          afterImport?.(result);
        } catch {
          // the checklist verifies again when it is next shown (service/checklists.ts verifyLatest)
        }
        return result;
      } finally {
        if (current === running) current = null;
      }
    },
    cancel: () => {
      if (starting) cancelRequested = true;
      else if (current) current.cancel();
      else return { cancelled: false };
      return { cancelled: true };
    },
    get busy() {
      return current !== null || starting;
    },
    stop: async () => {
      const running = current;
      if (!running) return;
      running.cancel();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running.result.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, STOP_GRACE_MS)))]);
      clearTimeout(timer);
      await running.terminate?.();
    },
  };
}
