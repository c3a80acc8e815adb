// The desktop app's door BEFORE the service exists: decide at start-up whether the database opens
// by itself (device key, or a plain file), needs its passphrase, or should get one (no real OS
// keychain: Linux with only the basic_text backend); then open the service when the window says so.
//
// Electron-free, like ipc-binding.ts: index.ts hands in the real ipcMain and deviceKeyStore(),
// test/unlock.test.ts and the e2e harness hand in plain objects and real SQLite files.
//
// Three channels (UNLOCK_CHANNELS), validated like the contract's (sender check, schema, an
// Envelope back, never a thrown error): 'unlock:status', 'unlock:submit' ({action, passphrase}),
// 'unlock:preference' ({encryption: 'suggest' | 'declined'}, the "continue without encryption"
// choice, also changeable in Settings). The contract channels are bound at the same time, against
// the gate: until the database is unlocked every operation answers DB_LOCKED.
import { readFileSync } from 'node:fs';
import {
  UNLOCK_INPUTS,
  type EncryptionStatus,
  type OperationName,
  type UnlockPreference,
  type UnlockStatus,
} from '../../shared/contract';
import type { ContractCaller } from '../../shared/contract';
import { unlockDatabase, writePrivateFile, type DeviceKeyStore, type UnlockResult } from './device-key';
import { FootprintError } from '../../shared/errors';
import { checkNewPassphrase, databaseFileState, keyForPassphrase, secretOpens } from './file-encryption';

// ---------------------------------------------------------------------------------------------
// The one preference: "keep my database unencrypted" (a small JSON file in userData).

export const PREFERENCES_FILE = 'preferences.json';

export interface Preferences {
  /** 'declined': do not suggest a passphrase, do not encrypt with a device key at start-up */
  encryption: 'suggest' | 'declined';
}

export interface PreferenceStore {
  get(): Preferences;
  set(p: Partial<Preferences>): void;
}

export const DEFAULT_PREFERENCES: Preferences = { encryption: 'suggest' };

/** Preferences kept in `path` (owner-only, written atomically); a missing or damaged file means the defaults. */
export function filePreferences(path: string): PreferenceStore {
  const get = (): Preferences => {
    try {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as Partial<Preferences>;
      return { encryption: doc?.encryption === 'declined' ? 'declined' : 'suggest' };
    } catch {
      return { ...DEFAULT_PREFERENCES };
    }
  };
  return {
    get,
    set(p) {
      writePrivateFile(path, JSON.stringify({ ...get(), ...p }, null, 2) + '\n');
    },
  };
}

export function memoryPreferences(initial: Partial<Preferences> = {}): PreferenceStore & { current: Preferences } {
  const store = {
    current: { ...DEFAULT_PREFERENCES, ...initial },
    get: () => ({ ...store.current }),
    set: (p: Partial<Preferences>) => void (store.current = { ...store.current, ...p }),
  };
  return store;
}

// ---------------------------------------------------------------------------------------------
// Start-up decision

/**
 * unlockDatabase (vault/device-key.ts) with the user's choice applied: once they chose to continue
 * without encryption, a plain (or new) database is opened as it is: no suggestion, no device key.
 */
export async function decideStartup(dbPath: string, store: DeviceKeyStore, prefs: PreferenceStore): Promise<UnlockResult> {
  if (prefs.get().encryption === 'declined') {
    const state = databaseFileState(dbPath);
    if (state === 'plaintext') return { status: 'ready', database: 'plaintext' };
    if (state === 'missing' || state === 'empty') return { status: 'ready', database: 'new' };
  }
  return unlockDatabase(dbPath, store);
}

// ---------------------------------------------------------------------------------------------
// The gate: holds the service once there is one.

/** What the gate needs of the service (the desktop app's WorkerService fits). */
export interface GateService extends ContractCaller {
  encryptDatabase(input: { passphrase?: string }): Promise<EncryptionStatus>;
  close(): void;
}

/** How to open the service: a raw key (device key, or derived from the passphrase), a new passphrase, or nothing. */
export type OpenSecret = { key: Buffer; fromPassphrase?: boolean } | { passphrase: string } | Record<string, never>;

/** The createService options for an OpenSecret. */
export function serviceSecret(secret: OpenSecret): { key?: Buffer; keyFromPassphrase?: boolean; passphrase?: string } {
  if ('key' in secret && secret.key) return { key: secret.key, keyFromPassphrase: secret.fromPassphrase === true };
  if ('passphrase' in secret && typeof secret.passphrase === 'string') return { passphrase: secret.passphrase };
  return {};
}

