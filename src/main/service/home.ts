// The home page as one contract operation: the latest export (by export date, as Changes and the
// checklists order exports) sorted into the privacy categories, what no export shows, and the
// headline from what the other areas compute (the latest diff, the checklists, the apps register).
// Reads only; an empty archive answers with latest null rather than an error.
import type { ChecklistView, HomeView, SnapshotDiff } from '../../shared/contract';
import type { ReadableDB } from '../store/db';
import { getSnapshot, snapshotsInExportOrder } from '../store/snapshots';
import { listApps } from '../store/apps';
import { grantAccess } from '../analysis/app-access';
import { dueForReview } from '../analysis/app-review';
import { CHECKLIST_CONTENT as C } from '../analysis/checklist-content';
import { claims, datasetsWithRecords, homeCategories, notShown } from '../analysis/home-categories';
import { alertHeadline, checklistHeadline, freshExportHeadline, freshExportSteps, settingsWorse } from '../analysis/home-headline';

export interface HomeSources {
  /** the service's diffSnapshots (cached there): the latest export against the one before */
  diff: (from: number, to: number) => Promise<SnapshotDiff>;
  /** the service's checklist (verified against the latest export first) */
  checklist: () => Promise<ChecklistView>;
  /** the apps register's ids due for review, as the service's listApps says (dueAppIds) */
  appsDue: () => Promise<number[]>;
}

/**
 * The register's apps due for review on `today`: listApps' dueForReview without measuring every
 * app's exposure on the archive (which the headline does not show, and which costs most of listApps).
 */
export function dueAppIds(db: ReadableDB, today: string): number[] {
  const entries = listApps(db).map((a) => ({
    id: a.id,
    grantedOn: a.grantedOn,
    lastReviewedOn: a.lastReviewedOn,
    revokedOn: a.revokedOn,
    reviewIntervalDays: a.reviewIntervalDays,
    access: grantAccess(a.scopes, a.access).access,
  }));
  return dueForReview(entries, today).map((d) => d.entry.id);
}

export async function homeView(db: ReadableDB, src: HomeSources): Promise<HomeView> {
  const ordered = snapshotsInExportOrder(db);
  const last = ordered.at(-1);
  const prev = ordered.length > 1 ? ordered[ordered.length - 2]! : null;
  const detail = last ? getSnapshot(db, last.id) : undefined;

  const diff = last && prev ? await src.diff(prev.id, last.id) : null;
  const checklist = await src.checklist();
  const due = await src.appsDue();

  return {
    latest: detail
      ? {
          id: detail.id,
          sourceName: detail.sourceName,
          exportedAt: detail.exportedAt,
          importedAt: detail.importedAt,
          records: detail.records,
          newRecords: detail.newRecords,
          datasets: datasetsWithRecords(detail.datasets),
          previousId: prev?.id ?? null,
        }
      : null,
    categories: detail ? homeCategories(detail.datasets) : [],
    notShown: notShown(),
    claims: claims(),
    headline: {
      alerts: alertHeadline(diff),
      settingsWorse: settingsWorse(diff),
      appsDue: { count: due.length, ids: due },
      checklist: checklistHeadline(checklist),
      // the checklists' verdict (one interval, one latest export), not worked out again here
      freshExport: freshExportHeadline(checklist.freshExport, freshExportSteps(C)),
    },
  };
}
