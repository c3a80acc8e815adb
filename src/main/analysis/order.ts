// Snapshots in the order their exports were made (not the order they were imported: a user may
// import last year's export after this year's), and the small helpers every analysis shares.
import { SchemaError } from '../../shared/schema';
import { datasetSpec } from '../../shared/catalog';
import type { DB } from '../store/db';

export interface Snap {
  id: number;
  exportedAt: number | null;
  importedAt: number;
  sourceName: string;
  records: number;
  /** export time, or import time when the export's own time is unknown */
  time: number;
}

export interface PresentDataset {
  dataset: string;
  records: number;
  oldest: number | null;
  newest: number | null;
}

export const DAY_MS = 86_400_000;

/** Every snapshot, oldest export first. */
export function orderedSnapshots(db: DB): Snap[] {
  return (
    db
      .prepare(
        `SELECT id, exported_at, imported_at, source_name, record_count FROM snapshots
         ORDER BY coalesce(exported_at, imported_at), id`,
      )
      .all() as { id: number; exported_at: number | null; imported_at: number; source_name: string; record_count: number }[]
  ).map((r) => ({
    id: r.id,
    exportedAt: r.exported_at,
    importedAt: r.imported_at,
    sourceName: r.source_name,
    records: r.record_count,
    time: r.exported_at ?? r.imported_at,
  }));
}

export function noSuchSnapshot(id: number): SchemaError {
  return new SchemaError(`There is no snapshot ${id}.`);
}

/** The two snapshots to compare: as given, or by default the last two exports. */
export function resolvePair(db: DB, from?: number, to?: number): { from: Snap; to: Snap; ordered: Snap[] } {
  const ordered = orderedSnapshots(db);
  const byId = new Map(ordered.map((s) => [s.id, s]));
  const pick = (id: number): Snap => {
    const s = byId.get(id);
    if (!s) throw noSuchSnapshot(id);
    return s;
  };
  if (from !== undefined && to !== undefined) return { from: pick(from), to: pick(to), ordered };
  if (ordered.length < 2) {
    throw new SchemaError(
      ordered.length === 0
        ? 'There are no snapshots yet: import two exports to see what changed.'
        : 'There is only one snapshot: import a later export to see what changed.',
    );
  }
  if (to !== undefined) {
    const t = pick(to);
    const i = ordered.indexOf(t);
    if (i === 0) throw new SchemaError(`Snapshot ${to} is the oldest export; there is nothing before it to compare with.`);
    return { from: from !== undefined ? pick(from) : ordered[i - 1]!, to: t, ordered };
  }
  if (from !== undefined) {
    const f = pick(from);
    const i = ordered.indexOf(f);
    if (i === ordered.length - 1) throw new SchemaError(`Snapshot ${from} is the latest export; there is nothing after it to compare with.`);
    return { from: f, to: ordered[ordered.length - 1]!, ordered };
  }
  return { from: ordered[ordered.length - 2]!, to: ordered[ordered.length - 1]!, ordered };
}

/** The snapshots up to and including `upTo` in export order: "everything seen before". */
export function baselineIds(ordered: Snap[], upTo: Snap, exclude: Snap): number[] {
  const i = ordered.indexOf(upTo);
  return ordered
    .slice(0, i + 1)
    .filter((s) => s.id !== exclude.id)
    .map((s) => s.id);
}

/** The datasets a snapshot contained (list datasets only unless values is true). */
export function presentDatasets(db: DB, snapshotId: number, values = false): Map<string, PresentDataset> {
  const rows = db
    .prepare('SELECT dataset, records, oldest, newest FROM snapshot_datasets WHERE snapshot_id = ?')
    .all(snapshotId) as PresentDataset[];
  return new Map(rows.filter((r) => values || datasetSpec(r.dataset)?.shape !== 'values').map((r) => [r.dataset, r]));
}

export function hasDataset(db: DB, snapshotId: number, dataset: string): boolean {
  return db.prepare('SELECT 1 FROM snapshot_datasets WHERE snapshot_id = ? AND dataset = ?').get(snapshotId, dataset) !== undefined;
}
