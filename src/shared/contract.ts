// The API contract: every operation Footprint offers, declared once. The service implements it, the
// IPC layer and the preload bind it generically, the CLI and the tests call it.
import { s, type Schema } from './schema';
import { DATASET_IDS } from './catalog';

export type ExportFormat = 'json' | 'txt';

export interface SnapshotSummary {
  id: number;
  sourceName: string;
  sha256: string;
  format: ExportFormat;
  layout: string;
  exportedAt: number | null;
  importedAt: number;
  records: number;
  newRecords: number;
  duplicates: number;
}

export interface SnapshotDetail extends SnapshotSummary {
  datasets: { dataset: string; records: number; new: number; duplicates: number; oldest: number | null; newest: number | null }[];
  unknownSections: { path: string; empty: boolean; bytes: number }[];
  warnings: { path: string; message: string }[];
}

/** The CLI's `import --json` shape (see DESIGN.md). */
export interface ImportResult {
  snapshot: { id: number; format: ExportFormat; layout: string; exportedAt: string | null; sha256: string };
  alreadyImported: boolean;
  datasets: Record<string, { records: number; new: number; duplicates: number }>;
  unknownSections: { path: string; empty: boolean }[];
  warnings: { path: string; message: string }[];
}

export interface ImportProgress {
  phase: 'reading' | 'parsing' | 'writing' | 'done';
  records: number;
}

export interface RecordRow {
  id: number;
  at: number | null;
  fields: Record<string, string | number | boolean>;
  firstSnapshot: number;
  lastSnapshot: number;
}

export interface RecordPage {
  total: number;
  rows: RecordRow[];
}

export interface ValueRow {
  key: string;
  value: string | null;
}

export interface DatasetOverview {
  id: string;
  label: string;
  category: string;
  shape: string;
  /** distinct records kept across every snapshot */
  archived: number;
  /** in the selected snapshot */
  present: boolean;
  records: number;
  new: number;
}

const id = s.int({ min: 1 });
const dataset = s.oneOf(DATASET_IDS as readonly string[]);

/** name → input schema. Results are typed by OperationResults. */
export const OPERATIONS = {
  importExport: s.object({ path: s.string({ min: 1, max: 4096 }) }),
  importSample: s.object({}),
  cancelImport: s.object({}),
  listSnapshots: s.object({}),
  getSnapshot: s.object({ id }),
  deleteSnapshot: s.object({ id }),
  getRawSection: s.object({ id, path: s.string({ min: 1, max: 1024 }) }),
  datasetOverview: s.object({ snapshotId: s.optional(id) }),
  listRecords: s.object({
    dataset,
    snapshotId: s.optional(id),
    offset: s.optional(s.int({ min: 0 })),
    limit: s.optional(s.int({ min: 1, max: 1000 })),
  }),
  listValues: s.object({ dataset, snapshotId: id }),
} satisfies Record<string, Schema<unknown>>;

export type OperationName = keyof typeof OPERATIONS;
export type OperationInput<K extends OperationName> = ReturnType<(typeof OPERATIONS)[K]['parse']>;

export interface OperationResults {
  importExport: ImportResult;
  importSample: ImportResult;
  cancelImport: { cancelled: boolean };
  listSnapshots: SnapshotSummary[];
  getSnapshot: SnapshotDetail | null;
  deleteSnapshot: { deleted: boolean };
  getRawSection: { raw: string | null };
  datasetOverview: DatasetOverview[];
  listRecords: RecordPage;
  listValues: ValueRow[];
}

export type Api = { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResults[K]> };

export interface ApiError {
  code: string;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events the main process pushes to the window. */
export const IMPORT_PROGRESS_CHANNEL = 'import:progress';
