// The device key: a random 32-byte database key kept in a small file in userData, itself encrypted
// by the OS (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/KWallet on
// Linux). Plain Node: shell/keychain.ts hands in Electron's safeStorage, tests hand in a fake.
//
// Linux without a keyring: safeStorage then "encrypts" with a hard-coded password
// (getSelectedStorageBackend() === 'basic_text'). We do not pretend: availability() says so and
// unlockDatabase() tells the UI to ask the user for a passphrase instead.
//
// Key file (JSON, 0600, written atomically):
//   {"format": "footprint-key", "version": 1, "backend": "<name>", "keys": ["<base64>", ...]}
// each entry is safeStorage's ciphertext of the key as 64 hex characters, newest first. More than
// one entry only between "new key stored" and "database re-keyed" (see commit), so a crash in
// between never leaves a database whose key is nowhere.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FootprintError } from '../../shared/errors';
import { databaseFileState, encryptDatabaseFile, KEY_BYTES, newKey, secretOpens } from './file-encryption';
import type { DeviceKeyStore, KeychainAvailability } from './key-store';

export type { DeviceKeyStore, KeychainAvailability } from './key-store';

/** The part of Electron's safeStorage we use (async API preferred: the sync one is gone in Electron 46). */
export interface SafeStorageLike {
  isEncryptionAvailable?(): boolean;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptString?(plainText: string): Buffer;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptString?(encrypted: Buffer): string;
  decryptStringAsync?(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only */
  getSelectedStorageBackend?(): string;
}



export const KEY_FILE_FORMAT = 'footprint-key';

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  backend: string;
  keys: string[];
}



export async function keychainAvailability(safe: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<KeychainAvailability> {
  let backend = platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown';
  if (platform === 'linux') {
    backend = safe.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text') return { available: false, reason: 'basic_text' };
    if (backend === 'unknown') return { available: false, reason: 'not_ready' };
  }
  let available: boolean;
  try {
    available = safe.isAsyncEncryptionAvailable ? await safe.isAsyncEncryptionAvailable() : (safe.isEncryptionAvailable?.() ?? false);
  } catch {
    available = false;
  }
  return available ? { available: true, backend } : { available: false, reason: 'unavailable' };
}

export function parseKeyFile(text: string): KeyFile | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const d = doc as Partial<KeyFile>;
  if (!d || typeof d !== 'object' || d.format !== KEY_FILE_FORMAT || d.version !== 1) return null;
  if (!Array.isArray(d.keys) || !d.keys.every((k) => typeof k === 'string' && /^[A-Za-z0-9+/=]+$/.test(k))) return null;
  return { format: KEY_FILE_FORMAT, version: 1, backend: typeof d.backend === 'string' ? d.backend : 'unknown', keys: d.keys };
}

export function serializeKeyFile(file: KeyFile): string {
  return JSON.stringify(file) + '\n';
}

