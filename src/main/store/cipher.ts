// Encryption at rest: the whole database file (and its WAL) encrypted by SQLite3 Multiple Ciphers,
// the SQLite build that better-sqlite3-multiple-ciphers bundles (2.4.0 at the time of writing).
//
// Cipher: 'chacha20' = ChaCha20-Poly1305 (sqleet-compatible, non-legacy): every page is encrypted
// and authenticated (16-byte nonce + 16-byte tag in each page's reserved bytes). Page 1 starts with
// the cipher's random 16-byte salt instead of "SQLite format 3\0"; bytes 16–23 stay in the clear
// (page size, versions, reserved bytes) so SQLite can size pages before it has a key. We set the
// cipher explicitly on every connection, so a change of the library's default cannot strand a file.
//
// Keys are always handed to SQLite as raw 32-byte keys (`PRAGMA key = "x'<64 hex>'"`), which
// bypasses SQLite3MC's own KDF (PBKDF2-HMAC-SHA256, 64,007 iterations for chacha20). Two sources:
//  - a random device key (crypto.randomBytes(32)) kept by the OS keychain (see ../keychain.ts);
//  - a passphrase, stretched here with scrypt (N=2^17, r=8, p=1: 128 MiB, memory-hard) salted with
//    that same per-file salt, read back from the first 16 bytes of the file. No side file is
//    needed, and every encrypt/rekey draws a fresh salt (we pass key+salt as "x'<96 hex>'").
//
// Facts checked against this build (see test/encryption.test.ts and the report):
//  - `PRAGMA rekey` on an UNENCRYPTED database in WAL mode fails ("Rekeying an unencrypted
//    database is not supported in WAL journal mode"); on an encrypted one in WAL mode 2.4.0 accepts
//    it but keeps the old salt (our salt would be ignored). So every rekey runs in journal mode
//    DELETE (after a TRUNCATE checkpoint) and goes back to WAL afterwards.
//  - Encrypting/decrypting changes the reserved bytes per page, which SQLite3MC does with an
//    internal VACUUM inside a transaction: crash-safe (rollback journal), no data lost.
//  - A wrong key fails the first read with SQLITE_NOTADB and writes nothing.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { randomBytes, scrypt, scryptSync } from 'node:crypto';
import { openDatabase, type DB } from './db';
import { StoreError } from './store-error';
import type { Api, EncryptionStatus } from '../../shared/contract';
import type { DeviceKeyStore } from '../vault/device-key';

export const CIPHER = 'chacha20';
export const KEY_BYTES = 32;
export const SALT_BYTES = 16;
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
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new StoreError('DB_LOCKED', 'The passphrase is empty.');
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
  if (!salt) throw new StoreError('DB_NOT_ENCRYPTED', 'This database is not encrypted, so it has no passphrase.');
  return deriveKeyAsync(passphrase, salt);
}

/** A fresh random 32-byte key (for the OS keychain). */
export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function checkKey(key: Uint8Array): Buffer {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) throw new TypeError(`A database key is ${KEY_BYTES} bytes.`);
  return Buffer.from(key);
}

function hasSecret(secret: Secret | undefined): secret is Secret {
  return !!secret && (secret.key !== undefined || secret.passphrase !== undefined);
}

/** `x'<key hex>[<salt hex>]'`: SQLite3MC's raw-key syntax (key + salt when the salt is to be set). */
function rawKeyLiteral(key: Buffer, salt?: Buffer): string {
  return `"x'${key.toString('hex')}${salt ? salt.toString('hex') : ''}'"`;
}

// The raw key each open connection was unlocked with, and how: lets a worker thread open its own
// connection with the same key, and lets the UI say how the database is protected.
const connectionKeys = new WeakMap<DB, { key: Buffer; via: 'key' | 'passphrase' }>();

/** The raw key this connection uses (undefined for a plain database). Pass it as {key} to openDatabase elsewhere. */
export function connectionKey(db: DB): Buffer | undefined {
  return connectionKeys.get(db)?.key;
}

