// The API contract: every operation Footprint offers, declared once. The service implements it, the
// IPC layer and the preload bind it generically, the CLI and the tests call it.
import { s, type Schema } from './schema';
import { DATASET_IDS } from './catalog';
import type { ApiError, ErrorParams } from './errors';

export type { ApiError } from './errors';

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

/**
 * Something an import noticed but got past, as a code and parameters (worded by the door from the
 * catalog key `warning.<code>`, src/shared/i18n/messages/import.ts). `path`: where in the export
 * (a file, a section path) or, for duplicates and forgotten records, the dataset id.
 */
export const IMPORT_WARNING_CODES = [
  'utf16', // {}: the JSON file was saved as UTF-16 and read as such
  'bad-encoding', // {}: bytes that are not valid UTF-8 were replaced by U+FFFD
  'nul-removed', // {}: NUL characters in a .txt file were removed
  'export-twice', // {}: the document twice back to back (a TikTok glitch); the first copy was read
  'trailing-data', // { byte }: text after the end of the document, ignored
  'control-characters', // {}: raw control characters in strings, kept escaped
  'duplicate-key', // {}: a name twice in one object; the later copy kept beside it as "<name> (2)"
  'trailing-commas', // {}
  'cut-short', // {}: the file ends early; everything before the cut was read
  'list-cut-short', // { count }: the file ends inside this list; its count complete entries were read
  'unrecognised-shape', // { name }: a known section in a shape Footprint does not know; kept raw
  'wrong-type', // { name, found: 'list' | 'map' | 'text' | 'number' | 'boolean' | 'other', expected: 'map' | 'list' | 'names' | 'values' | 'sections' }; kept raw
  'plain-values', // { name }: plain values where records belong; kept raw
  'skipped-entries', // { count }: entries that are damaged or not records, skipped
  'skipped-conversation', // {}: a conversation that is not a list of messages, skipped
  'unread-lines', // { count, dataset }: lines of a .txt file not read as records; kept raw
  'too-large', // { limit }: a .txt file over limit MiB, skipped
  'parse-failed', // { reason }: a reader bug on this file (reason for a bug report); kept raw
  'duplicates', // { count }: exact duplicate records in one export, counted once
  'forgotten', // { count }: records the user asked to forget for good, skipped
  'legacy', // { text }: a warning stored as an English sentence before codes existed (migration 4)
] as const;

export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export interface ImportWarning {
  path: string;
  code: ImportWarningCode;
  params: ErrorParams;
}

/** A warning about one file, before the reader knows where the file sits in the export. */
export type FileWarning = Omit<ImportWarning, 'path'>;

export interface SnapshotDetail extends SnapshotSummary {
  datasets: { dataset: string; records: number; new: number; duplicates: number; oldest: number | null; newest: number | null; paths: string[] }[];
  unknownSections: { path: string; empty: boolean; bytes: number }[];
  warnings: ImportWarning[];
}

/** The CLI's `import --json` shape (see DESIGN.md). */
export interface ImportResult {
  snapshot: { id: number; format: ExportFormat; layout: string; exportedAt: string | null; sha256: string };
  alreadyImported: boolean;
  /** every dataset understood, with where in the export it was found */
  datasets: Record<string, { records: number; new: number; duplicates: number; paths: string[] }>;
  unknownSections: { path: string; empty: boolean }[];
  warnings: ImportWarning[];
}

/** One level of an export's structure in a diagnose report: names, types and counts, never values. */
export interface DiagnoseShape {
  /** how many values of each type were seen here: object, list, string, time (a string holding a date), number, boolean, null */
  types: Record<string, number>;
  /** an object's keys; keys that could be data (usernames, ids, …) are merged under "<key>", "<conversation>" or "<id>" */
  keys?: Record<string, DiagnoseShape>;
  /** how many distinct keys were merged under placeholders */
  hiddenKeys?: number;
  /** a list's items, merged over every list seen here */
  items?: DiagnoseShape;
  lists?: number;
  /** items over all those lists, and the longest */
  length?: number;
  maxLength?: number;
  /** values nested deeper than the report follows */
  deeper?: number;
}

