// The reader's two error helpers. Every failure is a FootprintError (src/shared/errors.ts) with
// plain parameters; these fill in what the throwing code could not know.
import { FootprintError, type ErrorCode } from '../../shared/errors';

/** Failures about a file's content; any other error (CANCELLED, the database's) passes through as it is. */
const ABOUT_A_FILE: ReadonlySet<ErrorCode> = new Set(['UNREADABLE', 'EMPTY_FILE', 'CORRUPT_ZIP', 'ZIP_BOMB', 'UNSAFE_ZIP', 'ENCRYPTED_ZIP', 'NOT_JSON', 'NOT_TIKTOK', 'TOO_LARGE']);

/** What a cancelled import ends with, wherever it stopped. */
export function cancelledImport(): FootprintError {
  return new FootprintError('CANCELLED');
}

/**
 * Runs `read`, giving any FootprintError it throws without a `path` this one: parsers see bytes,
 * not files, so the caller that knows which file it handed them names it.
 */
export function withPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FootprintError && ABOUT_A_FILE.has(e.code) && !Object.hasOwn(e.params, 'path')) throw new FootprintError(e.code, { path, ...e.params }, { cause: e });
    throw e;
  }
}
