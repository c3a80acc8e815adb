// The device key in plain Node: the key file and the "device key or passphrase" choice, with a fake
// safeStorage standing in for Electron's (same method names and behaviour, an in-memory OS key).
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createService } from '../src/main/service';
import { openDatabase } from '../src/main/store/db';
import { tableCounts } from '../src/main/store/cipher';
import { encryptDatabaseFile, isEncrypted, secretOpens } from '../src/main/vault/file-encryption';
import {
  createKeyStore,
  keychainAvailability,
  parseKeyFile,
  unlockDatabase,
  type SafeStorageLike,
} from '../src/main/vault/device-key';
import { smallExport, tempDir, writeJson } from './helpers';
import { fakeOsCipher } from './e2e/fake-keychain';

interface FakeOptions {
  backend?: string;
  available?: boolean;
  /** the "OS" secret: another machine or user has another one */
  osKey?: Buffer;
  /** decryptStringAsync reports shouldReEncrypt (the OS rotated its key) */
  rotate?: boolean;
  /** only the deprecated synchronous API */
  syncOnly?: boolean;
}

function fakeSafeStorage(o: FakeOptions = {}): SafeStorageLike & { osKey: Buffer; calls: string[] } {
  const osKey = o.osKey ?? randomBytes(32);
  const calls: string[] = [];
  const { enc, dec } = fakeOsCipher(osKey);
  const available = o.available ?? true;
  const base: SafeStorageLike & { osKey: Buffer; calls: string[] } = {
    osKey,
    calls,
    isEncryptionAvailable: () => available,
    encryptString: (t) => {
      calls.push('encryptString');
      if (!available) throw new Error('Encryption is not available.');
      return enc(t);
    },
    decryptString: (b) => {
      calls.push('decryptString');
      return dec(b);
    },
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
  };
  if (o.syncOnly) return base;
  return {
    ...base,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (t) => {
      calls.push('encryptStringAsync');
      if (!available) throw new Error('Encryption is not available.');
      return enc(t);
    },
    decryptStringAsync: async (b) => {
      calls.push('decryptStringAsync');
      return { result: dec(b), shouldReEncrypt: !!o.rotate };
    },
  };
}

const MARKER = 'secret-marker-123';
function exportWithMessage(dir: string): string {
  return writeJson(dir, {
    ...smallExport(),
    'Direct Messages': {
      'Chat History': { ChatHistory: { 'Chat History with friend_77:': [{ Date: '2024-11-02 10:00:00', From: 'friend_77', Content: MARKER }] } },
    },
  });
}

