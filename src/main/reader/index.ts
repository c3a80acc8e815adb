// From a path the user picked to a readable export: open the container, find the export inside it,
// fingerprint its content and parse it. Nothing here touches the database.
import { createHash } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { FootprintError } from '../../shared/errors';
import { cancelledImport, withPath, withShortPaths } from './errors';
import { parseLazyJson } from './lazy-json';
import { readJsonDocument } from './json-reader';
import type { ExportSink } from './sink';
import { openSource, readEntry, readEntryPieces, type EntryRef, type Source, type SourceEntry } from './source';
import { findTxtExport, readTxtExport, txtContentHash } from './txt-reader';
import { shown } from './zip';
import { MAX_UNKNOWN_BYTES, MAX_UNKNOWN_SECTIONS, MAX_WARNINGS } from './limits';

/** An export's content, read out of its container: all a parser needs, and nothing it must share (so it can go to another thread). */
export type ExportContent = (
  | { format: 'json'; path: string; bytes: Uint8Array }
  // TXT files are not read here: each is read (from a ZIP: inflated) when the parser reaches it and
  // dropped after, so memory does not grow with the number or size of the files
  | { format: 'txt'; files: { path: string; size: number; ref: EntryRef }[] }
) & {
  /** folders of the picked folder skipped as not part of an export (too deep, too many, unreadable) */
  skippedFolders?: number;
};

export interface OpenedExport {
  format: 'json' | 'txt';
  sourceName: string;
  /** SHA-256 of the export's content: the same export zipped or unzipped hashes the same */
  sha256: string;
  /** when TikTok generated it, if a name says (TikTok_Data_<epoch>.zip, or the folder it was unzipped to) */
  exportedAtHint: number | null;
  /** which name the hint came from; null when none did (the writer then takes the newest record) */
  exportedAtSource: ExportTimeSource | null;
  /** bytes of content to parse */
  size: number;
  content: ExportContent;
}

export interface ParsedExport {
  /**
   * streams every section into the sink (warnings about the file itself first) and returns the
   * detected layout; `isCancelled` is polled every few hundred sink events, in every phase
   */
  read(sink: ExportSink, isCancelled?: () => boolean): { layout: string };
}

const JSON_NAMES = /^(user_data(_tiktok)?|tiktok_data)\.json$/i;

/**
 * Opens and fingerprints the export at `path`. `isCancelled` is polled while the folder is walked
 * and while the content is hashed (a large export takes seconds to hash): Cancel stops this phase
 * too, with CANCELLED, before anything is written.
 */
export function openExport(path: string, isCancelled?: () => boolean): OpenedExport {
  try {
    return openContainer(path, isCancelled ?? (() => false));
  } catch (e) {
    throw withShortPaths(e); // one readable line, however deep the path
  }
}

