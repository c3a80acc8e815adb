// The service: every contract operation as a plain async function over one database file.
// Framework-free, so the Electron window, the CLI and the tests all use exactly this. The handlers
// below get validated input; operations.ts enforces the contract's table (schemas and flags) and
// imports.ts holds the one import slot, whatever runner runs the import.
import { OPERATIONS, type Api, type ImportProgress, type OperationName, type OperationResults, type RecordRow } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import type { WritableDB } from '../store/db';
import { connectionKey } from '../store/cipher';
import { keptCount } from '../store/kept-answers';
import { encryptionOperations, openArchive } from '../vault/file-encryption';
import type { DeviceKeyStore } from '../vault/device-key';
import { deleteSnapshot, getRawSection, getSnapshot, latestSnapshotId, listSnapshots } from '../store/snapshots';
import { datasetOverview, iterateRecords, listRecords, listValues } from '../store/records';
import { inProcessRunner, type ImportRunner } from '../import/runner';
import { diagnoseExport } from '../reader/diagnose';
import { changeOperations } from './changes';
import { checklistOperations, verifyLatest } from './checklists';
import { appsForChecklist, localToday, sharingOperations } from './sharing';
import { exploreOperations } from './explore';
import { dueAppIds, homeView } from './home';
import { chartOperations } from './charts';
import { importSlot } from './imports';
import { operationCaller, validatedApi } from './operations';

export interface ServiceOptions {
  dbPath: string;
  /** an encrypted database's raw 32-byte key (the desktop app's device key) or passphrase */
  key?: Uint8Array;
  passphrase?: string;
  /** `key` was derived from the database's passphrase (keyForPassphrase, off the main thread): report a passphrase unlock */
  keyFromPassphrase?: boolean;
  /** the OS-kept device key (desktop app only): encryptDatabase/changeKey without a passphrase use it */
  deviceKeys?: DeviceKeyStore;
  /** the bundled sample export, for "try it with sample data" */
  samplePath?: string;
  onImportProgress?: (p: ImportProgress) => void;
  /** the folder of the app's main code (a build's out/main), where the reader thread's entry is */
  mainDir?: string;
  /** imports with at least this many bytes of content read on a reader thread (tests set 0 to always) */
  readerThreadMinBytes?: number;
  /** the desktop app's native open dialog; only the desktop app has one, so only it offers desktop-only operations */
  chooseExport?: (kind: 'file' | 'folder') => Promise<string | null>;
  /** the desktop app's native save dialog (exportView's file); desktop-only like chooseExport */
  chooseSavePath?: (suggestedName: string, format: 'csv' | 'json') => Promise<string | null>;
  /** how long an import waits for another process's import to let go of the archive before DB_BUSY (default BUSY_WAIT_MS, 5 min) */
  importBusyWaitMs?: number;
  /** where imports run (default: in this thread, with mainDir and readerThreadMinBytes); the desktop app passes workerImportRunner */
  runner?: ImportRunner;
  /** today's calendar day, YYYY-MM-DD (default: the local date); tests fix it so review dates hold */
  today?: () => string;
}

/** Every Api method validates its input and honours the operation's flags, exactly like call(). */
export interface Service extends Api {
  /** validates raw input against the contract, then runs the operation */
  call<K extends OperationName>(name: K, input: unknown): Promise<OperationResults[K]>;
  close(): void;
  readonly db: WritableDB;
  /** every record of a dataset kept in the archive, oldest first, streamed (the CLI's export; no IPC door) */
  records(dataset: string): Iterable<RecordRow>;
  /** the rows of a table view (explorePage's filters and sort), streamed whole: export to stdout (no IPC door) */
  exploreRows(input: Parameters<ReturnType<typeof exploreOperations>['rows']>[0]): () => Iterable<RecordRow>;
  /** true while an import runs */
  readonly importing: boolean;
  /** cancels a running import and waits for it to stop (call before quitting) */
  stopImports(): Promise<void>;
}

