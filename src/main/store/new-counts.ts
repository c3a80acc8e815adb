// "New" has one definition, kept here: a record is new in a snapshot when no snapshot exported
// earlier holds it (export order: exported_at, else imported_at, then id, as everywhere else). So a
// first import is all new, values datasets included (a key/value pair is new when no earlier export
// had that key with that value), an older export imported late takes the "new" from the newer one,
// and deleting a snapshot hands its "new" to the next export holding the same records.
//
// records.first_snapshot is the earliest holder in export order and record_last the latest (none:
// the first), so the per-snapshot counts are stored (snapshot_datasets.new, snapshots.new_count) and
// corrected in the same transaction that imports or deletes: reading them costs nothing, and an
// import exported after everything already there (the usual case) changes no other snapshot.
import type { ReadableDB, WritableDB } from './handles';

/** Snapshot ids, oldest export first. */
export function exportOrderIds(db: ReadableDB): number[] {
  return db.prepare('SELECT id FROM snapshots ORDER BY coalesce(exported_at, imported_at), id').pluck().all() as number[];
}

/** Adds n to the new count of (snapshot, dataset); the snapshot totals are summed later (refreshTotals). */
function shiftNew(db: WritableDB, moves: { snapshot: number; dataset: string; n: number }[]): void {
  const shift = db.prepare('UPDATE snapshot_datasets SET new = max(0, new + ?) WHERE snapshot_id = ? AND dataset = ?');
  for (const m of moves) shift.run(m.n, m.snapshot, m.dataset);
}

/**
 * After snapshot `id` was written (its exported_at set): when it was exported before snapshots
 * already there, it becomes the first holder of the records it shares with them (their "new" moves
 * to it) and the writer's "last seen here" goes back to the latest later holder.
 */
export function settleImported(db: WritableDB, id: number): void {
  const order = exportOrderIds(db);
  const later = order.slice(order.indexOf(id) + 1);
  if (later.length > 0) {
    const laterJson = JSON.stringify(later);
    const moved = db
      .prepare(
        `SELECT r.first_snapshot AS snapshot, r.dataset, count(*) AS n FROM record_snapshots rs JOIN records r ON r.id = rs.record_id
         WHERE rs.snapshot_id = ? AND r.first_snapshot IN (SELECT value FROM json_each(?)) GROUP BY 1, 2`,
      )
      .all(id, laterJson) as { snapshot: number; dataset: string; n: number }[];
    shiftNew(db, moved.flatMap((m) => [{ ...m, n: -m.n }, { snapshot: id, dataset: m.dataset, n: m.n }]));
    db.prepare(
      `UPDATE records SET first_snapshot = @id
       WHERE id IN (SELECT record_id FROM record_snapshots WHERE snapshot_id = @id) AND first_snapshot IN (SELECT value FROM json_each(@later))`,
    ).run({ id, later: laterJson });
    // The latest later holder wins: once moved off `id` a row no longer matches.
    const setLast = db.prepare(
      'UPDATE record_last SET snapshot_id = @s WHERE snapshot_id = @id AND record_id IN (SELECT record_id FROM record_snapshots WHERE snapshot_id = @s)',
    );
    for (const s of [...later].reverse()) setLast.run({ s, id });
  }
  refreshValueCounts(db);
  refreshTotals(db);
}

/**
 * Before snapshot `id` is removed (its record_snapshots rows already gone, its only-here records
 * deleted): the records it shared move their first and last holder to the nearest other snapshot
 * in export order, and a record whose first holder it was becomes new in the next one holding it.
 */
export function handOver(db: WritableDB, id: number): void {
  const others = exportOrderIds(db).filter((s) => s !== id);
  const moving = db.prepare(
    `SELECT dataset, count(*) AS n FROM records
     WHERE first_snapshot = @id AND id IN (SELECT record_id FROM record_snapshots WHERE snapshot_id = @s) GROUP BY dataset`,
  );
  const setFirst = db.prepare(
    'UPDATE records SET first_snapshot = @s WHERE first_snapshot = @id AND id IN (SELECT record_id FROM record_snapshots WHERE snapshot_id = @s)',
  );
  const setLast = db.prepare(
    'UPDATE record_last SET snapshot_id = @s WHERE snapshot_id = @id AND record_id IN (SELECT record_id FROM record_snapshots WHERE snapshot_id = @s)',
  );
  // The earliest other holder wins: once moved off `id` a row no longer matches.
  for (const s of others) {
    const moves = (moving.all({ s, id }) as { dataset: string; n: number }[]).map((m) => ({ snapshot: s, dataset: m.dataset, n: m.n }));
    if (moves.length === 0) continue;
    shiftNew(db, moves);
    setFirst.run({ s, id });
  }
  for (const s of [...others].reverse()) setLast.run({ s, id });
}

/**
 * The new counts of values datasets (profile, settings), recomputed for every snapshot: a pair is
 * new when no snapshot exported earlier had the same key with the same value. A few hundred rows.
 */
export function refreshValueCounts(db: WritableDB): void {
  db.exec(
    `WITH ord AS (SELECT id, row_number() OVER (ORDER BY coalesce(exported_at, imported_at), id) AS pos FROM snapshots)
     UPDATE snapshot_datasets SET new = (
       SELECT count(*) FROM snapshot_values v
       WHERE v.snapshot_id = snapshot_datasets.snapshot_id AND v.dataset = snapshot_datasets.dataset
         AND NOT EXISTS (
           SELECT 1 FROM snapshot_values e JOIN ord oe ON oe.id = e.snapshot_id
           WHERE e.dataset = v.dataset AND e.key = v.key AND e.value IS v.value
             AND oe.pos < (SELECT pos FROM ord WHERE id = v.snapshot_id)))
     WHERE (snapshot_id, dataset) IN (SELECT DISTINCT snapshot_id, dataset FROM snapshot_values)`,
  );
}

/** Each snapshot's new_count: the sum over its datasets. */
export function refreshTotals(db: WritableDB): void {
  db.exec('UPDATE snapshots SET new_count = (SELECT coalesce(sum(new), 0) FROM snapshot_datasets WHERE snapshot_id = snapshots.id)');
}
