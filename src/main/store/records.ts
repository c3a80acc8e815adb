// Reading records and values for tables, exports and the overview.
import type { ReadableDB } from './handles';
import type { RecordPage, RecordRow, ValueRow, DatasetOverview } from '../../shared/contract';
import { DATASETS } from '../../shared/catalog';

/** A row of `records` as queries select it (r.*). */
export interface RawRecord {
  id: number;
  at: number | null;
  data: string;
  first_snapshot: number;
}

function toRow(r: RawRecord, lastSnapshot: number): RecordRow {
  return { id: r.id, at: r.at, fields: JSON.parse(r.data) as RecordRow['fields'], firstSnapshot: r.first_snapshot, lastSnapshot };
}

/** A page of raw rows as the contract's rows, with each record's last snapshot (record_last; none there: its first). */
export function recordRows(db: ReadableDB, raws: RawRecord[]): RecordRow[] {
  if (raws.length === 0) return [];
  const last = new Map(
    db
      .prepare('SELECT record_id, snapshot_id FROM record_last WHERE record_id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(raws.map((r) => r.id))) as [number, number][],
  );
  return raws.map((r) => toRow(r, last.get(r.id) ?? r.first_snapshot));
}

/** Records of a dataset, newest first; within one snapshot when snapshotId is given. */
export function listRecords(db: ReadableDB, dataset: string, opts: { snapshotId?: number; offset?: number; limit?: number }): RecordPage {
  const limit = opts.limit ?? 100;
  const offset = opts.offset ?? 0;
  // Newest first, ties by id descending: exactly the (dataset, at) index read backwards, no sort.
  if (opts.snapshotId !== undefined) {
    const counted = db.prepare('SELECT records FROM snapshot_datasets WHERE snapshot_id = ? AND dataset = ?').pluck().get(opts.snapshotId, dataset);
    const rows = db
      .prepare(
        `SELECT r.* FROM records r
         WHERE r.dataset = ? AND EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id)
         ORDER BY r.at DESC, r.id DESC LIMIT ? OFFSET ?`,
      )
      .all(dataset, opts.snapshotId, limit, offset) as RawRecord[];
    return { total: (counted as number | undefined) ?? 0, rows: recordRows(db, rows) };
  }
  const total = archiveCounts(db).get(dataset) ?? 0;
  const rows = db.prepare('SELECT * FROM records WHERE dataset = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?').all(dataset, limit, offset) as RawRecord[];
  return { total, rows: recordRows(db, rows) };
}

/** Every record of a dataset, oldest first, one at a time (for CSV/JSON export of large datasets). */
export function* iterateRecords(db: ReadableDB, dataset: string): Generator<RecordRow> {
  const query = db.prepare(
    `SELECT r.*, coalesce(l.snapshot_id, r.first_snapshot) AS last_snapshot FROM records r LEFT JOIN record_last l ON l.record_id = r.id
     WHERE r.dataset = ? ORDER BY r.at, r.id`,
  );
  for (const r of query.iterate(dataset) as IterableIterator<RawRecord & { last_snapshot: number }>) yield toRow(r, r.last_snapshot);
}

export function listValues(db: ReadableDB, dataset: string, snapshotId: number): ValueRow[] {
  return db
    .prepare('SELECT key, value FROM snapshot_values WHERE snapshot_id = ? AND dataset = ? ORDER BY rowid')
    .all(snapshotId, dataset) as ValueRow[];
}

/** Per-dataset totals across the archive and in the given snapshot. */
export function datasetOverview(db: ReadableDB, snapshotId: number | null): DatasetOverview[] {
  const archive = archiveCounts(db);
  const inSnapshot = new Map(
    snapshotId === null
      ? []
      : (db.prepare('SELECT dataset, records, new FROM snapshot_datasets WHERE snapshot_id = ?').all(snapshotId) as {
          dataset: string;
          records: number;
          new: number;
        }[]).map((r) => [r.dataset, r]),
  );
  return DATASETS.map((d) => ({
    id: d.id,
    label: d.label,
    category: d.category,
    shape: d.shape,
    archived: archive.get(d.id) ?? 0,
    present: inSnapshot.has(d.id),
    records: inSnapshot.get(d.id)?.records ?? 0,
    new: inSnapshot.get(d.id)?.new ?? 0,
  }));
}

const archiveCache = new WeakMap<ReadableDB, { version: string; counts: Map<string, number> }>();

/**
 * Distinct records kept per dataset. Counting a million rows takes tens of milliseconds and the
 * overview asks often, so the answer is kept until this or another connection writes.
 */
function archiveCounts(db: ReadableDB): Map<string, number> {
  const version = `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
  const cached = archiveCache.get(db);
  if (cached?.version === version) return cached.counts;
  const counts = new Map(
    (db.prepare('SELECT dataset, count(*) AS n FROM records GROUP BY dataset').all() as { dataset: string; n: number }[]).map((r) => [r.dataset, r.n]),
  );
  archiveCache.set(db, { version, counts });
  return counts;
}

/**
 * Fields of the records of `dataset` a snapshot holds, read from their JSON: `{ id, <field>… }` per
 * record, each field as stored (null when absent).
 */
export function recordFieldsIn(db: ReadableDB, snapshotId: number, dataset: string, fields: readonly string[]): ({ id: number } & Record<string, unknown>)[] {
  const cols = fields.map((f, i) => `r.data ->> ${jsonPath(f)} AS f${i}`).join(', ');
  const rows = db
    .prepare(
      `SELECT r.id${cols ? ', ' + cols : ''} FROM records r
       WHERE r.dataset = ? AND EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id)`,
    )
    .all(dataset, snapshotId) as Record<string, unknown>[];
  return rows.map((r) => Object.assign({ id: r.id as number }, Object.fromEntries(fields.map((f, i) => [f, r[`f${i}`] ?? null]))));
}

/**
 * A record field as the right operand of `->>`: a JSON path naming the top-level key exactly
 * ($."…" with quotes and backslashes escaped). The bare-label form misreads keys an export may
 * hold: '' is "bad JSON path", '$' is the whole record, 'a"b' is nothing.
 */
export function jsonPath(field: string): string {
  const path = `$."${field.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `'${path.replace(/'/g, "''")}'`;
}

/** The same path built in SQL from a column holding the field's name (record_value_fields.field); parenthesised, as `->>` binds tighter than `||`. */
export const jsonPathSql = (column: string): string => `('$."' || replace(replace(${column}, '\\', '\\\\'), '"', '\\"') || '"')`;
