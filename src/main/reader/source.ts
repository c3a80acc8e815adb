// Opens what the user picked (a ZIP, an unzipped folder, or a bare file) as a flat list of entries.
import { readdirSync, statSync, lstatSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { FootprintError } from '../../shared/errors';
import { withPath } from './errors';
import { listZip, readZipEntry, readZipEntryPieces, readZipHead, looksLikeZip, endsLikeZip, withZipFile, type ZipEntry } from './zip';
import { MAX_DEPTH, MAX_EXPORT_BYTES, MAX_FILES, MAX_FOLDERS, MAX_ONE_FILE_BYTES, MiB } from './limits';

export interface SourceEntry {
  /** path inside the source, '/'-separated */
  path: string;
  size: number;
  /** the whole file (inflated, for a ZIP entry), read now: nothing is kept, each call reads again */
  read(): Buffer;
  /** up to `n` bytes from the start, without reading (or inflating) the rest */
  head?(n: number): Buffer;
  /** the whole file in pieces, in order (a file on disk a few MiB at a time, a ZIP entry 1 MiB at a time); a piece is valid only during the call */
  pieces?(each: (piece: Buffer) => void): void;
  /** where the bytes are, as plain data another thread can read them from (readEntry) */
  ref?: EntryRef;
}

/**
 * Where an entry's bytes are: a file (with the size it had when listed), or an entry of a ZIP file.
 * Plain data, so that an export's files can be handed to a reader thread without their bytes and
 * read there one at a time, however many and large they are.
 */
export type EntryRef = { kind: 'file'; file: string; size: number } | { kind: 'zip'; zip: string; entry: ZipEntry };

/** Reads an entry's bytes from where they are; throws a FootprintError naming it when they changed or cannot be read. */
export function readEntry(ref: EntryRef): Buffer {
  if (ref.kind === 'zip') return withPath(ref.zip, () => withZipFile(ref.zip, (bytes) => readZipEntry(bytes, ref.entry)));
  // Exactly the size it was listed with: a file that changed since (a download or sync still
  // writing) would import as something it was not, and one that grew must not be read past its limit.
  const out = Buffer.allocUnsafe(ref.size);
  let got = 0;
  readEntryPieces(ref, (piece) => {
    piece.copy(out, got);
    got += piece.length;
  });
  return out;
}

function readEntryHead(ref: EntryRef, n: number): Buffer {
  if (ref.kind === 'zip') return withPath(ref.zip, () => withZipFile(ref.zip, (bytes) => readZipHead(bytes, ref.entry, n)));
  const out = Buffer.alloc(Math.min(n, ref.size));
  let fd: number | undefined;
  try {
    fd = openSync(ref.file, 'r');
    return out.subarray(0, readSync(fd, out, 0, out.length, 0));
  } catch (e) {
    throw unreadable(ref.file, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const PIECE_BYTES = 4 * 1024 ** 2;

/**
 * A file read a piece at a time into `each`, exactly as large as when it was listed (else UNREADABLE
 * changed); a ZIP entry inflated a piece at a time (zip.ts readZipEntryPieces). What `each` throws (a reader that
 * has read enough, a cancelled import) passes through as it is: only the file system's failures
 * become UNREADABLE.
 */
export function readEntryPieces(ref: EntryRef, each: (piece: Buffer) => void): void {
  if (ref.kind === 'zip') return withPath(ref.zip, () => withZipFile(ref.zip, (bytes) => readZipEntryPieces(bytes, ref.entry, each)));
  const piece = Buffer.allocUnsafe(Math.min(PIECE_BYTES, Math.max(1, ref.size)));
  let fd: number | undefined;
  let total = 0;
  try {
    try {
      fd = openSync(ref.file, 'r');
    } catch (e) {
      throw unreadable(ref.file, e);
    }
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, piece, 0, piece.length, null);
      } catch (e) {
        throw unreadable(ref.file, e);
      }
      if (n <= 0 || (total += n) > ref.size) break;
      each(piece.subarray(0, n));
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (total !== ref.size) throw new FootprintError('UNREADABLE', { path: ref.file, reason: 'changed' });
}

function entryAt(path: string, size: number, ref: EntryRef): SourceEntry {
  return { path, size, ref, read: () => readEntry(ref), head: (n) => readEntryHead(ref, n), pieces: (each) => readEntryPieces(ref, each) };
}

export interface Source {
  kind: 'zip' | 'folder' | 'file';
  /** the file or folder name the user picked */
  name: string;
  entries: SourceEntry[];
  /** folders skipped as not part of an export: too deep, too many, or unreadable (links are never followed) */
  skipped?: number;
}

/** `poll` is called while a folder is walked (it may throw, to cancel). */
export function openSource(path: string, poll: () => void = () => {}): Source {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FootprintError('NOT_FOUND', { path });
    throw unreadable(path, e);
  }
  if (st.isDirectory()) return openFolder(path, poll);
  if (!st.isFile()) throw new FootprintError('UNREADABLE', { path, reason: 'notFile' });
  if (st.size === 0) throw new FootprintError('EMPTY_FILE', { path });
  if (st.size > MAX_ONE_FILE_BYTES) throw new FootprintError('TOO_LARGE', { path, reason: 'file', limit: MAX_ONE_FILE_BYTES / MiB });
  const head = readHead(path, st.size);
  if (looksLikeZip(head.start)) {
    // Only the directory and the headers are read now; each entry is inflated when it is read.
    const zip = path;
    const listed = withPath(path, () => {
      try {
        return withZipFile(zip, (bytes) => listZip(bytes));
      } catch (e) {
        if (e instanceof FootprintError) throw e;
        throw unreadable(path, e);
      }
    });
    const entries = listed.filter((e) => !e.isDirectory).map((e) => entryAt(e.path, e.size, { kind: 'zip', zip, entry: e }));
    return { kind: 'zip', name: basename(path), entries };
  }
  // Something in front of a ZIP (a self-extracting program, a mail header): say so, with the remedy.
  if (endsLikeZip(head.end)) throw new FootprintError('NOT_ZIP', { path, reason: 'prefix' });
  return { kind: 'file', name: basename(path), entries: [entryAt(basename(path), st.size, { kind: 'file', file: path, size: st.size })] };
}

/** The first 4 bytes and the last 64 KiB + 22 (where a ZIP's end record is). */
function readHead(path: string, size: number): { start: Buffer; end: Buffer } {
  const start = Buffer.alloc(Math.min(4, size));
  const end = Buffer.alloc(Math.min(size, 0xffff + 22));
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, start, 0, start.length, 0);
    readSync(fd, end, 0, end.length, size - end.length);
  } catch (e) {
    throw unreadable(path, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { start, end };
}

/** UNREADABLE for a failed file-system call: permission or another I/O error, with its errno code. */
function unreadable(path: string, e: unknown): FootprintError {
  const errno = (e as NodeJS.ErrnoException)?.code ?? 'unknown';
  return new FootprintError('UNREADABLE', { path, reason: errno === 'EACCES' || errno === 'EPERM' ? 'permission' : 'io', errno });
}

function openFolder(root: string, poll: () => void): Source {
  const entries: SourceEntry[] = [];
  let total = 0;
  let folders = 0;
  let skipped = 0;
  // Breadth-first, so the shallow folders an export lives in are read before any flood of others: a
  // chain of folders deeper than the OS path limit, or thousands of empty ones, is skipped and
  // counted instead of aborting or stalling the import.
  const queue: [dir: string, depth: number][] = [[root, 0]];
  for (let q = 0; q < queue.length; q++) {
    const [dir, depth] = queue[q]!;
    if (q % 64 === 0) poll();
    if (depth > MAX_DEPTH || ++folders > MAX_FOLDERS) {
      skipped++;
      continue;
    }
    let dirents;
    try {
      dirents = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (depth === 0) throw unreadable(dir, e);
      skipped++; // a folder inside the export we may not read (or a path too long): not an export file
      continue;
    }
    for (const d of dirents) {
      const full = join(dir, d.name);
      if (d.isSymbolicLink()) continue; // never follow links out of the export
      if (d.isDirectory()) queue.push([full, depth + 1]);
      else if (d.isFile()) {
        let size: number;
        try {
          size = lstatSync(full).size;
        } catch (e) {
          throw unreadable(full, e);
        }
        if (entries.length >= MAX_FILES) throw new FootprintError('TOO_LARGE', { path: root, reason: 'files', limit: MAX_FILES });
        if (size > MAX_ONE_FILE_BYTES) throw new FootprintError('TOO_LARGE', { path: full, reason: 'file', limit: MAX_ONE_FILE_BYTES / MiB });
        if ((total += size) > MAX_EXPORT_BYTES) throw new FootprintError('TOO_LARGE', { path: root, reason: 'total', limit: MAX_EXPORT_BYTES / MiB });
        entries.push(entryAt(relative(root, full).split(sep).join('/'), size, { kind: 'file', file: full, size }));
      }
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { kind: 'folder', name: basename(root), entries, skipped };
}
