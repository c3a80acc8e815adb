// Writes one parsed export into the store as a new snapshot, inside a single transaction: either the
// whole snapshot lands or nothing does. Records are de-duplicated against every earlier snapshot.
// Rows are written in batches of multi-row statements: per-statement overhead, not SQLite, dominates
// a million single-row inserts.
import { datasetSpec, type DatasetSpec } from '../../shared/catalog';
import type { DB } from './db';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { fingerprint, recordKey, recordTime } from './fingerprint';
import { ImportError } from '../export/errors';
import type { ExportSink, RecordFields } from '../export/sink';
import type { ParsedExport } from '../export';

export interface SnapshotMeta {
  sourceName: string;
  sha256: string;
  format: string;
  exportedAtHint: number | null;
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
  datasets: Record<string, DatasetCounts>;
  unknownSections: { path: string; empty: boolean }[];
  warnings: { path: string; message: string }[];
}

export interface WriteOptions {
  /** called now and then with the number of records written */
  onProgress?: (records: number) => void;
  /** polled while writing; true rolls everything back */
  isCancelled?: () => boolean;
  now?: number;
}

const BATCH = 200;
const PROGRESS_EVERY = 25_000;

function cancelled(): ImportError {
  return new ImportError('CANCELLED', 'The import was cancelled; nothing was changed.');
}

/** Multi-row statements, prepared once per row count. */
class BatchStatements {
  private inserts = new Map<number, Statement>();
  private presences = new Map<number, Statement>();
  constructor(private db: DB) {}
  insert(n: number): Statement {
    let st = this.inserts.get(n);
    if (!st) {
      st = this.db.prepare(
        `INSERT INTO records (dataset, fp, at, data, first_snapshot, last_snapshot) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (fp) DO UPDATE SET data = excluded.data WHERE records.data IS NOT excluded.data`,
      );
      this.inserts.set(n, st);
    }
    return st;
  }
  presence(n: number): Statement {
    let st = this.presences.get(n);
    if (!st) {
      st = this.db.prepare(`INSERT OR IGNORE INTO record_snapshots (snapshot_id, record_id) SELECT ?, id FROM records WHERE fp IN (${Array(n).fill('?').join(', ')})`);
      this.presences.set(n, st);
    }
    return st;
  }
}

