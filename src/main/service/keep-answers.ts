// The background pass that keeps the answers the window asks for first (kept-answers.ts), run on the
// import's worker after the archive is prepared for browsing: the comparison Home and Changes show
// (the latest two exports), the checklists' evidence, the charts in this machine's time zone (the
// window's default), the facets of each table of the latest export as it first opens, the parties
// and the facts apps are measured against (Sharing), then the timeline's older comparisons. Each is
// worked out only when it is not kept under the archive's current state; the pass stops between
// answers when cancelled.
import type { WritableDB } from '../store/db';
import type { OperationInput } from '../../shared/contract';
import { snapshotDatasets, snapshotsInExportOrder } from '../store/snapshots';
import { exploreOperations, FACET_FIELDS } from './explore';
import { keptDiff } from './changes';
import { keptCharts } from './charts';
import { keptEvidence } from './checklists';
import { keptFacts, keptParties } from './sharing';

export function keepAnswers(db: WritableDB, isCancelled: () => boolean, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): void {
  const ids = snapshotsInExportOrder(db).map((s) => s.id);
  // newest first: the latest comparison is Home's and the timeline's last entry
  const pairs = ids.slice(1).map((to, i) => () => keptDiff(db, ids[i]!, to)).reverse();
  const latest = ids.at(-1);
  const explore = exploreOperations(db);
  const tables = (latest === undefined ? [] : snapshotDatasets(db, latest))
    .filter((d) => FACET_FIELDS[d.dataset]?.length)
    .map((d) => () => explore.facets({ dataset: d.dataset as OperationInput<'exploreFacets'>['dataset'], snapshotId: latest }));
  const steps = [
    ...pairs.slice(0, 1),
    () => keptEvidence(db),
    () => keptCharts(db, timeZone, null),
    ...tables,
    () => keptParties(db),
    () => keptFacts(db),
    ...pairs.slice(1),
  ];
  for (const step of steps) {
    if (isCancelled()) return;
    step();
  }
}

/** keepAnswers where nothing waits for it: an answer not kept is worked out when it is asked for. */
export function keepAnswersQuietly(db: WritableDB, isCancelled: () => boolean): void {
  try {
    keepAnswers(db, isCancelled);
  } catch {
    // each answer is worked out by the operation that asks for it instead
  }
}
