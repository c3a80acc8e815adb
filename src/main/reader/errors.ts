// The reader's two error helpers. Every failure is a FootprintError (src/shared/errors.ts) with
// plain parameters; these fill in what the throwing code could not know.
import { FootprintError, type ErrorCode } from '../../shared/errors';

/** Failures about a file's content; any other error (CANCELLED, the database's) passes through as it is. */
const ABOUT_A_FILE: ReadonlySet<ErrorCode> = new Set(['UNREADABLE', 'EMPTY_FILE', 'CORRUPT_ZIP', 'ZIP_BOMB', 'UNSAFE_ZIP', 'ENCRYPTED_ZIP', 'NOT_JSON', 'NOT_TIKTOK', 'TOO_LARGE']);

/** What a cancelled import ends with, wherever it stopped. */
export function cancelledImport(): FootprintError {
  return new FootprintError('CANCELLED');
}

/** Paths in messages stay on one readable line: longer ones keep their start and end. */
const MAX_SHOWN_PATH = 120;

/** `path` shortened in the middle ("/home/me/…/TikTok/user_data_tiktok.json"), control characters replaced. */
export function shortPath(path: string): string {
  const clean = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
  if (clean.length <= MAX_SHOWN_PATH) return clean;
  const [head, tail] = [Math.floor(MAX_SHOWN_PATH * 0.4), Math.ceil(MAX_SHOWN_PATH * 0.6) - 1];
  return `${clean.slice(0, head)}…${clean.slice(clean.length - tail)}`;
}

/** The same error with its `path` (and `entry`) parameter shortened for a message. */
export function withShortPaths(e: unknown): unknown {
  if (!(e instanceof FootprintError)) return e;
  const long = (['path', 'entry'] as const).filter((k) => typeof e.params[k] === 'string' && shortPath(e.params[k] as string) !== e.params[k]);
  if (long.length === 0) return e;
  const params = { ...e.params };
  for (const k of long) params[k] = shortPath(params[k] as string);
  return new FootprintError(e.code, params, { cause: e });
}

/**
 * Runs `read`, giving any FootprintError it throws without a `path` this one: parsers see bytes,
 * not files, so the caller that knows which file it handed them names it.
 */
export function withPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FootprintError && ABOUT_A_FILE.has(e.code) && !Object.hasOwn(e.params, 'path')) throw withShortPaths(new FootprintError(e.code, { path, ...e.params }, { cause: e }));
    throw withShortPaths(e);
  }
}
