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
import { openDatabase } from '../store/db';
import { connectionKey } from '../store/cipher';
import { importExport } from './run';
import type { ImportRunner } from './runner';
import { findWorkerEntry, reviveError, serializeError, spawnWorker, type SerializedError } from './threads';

/** What the host hands the worker (structured-cloned; the SharedArrayBuffer is shared, not copied). */
export interface ImportJobData {
  dbPath: string;
  path: string;
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

/** The body of the worker: one import on its own connection, then close it and report. */
export function runImportJob(data: ImportJobData, post: (m: WorkerMessage) => void): void {
  const flag = new Int32Array(data.cancel);
  let message: WorkerMessage;
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    db = openDatabase(data.dbPath, { key: data.key });
    const result = importExport(db, data.path, {
      onProgress: (progress) => post({ type: 'progress', progress }),
      isCancelled: () => Atomics.load(flag, 0) === 1,
      mainDir: data.mainDir,
    });
    message = { type: 'done', result };
  } catch (e) {
    message = { type: 'error', error: serializeError(e) };
  } finally {
    try {
      db?.close();
    } catch {
      /* closing after a failure must not hide the failure */
    }
  }
  // Posted only after the connection is closed: when the host hears "done", the data is on disk.
  post(message);
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

export interface WorkerImportHandle {
  /** the import's result; rejects with the FootprintError (or Error) the in-process import would */
  result: Promise<ImportResult>;
  /** asks the writer to stop; it rolls back at its next poll */
  cancel(): void;
  /** stops the thread at once (app quit); the open transaction is never committed */
  terminate(): Promise<void>;
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

export function startWorkerImport(opts: WorkerImportOptions): WorkerImportHandle {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const workerData: ImportJobData = { dbPath: opts.dbPath, path: opts.path, key: opts.key, cancel, mainDir: dirname(opts.entry) };
  const worker: Worker = spawnWorker(opts.entry, { workerData, name: 'footprint-import' });
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
  return {
    result,
    cancel: () => {
      Atomics.store(flag, 0, 1);
    },
    terminate: async () => {
      Atomics.store(flag, 0, 1);
      await worker.terminate();
    },
  };
}

/**
 * The desktop app's import runner: each import on a worker thread of its own, on its own
 * connection (opened with the service connection's key), so the window keeps answering.
 */
export function workerImportRunner(opts: { entry: string }): ImportRunner {
  return {
    start: ({ db, dbPath, path, onProgress }) => startWorkerImport({ entry: opts.entry, dbPath, path, key: connectionKey(db), onProgress }),
  };
}
