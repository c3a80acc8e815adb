// The counts behind the charts: records per UTC quarter hour (analysis/charts-time.ts places each
// quarter on the user's clock), per dataset and, for logins and off-TikTok activity, per value. Read
// from the (dataset, at) index; one export's records only when a snapshot is given.
import type { ReadableDB } from './handles';
import { jsonPath } from './records';

const QUARTER_MS = 900_000;

/** Only the records a snapshot holds (none: the whole archive). */
const inSnapshot = (snapshotId: number | null): string =>
  snapshotId === null ? '' : 'AND EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = @snapshot AND s.record_id = r.id)';

/** [dataset, quarter, count] for each dataset asked for: quarter = floor(at / 15 min), UTC. */
export function quarterCounts(db: ReadableDB, datasets: readonly string[], snapshotId: number | null): [string, number, number][] {
  return db
    .prepare(
      `SELECT r.dataset, r.at / ${QUARTER_MS} AS q, count(*) FROM records r
       WHERE r.dataset IN (SELECT value FROM json_each(@datasets)) AND r.at IS NOT NULL ${inSnapshot(snapshotId)}
       GROUP BY r.dataset, q`,
    )
    .raw()
    .all({ datasets: JSON.stringify(datasets), snapshot: snapshotId }) as [string, number, number][];
}

/** [quarter, value, count] of one field of a dataset's records (value null: the record lacks it). */
export function fieldQuarterCounts(db: ReadableDB, dataset: string, field: string, snapshotId: number | null): [number, string | null, number][] {
  return db
    .prepare(
      `SELECT r.at / ${QUARTER_MS} AS q, CAST(r.data ->> ${jsonPath(field)} AS TEXT) AS v, count(*) FROM records r
       WHERE r.dataset = @dataset AND r.at IS NOT NULL ${inSnapshot(snapshotId)}
       GROUP BY q, v`,
    )
    .raw()
    .all({ dataset, snapshot: snapshotId }) as [number, string | null, number][];
}

export interface LoginGroup {
  q: number;
  device: string | null;
  ip: string | null;
  /** the earliest export holding these records (records.first_snapshot follows export order) */
  firstSnapshot: number;
  /** the earliest login time of the group */
  first: number;
  /** logins in the group that the snapshot asked for holds (all of them without one) */
  counted: number;
}

/** Every login of the archive grouped by quarter, device model, address and first export. */
export function loginGroups(db: ReadableDB, snapshotId: number | null): LoginGroup[] {
  const counted = snapshotId === null ? 'count(*)' : 'sum(EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = @snapshot AND s.record_id = r.id))';
  return (
    db
      .prepare(
        `SELECT r.at / ${QUARTER_MS} AS q, CAST(r.data ->> 'deviceModel' AS TEXT) AS device, CAST(r.data ->> 'ip' AS TEXT) AS ip,
                r.first_snapshot, min(r.at), ${counted} FROM records r
         WHERE r.dataset = 'login_history' AND r.at IS NOT NULL
         GROUP BY q, device, ip, r.first_snapshot`,
      )
      .raw()
      .all(snapshotId === null ? {} : { snapshot: snapshotId }) as [number, string | null, string | null, number, number, number][]
  ).map(([q, device, ip, firstSnapshot, first, n]) => ({ q, device, ip, firstSnapshot, first, counted: n }));
}

/** The datasets some export gave a time window for. */
export function datasetsWithWindows(db: ReadableDB): string[] {
  return db.prepare('SELECT DISTINCT dataset FROM snapshot_datasets WHERE oldest IS NOT NULL ORDER BY dataset').pluck().all() as string[];
}
