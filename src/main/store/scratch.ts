// Scratch writes: connection-local temp tables (memory) that queries build to answer faster (a sort
// table, the snippets of a page of search hits), and answers kept for the next start
// (kept-answers.ts). They change no answer a query gives, but SQLite's total_changes() counts them,
// and caches of query results are keyed by it (changeStamp): so what scratch writes cost is counted
// here and left out of the stamp.
import type { ReadableDB } from './handles';

const ownChangesOf = new WeakMap<ReadableDB, number>();

const totalChanges = (db: ReadableDB): number => db.prepare('SELECT total_changes()').pluck().get() as number;

/** Runs writes that change no query's answer (temp tables, kept answers), keeping them out of changeStamp. */
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

interface KeptTables {
  next: number;
  tables: Map<string, { name: string; stamp: string }>;
}
const keptOf = new WeakMap<ReadableDB, KeptTables>();
/** scratch tables kept per connection (each a few MB at most), the oldest dropped first */
const MAX_KEPT = 8;

/**
 * A scratch table `build` fills under `key`, kept until the archive changes (changeStamp) and
 * built again after; its name (in the temp schema) is returned. Building it changes nothing in
 * the archive (scratchWrite).
 */
export function keptScratchTable(db: ReadableDB, prefix: string, key: string, build: (name: string) => void): string {
  let kept = keptOf.get(db);
  if (!kept) keptOf.set(db, (kept = { next: 0, tables: new Map() }));
  const k = `${prefix}\u0000${key}`;
  const stamp = changeStamp(db);
  const have = kept.tables.get(k);
  if (have?.stamp === stamp) return have.name;
  const name = scratchWrite(db, () => {
    if (have) {
      db.exec(`DROP TABLE IF EXISTS temp.${have.name}`);
      kept.tables.delete(k);
    }
    if (kept.tables.size >= MAX_KEPT) {
      const [oldKey, oldest] = kept.tables.entries().next().value!;
      db.exec(`DROP TABLE IF EXISTS temp.${oldest.name}`);
      kept.tables.delete(oldKey);
    }
    const name = `${prefix}_${kept.next++}`;
    build(name);
    return name;
  });
  kept.tables.set(k, { name, stamp: changeStamp(db) });
  return name;
}