/** Writes `text` to `path` owner-only (0600 file, 0700 folder), atomically: temp file, fsync, rename. */
export function writePrivateFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (process.platform !== 'win32') chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function createKeyStore(safe: SafeStorageLike, file: string, platform: NodeJS.Platform = process.platform): DeviceKeyStore {
  const encrypt = async (key: Buffer): Promise<string> => {
    const hex = key.toString('hex');
    const out = safe.encryptStringAsync ? await safe.encryptStringAsync(hex) : safe.encryptString!(hex);
    return Buffer.from(out).toString('base64');
  };
  const decrypt = async (entry: string): Promise<{ key: Buffer; reEncrypt: boolean } | null> => {
    try {
      const enc = Buffer.from(entry, 'base64');
      const { result, shouldReEncrypt } = safe.decryptStringAsync
        ? await safe.decryptStringAsync(enc)
        : { result: safe.decryptString!(enc), shouldReEncrypt: false };
      if (!/^[0-9a-f]+$/.test(result) || result.length !== KEY_BYTES * 2) return null;
      return { key: Buffer.from(result, 'hex'), reEncrypt: shouldReEncrypt };
    } catch {
      return null; // another machine's or user's key, or a damaged entry
    }
  };
  const read = (): KeyFile | null => {
    try {
      return parseKeyFile(readFileSync(file, 'utf8'));
    } catch {
      return null;
    }
  };
  const write = async (keys: string[]): Promise<void> => {
    const avail = await keychainAvailability(safe, platform);
    writePrivateFile(file, serializeKeyFile({ format: KEY_FILE_FORMAT, version: 1, backend: avail.available ? avail.backend : 'unknown', keys }));
  };
  const requireKeychain = async (): Promise<void> => {
    const avail = await keychainAvailability(safe, platform);
    if (!avail.available) throw new FootprintError('NO_KEYCHAIN', { reason: avail.reason });
  };
  const entries = async (): Promise<{ entry: string; key: Buffer | null; reEncrypt: boolean }[]> =>
    Promise.all(
      (read()?.keys ?? []).map(async (entry) => {
        const d = await decrypt(entry);
        return { entry, key: d?.key ?? null, reEncrypt: d?.reEncrypt ?? false };
      }),
    );

  return {
    availability: () => keychainAvailability(safe, platform),
    async load() {
      if (!(await keychainAvailability(safe, platform)).available) return [];
      const all = await entries();
      if (all.some((e) => e.key && e.reEncrypt)) {
        // the OS rotated its key: store ours again under the new one
        await write(await Promise.all(all.map(async (e) => (e.key ? encrypt(e.key) : e.entry))));
      }
      return all.flatMap((e) => (e.key ? [e.key] : []));
    },
    async create() {
      await requireKeychain();
      const key = newKey();
      const entry = await encrypt(key);
      const back = await decrypt(entry);
      if (!back || !back.key.equals(key)) throw new FootprintError('NO_KEYCHAIN', { reason: 'unavailable' });
      await write([entry, ...(read()?.keys ?? [])]);
      return key;
    },
    async commit(key) {
      await requireKeychain();
      await write([await encrypt(Buffer.from(key))]);
    },
    async discard(key) {
      const all = await entries();
      const keep = all.filter((e) => !e.key || !e.key.equals(Buffer.from(key))).map((e) => e.entry);
      if (keep.length === all.length) return;
      if (keep.length === 0) rmSync(file, { force: true });
      else await write(keep);
    },
    async clear() {
      rmSync(file, { force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Start-up: what the desktop app does before it creates the service.

export type UnlockResult =
  /** open with createService({dbPath, key}) (key undefined: a plain database, open without one) */
  | { status: 'ready'; database: 'new' | 'plaintext' | 'encrypted'; key?: Buffer; encryptedNow?: boolean }
  /** an encrypted database the device key does not open: ask for its passphrase, then createService({dbPath, passphrase}) */
  | { status: 'passphrase-needed'; database: 'encrypted' | 'unknown'; reason: 'no-device-key' | 'device-key-mismatch' | 'keychain-unavailable' }
  /** no keychain: suggest a passphrase (new database: createService({dbPath, passphrase}); plain one: service.encryptDatabase({passphrase})), or let the user continue unencrypted */
  | { status: 'passphrase-suggested'; database: 'new' | 'plaintext'; reason: 'basic_text' | 'unavailable' | 'not_ready' };

export async function unlockDatabase(dbPath: string, store: DeviceKeyStore, opts: { autoEncrypt?: boolean } = {}): Promise<UnlockResult> {
  const state = databaseFileState(dbPath);
  const avail = await store.availability();
  if (state === 'encrypted' || state === 'unknown') {
    const database = state;
    if (!avail.available) return { status: 'passphrase-needed', database, reason: 'keychain-unavailable' };
    const keys = await store.load();
    for (const key of keys) {
      if (secretOpens(dbPath, { key })) {
        if (keys.length > 1) await store.commit(key);
        return { status: 'ready', database: 'encrypted', key };
      }
    }
    return {
      status: 'passphrase-needed',
      database,
      reason: keys.length ? 'device-key-mismatch' : 'no-device-key',
    };
  }
  const database = state === 'plaintext' ? 'plaintext' : 'new';
  if (!avail.available) return { status: 'passphrase-suggested', database, reason: avail.reason };
  if (database === 'plaintext' && opts.autoEncrypt === false) return { status: 'ready', database };
  const key = await store.create();
  if (database === 'new') {
    await store.commit(key);
    return { status: 'ready', database, key }; // openDatabase creates it encrypted with this key
  }
  try {
    encryptDatabaseFile(dbPath, { key });
  } catch (e) {
    await store.discard(key);
    throw e;
  }
  await store.commit(key);
  return { status: 'ready', database, key, encryptedNow: true };
}
