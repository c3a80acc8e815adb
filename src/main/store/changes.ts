// What changed between two snapshots, as set operations over record_snapshots: the records added
// (in the newer, not the older) and gone (in the older, not the newer), computed once per pair into
// temp.diff_sets and then counted and paged through its index. Nothing here loops over records in
// JS; which gone records aged out (the cutoff) is the analysis' call (analysis/diff.ts).
import type { RecordPage } from '../../shared/contract';
import type { ReadableDB } from './handles';
import { recordRows, type RawRecord } from './records';

/** Record ids in one snapshot and not in the other: a merge of two primary-key ranges (MERGE (EXCEPT)). */
const ONLY_IN = `SELECT record_id FROM record_snapshots WHERE snapshot_id = ? EXCEPT SELECT record_id FROM record_snapshots WHERE snapshot_id = ? ORDER BY 1`;

/** Which pair (and database state) temp.diff_sets currently holds, per connection. */
const builtFor = new WeakMap<ReadableDB, string>();

/**
 * Fills temp.diff_sets with the records added (`to` not `from`) and gone (`from` not `to`), with
 * their dataset and time: two merges over record_snapshots. `state` (changeStateToken) lets a later
 * call for the same pair reuse the sets; without it they are always rebuilt.
 */
export function buildDiffSets(db: ReadableDB, fromId: number, toId: number, state?: string): void {
  const key = `${fromId}>${toId}|${state}`;
  if (state !== undefined && builtFor.get(db) === key) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS diff_sets (added INTEGER NOT NULL, dataset TEXT NOT NULL, at INTEGER, id INTEGER NOT NULL)`);
  db.exec('CREATE INDEX IF NOT EXISTS temp.diff_sets_page ON diff_sets (added, dataset, at, id)');
  db.exec('DELETE FROM temp.diff_sets');
  builtFor.delete(db);
  if (fromId !== toId) {
    const fill = db.prepare(
      `INSERT INTO temp.diff_sets (added, dataset, at, id)
       SELECT ?, r.dataset, r.at, r.id FROM (${ONLY_IN}) g CROSS JOIN records r ON r.id = g.record_id`,
    );
    fill.run(1, toId, fromId);
    fill.run(0, fromId, toId);
  }
  builtFor.set(db, key);
}

/** Records added per dataset (of the pair in temp.diff_sets). */
export function addedCounts(db: ReadableDB): Map<string, number> {
  const rows = db.prepare('SELECT dataset, count(*) AS n FROM temp.diff_sets WHERE added = 1 GROUP BY dataset').all() as { dataset: string; n: number }[];
  return new Map(rows.map((r) => [r.dataset, r.n]));
}

/** Records of `dataset` gone, and how many of them are older than `cutoff` (0 when null). */
export function goneCounts(db: ReadableDB, dataset: string, cutoff: number | null): { gone: number; olderThanCutoff: number } {
  const r = db
    .prepare('SELECT count(*) AS n, coalesce(sum(at < ?), 0) AS older FROM temp.diff_sets WHERE added = 0 AND dataset = ?')
    .get(cutoff, dataset) as { n: number; older: number };
  return { gone: r.n, olderThanCutoff: cutoff === null ? 0 : r.older };
}

/** Whether the pair's diff holds records of `dataset`: added ones, and any at all (index lookups). */
export function diffTouches(db: ReadableDB, dataset: string): { added: boolean; any: boolean } {
  const has = db.prepare('SELECT 1 FROM temp.diff_sets WHERE added = ? AND dataset = ? LIMIT 1');
  const added = has.get(1, dataset) !== undefined;
  return { added, any: added || has.get(0, dataset) !== undefined };
}

/** Which records of a diff to page through: added or gone, and for gone ones a time bound. */
export interface DiffSlice {
  added: boolean;
  dataset: string;
  /** only records older than this (aged out) */
  before?: number;
  /** only records without a time or at least this recent (vanished) */
  notBefore?: number;
}

/** A page of the records in a slice of temp.diff_sets, newest first, with the slice's total. */
export function diffRecordPage(db: ReadableDB, slice: DiffSlice, offset: number, limit: number): RecordPage {
  let where = 'd.added = ? AND d.dataset = ?';
  const params: unknown[] = [slice.added ? 1 : 0, slice.dataset];
  if (slice.before !== undefined) {
    where += ' AND d.at < ?';
    params.push(slice.before);
  }
  if (slice.notBefore !== undefined) {
    where += ' AND (d.at IS NULL OR d.at >= ?)';
    params.push(slice.notBefore);
  }
  const total = (db.prepare(`SELECT count(*) AS n FROM temp.diff_sets d WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT r.* FROM temp.diff_sets d CROSS JOIN records r ON r.id = d.id WHERE ${where} ORDER BY d.at DESC, d.id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as RawRecord[];
  return { total, rows: recordRows(db, rows) };
}

/**
 * Everything a diff depends on changes only through an import, a deleted snapshot, forgotten
 * records or deletion marks; this token captures all four, so diffs cached under it are never stale.
 */
export function changeStateToken(db: ReadableDB): string {
  const m = db.prepare(`SELECT count(*) || ':' || coalesce(sum(deleted_at), 0) || ':' || coalesce(max(marked_at), 0) FROM deletion_marks`).pluck().get() as string;
  return `${archiveStateToken(db)}|${m}`;
}

/**
 * changeStateToken without the deletion marks: what the records and exports are (charts, the
 * checklists' evidence). A snapshot's import time is in it: a snapshot deleted and another imported
 * under the same id, export time and count is another archive.
 */
export function archiveStateToken(db: ReadableDB): string {
  const r = db
    .prepare(
      `SELECT (SELECT group_concat(id || ':' || imported_at || ':' || coalesce(exported_at, '') || ':' || record_count) FROM snapshots) AS s,
              (SELECT count(*) FROM tombstones) AS t`,
    )
    .get() as { s: string | null; t: number };
  return `${r.s}|${r.t}`;
}