export function writeSnapshot(db: DB, meta: SnapshotMeta, parsed: ParsedExport, opts: WriteOptions = {}): WriteResult {
  const now = opts.now ?? Date.now();
  const statements = new BatchStatements(db);
  const insertValue = db.prepare(`INSERT OR IGNORE INTO snapshot_values (snapshot_id, dataset, key, value) VALUES (?, ?, ?, ?)`);
  const insertSection = db.prepare(`INSERT OR IGNORE INTO snapshot_sections (snapshot_id, path, raw, empty) VALUES (?, ?, ?, ?)`);
  const insertWarning = db.prepare(`INSERT INTO snapshot_warnings (snapshot_id, seq, path, message) VALUES (?, ?, ?, ?)`);
  const insertDataset = db.prepare(
    `INSERT INTO snapshot_datasets (snapshot_id, dataset, records, new, duplicates, oldest, newest, paths) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return db
    .transaction((): WriteResult => {
      const snapshotId = Number(
        db
          .prepare(`INSERT INTO snapshots (source_name, sha256, format, layout, exported_at, imported_at) VALUES (?, ?, ?, '', NULL, ?)`)
          .run(meta.sourceName, meta.sha256, meta.format, now).lastInsertRowid,
      );
      const maxIdBefore = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM records').get() as { m: number }).m;
      const counts = new Map<string, DatasetCounts>();
      const unknownSections: WriteResult['unknownSections'] = [];
      const warnings: WriteResult['warnings'] = [...parsed.warnings];
      const latestPlausible = now + 24 * 3600_000;
      let newest: number | null = null;
      let written = 0;

      // Fingerprints the user asked to forget for good are never written again (analysis/forget.ts).
      const hasTombstones = db.prepare('SELECT 1 FROM tombstones LIMIT 1').get() !== undefined;
      const tombstoned = db.prepare('SELECT 1 FROM tombstones WHERE fp = ?').pluck();
      const forgotten = new Map<string, number>();

      const countsFor = (dataset: string): DatasetCounts => {
        let c = counts.get(dataset);
        if (!c) counts.set(dataset, (c = { records: 0, new: 0, duplicates: 0, oldest: null, newest: null, paths: [] }));
        return c;
      };

      // The current batch: rows of one dataset.
      let batchSpec: DatasetSpec | undefined;
      const rowParams: unknown[] = [];
      const fps: Buffer[] = [];
      const flush = (): void => {
        if (!batchSpec || fps.length === 0) return;
        const n = fps.length;
        statements.insert(n).run(rowParams);
        const present = statements.presence(n).run(snapshotId, ...fps).changes;
        const c = countsFor(batchSpec.id);
        c.records += present;
        c.duplicates += n - present;
        rowParams.length = 0;
        fps.length = 0;
      };

      const sink: ExportSink = {
        present: (dataset, path) => {
          const c = countsFor(dataset);
          if (!c.paths.includes(path)) c.paths.push(path);
        },
        record: (dataset, fields: RecordFields) => {
          if (batchSpec?.id !== dataset) {
            flush();
            batchSpec = datasetSpec(dataset);
            if (!batchSpec) throw new Error(`unknown dataset ${dataset}`);
          }
          const at = recordTime(batchSpec, fields);
          const fp = fingerprint(recordKey(batchSpec, fields, at));
          if (hasTombstones && tombstoned.get(fp) !== undefined) {
            forgotten.set(dataset, (forgotten.get(dataset) ?? 0) + 1);
            return;
          }
          rowParams.push(dataset, fp, at, JSON.stringify(fields), snapshotId, snapshotId);
          fps.push(fp);
          if (at !== null) {
            const c = countsFor(dataset);
            if (c.oldest === null || at < c.oldest) c.oldest = at;
            if (c.newest === null || at > c.newest) c.newest = at;
            if (at <= latestPlausible && (newest === null || at > newest)) newest = at;
          }
          if (fps.length === BATCH) flush();
          if (++written % PROGRESS_EVERY === 0) {
            opts.onProgress?.(written);
            if (opts.isCancelled?.()) throw cancelled();
          }
        },
        value: (dataset, key, value) => {
          const c = countsFor(dataset);
          if (insertValue.run(snapshotId, dataset, key, value).changes > 0) c.records++;
        },
        unknown: (path, raw, empty) => {
          let p = path;
          for (let i = 2; insertSection.run(snapshotId, p, raw, empty ? 1 : 0).changes === 0; i++) p = `${path} (${i})`;
          unknownSections.push({ path: p, empty });
        },
        warn: (path, message) => void warnings.push({ path, message }),
      };

      const { layout } = parsed.read(sink);
      flush();
      if (opts.isCancelled?.()) throw cancelled();

      // Records seen before are now also seen in this snapshot.
      db.prepare(
        `UPDATE records SET last_snapshot = @s WHERE id IN (SELECT record_id FROM record_snapshots WHERE snapshot_id = @s) AND last_snapshot < @s`,
      ).run({ s: snapshotId });
      for (const row of db.prepare('SELECT dataset, count(*) AS n FROM records WHERE id > ? GROUP BY dataset').all(maxIdBefore) as {
        dataset: string;
        n: number;
      }[]) {
        countsFor(row.dataset).new = row.n;
      }

      for (const [dataset, c] of counts) {
        if (c.duplicates > 0) warnings.push({ path: dataset, message: `${c.duplicates} exact duplicate rows were counted once.` });
      }
      for (const [dataset, n] of forgotten) {
        warnings.push({ path: dataset, message: `${n} forgotten records were skipped: you asked Footprint to forget them for good.` });
      }
      warnings.forEach((w, i) => insertWarning.run(snapshotId, i, w.path, w.message));
      let total = 0;
      let totalNew = 0;
      let totalDup = 0;
      for (const [dataset, c] of counts) {
        insertDataset.run(snapshotId, dataset, c.records, c.new, c.duplicates, c.oldest, c.newest, JSON.stringify(c.paths));
        total += c.records;
        totalNew += c.new;
        totalDup += c.duplicates;
      }
      const exportedAt = meta.exportedAtHint ?? newest;
      db.prepare(`UPDATE snapshots SET layout = ?, exported_at = ?, record_count = ?, new_count = ?, duplicate_count = ? WHERE id = ?`).run(
        layout,
        exportedAt,
        total,
        totalNew,
        totalDup,
        snapshotId,
      );
      return { snapshotId, layout, exportedAt, datasets: Object.fromEntries(counts), unknownSections, warnings };
    })
    .immediate();
}
