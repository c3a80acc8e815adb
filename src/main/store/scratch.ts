// Scratch writes: connection-local temp tables (memory) that queries build to answer faster (a sort
// table, the snippets of a page of search hits). They change nothing in the archive, but SQLite's
// total_changes() counts them, and caches of query results are keyed by it (changeStamp): so what
// scratch writes cost is counted here and left out of the stamp.
import type { ReadableDB } from './handles';

const ownChangesOf = new WeakMap<ReadableDB, number>();

const totalChanges = (db: ReadableDB): number => db.prepare('SELECT total_changes()').pluck().get() as number;

/** Runs writes to temp tables only, keeping them out of changeStamp. */
export function scratchWrite<T>(db: ReadableDB, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    ownChangesOf.set(db, (ownChangesOf.get(db) ?? 0) + totalChanges(db) - before);
  }
}

/** Changes whenever this or another connection writes the archive: what caches of query results are keyed by. */
export function changeStamp(db: ReadableDB): string {
  return `${db.pragma('data_version', { simple: true })}:${totalChanges(db) - (ownChangesOf.get(db) ?? 0)}`;
}
