// Change tracking across repeated imports, as contract operations over one database: asks the
// store (SQL, store/changes.ts and friends) and hands what it returns to the analysis (pure,
// analysis/*). The service spreads these into its Api; the CLI's diff/timeline/forget/mark-deleted
// commands call them.
import type { Api, ChangeAlert, SnapshotDiff, StillThereFinding } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../store/db';
import { addedCounts, buildDiffSets, changeStateToken, diffRecordPage, diffTouches, goneCounts } from '../store/changes';
import { archivePage, countIn, goneBetween, keptOf, keptPerDataset, latestSnapshotWith } from '../store/archive';
import { listDeletionMarks, markedRecordsStillHeld, postsStillHeld, recentlyDeletedPosts, recordExists, removeDeletionMark, saveDeletionMark } from '../store/marks';
import { forgetRecords, missingRecordIds } from '../store/forget';
import { datasetInSnapshots, snapshotDatasets, snapshotsInExportOrder } from '../store/snapshots';
import { listValues, recordFieldsIn } from '../store/records';
import { membershipChanges, newValues } from '../store/new-values';
import { ALERT_DATASETS, alertQuestions, changeAlerts, MAX_EVIDENCE, MEMBER_FIELD, type AlertAnswers } from '../analysis/alerts';
import { archiveTotal, retentionSteps, retentionView, summaryRow } from '../analysis/archive';
import { datasetChanges, diffSlice, goneQuestions } from '../analysis/diff';
import { deletedPostFindings, deletedPostQuestions, deletionTime, markFindings } from '../analysis/deletion';
import { baselineIds, findSnap, placeInTime, presentDatasets, resolvePair, type Snap } from '../analysis/order';
import { LINKED_FIELDS, profileChanges, type ProfileSide } from '../analysis/profile';
import { settingsChanges } from '../analysis/settings';
import { timeline } from '../analysis/timeline';
import { settingRegressionAlerts } from './checklists';
import { clearAlertDecision, listAlertDecisions, saveAlertDecision } from '../store/alert-decisions';
import { decisionIndex, decisionKind, triage, withDecisions } from '../analysis/alert-triage';
import { keptOrWorkedOut, keptStates } from './kept-answers';

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
  | 'decideAlert'
>;

const ordered = (db: ReadableDB): Snap[] => placeInTime(snapshotsInExportOrder(db));
const datasetsOf = (db: ReadableDB, id: number) => snapshotDatasets(db, id);

/** Every snapshot exported after a deletion that still holds the deleted record (one snapshot when given). */
export function stillThereFindings(db: ReadableDB, snapshotId?: number): StillThereFinding[] {
  const out = markFindings(markedRecordsStillHeld(db, snapshotId));
  for (const q of deletedPostQuestions(recentlyDeletedPosts(db))) out.push(...deletedPostFindings(q, postsStillHeld(db, q.postedAt, q.deletedAt, snapshotId)));
  return out;
}

function alertsFor(db: ReadableDB, from: Snap, to: Snap, all: Snap[]): ChangeAlert[] {
  const stillThere = stillThereFindings(db, to.id);
  if (from.id === to.id) return triage(changeAlerts(from, to, { newValues: new Map(), membership: new Map(), stillThere }));
  const baseline = baselineIds(all, from, to);
  const names = (id: number) => new Set(datasetsOf(db, id).map((d) => d.dataset));
  const questions = alertQuestions({
    inFrom: names(from.id),
    inTo: names(to.id),
    inBaseline: new Set(baseline.flatMap((id) => [...names(id)])),
    touched: new Map(ALERT_DATASETS.map((d) => [d, diffTouches(db, d)])),
  });
  const answers: AlertAnswers = {
    newValues: new Map(questions.newValues.map((q) => [q.dataset, newValues(db, { ...q, to: to.id, baseline, evidence: MAX_EVIDENCE })])),
    membership: new Map(questions.membership.map((dataset) => [dataset, membershipChanges(db, { dataset, field: MEMBER_FIELD, from: from.id, to: to.id })])),
    stillThere,
  };
  return triage([...changeAlerts(from, to, answers), ...settingRegressionAlerts(db, { id: from.id, exportedAt: from.exportedAt }, { id: to.id, exportedAt: to.exportedAt })]);
}

/** The diff with what the person said about each alert (decisions change without changing the diff's cache token). */
function decided(db: ReadableDB, d: SnapshotDiff): SnapshotDiff {
  return { ...d, alerts: withDecisions(d.alerts, decisionIndex(listAlertDecisions(db))) };
}

