// Writes one read export into the store as a new snapshot, inside a single transaction: either the
// whole snapshot lands or nothing does. Records are de-duplicated against every earlier snapshot.
// Records arrive prepared (fingerprinted and serialized, see record-batch.ts), possibly from a
// reader thread; rows are written in multi-row statements: per-statement overhead, not SQLite,
// dominates a million single-row inserts.
import { datasetSpec } from '../../shared/catalog';
import { FootprintError } from '../../shared/errors';
import type { WritableDB } from './handles';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { KnownRecords } from './known-records';
import { suspendSearchIndexing } from './search';
import { suspendValueIndexing } from './field-values';
import type { Fingerprint } from '../import/hash128';
import type { BatchSink, BatchSource, RecordBatch } from '../import/record-batch';
import type { ExportedAtSource, ImportWarning } from '../../shared/contract';
import { settleImported } from './new-counts';

export interface SnapshotMeta {
  sourceName: string;
  sha256: string;
  format: string;
  exportedAtHint: number | null;
  /** which name the hint came from (reader/index.ts); null when there is no hint */
  exportedAtSource?: 'file-name' | 'folder-name' | null;
}

export interface DatasetCounts {
  records: number;
  new: number;
  duplicates: number;
  oldest: number | null;
  newest: number | null;
  /** where in the export the dataset was found */
  paths: string[];
}

export interface WriteResult {
  snapshotId: number;
  layout: string;
  exportedAt: number | null;
  exportedAtSource: ExportedAtSource | null;
  datasets: Record<string, DatasetCounts>;
  unknownSections: { path: string; empty: boolean }[];
  warnings: ImportWarning[];
}

export interface WriteOptions {
  /** called now and then with the number of records written */
  onProgress?: (records: number) => void;
  /** polled while writing; true rolls everything back */
  isCancelled?: () => boolean;
  now?: number;
}

const BATCH = 200;
const ROW_PARAMS = 7;
const PROGRESS_EVERY = 25_000;

