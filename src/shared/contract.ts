// The API contract: every operation Footprint offers, declared once. The service implements it, the
// IPC layer and the preload bind it generically, the CLI and the tests call it.
import { s, type Schema } from './schema';
import { DATASET_IDS, type Category } from './catalog';
import { FootprintError, type ApiError, type ErrorParams } from './errors';

export type { ApiError } from './errors';

export type ExportFormat = 'json' | 'txt';

/**
 * Where a snapshot's export time came from: the name of the ZIP or file (TikTok_Data_<epoch>.zip),
 * the folder it was unzipped to or sits in, or the newest record when no name carries it.
 */
export type ExportedAtSource = 'file-name' | 'folder-name' | 'newest-record';

export interface SnapshotSummary {
  id: number;
  sourceName: string;
  sha256: string;
  format: ExportFormat;
  layout: string;
  exportedAt: number | null;
  /** null for snapshots imported before this was kept (migration 6), or when nothing told the time */
  exportedAtSource: ExportedAtSource | null;
  importedAt: number;
  records: number;
  /** records (and values) new to the archive here: held by no snapshot exported earlier (store/new-counts.ts) */
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
  'more-unknown', // { count, bytes }: unknown sections past the cap (reader/index.ts), not kept
  'more-warnings', // { count }: warnings past the cap, counted here instead
  'skipped-folders', // { count }: folders of the picked folder that are not part of an export (too deep, too many, unreadable)
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
  snapshot: { id: number; format: ExportFormat; layout: string; exportedAt: string | null; exportedAtSource: ExportedAtSource | null; sha256: string };
  alreadyImported: boolean;
  /** every dataset understood, with where in the export it was found; `new` as the snapshot's (SnapshotDetail) */
  datasets: Record<string, { records: number; new: number; duplicates: number; paths: string[] }>;
  unknownSections: { path: string; empty: boolean }[];
  warnings: ImportWarning[];
  /** unknown sections past the cap (reader/index.ts), counted but not kept; absent when none were dropped */
  unknownSectionsDropped?: { count: number; bytes: number };
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
  /** 'waiting': another process's import holds the archive; this one waits for it (cancellable) */
  phase: 'reading' | 'parsing' | 'writing' | 'done' | 'waiting';
  records: number;
  /** the size of the export being read (bytes on disk: the ZIP, the file or the folder's files), once opened */
  bytes?: number;
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
  /** held by no snapshot exported earlier: the snapshot's own count (SnapshotDetail.datasets[].new) */
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
  /** the values as the exports wrote them */
  from: string | null;
  to: string | null;
  direction: ChangeDirection;
  /** what they mean ('on', 'everyone', …; null when unknown): doors word them `checklist.level.<level>` */
  fromLevel: string | null;
  toLevel: string | null;
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
  | 'still-there-after-deletion'
  | 'setting-regressed';

/**
 * Parameters of an alert or a timeline highlight: plain values, worded by the door from the message
 * catalog (`alert.<kind>`, `highlight.<code>`, src/shared/i18n/messages/changes.ts). A string[] is a
 * list the door joins with translator.list(); a `dataset` is a catalog id (t(`dataset.<id>`));
 * times are epoch ms.
 */
export type ChangeParams = Record<string, string | number | boolean | null | string[]>;

/**
 * An alert: its kind, what the catalog words it with, and the records behind it. Params by kind:
 * - new-device {model, systems: string[], count}; new-device-system {model, systems: string[] (the systems
 *   not seen on that model before), count}; key: the model, decided as new-device
 * - new-ip, new-country, new-network-owner: one alert per network group, the new IP addresses
 *   that share a network owner and a country: {where, network, asn, country, ips: string[], more,
 *   addresses, count}. The kind says what is new: new-country (a country never seen before),
 *   else new-network-owner (an owner never seen before), else new-ip (new addresses in a network
 *   and country seen before). where: 'found' | 'country' | 'network' | 'none' (which of country and
 *   network the offline lookup knows) | 'invalid' (not IP addresses); network "AS<number> <owner>"
 *   or null; asn a number or null; ips: the first few addresses, more: how many besides,
 *   addresses: how many in all, count: the logins. Key "AS<n>|<country>" ("-" for unknown),
 *   "invalid"; decided as new-ip.
 * - new-network-type {networkType, count}; new-carrier {carrier, count}
 * - new-device-identifier {identifier: 'idfa' | 'gaid' | 'idfv' | 'androidId' | 'webId' | 'did' | 'uid' | 'openUdid' | 'clientUdid', value,
 *   sameDevice (how many more new identifiers the same device record brought: one alert per device)}
 * - new-off-tiktok-source {source, count}; new-off-tiktok-event {events: string[], more, n (kinds), count (events)}
 * - new-ad-partner {partner, list: 'advertiser' | 'partner' (a data partner)}; new-ad-interest {interests: string[], more, n}
 * - new-share-method {method, count}
 * - followers-gained, followers-lost, following-added, following-removed, blocked-added,
 *   blocked-removed {count, names: string[] (the first few), more (count beyond names)}
 * - still-there-after-deletion {dataset, deletedAt, dated, days (null and dated false: export time unknown), source: 'mark' | 'deleted_posts'}
 * - setting-regressed {step (a hardening step id), key (the setting), from, to (its values in the two exports),
 *   fromLevel, toLevel (what the values mean: 'off', 'everyone', … or null; doors word them `checklist.level.<level>`)}:
 *   a step the older export verified as done that the newer one shows undone
 * A null parameter is shown as `change.none`.
 */
export interface ChangeAlert {
  kind: AlertKind;
  params: ChangeParams;
  /** the snapshot holding the records (the newer one; the older one for losses), some of their ids, the earliest record time */
  evidence: { snapshotId: number; recordIds: number[]; at: number | null };
  /**
   * What the alert is about, stable across exports and comparisons (analysis/alert-triage.ts):
   * the device model, "AS<n>|<country>" for a network group, the identifier and value, the
   * partner's name, the step id, … A decision is remembered under (decisionKind, key).
   */
  key: string;
  /** the kind a decision is stored under: alerts that are one subject share it (the IP family is new-ip, a device's new-device) */
  decisionKind: AlertKind;
  /** how much it matters (ALERT_SEVERITY); alerts come most severe first */
  severity: AlertSeverity;
  /** what the person said about it, remembered across imports; null: still to check */
  decision: AlertDecisionView | null;
}

/** An alert as the analysis finds it, before triage (analysis/alert-triage.ts) gives it its key, severity and decision. */
export type FoundAlert = Pick<ChangeAlert, 'kind' | 'params' | 'evidence'> & { key?: string };

/**
 * How much an alert matters, from "someone else may be in the account" down to "for your
 * information" (analysis/alert-triage.ts ALERT_SEVERITY says which kind is which and why).
 */
export type AlertSeverity = 'high' | 'medium' | 'low' | 'info';

/** 'me': "this was me" (expected); 'resolved': dealt with (the steps were taken). */
export type AlertDecision = 'me' | 'resolved';

export interface AlertDecisionView {
  decision: AlertDecision;
  decidedAt: number;
  note: string | null;
}

/** Every alert kind, for input validation (the union above is the type; this is its runtime list). */
export const ALERT_KINDS = [
  'new-device',
  'new-device-system',
  'new-ip',
  'new-network-type',
  'new-carrier',
  'new-country',
  'new-network-owner',
  'new-device-identifier',
  'new-off-tiktok-source',
  'new-off-tiktok-event',
  'new-ad-partner',
  'new-ad-interest',
  'new-share-method',
  'followers-gained',
  'followers-lost',
  'following-added',
  'following-removed',
  'blocked-added',
  'blocked-removed',
  'still-there-after-deletion',
  'setting-regressed',
] as const satisfies readonly AlertKind[];
// every kind of the union is listed (a kind added to the union and not here fails to compile)
const ALERT_KINDS_COMPLETE: Exclude<AlertKind, (typeof ALERT_KINDS)[number]> extends never ? true : false = true;
void ALERT_KINDS_COMPLETE;

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
    /** alerts the person already decided ("this was me", "resolved"): not in `alerts` */
    decidedAlerts: number;
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
  /** more matched than were counted (over 10,000): total and the counts mean "more than" */
  atLeast: boolean;
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
  /** pass as `before` for the page before this one; null on the first page */
  prev: string | null;
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


// ---- Third-party access: the register of apps, what they reach, and who the exports show ----
// (src/main/service/sharing.ts over analysis/app-*.ts and analysis/parties.ts). Register days are
// calendar days written YYYY-MM-DD; times are epoch ms. Texts are message keys (messages/sharing.ts).

export type AppAccess = 'one-time' | 'ongoing';
export type AppRiskLevel = 'low' | 'medium' | 'high';
export type AppClaim = 'who-viewed' | 'free-followers' | 'asked-password';

/** One scope of the catalog (resources/sharing/scopes.json) as a door shows it. */
export interface ScopeInfo {
  id: string;
  product: string;
  access: AppAccess;
  /** false where TikTok grants it with no choice */
  declinable: boolean;
  /** message keys: scope.<id>.title / .meaning */
  title: string;
  meaning: string;
  categories: string[];
  /** dataset ids it reaches, catalog order */
  datasets: string[];
  /** with how much of each: all | some | public | count */
  reach: { dataset: string; part: 'all' | 'some' | 'public' | 'count' }[];
  writes: 'drafts' | 'posts' | null;
  /** reasons: risk reason ids (text: app.risk.<id>) */
  risk: { level: AppRiskLevel; reasons: string[] };
  /** unclear-note ids (their text keys are in the catalog) */
  unclear: string[];
}

/**
 * The catalog's guide as a door shows it (scopes.json beyond the scopes): how often ongoing grants
 * come due for review, how to take access back in TikTok, and the access that needs no grant.
 * Texts are message keys; labels are TikTok's own (English) menu names, shown as written.
 */
export interface ScopeGuide {
  review: { defaultIntervalDays: number; minIntervalDays: number; maxIntervalDays: number };
  revoke: {
    where: string;
    steps: { id: string; label: string | null; text: string; variants: { label: string; uncertain: boolean }[] }[];
    after: string[];
    /** unclear-note ids */
    unclear: string[];
  };
  noGrant: { intro: string; advice: string; apis: { id: string; title: string; text: string; revocable: boolean; unclear: string[] }[] };
  /** unclear-note id → its message key */
  unclear: Record<string, string>;
}

/** Why an app is risky: a catalog reason (text app.risk.<id>), the scopes or the claim that brought it. */
export interface AppRiskReasonView {
  id: string;
  level: AppRiskLevel;
  params: Record<string, string | number>;
  scopes: string[];
  claim?: AppClaim;
}

export interface AppRiskView {
  level: AppRiskLevel;
  reasons: AppRiskReasonView[];
}

/** What one dataset would hand an app, measured on the archive (see analysis/app-exposure.ts). */
export interface ExposureEntry {
  category: string;
  part: 'all' | 'some' | 'public' | 'count';
  access: AppAccess;
  scopes: string[];
  records: number;
  /** false for some/public: at most this many */
  exact: boolean;
  oldest: number | null;
  newest: number | null;
  /** messages: conversation partners */
  partners?: number;
  /** login_history: countries of the login IPs */
  countries?: number;
  windowDays?: number;
}

export interface ExposureView {
  access: AppAccess;
  /** ongoing: every new pull contains all of this again */
  repeats: boolean;
  /** by dataset id, catalog order */
  datasets: Record<string, ExposureEntry>;
  totals: { datasets: number; records: number; categories: string[] };
  writes: ('drafts' | 'posts')[];
}

export type AppReview =
  | { state: 'revoked'; revokedOn: string }
  | { state: 'one-time' }
  | { state: 'due'; dueOn: string; overdueDays: number; countedFrom: string; intervalDays: number }
  | { state: 'scheduled'; dueOn: string; inDays: number; countedFrom: string; intervalDays: number };

export interface AppHistoryEvent {
  kind: 'granted' | 'edited' | 'revoked' | 'reviewed' | 'imported';
  /** the day it happened, YYYY-MM-DD (null: imported) */
  day: string | null;
  /** when it was noted */
  at: number;
  /** edited: { field: [from, to] } */
  details: Record<string, unknown>;
}

/** One app of the register, with everything that follows from it. */
export interface AppView {
  id: number;
  name: string;
  website: string | null;
  purpose: string | null;
  note: string | null;
  scopes: string[];
  claims: AppClaim[];
  access: AppAccess;
  /** true: follows from the scopes; false: the person chose it or the default applies */
  accessDerived: boolean;
  /** whether a person may set access (only when no scope decides it) */
  accessEditable: boolean;
  grantedAt: string;
  revokedAt: string | null;
  lastReviewedAt: string | null;
  /** null: the catalog's default */
  reviewIntervalDays: number | null;
  status: 'active' | 'revoked';
  review: AppReview;
  /** the day the next review is due (past: due since then); null for one-time or revoked */
  nextReview: string | null;
  risk: AppRiskView;
  exposure: ExposureView;
  history: AppHistoryEvent[];
}

/** `apps export`: the register as a file (validated again on import). */
export interface AppsDocument {
  format: 'footprint-apps';
  version: 1;
  exportedAt: string;
  apps: {
    name: string;
    website: string | null;
    purpose: string | null;
    note: string | null;
    scopes: string[];
    claims: string[];
    access: AppAccess | null;
    grantedOn: string;
    revokedOn: string | null;
    lastReviewedOn: string | null;
    reviewIntervalDays: number | null;
    history: AppHistoryEvent[];
  }[];
}

export const PARTY_KINDS = [
  'off-tiktok-source',
  'data-partner',
  'advertiser',
  'linked-platform',
  'third-party-info',
  'ad-visits',
  'ad-interests',
  'instant-forms',
  'share-destination',
  'shop-seller',
  'app',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** to-party: the person's data goes to them; from-party: they send TikTok data about the person. */
export const PARTY_DIRECTIONS = ['to-party', 'from-party'] as const;
export type PartyDirection = (typeof PARTY_DIRECTIONS)[number];

/** What the person can do about a party: a code the door words as party.action.<code>. */
export const PARTY_ACTIONS = [
  'disconnect-off-tiktok',
  'ads-from-partners-off',
  'personalized-ads-off',
  'unlink-platform',
  'ask-advertiser',
  'ask-seller',
  'revoke-app',
] as const;
export type PartyAction = (typeof PARTY_ACTIONS)[number];

export interface PartyEvidence {
  dataset: string;
  records: number;
  /** snapshot ids holding any of them, in id order */
  snapshots: number[];
  /** the first few records, to link to */
  recordIds: number[];
}

export interface PartyEvent {
  /** the export's event name (off-TikTok activity), as written */
  event: string;
  records: number;
  firstSeen: number | null;
  lastSeen: number | null;
  perSnapshot: { snapshotId: number; records: number; firstSeen: number | null; lastSeen: number | null }[];
}

export interface Party {
  /** the name the export gives; null when it gives none (see unnamed) */
  name: string | null;
  /** why there is no name: TikTok writes a partner's numeric id instead (id: that number), or the export names no one */
  unnamed?: { reason: 'numeric-id'; id: string } | { reason: 'not-in-export' };
  kind: PartyKind;
  direction: PartyDirection;
  categories: Category[];
  evidence: PartyEvidence[];
  /** epoch ms; null when none of its records has a time */
  firstSeen: number | null;
  lastSeen: number | null;
  /** per snapshot: its records and their time span */
  perSnapshot: { snapshotId: number; records: number; firstSeen: number | null; lastSeen: number | null }[];
  /** off-TikTok sources: what they reported, by event */
  events?: PartyEvent[];
  actions: PartyAction[];
  /** the register's id, for kind 'app' */
  appId?: number;
  /** third-party-info: the records as TikTok wrote them */
  raw?: Record<string, unknown>[];
}

/**
 * A party as a list shows it (the Sharing page, the CLI): what it draws, without the per-snapshot
 * spans, the linked record ids and the records as TikTok wrote them (`partyDetail` answers those,
 * by key). A large archive names thousands of parties: a list asks for them a kind at a time.
 */
export interface PartyListItem {
  /** the party within this archive and register, for `partyDetail` ("kind:name", "app:<id>") */
  key: string;
  name: string | null;
  unnamed?: Party['unnamed'];
  kind: PartyKind;
  direction: PartyDirection;
  categories: Category[];
  evidence: { dataset: string; records: number; snapshots: number[] }[];
  firstSeen: number | null;
  lastSeen: number | null;
  /** off-TikTok sources: what they reported, by event */
  events?: { event: string; records: number }[];
  actions: PartyAction[];
  appId?: number;
}

/** One kind of party (PARTY_KINDS order): how many match, and the piece asked for. */
export interface PartyGroup {
  kind: PartyKind;
  /** parties of this kind matching the search */
  count: number;
  /** where `parties` starts among them */
  offset: number;
  parties: PartyListItem[];
}

export interface PartiesPage {
  /** every party the exports and the register show */
  total: number;
  /** of them, those matching the search (total without one) */
  matched: number;
  /** without a kind: each kind with a match; with one: that kind alone */
  groups: PartyGroup[];
}

const day = s.string({ min: 10, max: 10 });
/** null or a value: a field an edit can clear */
const nullable = <T>(inner: Schema<T>): Schema<T | null> => ({ describe: `${inner.describe}|null`, parse: (v, path) => (v === null ? null : inner.parse(v, path)) });
const scopeIds = s.array(s.string({ min: 1, max: 80 }), { max: 50 });
const claimIds = s.array(s.string({ min: 1, max: 40 }), { max: 10 });
const appFields = {
  name: s.string({ max: 200 }),
  website: s.optional(nullable(s.string({ max: 400 }))),
  purpose: s.optional(nullable(s.string({ max: 1000 }))),
  note: s.optional(nullable(s.string({ max: 500 }))),
  scopes: scopeIds,
  claims: s.optional(claimIds),
  /** only when no scope decides it */
  access: s.optional(nullable(s.oneOf(['one-time', 'ongoing'] as const))),
  grantedOn: day,
  lastReviewedOn: s.optional(nullable(day)),
  /** null: the catalog's default (90 days) */
  reviewIntervalDays: s.optional(nullable(s.int())),
};
const plainObject: Schema<Record<string, unknown>> = {
  describe: 'object',
  parse: (v, path = '') => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return s.object({}).parse(v, path);
    return v as Record<string, unknown>;
  },
};
const historyEvent = s.object({
  kind: s.oneOf(['granted', 'edited', 'revoked', 'reviewed', 'imported'] as const),
  day: nullable(day),
  at: s.int({ min: 0 }),
  details: plainObject,
});
export const appsDocumentSchema = s.object({
  format: s.oneOf(['footprint-apps'] as const),
  version: s.int({ min: 1, max: 1 }) as Schema<1>,
  exportedAt: s.string({ max: 40 }),
  apps: s.array(
    s.object({
      ...appFields,
      website: nullable(s.string({ max: 400 })),
      purpose: nullable(s.string({ max: 1000 })),
      note: nullable(s.string({ max: 500 })),
      claims: claimIds,
      access: nullable(s.oneOf(['one-time', 'ongoing'] as const)),
      revokedOn: nullable(day),
      lastReviewedOn: nullable(day),
      reviewIntervalDays: nullable(s.int()),
      history: s.array(historyEvent, { max: 1000 }),
    }),
    { max: 1000 },
  ),
});

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
  /** fields whose "no value" is wanted (with where on the same field: either) */
  missing: s.optional(s.array(fieldName, { max: 20 })),
  /** only records this snapshot held */
  snapshotId: s.optional(id),
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

// ---- Checklists and rights requests (service/checklists.ts) ----

const STEP_ID = s.string({ min: 1, max: 100 });
const DAY_TEXT = s.string({ min: 10, max: 10 });
const RIGHTS_KINDS = ['access', 'deletion', 'copy'] as const;
const LANGS = ['sv', 'en'] as const;

/** true or false (the validator `s` has no boolean). */
const flag: Schema<boolean> = {
  describe: 'boolean',
  parse: (v, path = '') => {
    if (typeof v !== 'boolean') throw new FootprintError('BAD_INPUT', { field: path || 'input', expected: 'oneOf', allowed: 'true, false' });
    return v;
  },
};

/** The checklist operations' inputs; `exclusive`: they write while an import could be writing. */
const CHECKLIST_OPERATIONS = {
  /** the person's checklists, states, evidence, the step to do first and reminders */
  checklist: op(s.object({})),
  /** the person decides a step; note: their text (empty clears it; absent keeps it) */
  setStepStatus: op(
    s.object({ step: STEP_ID, status: s.oneOf(['todo', 'done', 'skipped', 'not-applicable'] as const), note: s.optional(s.string({ max: 2000 })) }),
    exclusive,
  ),
  setQuestionnaire: op(
    s.object({
      ageGroup: s.oneOf(['13-15', '16-17', '18-plus'] as const),
      region: s.oneOf(['eea-uk', 'us', 'elsewhere'] as const),
      role: s.oneOf(['creator', 'viewer'] as const),
      usesDms: flag,
      phone: s.oneOf(['ios', 'android'] as const),
      parent: s.optional(flag),
    }),
    exclusive,
  ),
  /** a re-check reminder for one checklist (an area); intervalDays absent removes it */
  setRecheckReminder: op(s.object({ checklist: s.string({ min: 1, max: 100 }), intervalDays: s.optional(s.int({ min: 1, max: 3650 })) }), exclusive),
  /** the request letter as message keys and parameters, filled from the latest profile */
  rightsText: op(s.object({ kind: s.oneOf(RIGHTS_KINDS), law: s.optional(s.oneOf(['gdpr', 'ccpa'] as const)) })),
  /** sentOn: YYYY-MM-DD, not in the future */
  recordRightsRequest: op(
    s.object({
      kind: s.oneOf(RIGHTS_KINDS),
      sentOn: DAY_TEXT,
      law: s.optional(s.oneOf(['gdpr', 'ccpa'] as const)),
      lang: s.optional(s.oneOf(LANGS)),
      note: s.optional(s.string({ max: 2000 })),
    }),
    exclusive,
  ),
  /** answeredOn: YYYY-MM-DD; absent: not answered after all */
  answerRightsRequest: op(s.object({ id, answeredOn: s.optional(DAY_TEXT) }), exclusive),
  listRightsRequests: op(s.object({})),
  /** the texts the window shows (message keys): each step's why, trade-off and menu paths, the guides */
  checklistContent: op(s.object({})),
};

export type StepStatus = 'todo' | 'done' | 'skipped' | 'not-applicable' | 'needs-attention';

/** A fact from the person's own data that helps decide a step (worded from `code` with params). */
export interface ChecklistEvidence {
  kind: string;
  code: string;
  params: Record<string, number | string>;
  items: string[];
}

export interface ChecklistStep {
  id: string;
  /** the step's title as a message key (checklists area) */
  title: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  status: StepStatus;
  /** 'snapshot': an export decided it (snapshot, observed); 'user': the person did, on decidedAt; null: nobody yet */
  verifiedBy: 'snapshot' | 'user' | null;
  observed: string | null;
  snapshot: number | null;
  /** the deciding export's time (verifiedBy snapshot) */
  exportedAt: number | null;
  decidedAt: number | null;
  /** an export's verification older than the content's staleAfterDays */
  stale: boolean;
  note: string | null;
  evidence: ChecklistEvidence[];
  /** what `observed` means in any export language (on, off, everyone, friends, only-me, …), null when unknown */
  observedLevel: string | null;
}

export interface ChecklistArea {
  /** the area id (visibility, security, …) */
  id: string;
  progress: { done: number; total: number; skipped: number; needsAttention: number };
  /** the person's re-check reminder: due when the latest export is older than intervalDays */
  reminder: { intervalDays: number; due: boolean; days: number; dueAt: number | null } | null;
  steps: ChecklistStep[];
}

/** The reminder to request a fresh export: the person's interval (the content's default until they choose). */
export interface FreshExportView {
  intervalDays: number;
  /** false: the content's default interval */
  chosen: boolean;
  /** the latest export's time, null when there is none */
  latestExportAt: number | null;
  /** how old the latest export is in whole days, null when there is none */
  days: number | null;
  due: boolean;
  /** when the latest export passes the interval (null: no export, due now) */
  dueAt: number | null;
}

export interface ChecklistView {
  answers: {
    ageGroup: '13-15' | '16-17' | '18-plus';
    region: 'eea-uk' | 'us' | 'elsewhere';
    role: 'creator' | 'viewer';
    usesDms: boolean;
    phone: 'ios' | 'android';
    parent?: boolean;
  } | null;
  checklists: ChecklistArea[];
  /** steps the questionnaire hid */
  hidden: string[];
  /** the one step to do first, or null */
  first: string | null;
  /** the export the latest verification read, with its time */
  verifiedFrom: { snapshot: number; exportedAt: number | null } | null;
  staleAfterDays: number;
  freshExport: FreshExportView;
}

/** One label of a menu path (a message key) with the other names TikTok has used for it. */
export interface PathLabelView {
  label: string;
  variants: string[];
}

export interface MenuPathView {
  labels: PathLabelView[];
  /** no official page confirms this path */
  unconfirmed: boolean;
}

/** A place in the app a step or a guide leads to (the window maps it to a page). */
export type ChecklistLink = 'sharing.register' | 'sharing.before-authorize' | 'checklist.get-your-data' | 'rights.deletion';

/** What the window shows about one step beyond its state: message keys and paths per platform. */
export interface StepContentView {
  id: string;
  title: string;
  why: string;
  tradeoff: string;
  desired: string;
  paths: Partial<Record<'ios' | 'android' | 'web', MenuPathView>>;
  link: ChecklistLink | null;
}

export interface GuideItemView {
  id: string;
  title: string;
  body: string;
  /** the numbers the title and body name (from the content's facts and the person's interval) */
  params: Record<string, number>;
  paths: Partial<Record<'ios' | 'android' | 'web', MenuPathView>>;
  link: ChecklistLink | null;
  /** false: the questionnaire's answers say it does not concern the person */
  applies: boolean;
}

export interface GuideView {
  id: string;
  title: string;
  intro: string;
  items: GuideItemView[];
}

export interface ChecklistContentView {
  steps: StepContentView[];
  guides: GuideView[];
  facts: { downloadAvailableDays: number; mayMissHours: number[]; deactivationDays: number; freshExportIntervalDays: number; teenDailyLimitMinutes: number };
}

export interface MessageRef {
  key: string;
  params: Record<string, string>;
}

/** A rights request letter: the door words each part (subject, body, identity lines, sign-off). */
export interface RightsLetterView {
  kind: 'access' | 'deletion' | 'copy';
  law: 'gdpr' | 'ccpa';
  /** false: the questionnaire names no region this law covers (GDPR is the default) */
  lawFromAnswers: boolean;
  subject: MessageRef;
  body: MessageRef;
  identity: MessageRef[];
  signoff: MessageRef;
  /** if sent today: the answer is due by, and at the latest with an extension */
  dueOn: string;
  extendedDueOn: string;
}

export interface RightsRequestView {
  id: number;
  kind: 'access' | 'deletion' | 'copy';
  law: 'gdpr' | 'ccpa';
  lang: 'sv' | 'en';
  sentOn: string;
  answeredOn: string | null;
  note: string | null;
  dueOn: string;
  extendedDueOn: string;
  /** not answered and the legal answer period (dueOn) has passed: time to remind */
  overdue: boolean;
  /** the first export made after the request was sent: what it holds against what was asked */
  laterExport: { snapshot: number; exportedAt: number | null; datasets: string[]; missing: string[] } | null;
}

// ---- The home page (src/main/service/home.ts): what the latest export holds, and what to do ----

/** A dataset of the latest export behind a privacy category: its counts there and its time range. */
export interface HomeDataset {
  id: string;
  records: number;
  /** new to the archive in this export (the snapshot's own count: SnapshotDetail.datasets[].new) */
  new: number;
  oldest: number | null;
  newest: number | null;
}

/** One privacy category (src/shared/privacy-categories.ts) as the latest export fills it. */
export interface HomeCategory {
  id: string;
  sensitivity: number;
  records: number;
  new: number;
  oldest: number | null;
  newest: number | null;
  /** datasets with records, most records first */
  datasets: HomeDataset[];
  /** datasets of this category with nothing in this export, in category order */
  empty: string[];
}

/** A step of TikTok's help for getting a fresh export: message keys, their parameters, the menu path per platform. */
export interface HomeExportStep {
  id: string;
  title: string;
  body: string;
  params: Record<string, number>;
  /** label message keys per platform (ios, android, web), where TikTok's help gives one */
  paths: Partial<Record<'ios' | 'android' | 'web', string[]>>;
}

export interface HomeView {
  /** the latest export by export date (import date when unknown), or null for an empty archive */
  latest: {
    id: number;
    sourceName: string;
    exportedAt: number | null;
    importedAt: number;
    /** as the snapshot page's tiles: its records, its new records, its datasets holding records */
    records: number;
    newRecords: number;
    datasets: number;
    /** the export before it, which the headline's changes compare with */
    previousId: number | null;
  } | null;
  /** every privacy category, most sensitive first (empty when there is no export) */
  categories: HomeCategory[];
  /** what no export shows (home.missing.*), with who says so */
  notShown: { id: string; key: string; category: string; sources: string[] }[];
  /** TikTok's own claims (home.claim.*), with the datasets they concern and who says so */
  claims: { id: string; key: string; datasets: string[] | 'all'; sources: string[] }[];
  headline: {
    /** the latest diff's alerts (null ids: fewer than two exports, nothing compared) */
    alerts: { count: number; byKind: Partial<Record<AlertKind, number>>; from: number | null; to: number | null };
    /** settings that became less private, and checklist steps an export showed undone again */
    settingsWorse: { count: number; settings: SettingChange[]; regressedSteps: string[] };
    appsDue: { count: number; ids: number[] };
    checklist: { done: number; total: number; needsAttention: number; first: string | null; firstTitle: string | null };
    /** due when the latest export is older than intervalDays (the fresh-export interval the person chose among the checklists' reminders, else the content's default) */
    freshExport: { due: boolean; hasExport: boolean; days: number; intervalDays: number; intervalSource: 'reminder' | 'default'; steps: HomeExportStep[] };
  };
}

// ---- Charts (src/main/service/charts.ts over analysis/charts*.ts): counts in the user's time zone ----

/** A calendar time axis in the asked time zone: months, or weeks (starting Monday) when the span is short. */
export interface ChartAxis {
  unit: 'month' | 'week';
  /** oldest first: 'YYYY-MM' (month) or the Monday 'YYYY-MM-DD' (week), local calendar days */
  buckets: string[];
}

/** One line or bar series on a ChartAxis: a counts per bucket. */
export interface ChartSeries {
  /** the value (a dataset id, device model, country code, network "AS<n> <owner>", source, event); null for kind 'none' and 'other' */
  key: string | null;
  /** 'none': records without the value (an unknown country, …); 'other': every value past the top few, together */
  kind: 'value' | 'none' | 'other';
  counts: number[];
  total: number;
  /** 'other': how many distinct values it holds */
  values?: number;
  /** logins: the earliest login with this value, and its bucket on the axis */
  firstAt?: number | null;
  firstBucket?: number | null;
  /** logins: first seen in the archive with the target export (the chosen snapshot, else the latest), which is not the first export holding logins */
  isNew?: boolean;
}

export interface ChartsView {
  timeZone: string;
  /** the snapshot counted, or null: the whole archive */
  snapshotId: number | null;
  /** watch history, likes, searches, comments and messages on one axis (series key: the dataset id) */
  activity: ChartAxis & { series: ChartSeries[] };
  /** watch history by local weekday (0 Monday … 6 Sunday) and hour (0–23) */
  watchHours: { counts: number[][]; total: number };
  /** logins by device model, country and network owner (offline lookup): the top few and 'other' */
  logins: ChartAxis & { total: number; devices: ChartSeries[]; countries: ChartSeries[]; networks: ChartSeries[] };
  /** activity from other apps and websites by source and by event: the top few and 'other' */
  offTikTok: ChartAxis & { total: number; sources: ChartSeries[]; events: ChartSeries[] };
  /** per dataset with a time window: the window each export covered, oldest export first (RetentionView without the gone counts) */
  retention: RetentionView[];
}

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
  /** remembers what the person said about an alert (ChangeAlert.decisionKind and key); decision null forgets it */
  decideAlert: op(
    s.object({
      kind: s.oneOf(ALERT_KINDS),
      key: s.string({ min: 1, max: 500 }),
      decision: nullable(s.oneOf(['me', 'resolved'] as const)),
      note: s.optional(s.string({ max: 500 })),
    }),
    exclusive,
  ),
  ...CHECKLIST_OPERATIONS,
  /** the scope catalog: what each permission reaches and how risky it is */
  scopes: op(s.object({})),
  /** the register, each app with its risk, review state and exposure; ids due for review */
  listApps: op(s.object({})),
  /** only the ids of the register's apps due for review (the window's nav badge): nothing of the archive read */
  appsDue: op(s.object({})),
  addApp: op(s.object({ ...appFields, revokedOn: s.optional(nullable(day)) })),
  /** fields left out stay as they are; null clears an optional one */
  editApp: op(
    s.object({
      id,
      name: s.optional(appFields.name),
      website: appFields.website,
      purpose: appFields.purpose,
      note: appFields.note,
      scopes: s.optional(scopeIds),
      claims: appFields.claims,
      access: appFields.access,
      grantedOn: s.optional(day),
      lastReviewedOn: appFields.lastReviewedOn,
      reviewIntervalDays: appFields.reviewIntervalDays,
    }),
  ),
  revokeApp: op(s.object({ id, on: day })),
  /** on: default today */
  reviewApp: op(s.object({ id, on: s.optional(day) })),
  removeApp: op(s.object({ id })),
  exportApps: op(s.object({})),
  /** writes the register (exportApps's document) to a file; replace: 'yes' overwrites an existing file */
  saveApps: op(s.object({ path: s.string({ min: 1, max: 4096 }), replace: s.optional(s.oneOf(['yes'] as const)) })),
  /** all or nothing; an app already in the register (same name and grant day) is left as it is */
  importApps: op(s.object({ document: appsDocumentSchema })),
  /** what these scopes would hand over, measured on the archive (before adding an app) */
  previewExposure: op(s.object({ scopes: scopeIds })),
  /**
   * the parties the exports and the register show, by kind: each kind's count and its first `limit`
   * (default 50); with a kind, that kind from `offset`. query: a part of the name, as the door
   * words it in `lang` (an unnamed partner by its words or its id); case and accents ignored
   */
  parties: op(
    s.object({
      kind: s.optional(s.oneOf(PARTY_KINDS)),
      query: s.optional(s.string({ max: 200 })),
      lang: s.optional(s.oneOf(['en', 'sv'] as const)),
      offset: s.optional(s.int({ min: 0 })),
      limit: s.optional(s.int({ min: 1, max: 1000 })),
    }),
  ),
  /** parties with all their detail (per snapshot, record ids, raw records) by their list keys, in that order; null for one the archive and register no longer show */
  partyDetail: op(s.object({ keys: s.array(s.string({ min: 1, max: 2000 }), { min: 1, max: 1000 }) })),
  /** the home page: what the latest export holds by privacy category, what no export shows, and the headline */
  home: op(s.object({})),
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
  /** a page of a dataset as a table: sorted (default at, desc), filtered, after a cursor or from a time (jumpTo, sort by at), or the page before a cursor (before: a result's prev) */
  explorePage: op(
    s.object({ ...exploreFilter, ...exploreSort, after: s.optional(s.string({ max: 4000 })), jumpTo: s.optional(s.int()), limit: s.optional(s.int({ min: 1, max: 1000 })), before: s.optional(s.string({ max: 4000 })) }),
  ),
  /** value counts of the given fields (default: the dataset's facet fields) under the same filters */
  exploreFacets: op(s.object({ ...exploreFilter, fields: s.optional(s.array(fieldName, { max: 20 })), limit: s.optional(s.int({ min: 1, max: 1000 })) })),
  /** writes the view (filters and sort) to a file; replace: 'yes' overwrites an existing file */
  exportView: op(
    s.object({ ...exploreFilter, ...exploreSort, format: s.oneOf(['csv', 'json'] as const), path: s.string({ min: 1, max: 4096 }), replace: s.optional(s.oneOf(['yes'] as const)) }),
  ),
  /** the charts' counts; timeZone: an IANA zone (Europe/Stockholm) the buckets follow; snapshotId: one export instead of the whole archive */
  charts: op(s.object({ timeZone: s.string({ min: 1, max: 100 }), snapshotId: s.optional(id) })),
  /** desktop only: the native "open" dialog; resolves to the chosen path or null when dismissed */
  chooseExport: op(s.object({ kind: s.optional(s.oneOf(['file', 'folder'] as const)) }), { desktopOnly: true }),
  /** desktop only: the native "save" dialog for exportView; the chosen path (approved for writing) or null when dismissed */
  chooseSavePath: op(s.object({ suggestedName: s.string({ min: 1, max: 255 }), format: s.oneOf(['csv', 'json'] as const) }), { desktopOnly: true }),
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
  decideAlert: { kind: AlertKind; key: string; decision: AlertDecisionView | null };
  scopes: { scopes: ScopeInfo[]; guide: ScopeGuide };
  listApps: { apps: AppView[]; dueForReview: number[] };
  appsDue: { dueForReview: number[] };
  addApp: AppView;
  editApp: AppView;
  revokeApp: AppView;
  reviewApp: AppView;
  removeApp: { removed: boolean };
  exportApps: AppsDocument;
  saveApps: { path: string; apps: number };
  importApps: { imported: number; unchanged: number };
  previewExposure: { exposure: ExposureView; access: { access: AppAccess; derived: boolean; editable: boolean }; risk: AppRiskView };
  parties: PartiesPage;
  partyDetail: { parties: (Party | null)[] };
  home: HomeView;
  search: SearchResults;
  getRecord: RecordDetail | null;
  explorePage: ExplorePageResult;
  exploreFacets: { facets: ExploreFacet[] };
  exportView: ExportViewResult;
  charts: ChartsView;
  chooseExport: { path: string | null };
  chooseSavePath: { path: string | null };
  checklist: ChecklistView;
  setStepStatus: ChecklistStep;
  setQuestionnaire: ChecklistView;
  setRecheckReminder: ChecklistView;
  rightsText: RightsLetterView;
  recordRightsRequest: RightsRequestView;
  answerRightsRequest: RightsRequestView;
  listRightsRequests: RightsRequestView[];
  checklistContent: ChecklistContentView;
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
