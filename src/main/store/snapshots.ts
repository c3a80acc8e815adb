// Reading and removing snapshots, and the order their exports were made in.
import type { ReadableDB, WritableDB } from './handles';
import type { SnapshotSummary, SnapshotDetail } from '../../shared/contract';
import { handOver, refreshTotals, refreshValueCounts } from './new-counts';
import { bulkSearchDelete } from './search';
import { bulkValueDelete } from './field-values';

interface SnapshotRow {
  id: number;
  source_name: string;
  sha256: string;
  format: string;
  layout: string;
  exported_at: number | null;
  exported_at_source: SnapshotSummary['exportedAtSource'];
  imported_at: number;
  record_count: number;
  new_count: number;
  duplicate_count: number;
}

function summary(r: SnapshotRow): SnapshotSummary {
  return {
    id: r.id,
    sourceName: r.source_name,
    sha256: r.sha256,
    format: r.format as SnapshotSummary['format'],
    layout: r.layout,
    exportedAt: r.exported_at,
    exportedAtSource: r.exported_at_source,
    importedAt: r.imported_at,
    records: r.record_count,
    newRecords: r.new_count,
    duplicates: r.duplicate_count,
  };
}

export function listSnapshots(db: ReadableDB): SnapshotSummary[] {
  return (db.prepare('SELECT * FROM snapshots ORDER BY id').all() as SnapshotRow[]).map(summary);
}

export function findSnapshotBySha(db: ReadableDB, sha256: string): SnapshotSummary | undefined {
  const row = db.prepare('SELECT * FROM snapshots WHERE sha256 = ?').get(sha256) as SnapshotRow | undefined;
  return row && summary(row);
}

export function getSnapshot(db: ReadableDB, id: number): SnapshotDetail | undefined {
  const row = db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
  if (!row) return undefined;
  const datasets = (
    db.prepare('SELECT dataset, records, new, duplicates, oldest, newest, paths FROM snapshot_datasets WHERE snapshot_id = ? ORDER BY dataset').all(id) as (Omit<
      SnapshotDetail['datasets'][number],
      'paths'
    > & { paths: string })[]
  ).map((d) => ({ ...d, paths: JSON.parse(d.paths) as string[] }));
  const unknownSections = (
    db.prepare('SELECT path, empty, length(raw) AS bytes FROM snapshot_sections WHERE snapshot_id = ? ORDER BY path').all(id) as {
      path: string;
      empty: number;
      bytes: number;
    }[]
  ).map((s) => ({ path: s.path, empty: s.empty === 1, bytes: s.bytes }));
  const warnings = (db.prepare('SELECT path, code, params FROM snapshot_warnings WHERE snapshot_id = ? ORDER BY seq').all(id) as { path: string; code: string; params: string }[]).map(
    (w) => ({ path: w.path, code: w.code, params: JSON.parse(w.params) }) as SnapshotDetail['warnings'][number],
  );
  return { ...summary(row), datasets, unknownSections, warnings };
}

export function getRawSection(db: ReadableDB, snapshotId: number, path: string): string | undefined {
  const row = db.prepare('SELECT raw FROM snapshot_sections WHERE snapshot_id = ? AND path = ?').get(snapshotId, path) as { raw: string } | undefined;
  return row?.raw;
}

/** Removes a snapshot and every record only it held, then compacts the file so the data is really gone. */
export function deleteSnapshot(db: WritableDB, id: number): boolean {
  const deleted = db
    .transaction(() => {
      if (!db.prepare('SELECT 1 FROM snapshots WHERE id = ?').get(id)) return false;
      // first/last are the earliest/latest snapshot (in export order) holding a record: equal to this one means only this one.
      // (a record with no record_last row was last seen in its first snapshot)
      // the part of the archive this snapshot's records are (those it shares stay: an upper bound)
      const share = db.prepare('SELECT s.record_count * 1.0 / max(1, (SELECT count(*) FROM records)) FROM snapshots s WHERE s.id = ?').pluck().get(id) as number;
      bulkValueDelete(db, share, () =>
        bulkSearchDelete(db, () =>
          db.prepare('DELETE FROM records WHERE first_snapshot = @id AND NOT EXISTS (SELECT 1 FROM record_last WHERE record_id = records.id AND snapshot_id <> @id)').run({ id }),
        ),
      );
      db.prepare('DELETE FROM record_last WHERE snapshot_id = ? AND NOT EXISTS (SELECT 1 FROM records WHERE id = record_id)').run(id);
      db.prepare('DELETE FROM record_snapshots WHERE snapshot_id = ?').run(id);
      // Records it shared: their first/last holder and their "new" move to the nearest other
      // snapshot in export order (new-counts.ts).
      handOver(db, id);
      db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
      refreshValueCounts(db);
      refreshTotals(db);
      return true;
    })
    .immediate();
  if (deleted) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
  }
  return deleted;
}

/** The newest snapshot by id (the last imported), or null. */
export function latestSnapshotId(db: ReadableDB): number | null {
  return (db.prepare('SELECT max(id) AS id FROM snapshots').get() as { id: number | null }).id;
}

/** A snapshot as the change analysis places it in time. */
export interface SnapshotTimes {
  id: number;
  exportedAt: number | null;
  importedAt: number;
  sourceName: string;
  records: number;
}

/** Every snapshot, oldest export first (import time stands in for an unknown export time). */
export function snapshotsInExportOrder(db: ReadableDB): SnapshotTimes[] {
  return (
    db
      .prepare(
        `SELECT id, exported_at, imported_at, source_name, record_count FROM snapshots
         ORDER BY coalesce(exported_at, imported_at), id`,
      )
      .all() as { id: number; exported_at: number | null; imported_at: number; source_name: string; record_count: number }[]
  ).map((r) => ({ id: r.id, exportedAt: r.exported_at, importedAt: r.imported_at, sourceName: r.source_name, records: r.record_count }));
}

/** A dataset as one snapshot held it: its record count and time window. */
export interface SnapshotDataset {
  dataset: string;
  records: number;
  oldest: number | null;
  newest: number | null;
}

/** The datasets a snapshot contained (list and values datasets alike). */
export function snapshotDatasets(db: ReadableDB, snapshotId: number): SnapshotDataset[] {
  return db.prepare('SELECT dataset, records, oldest, newest FROM snapshot_datasets WHERE snapshot_id = ?').all(snapshotId) as SnapshotDataset[];
}

/** Per snapshot holding the dataset: its record count and time window. */
export function datasetInSnapshots(db: ReadableDB, dataset: string): Map<number, SnapshotDataset> {
  const rows = db.prepare('SELECT snapshot_id, dataset, records, oldest, newest FROM snapshot_datasets WHERE dataset = ?').all(dataset) as (SnapshotDataset & {
    snapshot_id: number;
  })[];
  return new Map(rows.map(({ snapshot_id, ...d }) => [snapshot_id, d]));
}