/** Multi-row statements, prepared once per row count. */
class BatchStatements {
  private cache = new Map<string, Statement>();
  constructor(private db: WritableDB) {}
  private get(sql: string): Statement {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
  insert(n: number): Statement {
    return this.get(
      `INSERT INTO records (id, dataset, fp_hi, fp_lo, at, data, first_snapshot) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
  }
  presence(n: number): Statement {
    return this.get(`INSERT INTO record_snapshots (snapshot_id, record_id) VALUES ${Array(n).fill('(?, ?)').join(', ')}`);
  }
  /** (snapshot, record) pairs of records seen before: this snapshot is now their last */
  last(n: number): Statement {
    return this.get(
      `INSERT INTO record_last (snapshot_id, record_id) VALUES ${Array(n).fill('(?, ?)').join(', ')} ON CONFLICT (record_id) DO UPDATE SET snapshot_id = excluded.snapshot_id`,
    );
  }
  refresh(): Statement {
    return this.get('UPDATE records SET data = @data WHERE id = @id AND data IS NOT @data');
  }
}

export function writeSnapshot(db: WritableDB, meta: SnapshotMeta, source: BatchSource, opts: WriteOptions = {}): WriteResult {
  const now = opts.now ?? Date.now();
  const statements = new BatchStatements(db);
  const insertValue = db.prepare(`INSERT OR IGNORE INTO snapshot_values (snapshot_id, dataset, key, value) VALUES (?, ?, ?, ?)`);
  const insertSection = db.prepare(`INSERT OR IGNORE INTO snapshot_sections (snapshot_id, path, raw, empty) VALUES (?, ?, ?, ?)`);
  const insertWarning = db.prepare(`INSERT INTO snapshot_warnings (snapshot_id, seq, path, code, params) VALUES (?, ?, ?, ?, ?)`);
  const insertDataset = db.prepare(
    `INSERT INTO snapshot_datasets (snapshot_id, dataset, records, new, duplicates, oldest, newest, paths) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return db
    .transaction((): WriteResult => {
      const searchIndex = suspendSearchIndexing(db); // indexed in bulk below, in this transaction
      const valueIndex = suspendValueIndexing(db); // likewise the field values (field-values.ts)
      const snapshotId = Number(
        db
          .prepare(`INSERT INTO snapshots (source_name, sha256, format, layout, exported_at, imported_at) VALUES (?, ?, ?, '', NULL, ?)`)
          .run(meta.sourceName, meta.sha256, meta.format, now).lastInsertRowid,
      );
      const known = new KnownRecords(db);
      const counts = new Map<string, DatasetCounts>();
      const unknownSections: WriteResult['unknownSections'] = [];
      const warnings: WriteResult['warnings'] = [];
      const latestPlausible = now + 24 * 3600_000;
      let newest: number | null = null;
      let written = 0;

      // Fingerprints the user asked to forget for good are never written again (analysis/forget.ts).
      const tombstoned = new Set((db.prepare('SELECT fp_hi, fp_lo FROM tombstones').raw().all() as Fingerprint[]).map((fp) => fp.join(':')));
      const forgotten = new Map<string, number>();

      const countsFor = (dataset: string): DatasetCounts => {
        let c = counts.get(dataset);
        if (!c) counts.set(dataset, (c = { records: 0, new: 0, duplicates: 0, oldest: null, newest: null, paths: [] }));
        return c;
      };

      // Pending rows, written in multi-row statements.
      const newRows: unknown[] = [];
      const presence: number[] = [];
      const seenAgain: number[] = [];
      const flushNew = (): void => {
        if (newRows.length > 0) statements.insert(newRows.length / ROW_PARAMS).run(newRows);
        newRows.length = 0;
      };
      const flushPresence = (): void => {
        if (presence.length > 0) statements.presence(presence.length / 2).run(presence);
        presence.length = 0;
      };
      const flushSeenAgain = (): void => {
        if (seenAgain.length > 0) statements.last(seenAgain.length / 2).run(seenAgain);
        seenAgain.length = 0;
      };

      const records = (b: RecordBatch): void => {
        const { dataset } = b;
        const spec = datasetSpec(dataset);
        if (!spec) throw new FootprintError('INTERNAL', { reason: `unknown dataset ${dataset}` });
        const c = countsFor(dataset);
        for (let i = 0; i < b.n; i++) {
          const hi = b.hi[i]!;
          const lo = b.lo[i]!;
          if (tombstoned.size > 0 && tombstoned.has(`${hi}:${lo}`)) {
            forgotten.set(dataset, (forgotten.get(dataset) ?? 0) + 1);
            continue;
          }
          const id = known.resolve(dataset, hi, lo);
          if (!known.markPresent(id)) {
            c.duplicates++;
            continue;
          }
          c.records++;
          const at = Number.isNaN(b.at[i]) ? null : b.at[i]!;
          if (known.isNew(id)) {
            c.new++;
            newRows.push(id, dataset, hi, lo, at, b.data[i], snapshotId);
            if (newRows.length === BATCH * ROW_PARAMS) flushNew();
          } else {
            seenAgain.push(snapshotId, id);
            if (seenAgain.length === BATCH * 2) flushSeenAgain();
            if (spec.mutable) statements.refresh().run({ id, data: b.data[i] }); // a post's likes, an order's status: keep the latest
          }
          presence.push(snapshotId, id);
          if (presence.length === BATCH * 2) flushPresence();
          if (at !== null) {
            if (c.oldest === null || at < c.oldest) c.oldest = at;
            if (c.newest === null || at > c.newest) c.newest = at;
            if (at <= latestPlausible && (newest === null || at > newest)) newest = at;
          }
          if (++written % PROGRESS_EVERY === 0) {
            opts.onProgress?.(written);
            if (opts.isCancelled?.()) throw new FootprintError('CANCELLED');
          }
        }
      };

      const sink: BatchSink = {
        present: (dataset, path) => {
          const c = countsFor(dataset);
          if (!c.paths.includes(path)) c.paths.push(path);
        },
        records,
        value: (dataset, key, value) => {
          const c = countsFor(dataset);
          if (insertValue.run(snapshotId, dataset, key, value).changes > 0) c.records++;
        },
        unknown: (path, raw, empty) => {
          let p = path;
          for (let i = 2; insertSection.run(snapshotId, p, raw, empty ? 1 : 0).changes === 0; i++) p = `${path} (${i})`;
          unknownSections.push({ path: p, empty });
        },
        warn: (path, code, params = {}) => void warnings.push({ path, code, params }),
      };

      // The archive's identities load while the reader starts (on its thread, when it has one).
      known.preload(db.prepare('SELECT DISTINCT dataset FROM snapshot_datasets').pluck().all() as string[]);
      const { layout } = source.read(sink, opts.isCancelled);
      flushNew();
      flushPresence();
      flushSeenAgain();
      if (opts.isCancelled?.()) throw new FootprintError('CANCELLED');
      known.save();

      for (const [dataset, c] of counts) {
        if (c.duplicates > 0) warnings.push({ path: dataset, code: 'duplicates', params: { count: c.duplicates } });
      }
      for (const [dataset, n] of forgotten) {
        warnings.push({ path: dataset, code: 'forgotten', params: { count: n } });
      }
      warnings.forEach((w, i) => insertWarning.run(snapshotId, i, w.path, w.code, JSON.stringify(w.params)));
      let total = 0;
      let totalDup = 0;
      for (const [dataset, c] of counts) {
        insertDataset.run(snapshotId, dataset, c.records, c.new, c.duplicates, c.oldest, c.newest, JSON.stringify(c.paths));
        total += c.records;
        totalDup += c.duplicates;
      }
      searchIndex.resume();
      valueIndex.resume([...counts].filter(([, c]) => c.new > 0).map(([dataset]) => dataset));
      const exportedAt = meta.exportedAtHint ?? newest;
      const exportedAtSource = meta.exportedAtHint !== null ? (meta.exportedAtSource ?? null) : newest !== null ? 'newest-record' : null;
      db.prepare(`UPDATE snapshots SET layout = ?, exported_at = ?, exported_at_source = ?, record_count = ?, duplicate_count = ? WHERE id = ?`).run(
        layout,
        exportedAt,
        exportedAtSource,
        total,
        totalDup,
        snapshotId,
      );
      // "new" by export order: an older export imported late takes it from the newer ones, values
      // datasets count too (new-counts.ts); the result reports what is stored.
      settleImported(db, snapshotId);
      // the index builds above take a while on a large export: a Cancel during them still rolls it all back
      if (opts.isCancelled?.()) throw new FootprintError('CANCELLED');
      const settled = db.prepare('SELECT dataset, new FROM snapshot_datasets WHERE snapshot_id = ?').raw().all(snapshotId) as [string, number][];
      for (const [dataset, n] of settled) counts.get(dataset)!.new = n;
      return { snapshotId, layout, exportedAt, exportedAtSource, datasets: Object.fromEntries(counts), unknownSections, warnings };
    })
    .immediate();
}
