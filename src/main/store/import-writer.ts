// Writes one parsed export into the store as a new snapshot, inside a single transaction: either the
// whole snapshot lands or nothing does. Records are de-duplicated against every earlier snapshot.
import { datasetSpec } from '../../shared/catalog';
import type { DB } from './db';
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

const PROGRESS_EVERY = 25_000;

export function writeSnapshot(db: DB, meta: SnapshotMeta, parsed: ParsedExport, opts: WriteOptions = {}): WriteResult {
  const now = opts.now ?? Date.now();
  const insertSnapshot = db.prepare(
    `INSERT INTO snapshots (source_name, sha256, format, layout, exported_at, imported_at) VALUES (?, ?, ?, '', NULL, ?)`,
  );
  const upsertRecord = db.prepare(
    `INSERT INTO records (dataset, fp, at, data, first_snapshot, last_snapshot) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (fp) DO UPDATE SET last_snapshot = max(last_snapshot, excluded.last_snapshot), data = excluded.data
     RETURNING id, first_snapshot`,
  );
  const insertPresence = db.prepare(`INSERT OR IGNORE INTO record_snapshots (snapshot_id, record_id) VALUES (?, ?)`);
  const insertValue = db.prepare(`INSERT OR IGNORE INTO snapshot_values (snapshot_id, dataset, key, value) VALUES (?, ?, ?, ?)`);
  const insertSection = db.prepare(`INSERT OR IGNORE INTO snapshot_sections (snapshot_id, path, raw, empty) VALUES (?, ?, ?, ?)`);
  const insertWarning = db.prepare(`INSERT INTO snapshot_warnings (snapshot_id, seq, path, message) VALUES (?, ?, ?, ?)`);
  const insertDataset = db.prepare(
    `INSERT INTO snapshot_datasets (snapshot_id, dataset, records, new, duplicates, oldest, newest) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const finishSnapshot = db.prepare(
    `UPDATE snapshots SET layout = ?, exported_at = ?, record_count = ?, new_count = ?, duplicate_count = ? WHERE id = ?`,
  );

  return db
    .transaction((): WriteResult => {
      const snapshotId = Number(insertSnapshot.run(meta.sourceName, meta.sha256, meta.format, now).lastInsertRowid);
      const counts = new Map<string, DatasetCounts>();
      const unknownSections: WriteResult['unknownSections'] = [];
      const warnings: WriteResult['warnings'] = [...parsed.warnings];
      let written = 0;
      let newest: number | null = null;
      const latestPlausible = now + 24 * 3600_000;

      const countsFor = (dataset: string): DatasetCounts => {
        let c = counts.get(dataset);
        if (!c) counts.set(dataset, (c = { records: 0, new: 0, duplicates: 0, oldest: null, newest: null }));
        return c;
      };

      const sink: ExportSink = {
        present: (dataset) => void countsFor(dataset),
        record: (dataset, fields: RecordFields) => {
          const spec = datasetSpec(dataset);
          if (!spec) throw new Error(`unknown dataset ${dataset}`);
          const at = recordTime(spec, fields);
          const row = upsertRecord.get(dataset, fingerprint(recordKey(spec, fields)), at, JSON.stringify(fields), snapshotId, snapshotId) as {
            id: number;
            first_snapshot: number;
          };
          const c = countsFor(dataset);
          if (insertPresence.run(snapshotId, row.id).changes === 0) {
            c.duplicates++;
          } else {
            c.records++;
            if (row.first_snapshot === snapshotId) c.new++;
            if (at !== null) {
              if (c.oldest === null || at < c.oldest) c.oldest = at;
              if (c.newest === null || at > c.newest) c.newest = at;
              if (at <= latestPlausible && (newest === null || at > newest)) newest = at;
            }
          }
          if (++written % PROGRESS_EVERY === 0) {
            opts.onProgress?.(written);
            if (opts.isCancelled?.()) throw new ImportError('CANCELLED', 'The import was cancelled; nothing was changed.');
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
      if (opts.isCancelled?.()) throw new ImportError('CANCELLED', 'The import was cancelled; nothing was changed.');

      warnings.forEach((w, i) => insertWarning.run(snapshotId, i, w.path, w.message));
      const dups = [...counts.entries()].filter(([, c]) => c.duplicates > 0);
      for (const [dataset, c] of dups) {
        warnings.push({ path: dataset, message: `${c.duplicates} exact duplicate rows were counted once.` });
        insertWarning.run(snapshotId, warnings.length - 1, dataset, warnings[warnings.length - 1]!.message);
      }
      let total = 0;
      let totalNew = 0;
      let totalDup = 0;
      for (const [dataset, c] of counts) {
        insertDataset.run(snapshotId, dataset, c.records, c.new, c.duplicates, c.oldest, c.newest);
        total += c.records;
        totalNew += c.new;
        totalDup += c.duplicates;
      }
      const exportedAt = meta.exportedAtHint ?? newest;
      finishSnapshot.run(layout, exportedAt, total, totalNew, totalDup, snapshotId);
      return { snapshotId, layout, exportedAt, datasets: Object.fromEntries(counts), unknownSections, warnings };
    })
    .immediate();
}
