// Where an import runs. The service owns the rules (one import at a time, exclusive operations
// refused meanwhile, cancel, stop before quitting); a runner only runs one import when asked.
// In-process by default (the CLI, the tests); the desktop app plugs in the worker-thread runner
// (worker-import.ts) so the window keeps answering while a large export is written.
import type { ImportProgress, ImportResult } from '../../shared/contract';
import type { DB } from '../store/db';
import { importExport } from './run';

/** One import to run: into the service's database (its connection, and its file for a runner that opens its own). */
export interface ImportJob {
  db: DB;
  dbPath: string;
  path: string;
  onProgress?: (p: ImportProgress) => void;
  /** polled by a runner that imports on this thread, where nothing can call cancel() before start() returns */
  isCancelled?: () => boolean;
}

export interface RunningImport {
  /** the import's result; rejects with the FootprintError the import ended with (CANCELLED after cancel) */
  result: Promise<ImportResult>;
  /** asks the writer to stop; it rolls back at its next poll */
  cancel(): void;
  /** stops at once (app quit), never committing; cancel() is enough where there is nothing to stop */
  terminate?(): Promise<void>;
}

export interface ImportRunner {
  start(job: ImportJob): RunningImport;
  /**
   * Prepares the archive for browsing in the background (prepare.ts), where the runner has a
   * background: what an import on another door left pending, or a preparation cut short by quitting.
   */
  prepareInBackground?(job: Pick<ImportJob, 'db' | 'dbPath'>): void;
  /** stops what the runner still does in the background (the preparation after an import, or prepareInBackground); before quitting */
  stop?(): Promise<void>;
  /** asks that background work to stop where it can (between datasets) and waits for it to end: before an operation that must be alone with the archive */
  settle?(): Promise<void> | undefined;
}

export interface InProcessOptions {
  /** the folder of the app's main code, where the reader thread's entry is (default: the source tree) */
  mainDir?: string;
  /** exports with at least this many bytes of content are read on a reader thread */
  readerThreadMinBytes?: number;
}

/**
 * Runs the import on the caller's thread, synchronously inside start(): the writer is one
 * transaction that nothing else on this connection may interleave with. There is no background
 * here to prepare the archive in (prepare.ts): a query covers the fields it needs on first use,
 * and the desktop app prepares what is left when it next opens the archive.
 */
export function inProcessRunner(opts: InProcessOptions = {}): ImportRunner {
  return {
    start: ({ db, path, onProgress, isCancelled }) => {
      let cancelled = false;
      let result: Promise<ImportResult>;
      try {
        result = Promise.resolve(
          importExport(db, path, {
            onProgress,
            isCancelled: () => cancelled || isCancelled?.() === true,
            mainDir: opts.mainDir,
            readerThreadMinBytes: opts.readerThreadMinBytes,
          }),
        );
      } catch (e) {
        result = Promise.reject(e);
      }
      return {
        result,
        cancel: () => {
          cancelled = true;
        },
      };
    },
  };
}
