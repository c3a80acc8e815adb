// The charts operation: asks the store for quarter-hour counts (store/charts.ts), hands them to the
// analysis (analysis/charts*.ts) with the user's time zone, and adds each dataset's export windows
// the way the retention operation sees them (analysis/archive.ts). Answers are kept until the archive
// changes: the page asks again for every time zone and snapshot switch.
import type { Api, ChartsView } from '../../shared/contract';
import { DATASET_IDS } from '../../shared/catalog';
import { FootprintError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../store/db';
import { datasetsWithWindows, fieldQuarterCounts, loginGroups, quarterCounts } from '../store/charts';
import { changeStamp } from '../store/explore';
import { datasetInSnapshots, snapshotsInExportOrder } from '../store/snapshots';
import { activityChart, hourGrid, loginsChart, offTikTokChart } from '../analysis/charts';
import { isTimeZone, zoneClock } from '../analysis/charts-time';
import { retentionSteps, retentionView } from '../analysis/archive';
import { placeInTime } from '../analysis/order';
import { keptOrWorkedOut, keptStates } from './kept-answers';

/** The datasets the activity chart draws, in this order. */
export const ACTIVITY_DATASETS = ['watch_history', 'likes', 'searches', 'comments', 'messages'] as const;

export function charts(db: ReadableDB, timeZone: string, snapshotId: number | null): ChartsView {
  if (!isTimeZone(timeZone)) throw new FootprintError('BAD_TIME_ZONE', { zone: timeZone });
  const ordered = placeInTime(snapshotsInExportOrder(db));
  const place = new Map(ordered.map((s, i) => [s.id, i]));
  if (snapshotId !== null && !place.has(snapshotId)) throw new FootprintError('NO_SUCH_SNAPSHOT', { id: snapshotId });
  const clock = zoneClock(timeZone);

  const activityRows = quarterCounts(db, ACTIVITY_DATASETS, snapshotId);
  const watchRows = activityRows.filter((r) => r[0] === 'watch_history').map((r) => [r[1], r[2]] as const);

  // "new" logins are new in the chosen export, else in the latest one
  const loginsIn = datasetInSnapshots(db, 'login_history');
  const target = snapshotId === null ? ordered.length - 1 : place.get(snapshotId)!;
  const earlierHeld = ordered.some((s, i) => i < target && loginsIn.has(s.id));
  const logins = loginGroups(db, snapshotId).map(({ firstSnapshot, ...g }) => ({ ...g, firstOrder: place.get(firstSnapshot) ?? -1 }));

  const order = new Map(DATASET_IDS.map((d, i) => [d, i]));
  const retention = datasetsWithWindows(db)
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map((dataset) => {
      const steps = retentionSteps(dataset, ordered, datasetInSnapshots(db, dataset));
      return retentionView(
        dataset,
        steps,
        steps.map(() => null),
      );
    });

  return {
    timeZone,
    snapshotId,
    activity: activityChart(activityRows, ACTIVITY_DATASETS, clock),
    watchHours: hourGrid(watchRows, clock),
    logins: loginsChart(logins, clock, { target, earlierHeld }),
    offTikTok: offTikTokChart(fieldQuarterCounts(db, 'off_tiktok_activity', 'source', snapshotId), fieldQuarterCounts(db, 'off_tiktok_activity', 'event', snapshotId), clock),
    retention,
  };
}

/** The charts as kept in the archive (kept-answers.ts), worked out and kept when they are not. */
export function keptCharts(db: WritableDB, timeZone: string, snapshotId: number | null): ChartsView {
  // a zone or snapshot that is not there finds nothing kept, and charts() refuses it
  return keptOrWorkedOut(db, `charts:${snapshotId ?? 'all'}:${timeZone}`, keptStates.archive, () => charts(db, timeZone, snapshotId));
}

export function chartOperations(db: WritableDB): Pick<Api, 'charts'> {
  let stamp = '';
  const cache = new Map<string, ChartsView>();
  return {
    charts: async ({ timeZone, snapshotId }) => {
      const now = changeStamp(db);
      if (now !== stamp) {
        cache.clear();
        stamp = now;
      }
      const key = `${timeZone}\n${snapshotId ?? ''}`;
      let view = cache.get(key);
      if (!view) {
        view = keptCharts(db, timeZone, snapshotId ?? null);
        if (cache.size > 16) cache.clear();
        cache.set(key, view);
      }
      return view;
    },
  };
}
