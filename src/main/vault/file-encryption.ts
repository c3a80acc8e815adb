// Encryption at rest, file by file: what is at a path, passphrases and their keys, and encrypting,
// re-keying and decrypting a whole archive. The PRAGMAs themselves are the store's (store/cipher.ts).
//
// The whole database file (and its WAL) is encrypted by SQLite3 Multiple Ciphers with
// ChaCha20-Poly1305. Page 1 starts with the cipher's random 16-byte salt instead of
// "SQLite format 3\0"; bytes 16–23 stay in the clear (page size, versions, reserved bytes) so
// SQLite can size pages before it has a key.
//
// Keys reach SQLite only as raw 32-byte keys. Two sources:
//  - a random device key (crypto.randomBytes(32)) kept by the OS keychain (vault/device-key.ts);
//  - a passphrase, stretched here with scrypt (N=2^17, r=8, p=1: 128 MiB, memory-hard) salted with
//    that same per-file salt, read back from the first 16 bytes of the file. No side file is
//    needed, and every encrypt/rekey draws a fresh salt.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { randomBytes, scrypt, scryptSync } from 'node:crypto';
import { FootprintError } from '../../shared/errors';
import type { Api, EncryptionStatus } from '../../shared/contract';
import { openDatabase, type ReadableDB, type WritableDB } from '../store/db';
import { fileTableCounts, KEY_BYTES, keyOpens, rekeyConnection, SALT_BYTES, tableCounts, unlockedWith, type ConnectionKey } from '../store/cipher';
import type { DeviceKeyStore } from './key-store';

export { KEY_BYTES } from '../store/cipher';

/** scrypt parameters for passphrases (OWASP's minimum for scrypt). Changing them strands every passphrase-protected file. */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
/** How a new passphrase must look (the contract enforces the same bounds). */
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 1024;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What opens a database: a raw 32-byte key, or a passphrase. Neither: a plain (unencrypted) database. */
export interface Secret {
  key?: Uint8Array;
  passphrase?: string;
}

export type FileState = 'missing' | 'empty' | 'plaintext' | 'encrypted' | 'unknown';

/** What is at `path`, from its first bytes only (never opens it as a database). */
export function databaseFileState(path: string): FileState {
  if (!existsSync(path)) return 'missing';
  const head = readHead(path, 100);
  if (head.length === 0) return 'empty';
  if (head.length >= 16 && head.subarray(0, 16).equals(SQLITE_MAGIC)) return 'plaintext';
  // An encrypted SQLite3MC page 1 keeps bytes 16–23 of the SQLite header readable; bytes 21–23
  // (payload fractions) are the constants 64, 32, 32 in every SQLite database.
  if (head.length >= 24 && head[21] === 64 && head[22] === 32 && head[23] === 32) return 'encrypted';
  return 'unknown';
}

/** True for an SQLite3MC-encrypted database: not "SQLite format 3\0" at the start, yet an SQLite page-1 layout. */
export function isEncrypted(path: string): boolean {
  return databaseFileState(path) === 'encrypted';
}

