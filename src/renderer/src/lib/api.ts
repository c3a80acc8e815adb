// The renderer's thin client over window.footprint (the preload bridge): unwraps envelopes into
// values or ApiCallError, so components just `await api.listSnapshots({})`.
import type {
  ApiError,
  Envelope,
  FootprintBridge,
  ImportProgress,
  OperationInput,
  OperationName,
  OperationResults,
  UnlockPreference,
  UnlockStatus,
  UnlockSubmit,
} from '../../shared/contract';

declare global {
  interface Window {
    footprint?: FootprintBridge;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

function bridge(): FootprintBridge {
  const b = window.footprint;
  if (!b) throw new ApiCallError('NO_BRIDGE', 'Footprint could not reach its engine. Restart the app.');
  return b;
}

export async function call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResults[K]> {
  const fn = bridge()[name] as unknown as (i: OperationInput<K>) => ReturnType<FootprintBridge[K]>;
  let envelope: Awaited<ReturnType<FootprintBridge[K]>>;
  try {
    envelope = await fn(input);
  } catch (e) {
    throw new ApiCallError('IPC', `Footprint could not reach its engine: ${(e as Error)?.message ?? String(e)}`);
  }
  if (!envelope || typeof envelope !== 'object') throw new ApiCallError('IPC', 'Footprint received an empty answer.');
  if (envelope.ok) return envelope.value as OperationResults[K];
  throw new ApiCallError(envelope.error.code, envelope.error.message);
}

/** api.<operation>(input): the same, one property per operation. */
export const api = new Proxy({} as { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResults[K]> }, {
  get: (_t, name: string) => (input: unknown) => call(name as OperationName, input as never),
});

async function unwrap<T>(work: () => Promise<Envelope<T>>): Promise<T> {
  let envelope: Envelope<T>;
  try {
    envelope = await work();
  } catch (e) {
    throw new ApiCallError('IPC', `Footprint could not reach its engine: ${(e as Error)?.message ?? String(e)}`);
  }
  if (!envelope || typeof envelope !== 'object') throw new ApiCallError('IPC', 'Footprint received an empty answer.');
  if (envelope.ok) return envelope.value;
  throw new ApiCallError(envelope.error.code, envelope.error.message);
}

/** The unlock door: answers before the database is open (see src/main/vault/unlock.ts). */
export const unlockApi = {
  /** null: a bridge without the unlock door (treated as "ready") */
  async status(): Promise<UnlockStatus | null> {
    const b = bridge();
    if (typeof b.unlockStatus !== 'function') return null;
    return unwrap(() => b.unlockStatus());
  },
  submit: (input: UnlockSubmit): Promise<UnlockStatus> => unwrap(() => bridge().unlock(input)),
  setPreference: (input: UnlockPreference): Promise<UnlockStatus> => unwrap(() => bridge().setEncryptionPreference(input)),
};

export function onImportProgress(cb: (p: ImportProgress) => void): () => void {
  return window.footprint?.onImportProgress(cb) ?? (() => {});
}

export function pathForFile(file: File): string {
  return window.footprint?.pathForFile(file) ?? '';
}

const TITLES: Record<string, string> = {
  NOT_FOUND: 'File not found',
  UNREADABLE: 'Cannot read this file',
  EMPTY_FILE: 'The file is empty',
  NOT_ZIP: 'Not a ZIP archive',
  CORRUPT_ZIP: 'The ZIP archive is damaged',
  ZIP_BOMB: 'The archive is suspiciously large',
  UNSAFE_ZIP: 'The archive is unsafe',
  ENCRYPTED_ZIP: 'The archive is password-protected',
  NOT_JSON: 'Not a valid JSON file',
  NOT_TIKTOK: 'This does not look like a TikTok export',
  NO_EXPORT_IN_FOLDER: 'No TikTok export in this folder',
  TOO_LARGE: 'The file is too large',
  CANCELLED: 'Import cancelled',
  DB_NEWER: 'Footprint needs an update',
  DB_UNREADABLE: 'The database cannot be opened',
  BAD_INPUT: 'Invalid request',
  FORBIDDEN: 'Request refused',
  DB_LOCKED: 'Your archive is locked',
  DB_BUSY: 'The database is busy',
  NO_KEYCHAIN: 'No secure keychain on this computer',
  DB_ENCRYPTED: 'Already encrypted',
  DB_NOT_ENCRYPTED: 'Not encrypted',
  BAD_PASSPHRASE: 'Choose a longer passphrase',
};

/** Errors of the encryption actions (Settings, the start-up screens), in words that say what happened and what to do. */
export function encryptionError(e: unknown): { title: string; message: string } {
  const h = humanError(e);
  switch (h.code) {
    case 'DB_LOCKED':
      return { title: 'Wrong passphrase', message: 'That passphrase does not open this archive. Check it (and Caps Lock) and try again.' };
    case 'DB_BUSY':
      return {
        title: 'The database is busy',
        message: 'Another Footprint window, the command-line tool or an import is using the archive. Close it or let it finish, then try again. Nothing was changed.',
      };
    case 'NO_KEYCHAIN':
      return {
        title: 'No secure keychain on this computer',
        message: 'Footprint cannot keep a device key safely here. Use a passphrase instead. Nothing was changed.',
      };
    case 'DB_ENCRYPTED':
      return { title: 'Already encrypted', message: 'Your archive is already encrypted. Change its passphrase or key instead.' };
    case 'DB_NOT_ENCRYPTED':
      return { title: 'Not encrypted', message: 'Your archive is not encrypted, so there is no key or passphrase to change. Encrypt it first.' };
    case 'BAD_INPUT':
    case 'BAD_PASSPHRASE':
      return { title: 'Choose a different passphrase', message: 'A passphrase needs 8 to 1024 characters.' };
    case 'DB_UNREADABLE':
      return { title: 'The change did not go through', message: h.message };
    default:
      if (/Wait for the import/.test(h.message)) {
        return { title: 'An import is running', message: 'Wait for the import to finish (or cancel it), then try again. Nothing was changed.' };
      }
      return { title: h.title === 'Something went wrong' ? 'The change did not go through' : h.title, message: h.message };
  }
}

/** A short title and a sentence for people, from any error. */
export function humanError(e: unknown): ApiError & { title: string } {
  if (e instanceof ApiCallError) {
    return { code: e.code, title: TITLES[e.code] ?? 'Something went wrong', message: e.message };
  }
  return { code: 'INTERNAL', title: 'Something went wrong', message: (e as Error)?.message ?? String(e) };
}