export function unlockedWith(db: DB): 'key' | 'passphrase' | null {
  return connectionKeys.get(db)?.via ?? null;
}

export const MESSAGES = {
  wrong: 'The passphrase is wrong, or this is not a Footprint database.',
  needed: 'This database is encrypted: a passphrase is needed to open it.',
  notEncrypted: 'This database is not encrypted, so it opens without a passphrase (encrypt it to protect it with one).',
  already: 'This database is already encrypted; change its passphrase instead.',
  busy: 'The database is in use by another Footprint window or process. Close it and try again.',
} as const;

/**
 * Called by openDatabase straight after the connection is made, before any other statement:
 * applies the key (if any) and proves it by reading sqlite_master. On failure the connection is
 * closed, nothing has been written, and a StoreError says what to do: DB_LOCKED (encrypted: no or
 * wrong passphrase/key), DB_NOT_ENCRYPTED (a secret for a plain file), DB_UNREADABLE.
 */
export function unlockConnection(db: DB, path: string, secret?: Secret): void {
  const memory = path === ':memory:' || path === '';
  const state: FileState = memory ? 'empty' : databaseFileState(path);
  const keyed = hasSecret(secret) && !memory;
  try {
    if (keyed) {
      if (state === 'plaintext') throw new StoreError('DB_NOT_ENCRYPTED', MESSAGES.notEncrypted);
      const existingSalt = state === 'encrypted' || state === 'unknown' ? fileSalt(path) : null;
      const salt = existingSalt ?? randomBytes(SALT_BYTES); // a new file takes this salt
      const key = secret.key !== undefined ? checkKey(secret.key) : deriveKey(secret.passphrase!, salt);
      db.pragma(`cipher = '${CIPHER}'`);
      db.pragma(`key = ${rawKeyLiteral(key, existingSalt ? undefined : salt)}`);
      connectionKeys.set(db, { key, via: secret.key !== undefined ? 'key' : 'passphrase' });
    }
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
      if (keyed) throw new StoreError('DB_LOCKED', MESSAGES.wrong);
      if (state === 'encrypted') throw new StoreError('DB_LOCKED', MESSAGES.needed);
    }
    throw new StoreError('DB_UNREADABLE', `The database "${path}" cannot be opened: ${(e as Error).message}`);
  }
}