function readHead(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The cipher's per-file salt (the first 16 bytes of an encrypted file), or null. */
export function fileSalt(path: string): Buffer | null {
  if (!existsSync(path) || statSync(path).size < SALT_BYTES) return null;
  const head = readHead(path, SALT_BYTES);
  return head.equals(SQLITE_MAGIC) ? null : head;
}

function passphraseBytes(passphrase: string): Buffer {
  // an empty passphrase opens nothing: the archive stays locked
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new FootprintError('DB_LOCKED');
  // NFC: the same passphrase typed on another OS or keyboard layout gives the same bytes.
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** The raw key for a passphrase and salt (scrypt; ~0.3–0.8 s and 128 MiB, on purpose). */
export function deriveKey(passphrase: string, salt: Uint8Array): Buffer {
  return scryptSync(passphraseBytes(passphrase), salt, KEY_BYTES, SCRYPT);
}

export function deriveKeyAsync(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  const bytes = passphraseBytes(passphrase);
  return new Promise((resolve, reject) => scrypt(bytes, salt, KEY_BYTES, SCRYPT, (e, k) => (e ? reject(e) : resolve(k))));
}

/**
 * The raw key that opens the existing encrypted file at `path` with this passphrase (not verified).
 * Lets the desktop app stretch the passphrase off the main thread, and hand a worker thread the key
 * instead of the passphrase (see connectionKey).
 */
export async function keyForPassphrase(path: string, passphrase: string): Promise<Buffer> {
  const salt = fileSalt(path);
  if (!salt) throw new FootprintError('DB_NOT_ENCRYPTED');
  return deriveKeyAsync(passphrase, salt);
}

/** A fresh random 32-byte key (for the OS keychain). */
export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function checkNewPassphrase(passphrase: string): string {
  if (typeof passphrase !== 'string' || passphrase.length < PASSPHRASE_MIN) throw new FootprintError('BAD_PASSPHRASE', { reason: 'short' });
  if (passphrase.length > PASSPHRASE_MAX) throw new FootprintError('BAD_PASSPHRASE', { reason: 'long' });
  return passphrase;
}

function hasSecret(secret: Secret | undefined): secret is Secret {
  return !!secret && (secret.key !== undefined || secret.passphrase !== undefined);
}

/**
 * Opens the archive at `path` with a key, a passphrase or nothing. What is on disk decides what a
 * failure means: DB_LOCKED (encrypted: no or a wrong secret), DB_NOT_ENCRYPTED (a secret for a
 * plain file), otherwise the store's own errors. A new file given a secret is created encrypted.
 */
export function openArchive(path: string, secret?: Secret): WritableDB {
  const memory = path === ':memory:' || path === '';
  if (memory || !hasSecret(secret)) {
    if (!memory && databaseFileState(path) === 'encrypted') throw new FootprintError('DB_LOCKED');
    return openDatabase(path);
  }
  const state = databaseFileState(path);
  if (state === 'plaintext') throw new FootprintError('DB_NOT_ENCRYPTED');
  const existingSalt = state === 'encrypted' || state === 'unknown' ? fileSalt(path) : null;
  const salt = existingSalt ?? randomBytes(SALT_BYTES); // a new file takes this salt
  const key: ConnectionKey =
    secret.key !== undefined
      ? { key: secret.key, via: 'key' }
      : { key: deriveKey(secret.passphrase!, salt), via: 'passphrase' };
  return openDatabase(path, existingSalt ? key : { ...key, salt });
}

/** Whether `secret` opens the encrypted file at `path`; writes nothing. */
export function secretOpens(path: string, secret: Secret): boolean {
  if (databaseFileState(path) !== 'encrypted') return false;
  try {
    if (secret.key !== undefined) return keyOpens(path, secret.key);
    const salt = fileSalt(path);
    return !!salt && secret.passphrase !== undefined && keyOpens(path, deriveKey(secret.passphrase, salt));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Encrypt / rekey / decrypt an open connection, in place.

function fileOf(db: ReadableDB): string {
  if (db.memory || !db.name) throw new FootprintError('DB_UNREADABLE', { path: ':memory:', reason: 'in memory' });
  return db.name;
}

/** Encrypts the plain database behind `db` in place with a key or a new passphrase. */
export function encryptDatabase(db: WritableDB, secret: Secret): void {
  if (isEncrypted(fileOf(db))) throw new FootprintError('DB_ENCRYPTED');
  rekey(db, secret);
}

/** Re-encrypts the encrypted database behind `db` with a new key or passphrase (fresh salt). */
export function changeKey(db: WritableDB, secret: Secret): void {
  if (!isEncrypted(fileOf(db))) throw new FootprintError('DB_NOT_ENCRYPTED');
  rekey(db, secret);
}

/** Turns the encrypted database behind `db` back into a plain SQLite file. */
export function decryptDatabase(db: WritableDB): void {
  if (!isEncrypted(fileOf(db))) throw new FootprintError('DB_NOT_ENCRYPTED');
  rekey(db, null);
}

function rekey(db: WritableDB, secret: Secret | null): void {
  const path = fileOf(db);
  if (secret && !hasSecret(secret)) throw new FootprintError('BAD_INPUT', { field: 'secret', expected: 'a key or a passphrase' });
  let target: { key: Buffer; salt: Buffer; via: 'key' | 'passphrase' } | null = null;
  if (secret) {
    const salt = randomBytes(SALT_BYTES);
    const key = secret.key !== undefined ? Buffer.from(secret.key) : deriveKey(checkNewPassphrase(secret.passphrase!), salt);
    target = { key, salt, via: secret.key !== undefined ? 'key' : 'passphrase' };
  }
  const before = tableCounts(db);
  rekeyConnection(db, target);

  // Prove it from the file, on a second connection: the new secret (or none) opens it, and every
  // table still holds what it held.
  const unverified = (reason: string, cause?: unknown) => new FootprintError('DB_UNREADABLE', { path, reason: `not verified after the change: ${reason}` }, { cause });
  if (target && !fileSalt(path)?.equals(target.salt)) throw unverified('the file does not carry the new salt');
  if (!target && isEncrypted(path)) throw unverified('the file is still encrypted');
  let after: Record<string, number>;
  try {
    after = fileTableCounts(path, target?.key);
  } catch (e) {
    throw unverified((e as Error).message, e);
  }
  if (JSON.stringify(after) !== JSON.stringify(before)) throw unverified('row counts differ after the change');
}

// ---------------------------------------------------------------------------------------------
// The same on a file (opens it, changes it, closes it): for scripts, the desktop start-up, tests.

export function encryptDatabaseFile(path: string, secret: Secret): void {
  if (isEncrypted(path)) throw new FootprintError('DB_ENCRYPTED');
  withArchive(path, undefined, (db) => encryptDatabase(db, secret));
}

export function changeDatabaseKey(path: string, current: Secret, next: Secret): void {
  withArchive(path, current, (db) => changeKey(db, next));
}

export function decryptDatabaseFile(path: string, current: Secret): void {
  withArchive(path, current, (db) => decryptDatabase(db));
}

function withArchive(path: string, secret: Secret | undefined, fn: (db: WritableDB) => void): void {
  const db = openArchive(path, secret);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The contract's operations (the service spreads these in).

export type EncryptionApi = Pick<Api, 'encryptionStatus' | 'encryptDatabase' | 'changeKey' | 'decryptDatabase'>;

/**
 * encryptionStatus / encryptDatabase / changeKey / decryptDatabase over the service's connection.
 * A passphrase given: protect with it (and forget any device key). None: a new random device key
 * from `deviceKeys` (the desktop app's OS keychain), stored before the database is re-keyed.
 */
export function encryptionOperations(db: WritableDB, deviceKeys?: DeviceKeyStore): EncryptionApi {
  const status = async (): Promise<EncryptionStatus> => ({
    encrypted: !db.memory && isEncrypted(db.name),
    unlockedWith: unlockedWith(db),
    deviceKeyAvailable: deviceKeys ? (await deviceKeys.availability()).available : false,
  });
  const protect = async (passphrase: string | undefined, apply: (secret: Secret) => void): Promise<EncryptionStatus> => {
    if (passphrase !== undefined) {
      apply({ passphrase });
      await deviceKeys?.clear();
      return status();
    }
    if (!deviceKeys) throw new FootprintError('NO_KEYCHAIN', { reason: 'none' });
    const avail = await deviceKeys.availability();
    if (!avail.available) throw new FootprintError('NO_KEYCHAIN', { reason: avail.reason });
    const key = await deviceKeys.create(); // stored first: a crash mid-way never loses the key
    try {
      apply({ key });
    } catch (e) {
      await deviceKeys.discard(key);
      throw e;
    }
    await deviceKeys.commit(key);
    return status();
  };
  return {
    encryptionStatus: () => status(),
    encryptDatabase: ({ passphrase }) => protect(passphrase, (secret) => encryptDatabase(db, secret)),
    changeKey: ({ passphrase }) => protect(passphrase, (secret) => changeKey(db, secret)),
    decryptDatabase: async () => {
      decryptDatabase(db);
      await deviceKeys?.clear();
      return status();
    },
  };
}
