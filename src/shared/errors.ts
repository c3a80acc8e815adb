// Every way an operation can fail, as one list of codes. A failure leaves the main process as a
// code and parameters, never a sentence: each door (window, CLI) words it from the message catalog
// (i18n/messages/errors.ts, key `error.<CODE>`), in the user's language. See ARCHITECTURE.md.

export const ERROR_CODES = [
  // reading an export
  'NOT_FOUND', // { path }
  'UNREADABLE', // { path, reason? }
  'EMPTY_FILE', // { path }
  'NOT_ZIP', // { path }
  'CORRUPT_ZIP', // { path, reason? }
  'ZIP_BOMB', // { path, limit? }
  'UNSAFE_ZIP', // { path, entry? }
  'ENCRYPTED_ZIP', // { path }
  'NOT_JSON', // { path, reason? }
  'NOT_TIKTOK', // { path }
  'NO_EXPORT_IN_FOLDER', // { path }
  'TOO_LARGE', // { path, limit, size? }
  'CANCELLED', // {}
  'IMPORT_RUNNING', // {}: another import holds the archive; exclusive operations wait for it
  'NO_SAMPLE', // {}: this build bundles no sample export
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
  'BAD_INPUT', // { field, expected }: input that does not fit the contract's schema
  'DESKTOP_ONLY', // { operation }
  'FORBIDDEN', // {}: an IPC call not from our window
  'IPC', // { reason }: the window could not reach the main process (renderer only)
  'INTERNAL', // { reason }: a bug; the reason is for the log and a bug report
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

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** A failure as every door sees it (the IPC envelope, the CLI's --json, thread messages). */
export interface ApiError {
  code: ErrorCode;
  params: ErrorParams;
}
