// Every way an operation can fail, as one list of codes. A failure leaves the main process as a
// code and parameters, never a sentence: each door (window, CLI) words it from the message catalog
// (i18n/messages/errors.ts, key `error.<CODE>`), in the user's language. See ARCHITECTURE.md.

export const ERROR_CODES = [
  // reading an export. `path`: what the user picked, or the file inside it the failure is about.
  'NOT_FOUND', // { path }
  'UNREADABLE', // { path, reason: 'permission' | 'notFile' | 'io' | 'changed' (since it was listed), errno? }
  'EMPTY_FILE', // { path }
  'NOT_ZIP', // { path, reason?: 'prefix' (a ZIP with bytes in front: self-extracting, a mail header) }
  // reason: 'noEndRecord' | 'zip64' | 'fileList' | 'pastEnd' | 'localHeader' | 'cutShort' |
  // 'inflate' | 'checksum' | 'method' | 'deflate64'; entry: the file inside the ZIP; method: the compression method
  'CORRUPT_ZIP', // { path, reason, entry?, method? }
  // entries: { count, limit } files; total: { limit } bytes unpacked; ratio: { entry, limit } times
  // smaller than unpacked; overrun: { entry } unpacks to more than it declares
  'ZIP_BOMB', // { path, reason: 'entries' | 'total' | 'ratio' | 'ratioOverall' | 'overrun', entry?, count?, limit? }
  // nameMismatch: local and central header name different files; duplicate: two entries, one name;
  // overlap: an entry's bytes overlap another's (the shared-data ZIP bomb)
  'UNSAFE_ZIP', // { path, reason: 'symlink' | 'nulName' | 'outside' | 'nameMismatch' | 'headerMismatch' | 'duplicate' | 'overlap', entry? }
  'ENCRYPTED_ZIP', // { path, entry }
  'NOT_JSON', // { path, reason: 'notJson' | 'damaged' | 'cutShort', byte? }
  'NOT_TIKTOK', // { path, reason: 'noExportFiles' | 'noSections' | 'nestedZip', entry? (the ZIP inside) }
  'NO_EXPORT_IN_FOLDER', // { path }
  // file: { limit } MiB; total: the files together over { limit } MiB; value: one JSON value over { limit } MiB at { byte }; files: over { limit } files
  'TOO_LARGE', // { path, reason: 'file' | 'total' | 'value' | 'files', limit, byte? }
  'CANCELLED', // {}
  'IMPORT_RUNNING', // {}: another import holds the archive; exclusive operations wait for it
  'NO_SAMPLE', // {}: this build bundles no sample export
  // a file Footprint writes (export --out): database: the archive or its -wal/-shm; exists: without
  // --force; symlink / folder / notFile: what is at the target; noFolder: its folder is missing
  'CANNOT_WRITE', // { path, reason: 'database' | 'exists' | 'symlink' | 'folder' | 'notFile' | 'noFolder' | 'permission' | 'io', errno? }
  // the archive
  'NO_DATABASE', // { path }: a read-only command on a path where no archive exists
  'DB_NEWER', // { found, supported }
  'DB_UNREADABLE', // { path, reason? }
  'DB_LOCKED', // {}: encrypted, and no or a wrong passphrase/key
  'DB_NOT_ENCRYPTED', // {}
  'DB_ENCRYPTED', // {}
  'DB_BUSY', // {}: another process holds the file
  'BAD_PASSPHRASE', // { reason: 'short' | 'long' | 'empty' | 'unreadable', file? }
  'NO_KEYCHAIN', // { reason? }
  'NO_SUCH_SNAPSHOT', // { id }
  'NO_SUCH_RECORD', // { id }
  'NOTHING_TO_COMPARE', // { reason: 'none' | 'one' | 'oldest' | 'latest', id }: a diff needs two snapshots, in export order
  // the doors
  // expected: 'text' { min, max } characters | 'integer' | 'integerMin' { min } | 'integerRange' { min, max } |
  // 'oneOf' { allowed: "a, b" } | 'list' { min, max } items | 'object' | 'absent' (a field the operation
  // does not take) | 'oneArgument' (IPC: more than one argument) | 'date' (YYYY-MM-DD) | 'notFuture'
  'BAD_INPUT', // { field, expected, min?, max?, allowed? }
  'DESKTOP_ONLY', // { operation }
  'FORBIDDEN', // {}: an IPC call not from our window
  'IPC', // { reason }: the window could not reach the main process (renderer only)
  'INTERNAL', // { reason }: a bug; the reason is for the log and a bug report
  // the register of third-party apps (analysis/app-entry.ts): BAD_INPUT's sentence needs {expected},
  // these need their own, chosen by { field, reason } plus the reason's own parameters
  'BAD_APP_ENTRY', // { field, reason: empty|too_long|unknown_scope|unknown_claim|not_a_date|in_future|before_grant|duplicate|interval|access_derived, max?, scope?, claim?, grantedOn?, name?, min? }
  // the checklists (service/checklists.ts)
  'NO_SUCH_STEP', // { step }: no hardening step has this id
  'NO_SUCH_REQUEST', // { id }: no rights request has this id
  'NO_SUCH_APP', // { id }: no app with that id in the register
  'APP_REVOKED', // { id, name, revokedOn }: the app's access is already removed (nothing to revoke or review)
  // the charts (service/charts.ts)
  'BAD_TIME_ZONE', // { zone }: not a time zone this computer knows (an IANA name such as Europe/Stockholm)
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Parameters a message may interpolate: plain values only, so they cross threads and IPC unchanged. */
export type ErrorParams = Record<string, string | number | boolean | null>;

/** The one error type of the main process: a code from ERROR_CODES and its parameters. */
export class FootprintError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    // the Error message is for logs only; people see the catalog's sentence for the code
    super(`${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`, options);
    this.name = 'FootprintError';
  }
}

/** Whether `e` is a FootprintError (also one revived from another thread, see service/errors.ts). */
export function isFootprintError(e: unknown): e is FootprintError {
  return e instanceof FootprintError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** A failure as every door sees it (the IPC envelope, the CLI's --json, thread messages). */
export interface ApiError {
  code: ErrorCode;
  params: ErrorParams;
}
