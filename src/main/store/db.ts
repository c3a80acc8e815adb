// Opening the one SQLite file that holds everything: pragmas, owner-only permissions, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, mkdirSync, openSync, chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations';
import { unlockConnection, type Secret } from './cipher';
import { StoreError } from './store-error';

export type DB = Database.Database;

/** `secret`: the raw 32-byte key or the passphrase of an encrypted database (a new file is created encrypted). */
export function openDatabase(path: string, secret?: Secret): DB {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  }
  let db: DB;
  try {
    db = new Database(path);
  } catch (e) {
    throw new StoreError('DB_UNREADABLE', `The database "${path}" cannot be opened: ${(e as Error).message}`);
  }
  unlockConnection(db, path, secret); // key first, then proof; closes db and throws StoreError on failure
  try {
    db.pragma('journal_mode = WAL');
  } catch (e) {
    db.close();
    throw new StoreError('DB_UNREADABLE', `The database "${path}" cannot be opened: ${(e as Error).message}`);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: DB): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    db.close();
    throw new StoreError('DB_NEWER', 'This database was written by a newer version of Footprint. Update Footprint to open it.');
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
