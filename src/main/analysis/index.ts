// Change tracking across repeated imports, as contract operations over one database. The service
// spreads these into its Api; the CLI's diff/timeline/forget/mark-deleted commands call them.
import type { Api, SnapshotDiff } from '../../shared/contract';
import type { DB } from '../store/db';
import { archiveRecords, archiveSummary, retention } from './archive';
import { changeAlerts } from './alerts';
import { datasetChanges, diffRecords } from './diff';
import { listDeletionMarks, markDeleted, stillThereFindings, unmarkDeleted } from './deletion';
import { forgetRecords } from './forget';
import { noSuchSnapshot, orderedSnapshots, resolvePair } from './order';
import { profileChanges } from './profile';
import { settingsChanges } from './settings';
import { timeline } from './timeline';

export type ChangeOperations = Pick<
  Api,
  | 'diffSnapshots'
  | 'diffRecords'
  | 'timeline'
  | 'archiveSummary'
  | 'archiveRecords'
  | 'retention'
  | 'markDeleted'
  | 'unmarkDeleted'
  | 'listDeletionMarks'
  | 'stillThere'
  | 'forgetRecords'
>;

/** The full comparison of two snapshots (default: the last two exports). */
export function diffSnapshots(db: DB, from?: number, to?: number, state?: string): SnapshotDiff {
  const pair = resolvePair(db, from, to);
  // Without a state token the added/gone sets are built afresh, once for this whole diff.
  const token = state ?? `diff:${++diffCount}`;
  return {
    from: pair.from.id,
    to: pair.to.id,
    datasets: datasetChanges(db, pair.from, pair.to, token),
    settings: settingsChanges(db, pair.from, pair.to),
    profile: profileChanges(db, pair.from, pair.to),
    alerts: changeAlerts(db, pair.from, pair.to, pair.ordered, token),
  };
}
let diffCount = 0;

/**
 * Everything a diff depends on changes only through an import, a deleted snapshot, forgotten
 * records or deletion marks; the token captures all four, so cached diffs are never stale.
 */
function stateToken(db: DB): string {
  const r = db
    .prepare(
      `SELECT (SELECT group_concat(id || ':' || coalesce(exported_at, '') || ':' || record_count) FROM snapshots) AS s,
              (SELECT count(*) FROM tombstones) AS t,
              (SELECT count(*) || ':' || coalesce(sum(deleted_at), 0) || ':' || coalesce(max(marked_at), 0) FROM deletion_marks) AS m`,
    )
    .get() as { s: string | null; t: number; m: string };
  return `${r.s}|${r.t}|${r.m}`;
}

export function changeOperations(db: DB): ChangeOperations {
  let token = '';
  const cache = new Map<string, SnapshotDiff>();
  const cachedDiff = (from?: number, to?: number): SnapshotDiff => {
    const now = stateToken(db);
    if (now !== token) {
      cache.clear();
      token = now;
    }
    const pair = resolvePair(db, from, to);
    const key = `${pair.from.id}>${pair.to.id}`;
    let d = cache.get(key);
    if (!d) {
      d = diffSnapshots(db, pair.from.id, pair.to.id, now);
      if (cache.size > 64) cache.clear();
      cache.set(key, d);
    }
    return d;
  };
  const snap = (id: number) => {
    const s = orderedSnapshots(db).find((x) => x.id === id);
    if (!s) throw noSuchSnapshot(id);
    return s;
  };
  return {
    diffSnapshots: async ({ from, to }) => cachedDiff(from, to),
    diffRecords: async ({ from, to, dataset, kind, offset, limit }) =>
      diffRecords(db, snap(from), snap(to), dataset, kind, offset, limit, stateToken(db)),
    timeline: async () => timeline(db, (from, to) => cachedDiff(from, to)),
    archiveSummary: async () => archiveSummary(db),
    archiveRecords: async ({ dataset, status, offset, limit }) => archiveRecords(db, dataset, status, offset, limit),
    retention: async ({ dataset }) => retention(db, dataset),
    markDeleted: async ({ recordId, deletedAt, note }) => markDeleted(db, recordId, deletedAt, note),
    unmarkDeleted: async ({ recordId }) => ({ unmarked: unmarkDeleted(db, recordId) }),
    listDeletionMarks: async () => listDeletionMarks(db),
    stillThere: async () => stillThereFindings(db),
    forgetRecords: async ({ ids }) => forgetRecords(db, ids),
  };
}
