// The local archive: records stay after they vanish from later exports. Per record, whether it is
// still in the latest snapshot (by export time) that contained its dataset; per dataset, how each
// snapshot's window moved and how much aged out of it.
import { datasetSpec } from '../../shared/catalog';
import type { ArchivePage, ArchiveSummaryRow, RetentionRow, RetentionView } from '../../shared/contract';
import type { DB } from '../store/db';
import { agedOutCutoff, FULL_HISTORY } from './diff';
import { recordRows, type RawRecord } from '../store/records';
import { DAY_MS, orderedSnapshots } from './order';

/** The latest snapshot, in export order, that contained the dataset. */
export function latestSnapshotWith(db: DB, dataset: string): number | null {
  const row = db
    .prepare(
      `SELECT s.id FROM snapshots s JOIN snapshot_datasets d ON d.snapshot_id = s.id AND d.dataset = ?
       ORDER BY coalesce(s.exported_at, s.imported_at) DESC, s.id DESC LIMIT 1`,
    )
    .get(dataset) as { id: number } | undefined;
  return row?.id ?? null;
}

export function archiveRecords(db: DB, dataset: string, status: 'all' | 'present' | 'gone' = 'all', offset = 0, limit = 100): ArchivePage {
  const latest = latestSnapshotWith(db, dataset);
  const present = 'EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id)';
  const filter = status === 'present' ? `AND ${present}` : status === 'gone' ? `AND NOT ${present}` : '';
  const args = status === 'all' ? [dataset] : [dataset, latest ?? 0];
  // Totals from the per-snapshot counts (no scan): every record of the latest snapshot is kept here.
  const kept = (db.prepare('SELECT count(*) AS n FROM records WHERE dataset = ?').get(dataset) as { n: number }).n;
  const inLatest = Math.min(kept, latest === null ? 0 : latestCount(db, latest, dataset));
  const total = status === 'all' ? kept : status === 'present' ? inLatest : kept - inLatest;
  const rows = db
    .prepare(`SELECT r.*, ${present} AS present FROM records r WHERE r.dataset = ? ${filter} ORDER BY r.at DESC, r.id LIMIT ? OFFSET ?`)
    .all(latest ?? 0, ...args, limit, offset) as (RawRecord & { present: number })[];
  return { dataset, latestSnapshotId: latest, total, rows: recordRows(db, rows).map((row, i) => ({ ...row, stillPresent: rows[i]!.present === 1 })) };
}

function latestCount(db: DB, snapshotId: number, dataset: string): number {
  const row = db.prepare('SELECT records FROM snapshot_datasets WHERE snapshot_id = ? AND dataset = ?').get(snapshotId, dataset) as { records: number } | undefined;
  return row?.records ?? 0;
}

/** Per dataset kept in the archive: how many records, how many still in its latest snapshot. */
export function archiveSummary(db: DB): ArchiveSummaryRow[] {
  const kept = db.prepare('SELECT dataset, count(*) AS n FROM records GROUP BY dataset ORDER BY dataset').all() as { dataset: string; n: number }[];
  return kept.map(({ dataset, n }) => {
    const latest = latestSnapshotWith(db, dataset);
    const still = latest === null ? 0 : latestCount(db, latest, dataset);
    const stillPresent = Math.min(still, n);
    return { dataset, kept: n, stillPresent, gone: n - stillPresent, latestSnapshotId: latest };
  });
}

/** For each snapshot holding the dataset (export order): the window it covers and what left it since the previous one. */
export function retention(db: DB, dataset: string): RetentionView {
  const spec = datasetSpec(dataset);
  const present = new Map(
    (db.prepare('SELECT snapshot_id, records, oldest, newest FROM snapshot_datasets WHERE dataset = ?').all(dataset) as {
      snapshot_id: number;
      records: number;
      oldest: number | null;
      newest: number | null;
    }[]).map((r) => [r.snapshot_id, r]),
  );
  const gone = db.prepare(
    `SELECT count(*) AS gone, coalesce(sum(r.at < ?), 0) AS agedOut FROM records r
     WHERE r.dataset = ?
       AND EXISTS (SELECT 1 FROM record_snapshots a WHERE a.snapshot_id = ? AND a.record_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM record_snapshots b WHERE b.snapshot_id = ? AND b.record_id = r.id)`,
  );
  const snapshots: RetentionRow[] = [];
  let previous: number | null = null;
  for (const s of orderedSnapshots(db)) {
    const d = present.get(s.id);
    if (!d) continue;
    let agedOut: number | null = null;
    let vanished: number | null = null;
    if (previous !== null) {
      const cutoff = agedOutCutoff(dataset, { dataset, records: d.records, oldest: d.oldest, newest: d.newest }, s.time);
      const r = gone.get(cutoff, dataset, previous, s.id) as { gone: number; agedOut: number };
      agedOut = cutoff === null ? 0 : r.agedOut;
      vanished = r.gone - agedOut;
    }
    // the history this export actually held (older exports held 7–13 months of watch history, not 183 days)
    const windowDays = d.records > 1 && d.oldest !== null && d.newest !== null ? Math.round((d.newest - d.oldest) / DAY_MS) : null;
    snapshots.push({ snapshotId: s.id, exportedAt: s.exportedAt, oldest: d.oldest, newest: d.newest, windowDays, records: d.records, previousId: previous, agedOut, vanished });
    previous = s.id;
  }
  if (FULL_HISTORY.has(dataset)) return { dataset, windowDays: null, windowSource: null, snapshots };
  const observed = snapshots.findLast((r) => r.windowDays !== null)?.windowDays ?? null;
  if (observed !== null) return { dataset, windowDays: observed, windowSource: 'observed', snapshots };
  return { dataset, windowDays: spec?.windowDays ?? null, windowSource: spec?.windowDays ? 'catalog' : null, snapshots };
}