/** `footprint diagnose --json`: what an export is made of, safe to share (no values from it). */
export interface DiagnoseReport {
  note: string;
  container: 'zip' | 'folder' | 'file';
  /** the export's files inside the container (names that could be data replaced) */
  files: string[];
  moreFiles: number;
  /** anything else in the container, only counted, by extension */
  otherFiles: Record<string, number>;
  format: ExportFormat | null;
  layout: string | null;
  /** datasets Footprint recognised: where, how many records or values, and their field names with value types */
  datasets: { id: string; paths: string[]; records: number; values: number; fields: Record<string, Record<string, number>> }[];
  unknownSections: { path: string; empty: boolean }[];
  /** as an import's, with names that could be data replaced */
  warnings: ImportWarning[];
  /** why an import of it would fail, if it would (params with names that could be data replaced) */
  error: ApiError | null;
  /** the JSON document's structure (JSON exports only) */
  structure: DiagnoseShape | null;
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

// ---- Change tracking across snapshots (src/main/analysis) ----

export type ChangeDirection = 'more-private' | 'less-private' | 'neutral';

/** Per dataset between two snapshots; gone = agedOut + vanished (only when the dataset was in both). */
export interface DatasetChange {
  added: number;
  gone: number;
  /** older than the newer export's window: TikTok no longer includes it */
  agedOut: number;
  /** inside the newer export's window yet missing: deleted by the user or by TikTok */
  vanished: number;
}

export interface SettingChange {
  key: string;
  from: string | null;
  to: string | null;
  direction: ChangeDirection;
}

export interface ProfileChange {
  /** a ProfileMap key (userName, emailAddress, …) or "linkedPlatform" */
  field: string;
  from: string | null;
  to: string | null;
}

export type AlertKind =
  | 'new-device'
  | 'new-device-system'
  | 'new-ip'
  | 'new-network-type'
  | 'new-carrier'
  | 'new-country'
  | 'new-network-owner'
  | 'new-device-identifier'
  | 'new-off-tiktok-source'
  | 'new-off-tiktok-event'
  | 'new-ad-partner'
  | 'new-ad-interest'
  | 'new-share-method'
  | 'followers-gained'
  | 'followers-lost'
  | 'following-added'
  | 'following-removed'
  | 'blocked-added'
  | 'blocked-removed'
  | 'still-there-after-deletion';

/**
 * Parameters of an alert or a timeline highlight: plain values, worded by the door from the message
 * catalog (`alert.<kind>`, `highlight.<code>`, src/shared/i18n/messages/changes.ts). A string[] is a
 * list the door joins with translator.list(); a `dataset` is a catalog id (t(`dataset.<id>`));
 * times are epoch ms.
 */
export type ChangeParams = Record<string, string | number | boolean | null | string[]>;

/**
 * An alert: its kind, what the catalog words it with, and the records behind it. Params by kind:
 * - new-device {model, systems: string[], count}; new-device-system {model, system, count}
 * - new-ip {ip, where: 'found' | 'country' | 'network' | 'none' | 'invalid', country, network, count}
 *   (network: "AS<number> <owner>"; where says which of country and network are known)
 * - new-country {country, ips: string[], more, count}; new-network-owner {network, asn, ips: string[], more, count}
 *   (ips: the first few addresses; more: how many besides)
 * - new-network-type {networkType, count}; new-carrier {carrier, count}
 * - new-device-identifier {identifier: 'idfa' | 'gaid' | 'idfv' | 'androidId' | 'webId' | 'did' | 'uid' | 'openUdid' | 'clientUdid', value}
 * - new-off-tiktok-source {source, count}; new-off-tiktok-event {event, count}
 * - new-ad-partner {partner, list: 'advertiser' | 'partner' (a data partner)}; new-ad-interest {interest}
 * - new-share-method {method, count}
 * - followers-gained, followers-lost, following-added, following-removed, blocked-added,
 *   blocked-removed {count, names: string[] (the first few), more (count beyond names)}
 * - still-there-after-deletion {dataset, deletedAt, dated, days (null and dated false: export time unknown), source: 'mark' | 'deleted_posts'}
 * A null parameter is shown as `change.none`.
 */
export interface ChangeAlert {
  kind: AlertKind;
  params: ChangeParams;
  /** the snapshot holding the records (the newer one; the older one for losses), some of their ids, the earliest record time */
  evidence: { snapshotId: number; recordIds: number[]; at: number | null };
}

/** The CLI's `diff --json` shape. */
export interface SnapshotDiff {
  from: number;
  to: number;
  datasets: Record<string, DatasetChange>;
  settings: SettingChange[];
  profile: ProfileChange[];
  alerts: ChangeAlert[];
}

export type DiffRecordKind = 'added' | 'gone' | 'agedOut' | 'vanished';

export interface TimelineEntry {
  snapshotId: number;
  sourceName: string;
  exportedAt: number | null;
  importedAt: number;
  /** the snapshot before it in export-time order (what the headline compares with) */
  previousId: number | null;
  records: number;
  headline: {
    added: number;
    agedOut: number;
    vanished: number;
    settingsChanged: number;
    morePrivate: number;
    lessPrivate: number;
    profileChanged: number;
    alerts: Partial<Record<AlertKind, number>>;
  } | null;
  /** the few changes worth reading first, most important first (TimelineHighlight) */
  highlights: TimelineHighlight[];
}

/**
 * A timeline highlight, worded by the door from `highlight.<code>`:
 * - first-snapshot {}
 * - alert {kind, others, …the alert's params}: the alert's sentence (`alert.<kind>`), then
 *   `highlight.alert` for the `others` alerts of the same kind
 * - less-private, more-private {key, from, to} (a setting; null: no value, the door shows `change.none`)
 * - profile {field, from, to} (a PROFILE field or linkedPlatform; null as above)
 * - vanished {dataset, count}: records missing inside the export window (up to three datasets)
 */
export type HighlightCode = 'first-snapshot' | 'alert' | 'less-private' | 'more-private' | 'profile' | 'vanished';

export interface TimelineHighlight {
  code: HighlightCode;
  params: ChangeParams;
}

export interface ArchiveRecordRow extends RecordRow {
  /** still in the latest snapshot (by export time) that contained this dataset */
  stillPresent: boolean;
}

export interface ArchivePage {
  dataset: string;
  latestSnapshotId: number | null;
  total: number;
  rows: ArchiveRecordRow[];
}

export interface ArchiveSummaryRow {
  dataset: string;
  kept: number;
  stillPresent: number;
  gone: number;
  latestSnapshotId: number | null;
}

export interface RetentionRow {
  snapshotId: number;
  exportedAt: number | null;
  /** the time window this export covers for the dataset */
  oldest: number | null;
  newest: number | null;
  /** newest − oldest in whole days: how much history this export actually held (null: fewer than two timed records) */
  windowDays: number | null;
  records: number;
  previousId: number | null;
  /** compared with the previous snapshot holding the dataset; null for the first */
  agedOut: number | null;
  vanished: number | null;
}

export interface RetentionView {
  dataset: string;
  /**
   * About how many days of history TikTok includes: what the latest export actually covered
   * ('observed'), else the catalog's figure ('catalog'); null for datasets TikTok exports in full.
   */
  windowDays: number | null;
  windowSource: 'observed' | 'catalog' | null;
  snapshots: RetentionRow[];
}

export interface DeletionMark {
  recordId: number;
  dataset: string;
  deletedAt: number;
  markedAt: number;
  note: string | null;
  fields: RecordRow['fields'];
}

/** A snapshot exported after the user (or TikTok's "Recently deleted") says a record was deleted, still holding it. */
export interface StillThereFinding {
  source: 'mark' | 'deleted_posts';
  /** the marked record, or the Recently Deleted Posts record */
  recordId: number;
  dataset: string;
  deletedAt: number;
  /** the record the snapshot still holds (the post, for deleted_posts) */
  foundRecordId: number;
  snapshotId: number;
  exportedAt: number | null;
  daysAfterDeletion: number | null;
}

// ---- Explore: search and the dataset table (src/main/service/explore.ts) ----

/** One search hit: a record, when it happened, and a few words around the match. */
export interface SearchHit {
  dataset: string;
  recordId: number;
  at: number | null;
  /** the matched words are snippet.slice(start, end) for each [start, end) in marks (UTF-16 offsets) */
  snippet: string;
  marks: [number, number][];
}

export interface SearchResults {
  /** every match, across the datasets searched */
  total: number;
  /** matches per dataset, most first */
  datasets: { dataset: string; count: number }[];
  /** newest first; with group 'dataset', up to limit per dataset, datasets in the order of their newest hit */
  hits: SearchHit[];
  /** pass as `after` for the next hits (not with group), null at the end */
  next: string | null;
}

/** A table row; records with an `ip` field carry what the offline databases know of it. */
export interface ExploreRow extends RecordRow {
  ip?: { country: string | null; asn: number | null; org: string | null; reserved: boolean } | null;
}

export interface ExplorePageResult {
  dataset: string;
  /** records the filters keep */
  total: number;
  rows: ExploreRow[];
  /** pass as `after` for the next page; null on the last page */
  next: string | null;
  /** the dataset's fields, catalog order first, then any others its records hold */
  columns: string[];
}

export interface ExploreFacet {
  /** a record field, or the derived `country` / `network` of an `ip` field */
  field: string;
  /** most common first; null: records without the field */
  values: { value: string | number | null; count: number }[];
  /** distinct values in all (values may show only the first few) */
  distinct: number;
}

/** A record and its dataset, to open from a search hit. */
export interface RecordDetail extends RecordRow {
  dataset: string;
}

export interface ExportViewResult {
  path: string;
  rows: number;
}

/** How the database file is protected at rest (see src/main/vault/file-encryption.ts). */
export interface EncryptionStatus {
  encrypted: boolean;
  /** what opened it: the OS-kept device key, a passphrase, or nothing (a plain file) */
  unlockedWith: 'key' | 'passphrase' | null;
  /** whether this door can keep a device key (the desktop app with a working OS keychain) */
  deviceKeyAvailable: boolean;
}

/** A new passphrase: 8–1024 characters. Omitted: a new random device key kept by the OS keychain. */
const newPassphrase = s.optional(s.string({ min: 8, max: 1024 }));

const id = s.int({ min: 1 });
const dataset = s.oneOf(DATASET_IDS as readonly string[]);

/** A record field as the explore operations name it (quoted into SQL as a literal, never spliced). */
const fieldName = s.string({ min: 1, max: 100 });
/** The filters of a table view: a time range [from, to), field values, and text within the dataset. */
const exploreFilter = {
  dataset,
  from: s.optional(s.int()),
  to: s.optional(s.int()),
  where: s.optional(s.array(s.object({ field: fieldName, values: s.array(s.string({ max: 1000 }), { min: 1, max: 500 }) }), { max: 20 })),
  search: s.optional(s.string({ max: 100_000 })),
};
const exploreSort = { sort: s.optional(fieldName), dir: s.optional(s.oneOf(['asc', 'desc'] as const)) };

/**
 * One operation's declaration: its input schema and the flags the service enforces for every door.
 * - exclusive: refused with IMPORT_RUNNING while an import writes (it writes too, or rewrites the
 *   file or its key under the import's open transaction);
 * - desktopOnly: needs the window (a native dialog); elsewhere DESKTOP_ONLY.
 */
export interface OperationSpec<I> {
  input: Schema<I>;
  exclusive: boolean;
  desktopOnly: boolean;
}

function op<I>(input: Schema<I>, flags: { exclusive?: true; desktopOnly?: true } = {}): OperationSpec<I> {
  return { input, exclusive: flags.exclusive === true, desktopOnly: flags.desktopOnly === true };
}

const exclusive = { exclusive: true } as const;

/** name → input schema and flags. Results are typed by OperationResults. */
export const OPERATIONS = {
  importExport: op(s.object({ path: s.string({ min: 1, max: 4096 }) }), exclusive),
  importSample: op(s.object({}), exclusive),
  /** a structure-only report of an export (no values), read-only */
  diagnoseExport: op(s.object({ path: s.string({ min: 1, max: 4096 }) })),
  cancelImport: op(s.object({})),
  listSnapshots: op(s.object({})),
  getSnapshot: op(s.object({ id })),
  deleteSnapshot: op(s.object({ id }), exclusive),
  getRawSection: op(s.object({ id, path: s.string({ min: 1, max: 1024 }) })),
  datasetOverview: op(s.object({ snapshotId: s.optional(id) })),
  listRecords: op(
    s.object({
      dataset,
      snapshotId: s.optional(id),
      offset: s.optional(s.int({ min: 0 })),
      limit: s.optional(s.int({ min: 1, max: 1000 })),
    }),
  ),
  listValues: op(s.object({ dataset, snapshotId: id })),
  encryptionStatus: op(s.object({})),
  /** encrypts the plain database in place */
  encryptDatabase: op(s.object({ passphrase: newPassphrase }), exclusive),
  /** re-encrypts with a new passphrase or device key */
  changeKey: op(s.object({ passphrase: newPassphrase }), exclusive),
  /** back to a plain file (the UI confirms first) */
  decryptDatabase: op(s.object({}), exclusive),
  diffSnapshots: op(s.object({ from: s.optional(id), to: s.optional(id) })),
  diffRecords: op(
    s.object({
      from: id,
      to: id,
      dataset,
      kind: s.oneOf(['added', 'gone', 'agedOut', 'vanished'] as const),
      offset: s.optional(s.int({ min: 0 })),
      limit: s.optional(s.int({ min: 1, max: 1000 })),
    }),
  ),
  timeline: op(s.object({})),
  archiveSummary: op(s.object({})),
  archiveRecords: op(
    s.object({
      dataset,
      status: s.optional(s.oneOf(['all', 'present', 'gone'] as const)),
      offset: s.optional(s.int({ min: 0 })),
      limit: s.optional(s.int({ min: 1, max: 1000 })),
    }),
  ),
  retention: op(s.object({ dataset })),
  /** deletedAt: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" (UTC) or epoch ms as text */
  markDeleted: op(s.object({ recordId: id, deletedAt: s.string({ min: 1, max: 40 }), note: s.optional(s.string({ max: 500 })) })),
  unmarkDeleted: op(s.object({ recordId: id })),
  listDeletionMarks: op(s.object({})),
  stillThere: op(s.object({})),
  forgetRecords: op(s.object({ ids: s.array(id, { min: 1, max: 100_000 }) }), exclusive),
  /** full-text search; query is plain text ("quoted phrases", bare words as prefixes), never FTS syntax */
  search: op(
    s.object({
      query: s.string({ max: 100_000 }),
      datasets: s.optional(s.array(dataset, { max: 100 })),
      limit: s.optional(s.int({ min: 1, max: 1000 })),
      group: s.optional(s.oneOf(['dataset'] as const)),
      after: s.optional(s.string({ max: 100 })),
    }),
  ),
  getRecord: op(s.object({ id })),
  /** a page of a dataset as a table: sorted (default at, desc), filtered, after a cursor or from a time (jumpTo, sort by at) */
  explorePage: op(
    s.object({ ...exploreFilter, ...exploreSort, after: s.optional(s.string({ max: 4000 })), jumpTo: s.optional(s.int()), limit: s.optional(s.int({ min: 1, max: 1000 })) }),
  ),
  /** value counts of the given fields (default: the dataset's facet fields) under the same filters */
  exploreFacets: op(s.object({ ...exploreFilter, fields: s.optional(s.array(fieldName, { max: 20 })), limit: s.optional(s.int({ min: 1, max: 1000 })) })),
  /** writes the view (filters and sort) to a file; replace: 'yes' overwrites an existing file */
  exportView: op(
    s.object({ ...exploreFilter, ...exploreSort, format: s.oneOf(['csv', 'json'] as const), path: s.string({ min: 1, max: 4096 }), replace: s.optional(s.oneOf(['yes'] as const)) }),
  ),
  /** desktop only: the native "open" dialog; resolves to the chosen path or null when dismissed */
  chooseExport: op(s.object({ kind: s.optional(s.oneOf(['file', 'folder'] as const)) }), { desktopOnly: true }),
} satisfies Record<string, OperationSpec<unknown>>;

export type OperationName = keyof typeof OPERATIONS;
export type OperationInput<K extends OperationName> = (typeof OPERATIONS)[K] extends OperationSpec<infer I> ? I : never;

export interface OperationResults {
  importExport: ImportResult;
  importSample: ImportResult;
  diagnoseExport: DiagnoseReport;
  cancelImport: { cancelled: boolean };
  listSnapshots: SnapshotSummary[];
  getSnapshot: SnapshotDetail | null;
  deleteSnapshot: { deleted: boolean };
  getRawSection: { raw: string | null };
  datasetOverview: DatasetOverview[];
  listRecords: RecordPage;
  listValues: ValueRow[];
  encryptionStatus: EncryptionStatus;
  encryptDatabase: EncryptionStatus;
  changeKey: EncryptionStatus;
  decryptDatabase: EncryptionStatus;
  diffSnapshots: SnapshotDiff;
  diffRecords: RecordPage;
  timeline: TimelineEntry[];
  archiveSummary: ArchiveSummaryRow[];
  archiveRecords: ArchivePage;
  retention: RetentionView;
  markDeleted: DeletionMark;
  unmarkDeleted: { unmarked: boolean };
  listDeletionMarks: DeletionMark[];
  stillThere: StillThereFinding[];
  forgetRecords: { forgotten: number };
  search: SearchResults;
  getRecord: RecordDetail | null;
  explorePage: ExplorePageResult;
  exploreFacets: { facets: ExploreFacet[] };
  exportView: ExportViewResult;
  chooseExport: { path: string | null };
}

/** The part of the service a door needs: validate and run an operation by name. */
export interface ContractCaller {
  call(name: OperationName, input: unknown): Promise<unknown>;
}

export type Api = { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResults[K]> };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events the main process pushes to the window. */
export const IMPORT_PROGRESS_CHANNEL = 'import:progress';

/** Every operation travels over the IPC channel `fp:<name>`. */
export const IPC_CHANNEL_PREFIX = 'fp:';

// ---- Before the service exists: the desktop app's unlock door (src/main/vault/unlock.ts) ----

/** The unlock channels, bound before the database is opened (and kept afterwards). */
export const UNLOCK_CHANNELS = {
  status: 'unlock:status',
  submit: 'unlock:submit',
  preference: 'unlock:preference',
} as const;

/**
 * Why the Unlock screen shows (vault/device-key.ts UnlockResult): passphrase-needed: no device key,
 * one that does not open the archive, or no keychain to hold one; passphrase-suggested: the OS
 * keychain is missing (basic_text: Linux without a keyring), unavailable or not ready.
 */
export type UnlockReason = 'no-device-key' | 'device-key-mismatch' | 'keychain-unavailable' | 'basic_text' | 'unavailable' | 'not_ready';

/** What the window shows first: the app ('ready'), the Unlock screen, or the "no keychain" choice. */
export interface UnlockStatus {
  state: 'ready' | 'passphrase-needed' | 'passphrase-suggested';
  /** what was found on disk at start-up */
  database: 'new' | 'plaintext' | 'encrypted' | 'unknown';
  /** why a passphrase is needed or suggested, null when ready; the window words the screen from it */
  reason: UnlockReason | null;
  /** whether the OS keychain can keep a device key on this computer */
  keychainAvailable: boolean;
  /** 'declined': the user chose to keep the database unencrypted (no suggestion, no automatic device key at start) */
  encryptionPreference: 'suggest' | 'declined';
  /** wrong passphrases so far */
  failures: number;
}

/** Input schemas of the unlock channels (validated like the contract's). */
export const UNLOCK_INPUTS = {
  status: s.object({}),
  /**
   * unlock: open the encrypted database with its passphrase (state passphrase-needed);
   * encrypt: protect the database with a new passphrase (state passphrase-suggested);
   * skip: continue without encryption and remember that choice (state passphrase-suggested).
   */
  submit: s.object({
    action: s.oneOf(['unlock', 'encrypt', 'skip'] as const),
    passphrase: s.optional(s.string({ min: 1, max: 1024 })),
  }),
  preference: s.object({ encryption: s.oneOf(['suggest', 'declined'] as const) }),
} satisfies Record<keyof typeof UNLOCK_CHANNELS, Schema<unknown>>;

export type UnlockSubmit = ReturnType<(typeof UNLOCK_INPUTS)['submit']['parse']>;
export type UnlockPreference = ReturnType<(typeof UNLOCK_INPUTS)['preference']['parse']>;

/** What the preload exposes as `window.footprint`: one function per operation, answering envelopes. */
export type FootprintBridge = {
  [K in OperationName]: (input?: OperationInput<K>) => Promise<Envelope<OperationResults[K]>>;
} & {
  /** subscribe to import progress; returns the unsubscribe function */
  onImportProgress(cb: (p: ImportProgress) => void): () => void;
  /** the file-system path of a dropped File ('' when it has none) */
  pathForFile(file: File): string;
  /** the unlock door (UNLOCK_CHANNELS): answers before the database is open */
  unlockStatus(): Promise<Envelope<UnlockStatus>>;
  unlock(input: UnlockSubmit): Promise<Envelope<UnlockStatus>>;
  setEncryptionPreference(input: UnlockPreference): Promise<Envelope<UnlockStatus>>;
};
