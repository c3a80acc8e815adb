// The SQL side of encryption at rest: the PRAGMAs SQLite3 Multiple Ciphers (the SQLite build that
// better-sqlite3-multiple-ciphers bundles, 2.4.0 at the time of writing) reads a key and re-keys a
// file with. What a file is, passphrases, salts and key derivation, and the encrypt / rekey /
// decrypt orchestration are the vault's (vault/file-encryption.ts, whose header explains the design).
//
// Cipher: 'chacha20' = ChaCha20-Poly1305 (sqleet-compatible): every page encrypted and
// authenticated. We set it explicitly on every connection, so a change of the library's default
// cannot strand a file. Keys are always raw 32-byte keys (`PRAGMA key = "x'<64 hex>'"`), which
// bypasses SQLite3MC's own KDF; with 16 more bytes ("x'<96 hex>'") the file takes that salt.
//
// Facts checked against this build (test/encryption.test.ts):
//  - `PRAGMA rekey` on an UNENCRYPTED database in WAL mode fails; on an encrypted one in WAL mode it
//    is accepted but keeps the old salt. So every rekey runs in journal mode DELETE (after a
//    TRUNCATE checkpoint) and goes back to WAL afterwards.
//  - Encrypting/decrypting rewrites every page with an internal VACUUM inside a transaction:
//    crash-safe (rollback journal), no data lost.
//  - A wrong key fails the first read with SQLITE_NOTADB and writes nothing.
import Database from 'better-sqlite3-multiple-ciphers';
import { FootprintError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from './handles';

export const CIPHER = 'chacha20';
export const KEY_BYTES = 32;
/** The cipher's per-file salt: the first 16 bytes of an encrypted file. */
export const SALT_BYTES = 16;

/** What opens an encrypted connection: a raw key (none: a plain file); `salt` only when a new file is to take it. */
export interface ConnectionKey {
  key?: Uint8Array;
  salt?: Uint8Array;
  /** how the key was come by (what encryptionStatus reports); default 'key' */
  via?: 'key' | 'passphrase';
}

function checkKey(key: Uint8Array): Buffer {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) throw new FootprintError('INTERNAL', { reason: `a database key is ${KEY_BYTES} bytes` });
  return Buffer.from(key);
}

/** `x'<key hex>[<salt hex>]'`: SQLite3MC's raw-key syntax (key + salt when the salt is to be set). */
function rawKeyLiteral(key: Buffer, salt?: Uint8Array): string {
  return `"x'${key.toString('hex')}${salt ? Buffer.from(salt).toString('hex') : ''}'"`;
}

// The raw key each open connection was unlocked with, and how: lets a worker thread open its own
// connection with the same key, and lets the UI say how the database is protected.
const connectionKeys = new WeakMap<ReadableDB, { key: Buffer; via: 'key' | 'passphrase' }>();

/** The raw key this connection uses (undefined for a plain database). Pass it as {key} to openDatabase elsewhere. */
export function connectionKey(db: ReadableDB): Buffer | undefined {
  return connectionKeys.get(db)?.key;
}

export function unlockedWith(db: ReadableDB): 'key' | 'passphrase' | null {
  return connectionKeys.get(db)?.via ?? null;
}

function applyKey(db: Database.Database, raw: Uint8Array, salt?: Uint8Array): Buffer {
  const key = checkKey(raw);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = ${rawKeyLiteral(key, salt)}`);
  return key;
}

/**
 * Called by openDatabase straight after the connection is made, before any other statement:
 * applies the key (if any) and proves it by reading sqlite_master. On failure the connection is
 * closed and nothing has been written: DB_LOCKED (a key that does not open it), DB_UNREADABLE
 * (anything else, an encrypted file opened without a key included; the vault tells those apart
 * before it gets here).
 */
export function unlockConnection(db: ReadableDB, path: string, k?: ConnectionKey): void {
  const keyed = k?.key !== undefined && path !== ':memory:' && path !== '';
  try {
    if (keyed) connectionKeys.set(db, { key: applyKey(db, k!.key!, k!.salt), via: k!.via ?? 'key' });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if (e instanceof FootprintError) throw e;
    if (keyed && (e as { code?: string }).code === 'SQLITE_NOTADB') throw new FootprintError('DB_LOCKED', {}, { cause: e });
    throw new FootprintError('DB_UNREADABLE', { path, reason: (e as Error).message }, { cause: e });
  }
}

/** Whether this raw key opens the file at `path`; writes nothing. */
export function keyOpens(path: string, key: Uint8Array): boolean {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch {
    return false;
  }
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Re-encrypts the file behind `db` in place: with `target` (a raw key and a fresh salt), or back to
 * a plain file (null). Another connection to the file (a second window, a CLI run, the import
 * worker) makes this fail with DB_BUSY, the file unchanged.
 */
export function rekeyConnection(db: WritableDB, target: { key: Uint8Array; salt: Uint8Array; via: 'key' | 'passphrase' } | null): void {
  if (db.inTransaction) throw new FootprintError('DB_BUSY');
  const key = target ? checkKey(target.key) : null;
  // Out of WAL: everything into the main file, then the rollback journal for the rewrite.
  try {
    const [ck] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (ck && ck.busy) throw new FootprintError('DB_BUSY');
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new FootprintError('DB_BUSY');
  } catch (e) {
    try {
      db.pragma('journal_mode = WAL');
    } catch {
      /* still WAL */
    }
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new FootprintError('DB_BUSY', {}, { cause: e });
    throw e;
  }
  try {
    db.pragma('temp_store = MEMORY'); // the rekey's VACUUM copy stays in memory, never in a temp file
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`rekey = ${key && target ? rawKeyLiteral(key, target.salt) : "''"}`);
  } catch (e) {
    throw new FootprintError('DB_UNREADABLE', { path: db.name, reason: `rekey: ${(e as Error).message}` }, { cause: e });
  } finally {
    db.pragma('journal_mode = WAL');
  }
  if (key && target) connectionKeys.set(db, { key, via: target.via });
  else connectionKeys.delete(db);
}

/** Rows per table: the "nothing was lost" check around a rekey. */
export function tableCounts(db: ReadableDB | Database.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return out;
}

/** tableCounts of the file at `path`, read on a connection of its own (with `key` when encrypted). */
export function fileTableCounts(path: string, key?: Uint8Array): Record<string, number> {
  const check = new Database(path, { fileMustExist: true });
  try {
    if (key) applyKey(check, key);
    return tableCounts(check);
  } finally {
    check.close();
  }
}
