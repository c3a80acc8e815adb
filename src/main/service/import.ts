// The import operation: open → already imported? → parse → write one snapshot atomically.
import type { ImportProgress, ImportResult } from '../../shared/contract';
import { openExport, parseExport } from '../export';
import { readHere } from '../store/record-batch';
import type { DB } from '../store/db';
import { findSnapshotBySha, getSnapshot } from '../store/snapshots';
import { writeSnapshot } from '../store/import-writer';
import { formatTime } from '../export/time';

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  isCancelled?: () => boolean;
}

export function importExport(db: DB, path: string, opts: ImportOptions = {}): ImportResult {
  opts.onProgress?.({ phase: 'reading', records: 0 });
  const opened = openExport(path);
  const existing = findSnapshotBySha(db, opened.sha256);
  if (existing) return alreadyImported(db, existing.id);

  opts.onProgress?.({ phase: 'parsing', records: 0 });
  const result = writeSnapshot(
    db,
    { sourceName: opened.sourceName, sha256: opened.sha256, format: opened.format, exportedAtHint: opened.exportedAtHint },
    readHere(parseExport(opened.content)),
    { onProgress: (records) => opts.onProgress?.({ phase: 'writing', records }), isCancelled: opts.isCancelled },
  );
  const total = Object.values(result.datasets).reduce((n, d) => n + d.records, 0);
  opts.onProgress?.({ phase: 'done', records: total });
  return {
    snapshot: {
      id: result.snapshotId,
      format: opened.format,
      layout: result.layout,
      exportedAt: result.exportedAt === null ? null : formatTime(result.exportedAt),
      sha256: opened.sha256,
    },
    alreadyImported: false,
    datasets: Object.fromEntries(
      Object.entries(result.datasets).map(([k, c]) => [k, { records: c.records, new: c.new, duplicates: c.duplicates, paths: c.paths }]),
    ),
    unknownSections: result.unknownSections,
    warnings: result.warnings,
  };
}

function alreadyImported(db: DB, id: number): ImportResult {
  const s = getSnapshot(db, id)!;
  return {
    snapshot: { id: s.id, format: s.format, layout: s.layout, exportedAt: s.exportedAt === null ? null : formatTime(s.exportedAt), sha256: s.sha256 },
    alreadyImported: true,
    datasets: Object.fromEntries(s.datasets.map((d) => [d.dataset, { records: d.records, new: 0, duplicates: d.duplicates, paths: d.paths }])),
    unknownSections: s.unknownSections.map(({ path, empty }) => ({ path, empty })),
    warnings: [],
  };
}
