// TXT exports: a tree of .txt files, one per dataset, in one of three folder generations:
//   A (2019–2021)  category folders at the root: Activity/Video Browsing History.txt, Videos/Videos.txt
//   B (2024)       Tiktok/Activity/Browsing History.txt, Tiktok/Posts/Post.txt, …
//   C (2025+)      TikTok/Your Activity/Watch History.txt, TikTok/Likes and Favorites/…, localized names
// Files are found by basename at any depth (the folders move and are translated). Each file is
// parsed into the same datasets, fields and value keys the JSON reader produces, so that a TXT and
// a JSON export of the same account de-duplicate against each other.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { DATASETS, datasetSpec, normalizeName, type DatasetSpec } from '../../shared/catalog';
import { FootprintError } from '../../shared/errors';
import { canonicalField } from './fields';
import type { ExportSink } from './sink';
import { MAX_UNKNOWN_BYTES } from './limits';
import type { SourceEntry } from './source';
import {
  CATEGORY_FOLDERS,
  GEN_A_FILES,
  GEN_B_FILES,
  GEN_B_FOLDERS,
  GEN_C_FILES,
  GEN_C_FOLDERS,
  chatHeader,
  isSentinel,
  SUBSECTION_LISTS,
  valuesFile,
} from './txt-labels';
import { CHAT_HEAD_CHARS, isChatText, parseChat, parseRecords, parseSplit, parseValues, type Lines, type ParseContext, type ParseResult } from './txt-parse';
import { txtText, type Pieces, type TextWarning, type TxtText } from './txt-text';

export type TxtGeneration = 'A' | 'B' | 'C';

/**
 * The largest single .txt file read. A file Footprint does not know is kept as one string, and V8
 * strings stop a little above 512 MiB; known files are read in pieces but held to the same limit.
 */
const MAX_TXT_BYTES = 512 * 1024 ** 2 - 64;
const TXT_LIMIT_MIB = 512;
/**
 * An unknown TXT file is kept whole (one string): past this size, or past what the import may keep
 * of unknown sections altogether (MAX_UNKNOWN_BYTES), it is said from its size and never read. No
 * TikTok file Footprint does not know comes near it; reading one whole could take a gigabyte.
 */
const MAX_UNKNOWN_TXT_BYTES = 64 * 1024 ** 2;

const fileIndex = new Map<string, DatasetSpec>();
for (const spec of DATASETS) {
  for (const f of spec.txtFiles ?? []) {
    const n = normalizeName(f.replace(/\.txt$/i, ''));
    if (!fileIndex.has(n)) fileIndex.set(n, spec);
  }
}

function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

function stem(path: string): string {
  return normalizeName(baseName(path).replace(/\.txt$/i, ''));
}

/** The dataset a TXT file holds, by its name (any folder, any casing). */
export function txtDataset(path: string): DatasetSpec | undefined {
  return fileIndex.get(stem(path));
}

function isTxt(path: string): boolean {
  if (!/\.txt$/i.test(path)) return false;
  // macOS resource forks and hidden files are not part of the export
  return !path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX');
}

function dirSegments(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  return parts;
}

/**
 * The export's root folder: the deepest folder holding every known file, moved up past a category
 * folder ("Activity") so that a partial export still roots at its Tiktok/TikTok folder; a folder
 * named Tiktok/TikTok in the path is always the root. The same export zipped or unzipped (with or
 * without an outer folder) therefore has the same relative paths.
 */
function exportRoot(known: SourceEntry[]): string[] {
  let common: string[] | null = null;
  for (const e of known) {
    const dirs = dirSegments(e.path);
    if (common === null) common = dirs;
    else {
      let i = 0;
      while (i < common.length && i < dirs.length && common[i] === dirs[i]) i++;
      common = common.slice(0, i);
    }
  }
  let root = common ?? [];
  const tiktok = root.map((s) => s.toLowerCase()).lastIndexOf('tiktok');
  if (tiktok >= 0) return root.slice(0, tiktok + 1);
  if (root.length > 0 && CATEGORY_FOLDERS.has(normalizeName(root[root.length - 1]!))) root = root.slice(0, -1);
  return root;
}

