// Opening the one SQLite file that holds everything: pragmas, owner-only permissions, migrations.
// Encrypted files are opened with a raw key (store/cipher.ts); turning a passphrase into that key,
// and everything else about the file as a whole, is the vault's (vault/file-encryption.ts).
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, mkdirSync, openSync, chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { FootprintError } from '../../shared/errors';
import { MIGRATIONS } from './migrations';
import { unlockConnection, type ConnectionKey } from './cipher';
import { asWritable, type ReadableDB, type WritableDB } from './handles';

export type { DB, ReadableDB, WritableDB } from './handles';

/** `key`: the raw key of an encrypted database (with `salt`, a new file is created encrypted with it). */
export function openDatabase(path: string, key?: ConnectionKey): WritableDB {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  }
  let raw: Database.Database;
  try {
    raw = new Database(path);
  } catch (e) {
    throw new FootprintError('DB_UNREADABLE', { path, reason: (e as Error).message }, { cause: e });
  }
  const db = asWritable(raw);
  unlockConnection(db, path, key); // key first, then proof; closes db and throws on failure
  try {
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db.close();
    throw new FootprintError('DB_UNREADABLE', { path, reason: (e as Error).message }, { cause: e });
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

export function schemaVersion(db: ReadableDB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: WritableDB): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    db.close();
    throw new FootprintError('DB_NEWER', { found: current, supported: MIGRATIONS.length });
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
