// "What TikTok has on you": the latest export's datasets sorted into the privacy policy's categories
// (src/shared/privacy-categories.ts), with the figures the snapshot page shows for the same export
// (records and "new" as stored per snapshot and dataset, store/new-counts.ts), and the sourced lists
// of what no export shows. Pure: the rows come from the store.
import type { HomeCategory, HomeView } from '../../shared/contract';
import { categorySummary, TIKTOK_CLAIMS, WHAT_EXPORT_DOES_NOT_SHOW, type DatasetCount } from '../../shared/privacy-categories';

/** A dataset as one snapshot holds it (SnapshotDetail.datasets). */
export interface LatestDataset {
  dataset: string;
  records: number;
  new: number;
  oldest: number | null;
  newest: number | null;
}

/** Every category, most sensitive first, with its datasets' counts, new counts and time range. */
export function homeCategories(rows: readonly LatestDataset[]): HomeCategory[] {
  const counts: Record<string, DatasetCount> = {};
  const fresh = new Map<string, number>();
  for (const r of rows) {
    counts[r.dataset] = { records: r.records, oldest: r.oldest, newest: r.newest };
    fresh.set(r.dataset, r.new);
  }
  return categorySummary(counts).map((c) => {
    const datasets = c.datasets.map((d) => ({ id: d.id, records: d.records, new: fresh.get(d.id) ?? 0, oldest: d.oldest, newest: d.newest }));
    return { ...c, new: datasets.reduce((n, d) => n + d.new, 0), datasets };
  });
}

/** The datasets of an export holding records: the snapshot page's "datasets" tile and the import notice count these. */
export function datasetsWithRecords(rows: readonly { records: number }[]): number {
  return rows.filter((r) => r.records > 0).length;
}

export function notShown(): HomeView['notShown'] {
  return WHAT_EXPORT_DOES_NOT_SHOW.map((m) => ({ id: m.id, key: m.key, category: m.category, sources: [...m.sources] }));
}

export function claims(): HomeView['claims'] {
  return TIKTOK_CLAIMS.map((c) => ({ id: c.id, key: c.key, datasets: c.datasets === 'all' ? 'all' : [...c.datasets], sources: [...c.sources] }));
}