function underRoot(path: string, root: string[]): boolean {
  if (root.length === 0) return true;
  const parts = path.split('/');
  if (parts.length <= root.length) return false;
  for (let i = 0; i < root.length; i++) if (parts[i] !== root[i]) return false;
  return true;
}

function relativePath(path: string, root: string[]): string {
  return (root.length === 0 ? path : path.split('/').slice(root.length).join('/')).normalize('NFC');
}

/** File names other programs use too: alone, outside a TikTok folder, they must look like TikTok's. */
const GENERIC_NAMES = new Set(
  ['Settings', 'Status', 'Comments', 'Post', 'Posts', 'Videos', 'Following', 'Follower', 'Followers', 'Hashtag', 'Stickers', 'Vouchers',
    'Donation', 'Fundraiser', 'Purchases', 'Searches', 'Reposts', 'Autofill', 'Instellingen', 'Reacties', 'Berichten', 'Einstellungen',
    'Kommentare', 'Chat History', 'Gifts'].map(normalizeName),
);

/** The first lines of a file read like a TikTok TXT file of this dataset. */
function looksLikeTikTok(entry: SourceEntry, spec: DatasetSpec): boolean {
  // only the start is read (a ZIP entry is not inflated whole), decoded as the parser would (UTF-16 too)
  const head = decodeTxt(entry.head ? entry.head(4096) : entry.read().subarray(0, 4096), () => {});
  for (const raw of head.split(/\r?\n|\r/, 20)) {
    const line = raw.trim();
    if (line === '') continue;
    if (isSentinel(line) || line.startsWith('>>>')) return true;
    if (spec.shape === 'chat' && chatHeader(line) !== undefined) return true;
    if (SUBSECTION_LISTS[spec.id]?.[normalizeName(line.replace(/[\s:]+$/, ''))] !== undefined) return true; // "Send Gifts History:"
    const i = line.indexOf(': ');
    if (i <= 0) return false;
    const label = line.slice(0, i).replace(/:+$/, '');
    return spec.shape === 'values' || canonicalField(spec, label, 'txt') !== undefined;
  }
  return false;
}

/** The .txt entries of a TikTok TXT export (under its root folder), or undefined when this is not one. */
export function findTxtExport(entries: SourceEntry[]): SourceEntry[] | undefined {
  const txts = entries.filter((e) => isTxt(e.path));
  const known = txts.filter((e) => txtDataset(e.path) !== undefined);
  if (known.length === 0) return undefined;
  // Files with common names only (Settings.txt, Comments.txt… as Google Takeout writes them), outside
  // a TikTok folder: only when every one of them reads like TikTok's, however many there are.
  const generic = (e: SourceEntry) => GENERIC_NAMES.has(stem(e.path)) && !dirSegments(e.path).some((s) => s.toLowerCase() === 'tiktok');
  if (known.every(generic) && !known.every((e) => looksLikeTikTok(e, txtDataset(e.path)!))) return undefined;
  const root = exportRoot(known);
  return txts.filter((e) => underRoot(e.path, root));
}

/** SHA-256 over the sorted (relative path, size, bytes) of the export's .txt files. */
export function txtContentHash(entries: SourceEntry[], poll: () => void = () => {}): string {
  const root = exportRoot(entries.filter((e) => txtDataset(e.path) !== undefined));
  const files = entries.map((e) => ({ rel: relativePath(e.path, root), entry: e }));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const h = createHash('sha256');
  for (const { rel, entry } of files) {
    poll(); // Cancel is heard between files and between pieces: hashing a large export takes seconds
    // the length makes the concatenation unambiguous (no file can pretend to end early); a file on
    // disk is hashed a few MiB at a time, checked to be as long as it was listed
    if (entry.pieces) {
      h.update(rel).update('\0').update(String(entry.size)).update('\0');
      entry.pieces((piece) => {
        poll();
        h.update(piece);
      });
    } else {
      const bytes = entry.read();
      h.update(rel).update('\0').update(String(bytes.length)).update('\0').update(bytes);
    }
  }
  return h.digest('hex');
}

