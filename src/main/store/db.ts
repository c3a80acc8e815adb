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
  let existed = true;
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // A new file is created owner-only; an existing one is only made so once it has proved to be an
    // archive (below): a wrong --db must leave that file exactly as it was, mode included.
    if (!existsSync(path)) {
      try {
        closeSync(openSync(path, 'wx', 0o600));
        existed = false;
      } catch (e) {
        // a dangling link or a file that appeared meanwhile: opened (and checked) as it is
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new FootprintError('DB_UNREADABLE', { path, reason: (e as Error).message }, { cause: e });
      }
    }
  }
  let raw: Database.Database;
  try {
    raw = new Database(path);
  } catch (e) {
    throw new FootprintError('DB_UNREADABLE', { path, reason: (e as Error).message }, { cause: e });
  }
  const db = asWritable(raw);
  unlockConnection(db, path, key); // key first, then proof; closes db and throws on failure
  // Another program's SQLite database: ours always has a user_version once it has tables. Refused
  // before WAL mode or a migration writes a byte into it.
  if (existed && schemaVersion(db) === 0 && (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n > 0) {
    db.close();
    throw new FootprintError('DB_UNREADABLE', { path, reason: 'not a Footprint archive' });
  }
  busyAsCode(raw);
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
  if (existed && path !== ':memory:' && process.platform !== 'win32') chmodSync(path, 0o600);
  return db;
}

const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
};

/**
 * Transactions that cannot get the write lock within busy_timeout (another import holds it) fail
 * with DB_BUSY, which every door words plainly, instead of an INTERNAL "database is locked".
 */
function busyAsCode(raw: Database.Database): void {
  const wrap = <F extends (...a: never[]) => unknown>(f: F): F =>
    function (this: unknown, ...a: Parameters<F>) {
      try {
        return f.apply(this, a);
      } catch (e) {
        if (isBusy(e)) throw new FootprintError('DB_BUSY', {}, { cause: e });
        throw e;
      }
    } as F;
  const transaction = raw.transaction.bind(raw);
  raw.transaction = ((fn: Parameters<typeof transaction>[0]) => {
    const t = transaction(fn);
    return Object.assign(wrap(t), { deferred: wrap(t.deferred), immediate: wrap(t.immediate), exclusive: wrap(t.exclusive), default: wrap(t.default) });
  }) as typeof raw.transaction;
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