describe('keychain availability', () => {
  it('Linux basic_text is not a keychain: ask for a passphrase instead', async () => {
    expect(await keychainAvailability(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toMatchObject({ available: false, reason: 'basic_text' });
    expect(await keychainAvailability(fakeSafeStorage({ backend: 'unknown' }), 'linux')).toMatchObject({ available: false, reason: 'not_ready' });
    expect(await keychainAvailability(fakeSafeStorage({ backend: 'kwallet6' }), 'linux')).toEqual({ available: true, backend: 'kwallet6' });
    expect(await keychainAvailability(fakeSafeStorage({ available: false }), 'darwin')).toMatchObject({ available: false, reason: 'unavailable' });
    expect(await keychainAvailability(fakeSafeStorage(), 'win32')).toEqual({ available: true, backend: 'dpapi' });
    expect(await keychainAvailability(fakeSafeStorage({ syncOnly: true }), 'darwin')).toEqual({ available: true, backend: 'keychain' });
  });
});

describe('the key file', () => {
  it('holds the key only encrypted by the OS, owner-only, and rotates safely', async () => {
    const dir = tempDir();
    const file = join(dir, 'userData', 'footprint.key');
    const safe = fakeSafeStorage();
    const store = createKeyStore(safe, file, 'linux');
    expect(await store.load()).toEqual([]);

    const k1 = await store.create();
    expect(k1).toHaveLength(32);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(k1.toString('hex'));
    expect(text).not.toContain(k1.toString('base64'));
    expect(parseKeyFile(text)).toMatchObject({ format: 'footprint-key', version: 1, backend: 'gnome_libsecret' });
    if (process.platform !== 'win32') {
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
      expect((statSync(join(dir, 'userData')).mode & 0o777).toString(8)).toBe('700');
    }
    expect(await store.load()).toEqual([k1]);

    const k2 = await store.create(); // stored before any database uses it; the old one stays until commit
    expect(await store.load()).toEqual([k2, k1]);
    await store.commit(k2);
    expect(await store.load()).toEqual([k2]);
    const k3 = await store.create();
    await store.discard(k3);
    expect(await store.load()).toEqual([k2]);
    await store.clear();
    expect(existsSync(file)).toBe(false);
    expect(safe.calls).not.toContain('encryptString'); // the async API when there is one
  });

  it("another machine's (or user's) key file gives no key; a rotated OS key re-encrypts the file", async () => {
    const dir = tempDir();
    const file = join(dir, 'footprint.key');
    const key = await createKeyStore(fakeSafeStorage(), file, 'darwin').create();
    expect(await createKeyStore(fakeSafeStorage(), file, 'darwin').load()).toEqual([]);

    const osKey = randomBytes(32);
    const mine = createKeyStore(fakeSafeStorage({ osKey }), join(dir, 'mine.key'), 'darwin');
    const k = await mine.create();
    const before = readFileSync(join(dir, 'mine.key'), 'utf8');
    expect(await createKeyStore(fakeSafeStorage({ osKey, rotate: true }), join(dir, 'mine.key'), 'darwin').load()).toEqual([k]);
    expect(readFileSync(join(dir, 'mine.key'), 'utf8')).not.toBe(before);
    expect(await createKeyStore(fakeSafeStorage({ osKey, syncOnly: true }), join(dir, 'mine.key'), 'darwin').load()).toEqual([k]);
    expect(key).toHaveLength(32);
  });

  it('refuses to create a key without a real keychain', async () => {
    const dir = tempDir();
    const store = createKeyStore(fakeSafeStorage({ backend: 'basic_text' }), join(dir, 'footprint.key'), 'linux');
    await expect(store.create()).rejects.toMatchObject({ code: 'NO_KEYCHAIN' });
    expect(existsSync(join(dir, 'footprint.key'))).toBe(false);
  });
});

describe('unlocking at start-up', () => {
  it('a new database gets a device key and is created encrypted; the next start opens it with that key', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'Footprint', 'footprint.db');
    const safe = fakeSafeStorage();
    const store = createKeyStore(safe, join(dir, 'Footprint', 'footprint.key'), 'linux');
    const first = await unlockDatabase(dbPath, store);
    expect(first).toMatchObject({ status: 'ready', database: 'new' });
    if (first.status !== 'ready') throw new Error();
    const service = createService({ dbPath, key: first.key, deviceKeys: store });
    await service.importExport({ path: exportWithMessage(join(dir, 'export')) });
    expect(await service.encryptionStatus({})).toEqual({ encrypted: true, unlockedWith: 'key', deviceKeyAvailable: true });
    service.close();
    expect(isEncrypted(dbPath)).toBe(true);
    expect(readFileSync(dbPath).includes(MARKER)).toBe(false);

    const second = await unlockDatabase(dbPath, createKeyStore(safe, join(dir, 'Footprint', 'footprint.key'), 'linux'));
    expect(second).toMatchObject({ status: 'ready', database: 'encrypted' });
    if (second.status !== 'ready') throw new Error();
    expect(second.key!.equals(first.key!)).toBe(true);
  });

  it('an existing plain database is encrypted in place with a new device key, keeping every row', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'footprint.db');
    const s = createService({ dbPath });
    await s.importExport({ path: exportWithMessage(join(dir, 'export')) });
    const before = tableCounts(s.db);
    s.close();
    const store = createKeyStore(fakeSafeStorage(), join(dir, 'footprint.key'), 'win32');

    expect(await unlockDatabase(dbPath, store, { autoEncrypt: false })).toEqual({ status: 'ready', database: 'plaintext' });
    expect(isEncrypted(dbPath)).toBe(false);

    const r = await unlockDatabase(dbPath, store);
    expect(r).toMatchObject({ status: 'ready', database: 'plaintext', encryptedNow: true });
    if (r.status !== 'ready') throw new Error();
    expect(isEncrypted(dbPath)).toBe(true);
    expect(readFileSync(dbPath).includes(MARKER)).toBe(false);
    const db = openDatabase(dbPath, { key: r.key });
    expect(tableCounts(db)).toEqual(before);
    db.close();
    expect(await store.load()).toEqual([r.key]);
  });

  it('no keychain (Linux basic_text): a passphrase is suggested or needed, never a fake-protected key', async () => {
    const dir = tempDir();
    const store = createKeyStore(fakeSafeStorage({ backend: 'basic_text' }), join(dir, 'footprint.key'), 'linux');
    const dbPath = join(dir, 'footprint.db');
    expect(await unlockDatabase(dbPath, store)).toMatchObject({ status: 'passphrase-suggested', database: 'new', reason: 'basic_text' });
    expect(existsSync(join(dir, 'footprint.key'))).toBe(false);

    const service = createService({ dbPath, passphrase: 'chosen by the user' });
    service.close();
    expect(await unlockDatabase(dbPath, store)).toMatchObject({ status: 'passphrase-needed', database: 'encrypted', reason: 'keychain-unavailable' });

    const plainPath = join(dir, 'plain.db');
    createService({ dbPath: plainPath }).close();
    expect(await unlockDatabase(plainPath, store)).toMatchObject({ status: 'passphrase-suggested', database: 'plaintext' });
    expect(isEncrypted(plainPath)).toBe(false);
  });

  it("a passphrase-protected database, or a stale key, asks for the passphrase", async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'footprint.db');
    createService({ dbPath }).close();
    encryptDatabaseFile(dbPath, { passphrase: 'the user passphrase' });
    const safe = fakeSafeStorage();
    const store = createKeyStore(safe, join(dir, 'footprint.key'), 'darwin');
    expect(await unlockDatabase(dbPath, store)).toMatchObject({ status: 'passphrase-needed', reason: 'no-device-key' });
    await store.create();
    expect(await unlockDatabase(dbPath, store)).toMatchObject({ status: 'passphrase-needed', reason: 'device-key-mismatch' });
  });

  it('a crash between storing a new key and re-keying loses nothing: the old key still opens, and wins', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'footprint.db');
    const store = createKeyStore(fakeSafeStorage(), join(dir, 'footprint.key'), 'darwin');
    const first = await unlockDatabase(dbPath, store);
    if (first.status !== 'ready') throw new Error();
    createService({ dbPath, key: first.key }).close();
    await store.create(); // ... and the re-key never happened
    expect(await store.load()).toHaveLength(2);
    const again = await unlockDatabase(dbPath, store);
    expect(again).toMatchObject({ status: 'ready', database: 'encrypted' });
    if (again.status !== 'ready') throw new Error();
    expect(again.key!.equals(first.key!)).toBe(true);
    expect(await store.load()).toEqual([first.key]);
  });
});

