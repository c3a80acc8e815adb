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
 * counts across the archive and per snapshot.
 */
export function fieldGroups(db: ReadableDB, dataset: string, fields: readonly string[]): FieldGroup[] {
  const exprs = fields.map((f) => `CAST(r.data ->> ${jsonPath(f)} AS TEXT)`);
  const cols = exprs.map((e, i) => `${e} AS k${i}`);
  const keys = fields.map((_, i) => `k${i}`);
  const select = cols.length ? cols.join(', ') + ', ' : '';
  const group = keys.length ? `GROUP BY ${keys.join(', ')}` : '';
  type Row = Record<string, string | number | null>;
  const keyOf = (r: Row) => JSON.stringify(keys.map((k) => r[k] ?? null));

  const totals = db
    .prepare(`SELECT ${select}count(*) AS n, min(r.at) AS first, max(r.at) AS last FROM records r WHERE r.dataset = ? ${group}`)
    .all(dataset) as Row[];
  const groups = new Map<string, FieldGroup>();
  for (const r of totals) {
    if (r.n === 0) continue; // no groups and no records: count(*) over nothing
    groups.set(keyOf(r), {
      values: keys.map((k) => (r[k] as string | null) ?? null),
      records: r.n as number,
      first: r.first as number | null,
      last: r.last as number | null,
      snapshots: [],
      recordIds: [],
    });
  }
  const perSnapshot = db
    .prepare(
      `SELECT ${select}rs.snapshot_id AS s, count(*) AS n, min(r.at) AS first, max(r.at) AS last
       FROM records r JOIN record_snapshots rs ON rs.record_id = r.id WHERE r.dataset = ? GROUP BY ${[...keys, 'rs.snapshot_id'].join(', ')} ORDER BY rs.snapshot_id`,
    )
    .all(dataset) as Row[];
  for (const r of perSnapshot) groups.get(keyOf(r))?.snapshots.push({ snapshotId: r.s as number, records: r.n as number, first: r.first as number | null, last: r.last as number | null });
  const partition = exprs.length ? `PARTITION BY ${exprs.join(', ')}` : '';
  const ids = db
    .prepare(
      `SELECT * FROM (SELECT ${select}r.id AS id, row_number() OVER (${partition} ORDER BY r.at, r.id) AS rn FROM records r WHERE r.dataset = ?) WHERE rn <= ${EVIDENCE_IDS} ORDER BY rn`,
    )
    .all(dataset) as Row[];
  for (const r of ids) groups.get(keyOf(r))?.recordIds.push(r.id as number);
  return [...groups.values()];
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
 * datasets (profile, settings) the values of the latest export holding them.
 */
export function datasetFacts(db: ReadableDB): Map<string, StoredDatasetFacts> {
  const out = new Map<string, StoredDatasetFacts>();
  const rows = db.prepare('SELECT dataset, count(*) AS n, min(at) AS oldest, max(at) AS newest FROM records GROUP BY dataset').all() as {
    dataset: string;
    n: number;
    oldest: number | null;
    newest: number | null;
  }[];
  for (const r of rows) out.set(r.dataset, { records: r.n, oldest: r.oldest, newest: r.newest });
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
