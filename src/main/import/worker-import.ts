// Imports run in a worker thread (node:worker_threads) so the process that owns the window keeps
// answering while a large export is parsed and written. The worker opens its own connection to the
// same database file (WAL lets the main connection keep reading), streams progress back as
// messages, and polls a SharedArrayBuffer flag through importExport's `isCancelled`: setting the
// flag makes the writer throw CANCELLED inside its transaction, so nothing lands.
//
// Framework-free (no electron): the desktop app, the tests and any other door can use it.
// Host side: workerImportRunner (plugged into createService) over startWorkerImport. Worker side:
// runImportJob (see ./import-worker.ts).
import type { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import type { ImportProgress, ImportResult } from '../../shared/contract';
import { cancelledImport } from '../reader/errors';
import { openDatabase, type WritableDB } from '../store/db';
import { connectionKey } from '../store/cipher';
import { importExport } from './run';
import type { ImportRunner } from './runner';
import { prepareQuietly } from './prepare';
import { findWorkerEntry, reviveError, serializeError, spawnWorker, type SerializedError } from './threads';

/** What the host hands the worker (structured-cloned; the SharedArrayBuffer is shared, not copied). */
export interface ImportJobData {
  dbPath: string;
  /** the export to import; null: only prepare the archive for browsing (prepare.ts), reporting nothing */
  path: string | null;
  /** an encrypted database's raw key (the host connection's, see connectionKey); never a passphrase */
  key?: Uint8Array;
  /** Int32Array view, index 0: 1 = cancel requested */
  cancel: SharedArrayBuffer;
  /** the folder of the app's main code, where the reader thread's entry is */
  mainDir: string;
}

/** Messages from the worker to the host, in order: progress*, then exactly one done or error. */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; error: SerializedError };

// ---------------------------------------------------------------------------------------------
// Worker side

/** Background work after the preparation, on the worker's connection (the entry passes the service's kept answers). */
export type AfterPreparing = (db: WritableDB, isCancelled: () => boolean) => void;

/**
 * The body of the worker: one import on its own connection and its report; then, the window
 * already showing the result, the archive prepared for browsing (prepare.ts) and `after` run, until
 * done or cancelled (the host cancels it for the next import and before quitting); then the
 * connection closed.
 */
