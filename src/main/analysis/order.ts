// Snapshots in the order their exports were made (not the order they were imported: a user may
// import last year's export after this year's), which two to compare, and the small helpers every
// analysis shares. Pure: the rows come from the store (store/snapshots.ts).
import { datasetSpec } from '../../shared/catalog';
import { FootprintError } from '../../shared/errors';

export interface Snap {
  id: number;
  exportedAt: number | null;
  importedAt: number;
  sourceName: string;
  records: number;
  /** export time, or import time when the export's own time is unknown */
  time: number;
}

/** A dataset as one snapshot held it. */
export interface PresentDataset {
  dataset: string;
  records: number;
  oldest: number | null;
  newest: number | null;
}

export const DAY_MS = 86_400_000;

/** Snapshot rows (already oldest export first) placed in time. */
export function placeInTime(rows: readonly Omit<Snap, 'time'>[]): Snap[] {
  return rows.map((r) => ({ ...r, time: r.exportedAt ?? r.importedAt }));
}

export function findSnap(ordered: readonly Snap[], id: number): Snap {
  const s = ordered.find((x) => x.id === id);
  if (!s) throw new FootprintError('NO_SUCH_SNAPSHOT', { id });
  return s;
}

/** The two snapshots to compare: as given, or by default the last two exports. */
export function resolvePair(ordered: Snap[], from?: number, to?: number): { from: Snap; to: Snap } {
  if (from !== undefined && to !== undefined) return { from: findSnap(ordered, from), to: findSnap(ordered, to) };
  if (ordered.length < 2) throw new FootprintError('NOTHING_TO_COMPARE', { reason: ordered.length === 0 ? 'none' : 'one', id: null });
  if (to !== undefined) {
    const t = findSnap(ordered, to);
    const i = ordered.indexOf(t);
    if (i === 0) throw new FootprintError('NOTHING_TO_COMPARE', { reason: 'oldest', id: to });
    return { from: from !== undefined ? findSnap(ordered, from) : ordered[i - 1]!, to: t };
  }
  if (from !== undefined) {
    const f = findSnap(ordered, from);
    const i = ordered.indexOf(f);
    if (i === ordered.length - 1) throw new FootprintError('NOTHING_TO_COMPARE', { reason: 'latest', id: from });
    return { from: f, to: ordered[ordered.length - 1]! };
  }
  return { from: ordered[ordered.length - 2]!, to: ordered[ordered.length - 1]! };
}

/** The snapshots up to and including `upTo` in export order, except `exclude`: "everything seen before". */
export function baselineIds(ordered: Snap[], upTo: Snap, exclude: Snap): number[] {
  const i = ordered.indexOf(upTo);
  return ordered
    .slice(0, i + 1)
    .filter((s) => s.id !== exclude.id)
    .map((s) => s.id);
}

/** The datasets of a snapshot by id: list datasets only unless `values` is true. */
export function presentDatasets(rows: readonly PresentDataset[], values = false): Map<string, PresentDataset> {
  return new Map(rows.filter((r) => values || datasetSpec(r.dataset)?.shape !== 'values').map((r) => [r.dataset, r]));
}
