// The service: every contract operation as a plain async function over one database file.
// Framework-free, so the Electron window, the CLI and the tests all use exactly this.
import type { Api, ImportProgress, OperationInput, OperationName, OperationResults } from '../../shared/contract';
import { OPERATIONS } from '../../shared/contract';
import type { WritableDB } from '../store/db';
import { connectionKey } from '../store/cipher';
import { encryptionOperations, openArchive } from '../vault/file-encryption';
import type { DeviceKeyStore } from '../vault/device-key';
import { deleteSnapshot, getRawSection, getSnapshot, latestSnapshotId, listSnapshots } from '../store/snapshots';
import { datasetOverview, listRecords, listValues } from '../store/records';
import { importExport } from '../import/run';
import { diagnoseExport } from '../reader/diagnose';
import { changeOperations } from './changes';

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
  /** the desktop app's native open dialog (chooseExport); other doors have none */
  chooseExport?: (kind: 'file' | 'folder') => Promise<string | null>;
}

export interface Service extends Api {
  /** validates raw input against the contract, then runs the operation */
  call<K extends OperationName>(name: K, input: unknown): Promise<OperationResults[K]>;
  close(): void;
  readonly db: WritableDB;
}

export function createService(opts: ServiceOptions): Service {
  const db = openArchive(opts.dbPath, { key: opts.key, passphrase: opts.passphrase });
  const encryption = encryptionOperations(db, opts.deviceKeys);
  const passphraseKey = opts.keyFromPassphrase && opts.key ? Buffer.from(opts.key) : null;
  let cancelRequested = false;
  let importing = false;

  const runImport = async (path: string) => {
    if (importing) throw new Error('Another import is already running.');
    importing = true;
    cancelRequested = false;
    try {
      return importExport(db, path, {
        onProgress: opts.onImportProgress,
        isCancelled: () => cancelRequested,
        mainDir: opts.mainDir,
        readerThreadMinBytes: opts.readerThreadMinBytes,
      });
    } finally {
      importing = false;
    }
  };

  const api: Api = {
    importExport: async ({ path }) => runImport(path),
    importSample: async () => {
      if (!opts.samplePath) throw new Error('No sample export is bundled with this build.');
      return runImport(opts.samplePath);
    },
    diagnoseExport: async ({ path }) => diagnoseExport(path),
    cancelImport: async () => {
      cancelRequested = importing;
      return { cancelled: importing };
    },
    listSnapshots: async () => listSnapshots(db),
    getSnapshot: async ({ id }) => getSnapshot(db, id) ?? null,
    deleteSnapshot: async ({ id }) => ({ deleted: deleteSnapshot(db, id) }),
    getRawSection: async ({ id, path }) => ({ raw: getRawSection(db, id, path) ?? null }),
    datasetOverview: async ({ snapshotId }) => datasetOverview(db, snapshotId ?? latestSnapshotId(db)),
    listRecords: async ({ dataset, snapshotId, offset, limit }) => listRecords(db, dataset, { snapshotId, offset, limit }),
    listValues: async ({ dataset, snapshotId }) => listValues(db, dataset, snapshotId),
    ...changeOperations(db),
    ...encryption,
    encryptionStatus: async () => {
      const st = await encryption.encryptionStatus({});
      // still on the key derived from the passphrase it was opened with (no re-key since)
      return passphraseKey && st.unlockedWith === 'key' && connectionKey(db)?.equals(passphraseKey) ? { ...st, unlockedWith: 'passphrase' } : st;
    },
    chooseExport: async ({ kind }) => {
      if (!opts.chooseExport) throw new Error('Choosing a file needs the desktop app.');
      return { path: await opts.chooseExport(kind ?? 'file') };
    },
  };

  return {
    ...api,
    db,
    call: async (name, input) => {
      const parsed = OPERATIONS[name].parse(input ?? {}) as OperationInput<typeof name>;
      return (api[name] as (i: typeof parsed) => Promise<OperationResults[typeof name]>)(parsed);
    },
    close: () => db.close(),
  };
}
