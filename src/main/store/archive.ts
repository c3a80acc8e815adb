// The archive's view of records: what is kept per dataset, which records the latest snapshot
// holding their dataset still has, and how many records left between two snapshots.
import type { ArchiveRecordRow } from '../../shared/contract';
import type { ReadableDB } from './handles';
import { recordRows, type RawRecord } from './records';

/** The latest snapshot, in export order, that contained the dataset. */
export function latestSnapshotWith(db: ReadableDB, dataset: string): number | null {
  const row = db
    .prepare(
      `SELECT s.id FROM snapshots s JOIN snapshot_datasets d ON d.snapshot_id = s.id AND d.dataset = ?
       ORDER BY coalesce(s.exported_at, s.imported_at) DESC, s.id DESC LIMIT 1`,
    )
    .get(dataset) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Distinct records kept per dataset, by dataset. */
export function keptPerDataset(db: ReadableDB): { dataset: string; n: number }[] {
  return db.prepare('SELECT dataset, count(*) AS n FROM records GROUP BY dataset ORDER BY dataset').all() as { dataset: string; n: number }[];
}

export function keptOf(db: ReadableDB, dataset: string): number {
  return (db.prepare('SELECT count(*) AS n FROM records WHERE dataset = ?').get(dataset) as { n: number }).n;
}

/** How many records of `dataset` the snapshot held (its own count; no scan). */
export function countIn(db: ReadableDB, snapshotId: number, dataset: string): number {
  const row = db.prepare('SELECT records FROM snapshot_datasets WHERE snapshot_id = ? AND dataset = ?').get(snapshotId, dataset) as { records: number } | undefined;
  return row?.records ?? 0;
}

/**
 * A page of the dataset's kept records, newest first, each with whether snapshot `latest` holds
 * it; `status` keeps only those it holds ('present') or does not ('gone').
 */
export function archivePage(db: ReadableDB, dataset: string, latest: number | null, status: 'all' | 'present' | 'gone', offset: number, limit: number): ArchiveRecordRow[] {
  const present = 'EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id)';
  const filter = status === 'present' ? `AND ${present}` : status === 'gone' ? `AND NOT ${present}` : '';
  const args = status === 'all' ? [dataset] : [dataset, latest ?? 0];
  const rows = db
    .prepare(`SELECT r.*, ${present} AS present FROM records r WHERE r.dataset = ? ${filter} ORDER BY r.at DESC, r.id LIMIT ? OFFSET ?`)
    .all(latest ?? 0, ...args, limit, offset) as (RawRecord & { present: number })[];
  return recordRows(db, rows).map((row, i) => ({ ...row, stillPresent: rows[i]!.present === 1 }));
}

/**
 * Records of `dataset` in snapshot `fromId` and not in `toId`, and how many of them are older
 * than `cutoff` (0 when null).
 */
export function goneBetween(db: ReadableDB, dataset: string, fromId: number, toId: number, cutoff: number | null): { gone: number; olderThanCutoff: number } {
  const r = db
    .prepare(
      `SELECT count(*) AS gone, coalesce(sum(r.at < ?), 0) AS older FROM records r
       WHERE r.dataset = ?
         AND EXISTS (SELECT 1 FROM record_snapshots a WHERE a.snapshot_id = ? AND a.record_id = r.id)
         AND NOT EXISTS (SELECT 1 FROM record_snapshots b WHERE b.snapshot_id = ? AND b.record_id = r.id)`,
    )
    .get(cutoff, dataset, fromId, toId) as { gone: number; older: number };
  return { gone: r.gone, olderThanCutoff: cutoff === null ? 0 : r.older };
}
