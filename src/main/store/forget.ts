// "Forget for good": delete records from every snapshot and keep only a tombstone of their
// fingerprints, so that re-importing an older export that still holds them does not bring them back
// (the import writer skips tombstoned fingerprints). Per-snapshot counts and time windows are
// corrected so they reveal nothing of what was forgotten; the file is compacted afterwards.
import type { ReadableDB, WritableDB } from './handles';
import { bulkSearchDelete } from './search';

/** The ids (of those given) that name no record. */
export function missingRecordIds(db: ReadableDB, ids: number[]): number[] {
  const exists = db.prepare('SELECT 1 FROM records WHERE id = ?');
  return [...new Set(ids)].filter((id) => exists.get(id) === undefined);
}

/** Forgets the records with these ids (unknown ids are skipped); returns how many were forgotten. */
export function forgetRecords(db: WritableDB, ids: number[], now: number): number {
  const forgotten = db
    .transaction((): number => {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS forget_ids (id INTEGER PRIMARY KEY)');
      db.exec('DELETE FROM temp.forget_ids');
      const add = db.prepare('INSERT OR IGNORE INTO temp.forget_ids (id) SELECT id FROM records WHERE id = ?');
      for (const id of ids) add.run(id);
      const n = (db.prepare('SELECT count(*) AS n FROM temp.forget_ids').get() as { n: number }).n;
      if (n === 0) return 0;

      db.prepare(
        `INSERT OR IGNORE INTO tombstones (fp_hi, fp_lo, dataset, forgotten_at)
         SELECT r.fp_hi, r.fp_lo, r.dataset, ? FROM temp.forget_ids f JOIN records r ON r.id = f.id`,
      ).run(now);

      // What each snapshot loses, per dataset.
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS forget_counts (snapshot_id INTEGER, dataset TEXT, n INTEGER, nnew INTEGER, PRIMARY KEY (snapshot_id, dataset))`);
      db.exec('DELETE FROM temp.forget_counts');
      db.exec(
        `INSERT INTO temp.forget_counts
         SELECT rs.snapshot_id, r.dataset, count(*), sum(r.first_snapshot = rs.snapshot_id)
         FROM temp.forget_ids f JOIN records r ON r.id = f.id
         CROSS JOIN snapshots s CROSS JOIN record_snapshots rs ON rs.snapshot_id = s.id AND rs.record_id = f.id
         GROUP BY rs.snapshot_id, r.dataset`,
      );
      db.exec(
        `UPDATE snapshot_datasets SET records = max(0, records - c.n), new = max(0, new - c.nnew)
         FROM temp.forget_counts c WHERE snapshot_datasets.snapshot_id = c.snapshot_id AND snapshot_datasets.dataset = c.dataset`,
      );
      db.exec(
        `UPDATE snapshots SET record_count = max(0, record_count - c.n), new_count = max(0, new_count - c.nnew)
         FROM (SELECT snapshot_id, sum(n) AS n, sum(nnew) AS nnew FROM temp.forget_counts GROUP BY snapshot_id) c
         WHERE snapshots.id = c.snapshot_id`,
      );

      // per snapshot, so that the primary key (snapshot_id, record_id) finds the rows
      const unlink = db.prepare('DELETE FROM record_snapshots WHERE snapshot_id = ? AND record_id IN (SELECT id FROM temp.forget_ids)');
      for (const s of db.prepare('SELECT id FROM snapshots').pluck().all() as number[]) unlink.run(s);
      // FTS5's secure-delete rewrote index pages per record (~70 µs each): the index forgets them
      // in one merge instead (search.ts), before the file is compacted below
      bulkSearchDelete(db, () => db.exec('DELETE FROM records WHERE id IN (SELECT id FROM temp.forget_ids)'));
      db.exec('DELETE FROM record_last WHERE record_id IN (SELECT id FROM temp.forget_ids)');

      // The oldest and newest times of the touched datasets, recomputed without the forgotten records.
      const edge = (dir: 'ASC' | 'DESC') =>
        `(SELECT r.at FROM records r WHERE r.dataset = snapshot_datasets.dataset AND r.at IS NOT NULL
            AND EXISTS (SELECT 1 FROM record_snapshots rs WHERE rs.snapshot_id = snapshot_datasets.snapshot_id AND rs.record_id = r.id)
          ORDER BY r.at ${dir} LIMIT 1)`;
      db.exec(
        `UPDATE snapshot_datasets SET oldest = ${edge('ASC')}, newest = ${edge('DESC')}
         WHERE (snapshot_id, dataset) IN (SELECT snapshot_id, dataset FROM temp.forget_counts)`,
      );
      db.exec('DELETE FROM temp.forget_ids');
      db.exec('DELETE FROM temp.forget_counts');
      return n;
    })
    .immediate();
  if (forgotten > 0) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
  }
  return forgotten;
}

export function tombstoneCount(db: ReadableDB): number {
  return (db.prepare('SELECT count(*) AS n FROM tombstones').get() as { n: number }).n;
}
