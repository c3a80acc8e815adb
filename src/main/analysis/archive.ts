// The local archive: records stay after they vanish from later exports. Per dataset, how much is
// kept and how much the latest snapshot holding it still has; per snapshot, how its window moved
// and how much aged out of it. Pure: counts come from the store (store/archive.ts).
import { datasetSpec } from '../../shared/catalog';
import type { ArchiveSummaryRow, RetentionRow, RetentionView } from '../../shared/contract';
import { agedOutCutoff, FULL_HISTORY } from './diff';
import { DAY_MS, type PresentDataset, type Snap } from './order';

/** One dataset's summary: `latest` is the latest snapshot holding it and how many records that snapshot counted. */
export function summaryRow(dataset: string, kept: number, latest: { id: number | null; count: number }): ArchiveSummaryRow {
  // every record of the latest snapshot is kept, so its own count (no scan) bounds what is still there
  const stillPresent = latest.id === null ? 0 : Math.min(latest.count, kept);
  return { dataset, kept, stillPresent, gone: kept - stillPresent, latestSnapshotId: latest.id };
}

/** How many of the kept records an archive page lists for a status. */
export function archiveTotal(status: 'all' | 'present' | 'gone', kept: number, inLatest: number): number {
  const still = Math.min(kept, inLatest);
  return status === 'all' ? kept : status === 'present' ? still : kept - still;
}

/** Each snapshot holding the dataset (export order), with the one before it and the cutoff to compare with. */
export function retentionSteps(
  dataset: string,
  ordered: Snap[],
  present: Map<number, PresentDataset>,
): { snapshot: Snap; data: PresentDataset; previousId: number | null; cutoff: number | null }[] {
  const out: { snapshot: Snap; data: PresentDataset; previousId: number | null; cutoff: number | null }[] = [];
  let previous: number | null = null;
  for (const s of ordered) {
    const d = present.get(s.id);
    if (!d) continue;
    out.push({ snapshot: s, data: d, previousId: previous, cutoff: agedOutCutoff(dataset, d, s.time) });
    previous = s.id;
  }
  return out;
}

/** The retention view from its steps and, per step after the first, what left since the previous one. */
export function retentionView(
  dataset: string,
  steps: ReturnType<typeof retentionSteps>,
  gone: ({ gone: number; olderThanCutoff: number } | null)[],
): RetentionView {
  const snapshots: RetentionRow[] = steps.map((step, i) => {
    const g = gone[i] ?? null;
    const agedOut = g === null ? null : step.cutoff === null ? 0 : g.olderThanCutoff;
    const { snapshot: s, data: d } = step;
    return {
      snapshotId: s.id,
      exportedAt: s.exportedAt,
      oldest: d.oldest,
      newest: d.newest,
      // the history this export actually held (older exports held 7–13 months of watch history, not 183 days)
      windowDays: d.records > 1 && d.oldest !== null && d.newest !== null ? Math.round((d.newest - d.oldest) / DAY_MS) : null,
      records: d.records,
      previousId: step.previousId,
      agedOut,
      vanished: g === null ? null : g.gone - agedOut!,
    };
  });
  if (FULL_HISTORY.has(dataset)) return { dataset, windowDays: null, windowSource: null, snapshots };
  const observed = snapshots.findLast((r) => r.windowDays !== null)?.windowDays ?? null;
  if (observed !== null) return { dataset, windowDays: observed, windowSource: 'observed', snapshots };
  const catalog = datasetSpec(dataset)?.windowDays ?? null;
  return { dataset, windowDays: catalog, windowSource: catalog ? 'catalog' : null, snapshots };
}
