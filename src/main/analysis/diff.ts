// Records added and gone between two snapshots, per dataset, with "gone" split into aged out (older
// than what the newer export covers) and vanished (inside its window, yet missing: deleted by the
// user or by TikTok). The store counts the sets (store/changes.ts); this decides where each
// dataset's window starts and which datasets count at all.
import { datasetSpec } from '../../shared/catalog';
import type { DatasetChange, DiffRecordKind } from '../../shared/contract';
import { DAY_MS, type PresentDataset } from './order';

/**
 * Datasets TikTok exports in full, as far as anyone has seen: nothing of them ages out, so a record
 * missing from a later export was deleted (by the user or by TikTok).
 */
export const FULL_HISTORY: ReadonlySet<string> = new Set([
  'comments',
  'messages',
  'posts',
  'followers',
  'following',
  'blocked',
  'linked_platforms',
  'hashtags_used',
  'reposts',
  'location_reviews',
  'live_go_history',
  'purchases',
  'coin_purchases',
  'shop_orders',
  'shop_addresses',
  'shop_payment_cards',
]);

/**
 * Records of `dataset` older than this were outside the newer export's window. The window starts at
 * the newer export's oldest record of the dataset and, for datasets TikTok limits to a number of days
 * (catalog windowDays), no earlier than that many days before the export. The later of the two wins,
 * so that "vanished" (the alarming category) is never a window artefact. null: nothing ages out.
 */
export function agedOutCutoff(dataset: string, newer: PresentDataset | undefined, newerTime: number): number | null {
  if (FULL_HISTORY.has(dataset)) return null;
  const spec = datasetSpec(dataset);
  if (!spec?.time) return null; // records without a time cannot be placed outside a window
  const starts: number[] = [];
  if (newer?.oldest != null) starts.push(newer.oldest);
  if (spec.windowDays) starts.push(newerTime - spec.windowDays * DAY_MS);
  return starts.length > 0 ? Math.max(...starts) : null;
}

/**
 * The datasets whose gone records count, each with its aged-out cutoff: those in both snapshots (a
 * dataset missing from either was not requested there, so nothing of it is "gone").
 */
export function goneQuestions(inFrom: Map<string, PresentDataset>, inTo: Map<string, PresentDataset>, toTime: number): { dataset: string; cutoff: number | null }[] {
  return [...inTo.keys()]
    .filter((d) => inFrom.has(d))
    .sort()
    .map((dataset) => ({ dataset, cutoff: agedOutCutoff(dataset, inTo.get(dataset), toTime) }));
}

/**
 * Per dataset of the newer snapshot: added, and gone split into agedOut and vanished. `added`:
 * records added per dataset; `gone`: the answers to goneQuestions (how many left, how many of
 * them older than the cutoff). A dataset only in the newer snapshot counts all its records as added.
 */
export function datasetChanges(
  inTo: Map<string, PresentDataset>,
  added: Map<string, number>,
  gone: Map<string, { gone: number; olderThanCutoff: number }>,
): Record<string, DatasetChange> {
  const out: Record<string, DatasetChange> = {};
  for (const dataset of [...inTo.keys()].sort()) {
    const g = gone.get(dataset);
    const agedOut = g?.olderThanCutoff ?? 0;
    out[dataset] = { added: added.get(dataset) ?? 0, gone: g?.gone ?? 0, agedOut, vanished: (g?.gone ?? 0) - agedOut };
  }
  return out;
}

/** Which records one number of a diff stands for (store/changes.ts DiffSlice), or null for none. */
export function diffSlice(
  inFrom: Map<string, PresentDataset>,
  inTo: Map<string, PresentDataset>,
  toTime: number,
  dataset: string,
  kind: DiffRecordKind,
): { added: boolean; dataset: string; before?: number; notBefore?: number } | null {
  if (!inTo.has(dataset)) return null;
  if (kind === 'added') return { added: true, dataset };
  if (!inFrom.has(dataset)) return null;
  const cutoff = agedOutCutoff(dataset, inTo.get(dataset), toTime);
  if (kind === 'agedOut') return cutoff === null ? null : { added: false, dataset, before: cutoff };
  if (kind === 'vanished' && cutoff !== null) return { added: false, dataset, notBefore: cutoff };
  return { added: false, dataset };
}