/** Which folder generation an export is, from its folders and file names. */
export function detectTxtGeneration(paths: string[], sawVideoLink = false): TxtGeneration {
  const segs = new Set<string>();
  const rawSegs = new Set<string>();
  const files = new Set<string>();
  for (const p of paths) {
    for (const s of dirSegments(p)) {
      segs.add(normalizeName(s));
      rawSegs.add(s);
    }
    files.add(stem(p));
  }
  const has = (set: Set<string>, names: Set<string>): boolean => [...names].some((n) => set.has(n));
  if (has(segs, GEN_C_FOLDERS)) return 'C';
  if (has(files, GEN_B_FILES)) return 'B';
  if (has(files, GEN_C_FILES)) return 'C';
  if (has(files, GEN_A_FILES)) return 'A';
  if (rawSegs.has('TikTok')) return 'C';
  if (segs.has('tiktok')) return 'B';
  if (has(segs, GEN_B_FOLDERS)) return 'B';
  if (sawVideoLink || segs.has('activity')) return 'A';
  return 'C';
}

/** UTF-8 (BOM stripped, invalid bytes replaced), or UTF-16 with a BOM; NUL characters dropped. */
export function decodeTxt(bytes: Buffer, warn: (code: 'bad-encoding' | 'nul-removed') => void): string {
  if (bytes.length > MAX_TXT_BYTES) throw new FootprintError('TOO_LARGE', { reason: 'file', limit: TXT_LIMIT_MIB });
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    text = swapped.swap16().toString('utf16le');
  } else {
    if (!isUtf8(bytes)) warn('bad-encoding');
    text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.includes('\0')) {
    warn('nul-removed');
    text = text.replaceAll('\0', '');
  }
  // Every line-ending mix (CRLF, LF, old-Mac CR, and any of them together) becomes LF: a file of
  // CR lines with one stray LF must not read as one long line.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** A file's whole text (a file Footprint does not know, kept as it is), or undefined (with a warning) when too large for one string. */
function wholeText(entry: SourceEntry, warn: (code: TextWarning | 'too-large', params?: { limit: number }) => void): string | undefined {
  try {
    return decodeTxt(entry.read(), warn);
  } catch (e) {
    if (e instanceof FootprintError && e.code === 'TOO_LARGE') {
      warn('too-large', { limit: TXT_LIMIT_MIB });
      return undefined;
    }
    throw e;
  }
}

/** True when the text holds nothing but blank lines and "no data" sentinels. */
function isEmptyText(text: string): boolean {
  let empty = true;
  let pos = 0;
  while (empty && pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const t = text.slice(pos, Math.min(end, pos + 200)).trim();
    if (t !== '' && !isSentinel(t)) empty = false;
    pos = end + 1;
  }
  return empty;
}

/**
 * A digest of a file's text compared for copies: line endings and trailing blank lines do not
 * matter. Hashed a piece at a time; whitespace at a piece's end waits until text follows it.
 */
function contentDigest(text: TxtText, warn: (code: TextWarning) => void): string {
  const h = createHash('sha256');
  let pending: string[] = [];
  text.texts((t) => {
    const kept = t.trimEnd();
    if (kept.length === 0) return void pending.push(t);
    for (const p of pending) h.update(p);
    pending = [];
    h.update(kept);
    if (kept.length < t.length) pending.push(t.slice(kept.length));
  }, warn);
  return h.digest('hex');
}

function readFile(ctx: ParseContext, text: TxtText, lines: Lines): ParseResult {
  switch (ctx.spec.shape) {
    case 'values':
      return parseValues(ctx, lines);
    case 'split':
      return parseSplit(ctx, lines);
    case 'chat':
      return isChatText(text.head(CHAT_HEAD_CHARS)) ? parseChat(ctx, lines) : parseRecords(ctx, lines);
    default:
      return parseRecords(ctx, lines);
  }
}

/** An entry's bytes in pieces: a file a few MiB at a time, else read whole. */
function piecesOf(entry: SourceEntry): Pieces {
  return entry.pieces ? (each) => entry.pieces!(each) : (each) => each(entry.read());
}

export interface TxtReadOptions {
  /** bytes decoded at a time (tests use 1–7 to cut characters and line breaks everywhere) */
  pieceBytes?: number;
}