/** Whether `secret` opens the encrypted file at `path`; writes nothing. */
export function secretOpens(path: string, secret: Secret): boolean {
  if (databaseFileState(path) !== 'encrypted') return false;
  let db: DB;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch {
    return false;
  }
  try {
    unlockConnection(db, path, secret);
    return true;
  } catch {
    return false;
  } finally {
    if (db.open) db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Encrypt / rekey / decrypt an open connection, in place.

/** Encrypts the plain database behind `db` in place with a key or a new passphrase. */
export function encryptDatabase(db: DB, secret: Secret): void {
  const path = fileOf(db);
  if (isEncrypted(path)) throw new StoreError('DB_ENCRYPTED', MESSAGES.already);
  rekeyConnection(db, secret);
}

/** Re-encrypts the encrypted database behind `db` with a new key or passphrase (fresh salt). */
export function changeKey(db: DB, secret: Secret): void {
  const path = fileOf(db);
  if (!isEncrypted(path)) throw new StoreError('DB_NOT_ENCRYPTED', 'This database is not encrypted yet: encrypt it first.');
  rekeyConnection(db, secret);
}

/** Turns the encrypted database behind `db` back into a plain SQLite file. */
export function decryptDatabase(db: DB): void {
  const path = fileOf(db);
  if (!isEncrypted(path)) throw new StoreError('DB_NOT_ENCRYPTED', 'This database is not encrypted.');
  rekeyConnection(db, null);
}

function fileOf(db: DB): string {
  if (db.memory || !db.name) throw new StoreError('DB_UNREADABLE', 'An in-memory database cannot be encrypted.');
  return db.name;
}

function rekeyConnection(db: DB, secret: Secret | null): void {
  const path = fileOf(db);
  if (secret && !hasSecret(secret)) throw new TypeError('A key or a passphrase is needed.');
  if (db.inTransaction) throw new StoreError('DB_BUSY', MESSAGES.busy);
  let target: { key: Buffer; salt: Buffer; via: 'key' | 'passphrase' } | null = null;
  if (secret) {
    const salt = randomBytes(SALT_BYTES);
    const key = secret.key !== undefined ? checkKey(secret.key) : deriveKey(checkNewPassphrase(secret.passphrase!), salt);
    target = { key, salt, via: secret.key !== undefined ? 'key' : 'passphrase' };
  }
  const before = tableCounts(db);

  // Out of WAL: everything into the main file, then the rollback journal for the rewrite. Another
  // connection (a second window, a CLI run, the import worker) makes this fail: DB_BUSY, unchanged.
  try {
    const [ck] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (ck && ck.busy) throw new StoreError('DB_BUSY', MESSAGES.busy);
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new StoreError('DB_BUSY', MESSAGES.busy);
  } catch (e) {
    try {
      db.pragma('journal_mode = WAL');
    } catch {
      /* still WAL */
    }
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new StoreError('DB_BUSY', MESSAGES.busy);
    throw e;
  }
  try {
    db.pragma('temp_store = MEMORY'); // the rekey's VACUUM copy stays in memory, never in a temp file
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`rekey = ${target ? rawKeyLiteral(target.key, target.salt) : "''"}`);
  } catch (e) {
    throw new StoreError('DB_UNREADABLE', `Changing the database's encryption failed; it is unchanged: ${(e as Error).message}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
  if (target) connectionKeys.set(db, { key: target.key, via: target.via });
  else connectionKeys.delete(db);

  // Prove it from the file, on a second connection: the new secret (or none) opens it, and every
  // table still holds what it held.
  const check = new Database(path, { fileMustExist: true });
  try {
    if (target) {
      if (!fileSalt(path)?.equals(target.salt)) throw new Error('the file does not carry the new salt');
      check.pragma(`cipher = '${CIPHER}'`);
      check.pragma(`key = ${rawKeyLiteral(target.key)}`);
    } else if (isEncrypted(path)) throw new Error('the file is still encrypted');
    const after = tableCounts(check);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('row counts differ after the change');
  } catch (e) {
    throw new StoreError('DB_UNREADABLE', `The database's encryption was changed but could not be verified: ${(e as Error).message}`);
  } finally {
    check.close();
  }
}

export function checkNewPassphrase(passphrase: string): string {
  if (typeof passphrase !== 'string' || passphrase.length < PASSPHRASE_MIN || passphrase.length > PASSPHRASE_MAX) {
    throw new StoreError('BAD_PASSPHRASE', `A passphrase needs ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters.`);
  }
  return passphrase;
}

/** Rows per table (FTS shadow tables included): the "nothing was lost" check. */
export function tableCounts(db: DB): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The same on a file (opens it, changes it, closes it): for scripts, the desktop start-up, tests.

export function encryptDatabaseFile(path: string, secret: Secret): void {
  if (isEncrypted(path)) throw new StoreError('DB_ENCRYPTED', MESSAGES.already);
  withDatabase(path, undefined, (db) => encryptDatabase(db, secret));
}

export function changeDatabaseKey(path: string, current: Secret, next: Secret): void {
  withDatabase(path, current, (db) => changeKey(db, next));
}

export function decryptDatabaseFile(path: string, current: Secret): void {
  withDatabase(path, current, (db) => decryptDatabase(db));
}

function withDatabase(path: string, secret: Secret | undefined, fn: (db: DB) => void): void {
  const db = openDatabase(path, secret);
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
export function encryptionOperations(db: DB, deviceKeys?: DeviceKeyStore): EncryptionApi {
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
    if (!deviceKeys) throw new StoreError('NO_KEYCHAIN', 'A passphrase is needed: there is no system keychain to keep a key here.');
    const avail = await deviceKeys.availability();
    if (!avail.available) throw new StoreError('NO_KEYCHAIN', avail.message);
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
