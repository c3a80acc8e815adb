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

export function importSlot(runner: ImportRunner, job: Omit<ImportJob, 'path'>): ImportSlot {
  let current: RunningImport | null = null;
  return {
    run: async (path) => {
      if (current) throw new FootprintError('IMPORT_RUNNING');
      const running = runner.start({ ...job, path });
      current = running;
      try {
        return await running.result;
      } finally {
        if (current === running) current = null;
      }
    },
    cancel: () => {
      if (!current) return { cancelled: false };
      current.cancel();
      return { cancelled: true };
    },
    get busy() {
      return current !== null;
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