export function runImportJob(data: ImportJobData, post: (m: WorkerMessage) => void, after?: AfterPreparing): void {
  const flag = new Int32Array(data.cancel);
  const isCancelled = () => Atomics.load(flag, 0) === 1;
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    db = openDatabase(data.dbPath, { key: data.key });
    if (data.path !== null) {
      const result = importExport(db, data.path, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled, mainDir: data.mainDir });
      // committed: the result holds whatever happens to this thread from here
      post({ type: 'done', result });
    }
    prepareQuietly(db, isCancelled);
    if (!isCancelled()) after?.(db, isCancelled);
  } catch (e) {
    if (data.path !== null) post({ type: 'error', error: serializeError(e) });
  } finally {
    try {
      db?.close();
    } catch {
      /* closing after a failure must not hide the failure */
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Host side

export const IMPORT_WORKER_NAME = 'import-worker';

/** The import worker's entry in the folder of the app's main code (see findWorkerEntry). */
export function resolveImportWorkerEntry(dir: string): string {
  const entry = findWorkerEntry(dir, IMPORT_WORKER_NAME);
  if (!entry) throw new Error(`the import worker was not found in ${dir}`); // a broken build: INTERNAL
  return entry;
}

/** A worker thread's job, seen from the host. */
export interface WorkerJob {
  /** asks it to stop: an import rolls back at its next poll, a preparation ends after the dataset under way */
  cancel(): void;
  /** stops the thread at once (app quit); the open transaction is never committed */
  terminate(): Promise<void>;
  /** settles when the thread has ended (after an import's result, it prepares the archive) */
  ended: Promise<void>;
}

export interface WorkerImportHandle extends WorkerJob {
  /** the import's result; rejects with the FootprintError (or Error) the in-process import would */
  result: Promise<ImportResult>;
}

export interface WorkerImportOptions {
  /** the worker entry file (see resolveImportWorkerEntry) */
  entry: string;
  dbPath: string;
  path: string;
  /** the raw key of an encrypted database */
  key?: Uint8Array;
  onProgress?: (p: ImportProgress) => void;
}

/** Starts the worker on one job: an import (then the preparation), or the preparation alone (path null). */
function spawnJob(opts: Omit<WorkerImportOptions, 'path' | 'onProgress'> & { path: string | null }): WorkerJob & { worker: Worker; flag: Int32Array } {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const workerData: ImportJobData = { dbPath: opts.dbPath, path: opts.path, key: opts.key, cancel, mainDir: dirname(opts.entry) };
  const worker: Worker = spawnWorker(opts.entry, { workerData, name: opts.path === null ? 'footprint-prepare' : 'footprint-import' });
  return {
    worker,
    flag,
    ended: new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    cancel: () => {
      Atomics.store(flag, 0, 1);
    },
    terminate: async () => {
      Atomics.store(flag, 0, 1);
      await worker.terminate();
    },
  };
}

/** Prepares the archive for browsing on a worker thread of its own (prepare.ts); nothing to wait for but its end. */
export function startWorkerPrepare(opts: Omit<WorkerImportOptions, 'path' | 'onProgress'>): WorkerJob {
  const job = spawnJob({ ...opts, path: null });
  job.worker.on('error', () => {}); // a failed preparation leaves the fields to the queries that need them
  return { cancel: job.cancel, terminate: job.terminate, ended: job.ended };
}

export function startWorkerImport(opts: WorkerImportOptions): WorkerImportHandle {
  const { worker, flag, ...job } = spawnJob(opts);
  const result = new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        if (!settled) opts.onProgress?.(m.progress);
      } else if (m.type === 'done') settle(() => resolve(m.result));
      else if (m.type === 'error') settle(() => reject(reviveError(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          Atomics.load(flag, 0) === 1
            ? cancelledImport()
            : new Error(`the import worker stopped unexpectedly (exit code ${code})`), // INTERNAL
        ),
      ),
    );
  });
  return { ...job, result };
}

/**
 * The desktop app's import runner: each import on a worker thread of its own, on its own
 * connection (opened with the service connection's key), so the window keeps answering.
 */
export function workerImportRunner(opts: { entry: string }): ImportRunner & { idle(): Promise<void> } {
  /** the last thread started, which may still be preparing the archive (after an import's result, or alone) */
  let last: WorkerJob | null = null;
  let lastAlive = false;
  const track = <T extends WorkerJob>(job: T): T => {
    last = job;
    lastAlive = true;
    void job.ended.then(() => {
      if (last === job) lastAlive = false;
    });
    return job;
  };
  return {
    start: ({ db, dbPath, path, onProgress }) => {
      // a new import stops the last preparation (its next transaction is not started; the one
      // under way ends within a dataset's pass, well within the writer's busy timeout)
      last?.cancel();
      return track(startWorkerImport({ entry: opts.entry, dbPath, path, key: connectionKey(db), onProgress }));
    },
    prepareInBackground: ({ db, dbPath }) => {
      // a thread still at work (an import, or its preparation) prepares when it is done anyway
      if (!lastAlive) track(startWorkerPrepare({ entry: opts.entry, dbPath, key: connectionKey(db) }));
    },
    stop: async () => {
      await last?.terminate();
    },
    /** undefined when nothing runs in the background: the caller goes on at once */
    settle: () => {
      if (!lastAlive || !last) return undefined;
      last.cancel();
      return last.ended;
    },
    /** settles when the last thread has ended (its import and preparation done) */
    idle: async () => {
      await last?.ended;
    },
  };
}