export interface UnlockGateOptions<S extends GateService> {
  dbPath: string;
  /** what decideStartup said */
  startup: UnlockResult;
  prefs: PreferenceStore;
  /** whether the OS keychain can keep a device key (DeviceKeyStore.availability()) */
  keychainAvailable: boolean;
  /** creates the service on the database (throws FootprintError as createService does) */
  open(secret: OpenSecret): S;
  /** called once, when the service exists */
  onReady?(service: S): void;
  /** how long to wait before answering the n-th wrong passphrase (default: 0.25 s doubling, at most 4 s) */
  failureDelay?(failures: number): number;
}

export interface UnlockGate<S extends GateService> extends ContractCaller {
  status(): UnlockStatus;
  submit(input: unknown): Promise<UnlockStatus>;
  setPreference(input: unknown): Promise<UnlockStatus>;
  /** the service, once the database is open */
  readonly service: S | null;
}

export const defaultFailureDelay = (failures: number): number => Math.min(250 * 2 ** Math.max(0, failures - 1), 4000);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The gate. A 'ready' start-up opens the service at once (its errors are thrown here, as before). */
export function createUnlockGate<S extends GateService>(opts: UnlockGateOptions<S>): UnlockGate<S> {
  const { dbPath, prefs } = opts;
  const startup = opts.startup;
  let service: S | null = null;
  let failures = 0;
  let busy = false;
  const delay = opts.failureDelay ?? defaultFailureDelay;

  const become = (s: S): S => {
    service = s;
    opts.onReady?.(s);
    return s;
  };

  if (startup.status === 'ready') become(opts.open(startup.key ? { key: startup.key } : {}));

  const status = (): UnlockStatus => {
    const base = {
      database: startup.database,
      keychainAvailable: opts.keychainAvailable,
      encryptionPreference: prefs.get().encryption,
      failures,
    };
    // the window words the screen from state and reason (no sentence crosses IPC)
    if (service || startup.status === 'ready') return { ...base, state: 'ready', reason: null };
    return { ...base, state: startup.status, reason: startup.reason };
  };

  async function unlock(passphrase: string): Promise<void> {
    const key = await keyForPassphrase(dbPath, passphrase); // scrypt on the thread pool, not the main thread
    if (!secretOpens(dbPath, { key })) {
      failures++;
      await sleep(delay(failures));
      throw new FootprintError('DB_LOCKED');
    }
    become(opts.open({ key, fromPassphrase: true }));
  }

  async function encrypt(passphrase: string): Promise<void> {
    checkNewPassphrase(passphrase);
    const state = databaseFileState(dbPath);
    if (state === 'missing' || state === 'empty') {
      // a new database is created encrypted: no plain page ever reaches the disk
      become(opts.open({ passphrase }));
    } else {
      const s = opts.open({});
      try {
        await s.encryptDatabase({ passphrase }); // in place, every row checked (file-encryption.ts)
      } catch (e) {
        s.close();
        throw e;
      }
      become(s);
    }
    prefs.set({ encryption: 'suggest' });
  }

  return {
    status,
    get service() {
      return service;
    },
    async submit(input) {
      const { action, passphrase } = UNLOCK_INPUTS.submit.parse(input ?? {});
      if (service) return status(); // already open (a second window, a double click): nothing to do
      if (busy) throw new FootprintError('DB_BUSY'); // already opening it (a double submit)
      busy = true;
      try {
        if (action === 'unlock') {
          if (startup.status !== 'passphrase-needed') throw new FootprintError('DB_NOT_ENCRYPTED');
          if (!passphrase) throw new FootprintError('DB_LOCKED');
          await unlock(passphrase);
        } else {
          if (startup.status !== 'passphrase-suggested') throw new FootprintError('DB_ENCRYPTED');
          if (action === 'encrypt') await encrypt(passphrase ?? '');
          else {
            prefs.set({ encryption: 'declined' });
            become(opts.open({}));
          }
        }
      } finally {
        busy = false;
      }
      return status();
    },
    async setPreference(input) {
      const { encryption }: UnlockPreference = UNLOCK_INPUTS.preference.parse(input ?? {});
      prefs.set({ encryption });
      return status();
    },
    async call(name: OperationName, input: unknown) {
      if (!service) throw new FootprintError('DB_LOCKED');
      const value = await service.call(name, input);
      // The start-up follows what the user last did: decrypting means "keep it plain" (no device
      // key slipped back in at the next start); encrypting means "suggest it again".
      if (name === 'decryptDatabase') prefs.set({ encryption: 'declined' });
      else if (name === 'encryptDatabase') prefs.set({ encryption: 'suggest' });
      return value;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The IPC binding of the three unlock channels.