export function createService(opts: ServiceOptions): Service {
  const db = openArchive(opts.dbPath, { key: opts.key, passphrase: opts.passphrase });
  const encryption = encryptionOperations(db, opts.deviceKeys);
  const passphraseKey = opts.keyFromPassphrase && opts.key ? Buffer.from(opts.key) : null;
  const runner = opts.runner ?? inProcessRunner({ mainDir: opts.mainDir, readerThreadMinBytes: opts.readerThreadMinBytes });
  // every import, in-process or on the worker, ends by verifying the checklists against the archive's latest export
  const imports = importSlot(runner, { db, dbPath: opts.dbPath, onProgress: opts.onImportProgress }, () => verifyLatest(db), { busyWaitMs: opts.importBusyWaitMs });

  const explore = exploreOperations(db, { canWrite: () => !imports.busy });
  // where the runner has a background (the desktop app's worker), what is not yet prepared for
  // browsing is prepared there now: an archive imported by the CLI, a preparation cut short by quitting
  runner.prepareInBackground?.({ db, dbPath: opts.dbPath });

  const api: Api = {
    importExport: async ({ path }) => imports.run(path),
    importSample: async () => {
      if (!opts.samplePath) throw new FootprintError('NO_SAMPLE');
      return imports.run(opts.samplePath);
    },
    diagnoseExport: async ({ path }) => diagnoseExport(path),
    cancelImport: async () => imports.cancel(),
    listSnapshots: async () => listSnapshots(db),
    getSnapshot: async ({ id }) => getSnapshot(db, id) ?? null,
    deleteSnapshot: async ({ id }) => ({ deleted: deleteSnapshot(db, id) }),
    getRawSection: async ({ id, path }) => ({ raw: getRawSection(db, id, path) ?? null }),
    datasetOverview: async ({ snapshotId }) => datasetOverview(db, snapshotId ?? latestSnapshotId(db)),
    listRecords: async ({ dataset, snapshotId, offset, limit }) => listRecords(db, dataset, { snapshotId, offset, limit }),
    listValues: async ({ dataset, snapshotId }) => listValues(db, dataset, snapshotId),
    ...changeOperations(db),
    ...checklistOperations(db, { canWrite: () => !imports.busy, apps: appsForChecklist }),
    ...sharingOperations(db, opts.today, { protect: [opts.dbPath] }),
    appsDue: async () => ({ dueForReview: dueAppIds(db, opts.today?.() ?? localToday()) }),
    home: async () =>
      homeView(db, {
        diff: (from, to) => api.diffSnapshots({ from, to }),
        checklist: () => api.checklist({}),
        appsDue: async () => dueAppIds(db, opts.today?.() ?? localToday()),
      }),
    search: explore.search,
    getRecord: explore.getRecord,
    explorePage: explore.explorePage,
    exploreFacets: explore.exploreFacets,
    exportView: (input) => explore.exportView(input, opts.dbPath),
    ...chartOperations(db),
    ...encryption,
    encryptionStatus: async () => {
      const st = await encryption.encryptionStatus({});
      // still on the key derived from the passphrase it was opened with (no re-key since)
      return passphraseKey && st.unlockedWith === 'key' && connectionKey(db)?.equals(passphraseKey) ? { ...st, unlockedWith: 'passphrase' } : st;
    },
    chooseExport: async ({ kind }) => ({ path: await opts.chooseExport!(kind ?? 'file') }), // desktop-only: operations.ts checks
    chooseSavePath: async ({ suggestedName, format }) => {
      // a desktop door built without a save dialog answers as any door without the window would
      if (!opts.chooseSavePath) throw new FootprintError('DESKTOP_ONLY', { operation: 'chooseSavePath' });
      return { path: await opts.chooseSavePath(suggestedName, format) };
    },
  };

  const call = operationCaller(api, {
    importing: () => imports.busy,
    quiesce: () => runner.settle?.(),
    // a hint for the background, never the operation's error: a closed or unreadable file answers 0
    keptAnswers: () => {
      try {
        return keptCount(db);
      } catch {
        return 0;
      }
    },
    resume: () => runner.prepareInBackground?.({ db, dbPath: opts.dbPath }),
    desktop: opts.chooseExport !== undefined,
  });
  return {
    ...validatedApi(call),
    db,
    call,
    records: (dataset) => iterateRecords(db, dataset),
    exploreRows: (input) => {
      // the same checks as the operations' (the CLI's export takes the view's filters)
      OPERATIONS.explorePage.input.parse(input);
      return explore.rows(input);
    },
    get importing() {
      return imports.busy;
    },
    stopImports: () => imports.stop(),
    close: () => db.close(),
  };
}
