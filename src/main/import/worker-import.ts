// Imports run in a worker thread (node:worker_threads) so the process that owns the window keeps
// answering while a large export is parsed and written. The worker opens its own connection to the
// same database file (WAL lets the main connection keep reading), streams progress back as
// messages, and polls a SharedArrayBuffer flag through importExport's `isCancelled`: setting the
// flag makes the writer throw CANCELLED inside its transaction, so nothing lands.
//
// Framework-free (no electron): the desktop app, the tests and any other door can use it.
// Host side: startWorkerImport / withWorkerImport. Worker side: runImportJob (see ../import-worker.ts).
import type { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import type { ImportProgress, ImportResult, OperationInput, OperationName, OperationResults } from '../../shared/contract';
import { OPERATIONS } from '../../shared/contract';
import { cancelledImport } from '../reader/errors';
import { openDatabase } from '../store/db';
import { reviveError, serializeError, type SerializedError } from '../service/errors';
import { connectionKey } from '../store/cipher';
import { importExport } from './run';
import type { Service } from '../service/index';
import { findWorkerEntry, spawnWorker } from './threads';

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
  if (!entry) throw new Error(`The import worker was not found in ${dir}.`);
  return entry;
}

export interface WorkerImportHandle {
  /** the import's result; rejects with ImportError / StoreError / Error like the in-process import */
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
            : new Error(`The import stopped unexpectedly (worker exit code ${code}).`),
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

export interface WorkerService extends Service {
  /** true while an import runs */
  readonly importing: boolean;
  /** cancels a running import and waits for its thread to stop (call before quitting) */
  stopImports(): Promise<void>;
}

/** Refused while an import runs (see withWorkerImport). */
export const EXCLUSIVE_OPERATIONS: ReadonlySet<string> = new Set(['deleteSnapshot', 'forgetRecords', 'encryptDatabase', 'changeKey', 'decryptDatabase']);

export interface WithWorkerImportOptions {
  entry: string;
  dbPath: string;
  samplePath?: string;
  onImportProgress?: (p: ImportProgress) => void;
}

/**
 * The same service, but importExport / importSample run in a worker thread and cancelImport
 * really cancels. Every other operation goes to the wrapped service unchanged.
 */
export function withWorkerImport(service: Service, opts: WithWorkerImportOptions): WorkerService {
  let current: WorkerImportHandle | null = null;

  const run = async (path: string): Promise<ImportResult> => {
    if (current) throw new Error('Another import is already running.');
    const handle = startWorkerImport({ entry: opts.entry, dbPath: opts.dbPath, path, key: connectionKey(service.db), onProgress: opts.onImportProgress });
    current = handle;
    try {
      return await handle.result;
    } finally {
      if (current === handle) current = null;
    }
  };

  const overrides: Partial<Service> = {
    importExport: async ({ path }) => run(path),
    importSample: async () => {
      if (!opts.samplePath) throw new Error('No sample export is bundled with this build.');
      return run(opts.samplePath);
    },
    cancelImport: async () => {
      if (!current) return { cancelled: false };
      current.cancel();
      return { cancelled: true };
    },
  };

  // Operations that rewrite the database file or its key must not run under a worker's open
  // write transaction (a re-key would leave the worker on the old key): refused until it ends.
  const exclusive = (fn: (input: never) => Promise<unknown>) => async (input: never) => {
    if (current) throw new Error('Wait for the import to finish (or cancel it) first.');
    return fn(input);
  };
  const api = Object.fromEntries(
    (Object.keys(OPERATIONS) as OperationName[]).map((name) => {
      const fn = (overrides[name] ?? service[name].bind(service)) as (input: never) => Promise<unknown>;
      return [name, EXCLUSIVE_OPERATIONS.has(name) ? exclusive(fn) : fn];
    }),
  ) as unknown as Service;

  return {
    ...api,
    db: service.db,
    get importing() {
      return current !== null;
    },
    call: async <K extends OperationName>(name: K, input: unknown): Promise<OperationResults[K]> => {
      if (!Object.hasOwn(OPERATIONS, name)) throw new Error(`Unknown operation ${String(name)}`);
      const parsed = OPERATIONS[name].parse(input ?? {}) as OperationInput<K>;
      return (api[name] as unknown as (i: OperationInput<K>) => Promise<OperationResults[K]>)(parsed);
    },
    close: () => service.close(),
    stopImports: async () => {
      const handle = current;
      if (!handle) return;
      handle.cancel();
      await Promise.race([handle.result.catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
      await handle.terminate();
    },
  };
}