describe('the service with a device-key store', () => {
  it('encrypts with a new device key, switches to a passphrase (forgetting the key), and decrypts', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'footprint.db');
    const keyFile = join(dir, 'footprint.key');
    const store = createKeyStore(fakeSafeStorage(), keyFile, 'darwin');
    const service = createService({ dbPath, deviceKeys: store });
    await service.importExport({ path: exportWithMessage(join(dir, 'export')) });
    const before = tableCounts(service.db);
    expect(await service.encryptionStatus({})).toEqual({ encrypted: false, unlockedWith: null, deviceKeyAvailable: true });

    expect(await service.call('encryptDatabase', {})).toEqual({ encrypted: true, unlockedWith: 'key', deviceKeyAvailable: true });
    const [key] = await store.load();
    expect(secretOpens(dbPath, { key: key! })).toBe(true);

    await service.call('changeKey', {}); // a fresh device key
    const [key2] = await store.load();
    expect(key2!.equals(key!)).toBe(false);
    expect(secretOpens(dbPath, { key: key! })).toBe(false);
    expect(secretOpens(dbPath, { key: key2! })).toBe(true);

    expect(await service.changeKey({ passphrase: 'for the command line too' })).toMatchObject({ unlockedWith: 'passphrase' });
    expect(existsSync(keyFile)).toBe(false);
    expect(secretOpens(dbPath, { passphrase: 'for the command line too' })).toBe(true);

    expect(await service.decryptDatabase({})).toEqual({ encrypted: false, unlockedWith: null, deviceKeyAvailable: true });
    expect(tableCounts(service.db)).toEqual(before);
    service.close();
  });

  it('without a keychain, encrypting needs a passphrase', async () => {
    const dir = tempDir();
    const store = createKeyStore(fakeSafeStorage({ backend: 'basic_text' }), join(dir, 'footprint.key'), 'linux');
    const service = createService({ dbPath: join(dir, 'footprint.db'), deviceKeys: store });
    await expect(service.call('encryptDatabase', {})).rejects.toMatchObject({ code: 'NO_KEYCHAIN', params: { reason: 'basic_text' } });
    expect(isEncrypted(join(dir, 'footprint.db'))).toBe(false);
    service.close();
  });
});