/** Reads every .txt file of the export into the sink; returns the layout ("TXT-A" | "TXT-B" | "TXT-C"). */
export function readTxtExport(entries: SourceEntry[], sink: ExportSink, opts: TxtReadOptions = {}): { layout: string } {
  const root = exportRoot(entries.filter((e) => txtDataset(e.path) !== undefined));
  const files = entries
    .map((e) => ({ entry: e, rel: relativePath(e.path, root) }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

  // Errors the sink throws (the database, a cancelled import) pass through untouched; anything the
  // parsers throw is a bug that must not lose the file: it is kept raw with a warning.
  let sinkError: unknown;
  const guard = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A): void => {
    try {
      fn(...a);
    } catch (e) {
      sinkError = e;
      throw e;
    }
  };
  const safeSink: ExportSink = {
    present: guard(sink.present.bind(sink)),
    record: guard(sink.record.bind(sink)),
    value: guard(sink.value.bind(sink)),
    unknown: guard(sink.unknown.bind(sink)),
    warn: guard(sink.warn.bind(sink)),
  };

  let sawVideoLink = false;
  const readTexts = new Map<string, Set<string>>(); // dataset → digests of contents read, to skip exact copies (a set: thousands of files stay linear)
  const filesPerDataset = new Map<string, number>();
  for (const { entry } of files) {
    const id = txtDataset(entry.path)?.id;
    if (id) filesPerDataset.set(id, (filesPerDataset.get(id) ?? 0) + 1);
  }
  let unknownRead = 0;
  for (const { entry, rel } of files) {
    const spec = txtDataset(entry.path);
    // past the limit: said from its size, never read (three such files took gigabytes)
    if (entry.size > MAX_TXT_BYTES) {
      safeSink.warn(rel, 'too-large', { limit: TXT_LIMIT_MIB });
      continue;
    }
    if (!spec) {
      // kept whole as an unknown section (the sink caps their bytes), unless it could never be kept
      if (entry.size > MAX_UNKNOWN_TXT_BYTES || (unknownRead += entry.size) > MAX_UNKNOWN_BYTES) {
        safeSink.warn(rel, 'too-large', { limit: MAX_UNKNOWN_TXT_BYTES / 1024 ** 2 });
        continue;
      }
      const text = wholeText(entry, (code, params) => safeSink.warn(rel, code, params));
      if (text !== undefined) safeSink.unknown(rel, text, isEmptyText(text));
      continue;
    }
    // Read a piece at a time on every pass, never whole: no file becomes one string. Each encoding
    // warning is said once per file, whichever pass meets it first.
    const text = txtText(piecesOf(entry), opts.pieceBytes);
    const warned = new Set<TextWarning>();
    const warn = (code: TextWarning): void => {
      if (warned.has(code)) return;
      warned.add(code);
      safeSink.warn(rel, code);
    };
    safeSink.present(spec.id, rel);
    if (spec.id === 'profile') safeSink.present('linked_platforms', rel); // as the JSON reader does
    for (const nest of spec.nested ?? []) safeSink.present(nest.dataset, rel); // records nested in this file's records
    // The same file under two folders (Gen C repeats Off TikTok Activity, as JSON L4 does): read once.
    if ((filesPerDataset.get(spec.id) ?? 0) > 1) {
      const digest = contentDigest(text, warn);
      const before = readTexts.get(spec.id) ?? new Set<string>();
      if (before.has(digest)) continue;
      readTexts.set(spec.id, before.add(digest));
    }
    if (!sawVideoLink && /^Video Link:/m.test(text.head(4096))) sawVideoLink = true;

    const ctx: ParseContext = {
      spec,
      path: rel,
      sink: safeSink,
      values: spec.shape === 'values' ? valuesFile(spec.id, baseName(rel)) : undefined,
      datasetSpec,
    };
    try {
      // Labels the catalog does not know are kept as fields under their JSON-style names, without a
      // warning (the JSON reader keeps unknown keys the same way).
      readFile(ctx, text, (fn) => text.lines(fn, warn));
    } catch (e) {
      if (e === sinkError || e instanceof FootprintError) throw e;
      const whole = wholeText(entry, () => {});
      if (whole !== undefined) safeSink.unknown(rel, whole, false);
      // a reader bug: the reason is for a bug report, like INTERNAL's
      safeSink.warn(rel, 'parse-failed', { reason: (e as Error)?.message ?? String(e) });
    }
  }
  return { layout: `TXT-${detectTxtGeneration(entries.map((e) => e.path), sawVideoLink)}` };
}