function openContainer(path: string, isCancelled: () => boolean): OpenedExport {
  const poll = (): void => {
    if (isCancelled()) throw cancelledImport();
  };
  const source = openSource(path, poll);
  const opened = (sha256: string, content: ExportContent, size: number): OpenedExport => {
    if (source.skipped) content.skippedFolders = source.skipped;
    const time = exportTime(path, source, content.format === 'json' ? content.path : (content.files[0]?.path ?? ''));
    return {
      format: content.format,
      sourceName: source.name,
      sha256,
      exportedAtHint: time?.at ?? null,
      exportedAtSource: time?.source ?? null,
      size,
      content,
    };
  };
  const json = findJsonEntry(source);
  if (json) {
    const bytes = json.read();
    if (bytes.length === 0) throw new FootprintError('EMPTY_FILE', { path: json.path });
    return opened(hashPolled(bytes, poll), { format: 'json', path: json.path, bytes }, bytes.length);
  }
  const txt = findTxtExport(source.entries);
  if (txt) {
    // Read twice, one file at a time: here for the hash (an export already imported stops here),
    // and by the parser. Holding every file between the two is what took gigabytes.
    const files = txt.map((e) => {
      if (!e.ref) throw new Error(`no reference for ${e.path}`); // openSource gives every entry one
      return { path: e.path, size: e.size, ref: e.ref };
    });
    const size = files.reduce((n, f) => n + f.size, 0);
    return opened(txtContentHash(txt, poll), { format: 'txt', files }, size);
  }
  // A ZIP inside the ZIP (or folder): say what it is and what to do, not just "not an export".
  const inner = source.entries.find((e) => /\.zip$/i.test(e.path) && !e.path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
  if (inner && source.kind !== 'file') throw new FootprintError('NOT_TIKTOK', { path: source.name, reason: 'nestedZip', entry: shown(inner.path) });
  if (source.kind === 'folder') throw new FootprintError('NO_EXPORT_IN_FOLDER', { path: source.name });
  if (source.kind === 'zip') throw new FootprintError('NOT_TIKTOK', { path: source.name, reason: 'noExportFiles' });
  throw new FootprintError('NOT_JSON', { path: source.name, reason: 'notJson' });
}

/** SHA-256 of bytes in memory, a few MiB at a time with `poll` between (a JSON export can be a GiB). */
function hashPolled(bytes: Buffer, poll: () => void): string {
  const h = createHash('sha256');
  for (let at = 0; at < bytes.length; at += HASH_PIECE_BYTES) {
    poll();
    h.update(bytes.subarray(at, at + HASH_PIECE_BYTES));
  }
  return h.digest('hex');
}

const HASH_PIECE_BYTES = 4 * 1024 ** 2;

/**
 * Parses an export's content. It consumes the content: the bytes are handed to the parser, which
 * drops each file once it is read, so that a large export is not held twice.
 */
export function parseExport(content: ExportContent): ParsedExport {
  const { skippedFolders } = content;
  if (content.format === 'json') {
    const { path } = content;
    if (content.bytes.length === 0) throw new Error('an export is parsed once');
    const parsed = withPath(path, () => parseLazyJson(asBuffer(content.bytes)));
    content.bytes = new Uint8Array(0); // the lazy lists hold the buffer from here on; nothing else may
    return {
      read: (outer, isCancelled) =>
        capped(outer, path, isCancelled, (sink) => {
          if (skippedFolders) sink.warn('', 'skipped-folders', { count: skippedFolders });
          for (const w of parsed.warnings) sink.warn(path, w.code, w.params);
          const result = withPath(path, () => readJsonDocument(parsed.value, sink, parsed.truncated));
          for (const w of parsed.laterWarnings()) sink.warn(path, w.code, w.params);
          return result;
        }),
    };
  }
  // Each file is read when the parser reaches it, then dropped: only the file being parsed is held.
  // (a file on disk a few MiB at a time, decoded and parsed piece by piece: never one string)
  const entries = content.files.map(
    ({ path, size, ref }): SourceEntry => ({
      path,
      size,
      ref,
      read: () => withPath(path, () => readEntry(ref)),
      pieces: (each) => withPath(path, () => readEntryPieces(ref, each)),
    }),
  );
  content.files = [];
  return {
    read: (sink, isCancelled) =>
      capped(sink, '', isCancelled, (s) => {
        if (skippedFolders) s.warn('', 'skipped-folders', { count: skippedFolders });
        return readTxtExport(entries, s);
      }),
  };
}

export { MAX_UNKNOWN_SECTIONS, MAX_UNKNOWN_BYTES, MAX_WARNINGS } from './limits';

/**
 * The sink with unknown sections and warnings capped (count and bytes): 300,000 unknown top-level
 * keys must not become 300,000 rows and warnings. Records and values pass untouched.
 */
function capped<T>(sink: ExportSink, path: string, isCancelled: (() => boolean) | undefined, read: (sink: ExportSink) => T): T {
  let events = 0;
  // Cancel reaches every phase that reports something, not only the records the writer counts.
  const poll = (): void => {
    if (isCancelled && ++events % 256 === 0 && isCancelled()) throw cancelledImport();
  };
  let unknowns = 0;
  let unknownBytes = 0;
  let droppedUnknown = 0;
  let droppedBytes = 0;
  let warnings = 0;
  let droppedWarnings = 0;
  const result = read({
    present: (d, p) => {
      poll();
      sink.present(d, p);
    },
    record: (d, f) => {
      poll();
      sink.record(d, f);
    },
    value: (d, k, v) => {
      poll();
      sink.value(d, k, v);
    },
    unknown: (p, raw, empty) => {
      poll();
      if (unknowns < MAX_UNKNOWN_SECTIONS && unknownBytes + raw.length <= MAX_UNKNOWN_BYTES) {
        unknowns++;
        unknownBytes += raw.length;
        sink.unknown(p, raw, empty);
      } else {
        droppedUnknown++;
        droppedBytes += raw.length;
      }
    },
    warn: (p, code, params) => {
      poll();
      if (warnings++ < MAX_WARNINGS) sink.warn(p, code, params);
      else droppedWarnings++;
    },
  });
  if (droppedUnknown > 0) sink.warn(path, 'more-unknown', { count: droppedUnknown, bytes: droppedBytes });
  if (droppedWarnings > 0) sink.warn(path, 'more-warnings', { count: droppedWarnings });
  return result;
}

/** A Buffer view of the bytes (content sent from another thread arrives as a plain Uint8Array). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function findJsonEntry(source: Source): SourceEntry | undefined {
  if (source.kind === 'file') {
    const only = source.entries[0]!;
    // A bare file may have been renamed; anything that is not a .txt is tried as JSON.
    return /\.txt$/i.test(only.path) ? undefined : only;
  }
  const named = source.entries.filter((e) => JSON_NAMES.test(basename(e.path)));
  if (named.length > 0) return named.sort((a, b) => a.path.split('/').length - b.path.split('/').length)[0];
  const jsons = source.entries.filter((e) => /\.json$/i.test(e.path) && !e.path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
  return jsons.length === 1 ? jsons[0] : undefined;
}

/** TikTok launched in September 2016: an earlier "epoch" in a name is not an export time. */
const FIRST_EXPORT_S = 1_472_688_000;
const LAST_EXPORT_S = 4_102_444_800; // 2100

export function exportTimeFromName(name: string): number | null {
  const m = /tiktok_data_(\d{9,11})(?!\d)/i.exec(name);
  if (!m) return null;
  const s = Number(m[1]);
  return s >= FIRST_EXPORT_S && s < LAST_EXPORT_S ? s * 1000 : null;
}

/**
 * Where an export's time came from: the name of the ZIP or file picked (TikTok_Data_<epoch>.zip),
 * the folder it sits in or was unzipped to (TikTok_Data_<epoch>/), or, when no name carries it,
 * the newest record (decided by the writer).
 */
export type ExportTimeSource = 'file-name' | 'folder-name' | 'newest-record';

/**
 * When TikTok generated the export, from the names around it, so that a ZIP and its unzipped folder
 * agree: the name picked (the ZIP, file or folder), then the folders inside the container that hold
 * the export (a ZIP of TikTok_Data_<epoch>/…, a parent folder picked), then the folder the picked
 * ZIP, file or inner folder sits in (TikTok_Data_<epoch>/Tiktok picked, or its user_data_tiktok.json).
 */
export function exportTime(path: string, source: Source, entryPath: string): { at: number; source: ExportTimeSource } | null {
  const picked = exportTimeFromName(source.name);
  if (picked !== null) return { at: picked, source: source.kind === 'folder' ? 'folder-name' : 'file-name' };
  // Folders inside the container on the way to the export (`entryPath`: one of its files).
  for (const dir of entryPath.split('/').slice(0, -1)) {
    const at = exportTimeFromName(dir);
    if (at !== null) return { at, source: 'folder-name' };
  }
  const parent = exportTimeFromName(basename(dirname(resolve(path))));
  return parent === null ? null : { at: parent, source: 'folder-name' };
}
