// What the archive says about data flowing to and from others, as counts the analysis turns into
// parties (analysis/parties.ts), and the per-dataset facts an app's exposure is measured with
// (analysis/app-exposure.ts). Counts only: record ids are a few per group, as evidence to link to.
import { DATASETS } from '../../shared/catalog';
import type { ReadableDB } from './handles';
import { jsonPath } from './records';

/** One group of a dataset's records sharing the same values of some fields. */
export interface FieldGroup {
  /** the fields' values, in the order asked (null when a record lacks one) */
  values: (string | null)[];
  /** distinct records kept in the archive */
  records: number;
  /** epoch ms of the oldest and newest record with a time */
  first: number | null;
  last: number | null;
  /** per snapshot holding any of them: its records of the group and their time span */
  snapshots: { snapshotId: number; records: number; first: number | null; last: number | null }[];
  /** the group's first few records (oldest first), as evidence */
  recordIds: number[];
}

const EVIDENCE_IDS = 5;

/**
 * A dataset's records grouped by the values of `fields` (none: one group of all of them), with
 * counts across the archive and per snapshot. Two plain reads and the grouping here: each record's
 * JSON is read once, where GROUP BY, a per-snapshot GROUP BY and a window for the evidence read it
 * three times (about 4x slower at 30,000 records). Groups come in key order, null first, as
 * GROUP BY gave them.
 */
export function fieldGroups(db: ReadableDB, dataset: string, fields: readonly string[]): FieldGroup[] {
  const cols = fields.map((f) => `, CAST(r.data ->> ${jsonPath(f)} AS TEXT)`).join('');
  // oldest first (no time first, as ORDER BY puts null), so the first ids of a group are its evidence
  const rows = db.prepare(`SELECT r.id, r.at${cols} FROM records r WHERE r.dataset = ? ORDER BY r.at, r.id`).raw().all(dataset) as (string | number | null)[][];
  // Which snapshots hold each record. record_snapshots has no index by record: CROSS JOIN keeps the
  // order (each snapshot, the dataset's records by records_by_dataset, one primary-key look-up
  // each); left to itself SQLite scanned the whole table for every dataset, an empty one too.
  const holds = db
    .prepare(
      `SELECT r.id, sn.id FROM snapshots sn CROSS JOIN records r CROSS JOIN record_snapshots rs
       WHERE r.dataset = ? AND rs.snapshot_id = sn.id AND rs.record_id = r.id ORDER BY sn.id`,
    )
    .raw()
    .all(dataset) as [number, number][];
  const snapshotsOf = new Map<number, number[]>();
  for (const [record, snapshot] of holds) {
    const list = snapshotsOf.get(record);
    if (list) list.push(snapshot);
    else snapshotsOf.set(record, [snapshot]);
  }

  const span = (g: { first: number | null; last: number | null }, at: number | null) => {
    if (at === null) return;
    if (g.first === null || at < g.first) g.first = at;
    if (g.last === null || at > g.last) g.last = at;
  };
  const groups = new Map<string, FieldGroup & { bySnapshot: Map<number, FieldGroup['snapshots'][number]> }>();
  for (const row of rows) {
    const [id, at] = row as [number, number | null];
    const values = row.slice(2).map((v) => (v === null ? null : String(v)));
    const key = JSON.stringify(values);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { values, records: 0, first: null, last: null, snapshots: [], recordIds: [], bySnapshot: new Map() }));
    g.records++;
    span(g, at);
    if (g.recordIds.length < EVIDENCE_IDS) g.recordIds.push(id);
    for (const snapshotId of snapshotsOf.get(id) ?? []) {
      let s = g.bySnapshot.get(snapshotId);
      if (!s) g.bySnapshot.set(snapshotId, (s = { snapshotId, records: 0, first: null, last: null }));
      s.records++;
      span(s, at);
    }
  }
  const order = (a: (string | null)[], b: (string | null)[]): number => {
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [a[i] ?? null, b[i] ?? null];
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
  return [...groups.values()]
    .sort((a, b) => order(a.values, b.values))
    .map(({ bySnapshot, ...g }) => ({ ...g, snapshots: [...bySnapshot.values()].sort((a, b) => a.snapshotId - b.snapshotId) }));
}

/** Records of a dataset as stored (every field), oldest first: for the few datasets kept raw. */
export function rawRecords(db: ReadableDB, dataset: string, limit = 100): { id: number; at: number | null; fields: Record<string, unknown> }[] {
  return (db.prepare('SELECT id, at, data FROM records WHERE dataset = ? ORDER BY at, id LIMIT ?').all(dataset, limit) as { id: number; at: number | null; data: string }[]).map(
    (r) => ({ id: r.id, at: r.at, fields: JSON.parse(r.data) as Record<string, unknown> }),
  );
}

/** What the archive holds of each dataset: records kept, and the oldest and newest time. */
export interface StoredDatasetFacts {
  records: number;
  oldest: number | null;
  newest: number | null;
}

const VALUES_DATASETS = DATASETS.filter((d) => d.shape === 'values').map((d) => d.id);

/**
 * Per dataset with anything in the archive. Record datasets count distinct records kept; values
 * datasets (profile, settings) the values of the latest export holding them. A record is new in
 * exactly one snapshot (store/new-counts.ts keeps that true through imports in any order, deletes
 * and forgotten records), so the distinct records of a dataset are its snapshots' new counts
 * summed, and its oldest and newest time two index look-ups: counting a million records took
 * 110-150 ms on every first visit of the Sharing page.
 */
export function datasetFacts(db: ReadableDB): Map<string, StoredDatasetFacts> {
  const out = new Map<string, StoredDatasetFacts>();
  const rows = db
    .prepare(
      `SELECT dataset, sum(new) AS n FROM snapshot_datasets
       WHERE dataset NOT IN (${VALUES_DATASETS.map(() => '?').join(', ')}) GROUP BY dataset HAVING sum(new) > 0`,
    )
    .all(...VALUES_DATASETS) as { dataset: string; n: number }[];
  const edges = db.prepare(
    'SELECT (SELECT min(at) FROM records WHERE dataset = @d AND at IS NOT NULL) AS oldest, (SELECT max(at) FROM records WHERE dataset = @d) AS newest',
  );
  for (const r of rows) {
    const e = edges.get({ d: r.dataset }) as { oldest: number | null; newest: number | null };
    out.set(r.dataset, { records: r.n, oldest: e.oldest, newest: e.newest });
  }
  const values = db
    .prepare(
      `SELECT sd.dataset, sd.records FROM snapshot_datasets sd JOIN snapshots s ON s.id = sd.snapshot_id
       WHERE sd.dataset IN (${VALUES_DATASETS.map(() => '?').join(', ')}) ORDER BY coalesce(s.exported_at, s.imported_at), s.id`,
    )
    .all(...VALUES_DATASETS) as { dataset: string; records: number }[];
  for (const r of values) if (r.records > 0) out.set(r.dataset, { records: r.records, oldest: null, newest: null });
  return out;
}

/** How many people the direct messages are with (distinct conversations). */
export function conversationPartners(db: ReadableDB): number {
  return (db.prepare("SELECT count(DISTINCT data ->> 'conversation') AS n FROM records WHERE dataset = 'messages'").get() as { n: number }).n;
}

/** Every distinct IP address the login history holds. */
export function loginIps(db: ReadableDB): string[] {
  return db.prepare("SELECT DISTINCT CAST(data ->> 'ip' AS TEXT) FROM records WHERE dataset = 'login_history' AND data ->> 'ip' IS NOT NULL").pluck().all() as string[];
}
