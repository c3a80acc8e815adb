// The import operation: open → already imported? → parse → write one snapshot atomically.
import type { ImportProgress, ImportResult } from '../../shared/contract';
import { openExport, parseExport, type OpenedExport } from '../reader';
import { readHere, type BatchSource } from './record-batch';
import { READER_THREAD_MIN_BYTES, READER_WORKER_NAME, readOnThread } from './reader-thread';
import { findWorkerEntry, SOURCE_MAIN_DIR } from './threads';
import type { DB } from '../store/db';
import { findSnapshotBySha, getSnapshot } from '../store/snapshots';
import { writeSnapshot } from '../store/import-writer';
import { formatTime } from '../../shared/time';

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  isCancelled?: () => boolean;
  /** the folder of the app's main code, holding the reader thread's entry (default: the source tree) */
  mainDir?: string;
  /** exports with at least this much content are read on a reader thread (default READER_THREAD_MIN_BYTES) */
  readerThreadMinBytes?: number;
}

export function importExport(db: DB, path: string, opts: ImportOptions = {}): ImportResult {
  opts.onProgress?.({ phase: 'reading', records: 0 });
  const opened = openExport(path, opts.isCancelled);
  const existing = findSnapshotBySha(db, opened.sha256);
  if (existing) return alreadyImported(db, existing.id);

  const bytes = opened.size;
  opts.onProgress?.({ phase: 'parsing', records: 0, bytes });
  const source = reader(opened, opts);
  let result;
  try {
    result = writeSnapshot(
      db,
      { sourceName: opened.sourceName, sha256: opened.sha256, format: opened.format, exportedAtHint: opened.exportedAtHint, exportedAtSource: opened.exportedAtSource === 'newest-record' ? null : opened.exportedAtSource },
      source,
      { onProgress: (records) => opts.onProgress?.({ phase: 'writing', records, bytes }), isCancelled: opts.isCancelled },
    );
  } finally {
    source.close?.();
  }
  const total = Object.values(result.datasets).reduce((n, d) => n + d.records, 0);
  opts.onProgress?.({ phase: 'done', records: total, bytes });
  return {
    snapshot: {
      id: result.snapshotId,
      format: opened.format,
      layout: result.layout,
      exportedAt: result.exportedAt === null ? null : formatTime(result.exportedAt),
      exportedAtSource: result.exportedAtSource,
      sha256: opened.sha256,
    },
    alreadyImported: false,
    datasets: Object.fromEntries(
      Object.entries(result.datasets).map(([k, c]) => [k, { records: c.records, new: c.new, duplicates: c.duplicates, paths: c.paths }]),
    ),
    unknownSections: result.unknownSections,
    warnings: result.warnings,
    ...droppedUnknown(result.warnings),
  };
}

/** What the summary says of unknown sections past the cap: the reader's one `more-unknown` warning, as counts. */
function droppedUnknown(warnings: ImportResult['warnings']): Pick<ImportResult, 'unknownSectionsDropped'> {
  const w = warnings.find((x) => x.code === 'more-unknown');
  if (!w) return {};
  return { unknownSectionsDropped: { count: Number(w.params.count) || 0, bytes: Number(w.params.bytes) || 0 } };
}

/** Where the export is read: on a reader thread when it is large and the thread's entry is there, else here. */
function reader(opened: OpenedExport, opts: ImportOptions): BatchSource {
  const entry = findWorkerEntry(opts.mainDir ?? SOURCE_MAIN_DIR, READER_WORKER_NAME);
  if (entry && opened.size >= (opts.readerThreadMinBytes ?? READER_THREAD_MIN_BYTES)) return readOnThread(opened.content, entry);
  return readHere(parseExport(opened.content), opts.isCancelled);
}

function alreadyImported(db: DB, id: number): ImportResult {
  const s = getSnapshot(db, id)!;
  return {
    snapshot: {
      id: s.id,
      format: s.format,
      layout: s.layout,
      exportedAt: s.exportedAt === null ? null : formatTime(s.exportedAt),
      exportedAtSource: s.exportedAtSource,
      sha256: s.sha256,
    },
    alreadyImported: true,
    // the snapshot's own counts: one "new" everywhere, whichever door asks
    datasets: Object.fromEntries(s.datasets.map((d) => [d.dataset, { records: d.records, new: d.new, duplicates: d.duplicates, paths: d.paths }])),
    unknownSections: s.unknownSections.map(({ path, empty }) => ({ path, empty })),
    warnings: [],
  };
}