/** The full comparison of two snapshots (default: the last two exports). `state`: see changeStateToken. */
export function diffSnapshots(db: ReadableDB, from?: number, to?: number, state?: string): SnapshotDiff {
  const all = ordered(db);
  const pair = resolvePair(all, from, to);
  // Without a state token the added/gone sets are built afresh, once for this whole diff.
  const token = state ?? `diff:${++diffCount}`;
  const fromRows = datasetsOf(db, pair.from.id);
  const toRows = datasetsOf(db, pair.to.id);
  const inFrom = presentDatasets(fromRows);
  const inTo = presentDatasets(toRows);
  const same = pair.from.id === pair.to.id;
  if (!same) buildDiffSets(db, pair.from.id, pair.to.id, token);
  const added = same ? new Map<string, number>() : addedCounts(db);
  const gone = new Map(same ? [] : goneQuestions(inFrom, inTo, pair.to.time).map((q) => [q.dataset, goneCounts(db, q.dataset, q.cutoff)] as const));

  const has = (rows: { dataset: string }[], dataset: string) => rows.some((r) => r.dataset === dataset);
  const bothHave = (dataset: string) => !same && has(fromRows, dataset) && has(toRows, dataset);
  const side = (id: number): ProfileSide => ({
    values: bothHave('profile') ? listValues(db, 'profile', id) : undefined,
    linked: bothHave('linked_platforms') ? recordFieldsIn(db, id, 'linked_platforms', LINKED_FIELDS) : undefined,
  });
  return {
    from: pair.from.id,
    to: pair.to.id,
    datasets: datasetChanges(inTo, added, gone),
    settings: bothHave('settings') ? settingsChanges(listValues(db, 'settings', pair.from.id), listValues(db, 'settings', pair.to.id)) : [],
    profile: same ? [] : profileChanges(side(pair.from.id), side(pair.to.id)),
    alerts: withDecisions(alertsFor(db, pair.from, pair.to, all), decisionIndex(listAlertDecisions(db))),
  };
}
let diffCount = 0;

/** The comparison of two snapshots as kept in the archive (kept-answers.ts), worked out and kept when it is not. */
export function keptDiff(db: WritableDB, from: number, to: number, state = changeStateToken(db)): SnapshotDiff {
  return keptOrWorkedOut(db, `diff:${from}:${to}`, keptStates.diff, () => diffSnapshots(db, from, to, state));
}

export function changeOperations(db: WritableDB): ChangeOperations {
  let token = '';
  const cache = new Map<string, SnapshotDiff>();
  const cachedDiff = (from?: number, to?: number): SnapshotDiff => {
    const now = changeStateToken(db);
    if (now !== token) {
      cache.clear();
      token = now;
    }
    const pair = resolvePair(ordered(db), from, to);
    const key = `${pair.from.id}>${pair.to.id}`;
    let d = cache.get(key);
    if (!d) {
      d = keptDiff(db, pair.from.id, pair.to.id, now);
      if (cache.size > 64) cache.clear();
      cache.set(key, d);
    }
    return d;
  };
  return {
    diffSnapshots: async ({ from, to }) => decided(db, cachedDiff(from, to)),
    diffRecords: async ({ from, to, dataset, kind, offset, limit }) => {
      const all = ordered(db);
      const f = findSnap(all, from);
      const t = findSnap(all, to);
      const slice = f.id === t.id ? null : diffSlice(presentDatasets(datasetsOf(db, f.id)), presentDatasets(datasetsOf(db, t.id)), t.time, dataset, kind);
      if (!slice) return { total: 0, rows: [] };
      buildDiffSets(db, f.id, t.id, changeStateToken(db));
      return diffRecordPage(db, slice, offset ?? 0, limit ?? 100);
    },
    timeline: async () => {
      const decisions = decisionIndex(listAlertDecisions(db));
      return timeline(ordered(db), (from, to) => {
        const d = cachedDiff(from, to);
        return { ...d, alerts: withDecisions(d.alerts, decisions) };
      });
    },
    archiveSummary: async () =>
      keptPerDataset(db).map(({ dataset, n }) => {
        const latest = latestSnapshotWith(db, dataset);
        return summaryRow(dataset, n, { id: latest, count: latest === null ? 0 : countIn(db, latest, dataset) });
      }),
    archiveRecords: async ({ dataset, status = 'all', offset = 0, limit = 100 }) => {
      const latest = latestSnapshotWith(db, dataset);
      const total = archiveTotal(status, keptOf(db, dataset), latest === null ? 0 : countIn(db, latest, dataset));
      return { dataset, latestSnapshotId: latest, total, rows: archivePage(db, dataset, latest, status, offset, limit) };
    },
    retention: async ({ dataset }) => {
      const steps = retentionSteps(dataset, ordered(db), datasetInSnapshots(db, dataset));
      const gone = steps.map((s) => (s.previousId === null ? null : goneBetween(db, dataset, s.previousId, s.snapshot.id, s.cutoff)));
      return retentionView(dataset, steps, gone);
    },
    markDeleted: async ({ recordId, deletedAt, note }) => {
      const now = Date.now();
      const when = deletionTime(deletedAt, now);
      if (!recordExists(db, recordId)) throw new FootprintError('NO_SUCH_RECORD', { id: recordId });
      return saveDeletionMark(db, recordId, when, note?.trim() || null, now);
    },
    unmarkDeleted: async ({ recordId }) => ({ unmarked: removeDeletionMark(db, recordId) }),
    listDeletionMarks: async () => listDeletionMarks(db),
    stillThere: async () => stillThereFindings(db),
    forgetRecords: async ({ ids }) => {
      const missing = missingRecordIds(db, ids);
      // nothing is forgotten unless every id names a record
      if (missing.length > 0) throw new FootprintError('NO_SUCH_RECORD', { id: missing.length === 1 ? missing[0]! : missing.join(', ') });
      return { forgotten: forgetRecords(db, ids, Date.now()) };
    },
    decideAlert: async ({ kind, key, decision, note }) => {
      // stored under the subject's kind, so deciding a new-country group covers the same network later
      const subject = decisionKind(kind);
      if (decision === null) {
        clearAlertDecision(db, subject, key);
        return { kind: subject, key, decision: null };
      }
      const saved = saveAlertDecision(db, { kind: subject, key, decision, decidedAt: Date.now(), note: note?.trim() || null });
      return { kind: subject, key, decision: { decision: saved.decision, decidedAt: saved.decidedAt, note: saved.note } };
    },
  };
}
