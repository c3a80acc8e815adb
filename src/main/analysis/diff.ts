// Records added and gone between two snapshots, per dataset, with "gone" split into aged out (older
// than what the newer export covers) and vanished (inside its window, yet missing: deleted by the
// user or by TikTok). Set-based SQL over record_snapshots; nothing here loops over records in JS.
import { datasetSpec } from '../../shared/catalog';
import type { DatasetChange, DiffRecordKind, RecordPage, RecordRow } from '../../shared/contract';
import type { DB } from '../store/db';
import { recordRows, type RawRecord } from '../store/records';
import { DAY_MS, presentDatasets, type PresentDataset, type Snap } from './order';

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

/** Record ids in one snapshot and not in the other: a merge of two primary-key ranges (MERGE (EXCEPT)). */
const ONLY_IN = `SELECT record_id FROM record_snapshots WHERE snapshot_id = ? EXCEPT SELECT record_id FROM record_snapshots WHERE snapshot_id = ? ORDER BY 1`;

/** Which pair (and database state) temp.diff_sets currently holds, per connection. */
const builtFor = new WeakMap<DB, string>();

/**
 * The records added (in `to`, not in `from`) and gone (in `from`, not in `to`) between two
 * snapshots, with their dataset and time, in temp.diff_sets: computed once per pair by two merges
 * over record_snapshots, then counted and paged through an index. `state` (a token that changes
 * with any import, deletion or forget) lets a later call for the same pair reuse it.
 */
export function buildDiffSets(db: DB, from: Snap, to: Snap, state?: string): void {
  const key = `${from.id}>${to.id}|${state}`;
  if (state !== undefined && builtFor.get(db) === key) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS diff_sets (added INTEGER NOT NULL, dataset TEXT NOT NULL, at INTEGER, id INTEGER NOT NULL)`);
  db.exec('CREATE INDEX IF NOT EXISTS temp.diff_sets_page ON diff_sets (added, dataset, at, id)');
  db.exec('DELETE FROM temp.diff_sets');
  builtFor.delete(db);
  if (from.id !== to.id) {
    const fill = db.prepare(
      `INSERT INTO temp.diff_sets (added, dataset, at, id)
       SELECT ?, r.dataset, r.at, r.id FROM (${ONLY_IN}) g CROSS JOIN records r ON r.id = g.record_id`,
    );
    fill.run(1, to.id, from.id);
    fill.run(0, from.id, to.id);
  }
  builtFor.set(db, key);
}

/**
 * Per dataset of the newer snapshot: added (in `to`, not in `from`), gone (in `from`, not in `to`)
 * split into agedOut and vanished. A dataset missing from either snapshot was not requested there:
 * nothing of it is "gone"; a dataset only in `to` counts all its records as added.
 */
export function datasetChanges(db: DB, from: Snap, to: Snap, state?: string): Record<string, DatasetChange> {
  const inFrom = presentDatasets(db, from.id);
  const inTo = presentDatasets(db, to.id);
  const out: Record<string, DatasetChange> = {};
  for (const dataset of [...inTo.keys()].sort()) out[dataset] = { added: 0, gone: 0, agedOut: 0, vanished: 0 };
  if (from.id === to.id) return out;
  buildDiffSets(db, from, to, state);

  const added = db.prepare('SELECT dataset, count(*) AS n FROM temp.diff_sets WHERE added = 1 GROUP BY dataset').all() as { dataset: string; n: number }[];
  for (const { dataset, n } of added) if (out[dataset]) out[dataset].added = n;

  // Gone only counts where the dataset was in both.
  for (const dataset of [...inTo.keys()].filter((d) => inFrom.has(d))) {
    const cutoff = agedOutCutoff(dataset, inTo.get(dataset), to.time);
    const r = db
      .prepare('SELECT count(*) AS n, coalesce(sum(at < ?), 0) AS agedOut FROM temp.diff_sets WHERE added = 0 AND dataset = ?')
      .get(cutoff, dataset) as { n: number; agedOut: number };
    const c = out[dataset]!;
    c.gone = r.n;
    c.agedOut = cutoff === null ? 0 : r.agedOut;
    c.vanished = r.n - c.agedOut;
  }
  return out;
}

/** The records behind one number of a diff, newest first. */
export function diffRecords(
  db: DB,
  from: Snap,
  to: Snap,
  dataset: string,
  kind: DiffRecordKind,
  offset = 0,
  limit = 100,
  state?: string,
): RecordPage {
  const inFrom = presentDatasets(db, from.id);
  const inTo = presentDatasets(db, to.id);
  if (!inTo.has(dataset) || from.id === to.id) return { total: 0, rows: [] };
  if (kind !== 'added' && !inFrom.has(dataset)) return { total: 0, rows: [] };
  buildDiffSets(db, from, to, state);
  let where = 'd.added = ? AND d.dataset = ?';
  const params: unknown[] = [kind === 'added' ? 1 : 0, dataset];
  const cutoff = agedOutCutoff(dataset, inTo.get(dataset), to.time);
  if (kind === 'agedOut') {
    if (cutoff === null) return { total: 0, rows: [] };
    where += ' AND d.at < ?';
    params.push(cutoff);
  } else if (kind === 'vanished' && cutoff !== null) {
    where += ' AND (d.at IS NULL OR d.at >= ?)';
    params.push(cutoff);
  }
  const total = (db.prepare(`SELECT count(*) AS n FROM temp.diff_sets d WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT r.* FROM temp.diff_sets d CROSS JOIN records r ON r.id = d.id WHERE ${where} ORDER BY d.at DESC, d.id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as RawRecord[];
  return { total, rows: recordRows(db, rows) };
}
