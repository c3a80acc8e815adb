// A ZIP reader that checks the whole central directory before inflating a single byte: ZIP exports
// are untrusted files that people download and pass around. Inflating uses Node's native zlib with a
// hard output cap, so a lying header cannot make us allocate more than we agreed to.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw, inflateRawSync, crc32, constants as zlibConstants } from 'node:zlib';
import { FootprintError, type ErrorParams } from '../../shared/errors';
import { MAX_EXPORT_BYTES, MAX_ONE_FILE_BYTES } from './limits';

export interface ZipLimits {
  /** total uncompressed bytes of all entries */
  maxTotalBytes: number;
  /** uncompressed bytes of any one entry */
  maxEntryBytes: number;
  /** uncompressed/compressed ratio allowed for entries larger than ratioFloorBytes */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  // the same limits as a folder or a bare file (reader/limits.ts): one set for every container
  maxTotalBytes: MAX_EXPORT_BYTES,
  maxEntryBytes: MAX_ONE_FILE_BYTES,
  maxRatio: 250,
  // below this an entry cannot hurt whatever its ratio (tiny files deflate to a few bytes)
  ratioFloorBytes: 64 * 1024,
  maxEntries: 20_000,
};

export interface ZipEntry {
  path: string;
  size: number;
  compressedSize: number;
  isDirectory: boolean;
  method: number;
  crc: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The bytes of a ZIP, read where they are wanted: from a Buffer (tests), or from the file with
 * positional reads, so that listing reads only the directory and headers, and inflating one entry
 * reads only its own data. A ZIP is never held whole.
 */
export interface ZipBytes {
  length: number;
  /** exactly `length` bytes from `offset` (the caller checked they are inside the file) */
  read(offset: number, length: number): Buffer;
}

export function bufferBytes(buf: Buffer): ZipBytes {
  return { length: buf.length, read: (offset, length) => buf.subarray(offset, offset + length) };
}

/** Runs `use` with the ZIP file at `path` open for positional reads; closes it after. */
export function withZipFile<T>(path: string, use: (bytes: ZipBytes) => T): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    return use({
      length: size,
      read: (offset, length) => {
        const out = Buffer.allocUnsafe(length);
        let got = 0;
        while (got < length) {
          const n = readSync(fd, out, got, length - got, offset + got);
          if (n === 0) throw corrupt('cutShort'); // the file shrank since it was listed
          got += n;
        }
        return out;
      },
    });
  } finally {
    closeSync(fd);
  }
}

/** The central directory of a real export is a few MB (20,000 entries); more is a hostile file. */
const MAX_DIRECTORY_BYTES = 64 * 1024 ** 2;

export function looksLikeZip(buf: Buffer): boolean {
  // a local file header, or the end record alone (an archive with no files in it)
  return buf.length >= 4 && (buf.readUInt32LE(0) === LOCAL || buf.readUInt32LE(0) === EOCD);
}

/**
 * A ZIP with something in front of it (a self-extracting program, a header a mail program added):
 * it ends in a ZIP end record, but does not start with a ZIP header. `tail`: the file's last bytes.
 */
export function endsLikeZip(tail: Buffer): boolean {
  const at = findEocd(tail);
  // the record's comment runs exactly to the end of the file: not four stray bytes in some text
  return at >= 0 && at + 22 + tail.readUInt16LE(at + 20) === tail.length;
}

/** A name from the archive, safe to show: no control characters (terminal escapes), not endless. */
export function shown(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

// The ZIP's own path is added by the caller (reader/source.ts, withPath): these see only bytes.
function corrupt(reason: string, entry?: string): FootprintError {
  return new FootprintError('CORRUPT_ZIP', entry === undefined ? { reason } : { reason, entry: shown(entry) });
}

function refused(code: 'ZIP_BOMB' | 'UNSAFE_ZIP' | 'ENCRYPTED_ZIP', params: ErrorParams): FootprintError {
  return new FootprintError(code, params);
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Lists and validates every entry; throws FootprintError for damaged, hostile or oversized archives. */
export function listZip(input: Buffer | ZipBytes, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const bytes = Buffer.isBuffer(input) ? bufferBytes(input) : input;
  const length = bytes.length;
  const tailStart = Math.max(0, length - 22 - 0xffff);
  const tail = bytes.read(tailStart, length - tailStart);
  const at = findEocd(tail);
  if (at < 0) throw corrupt('noEndRecord'); // probably cut short while downloading
  const eocd = tailStart + at;
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || bytes.read(loc, 4).readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt('zip64');
    const z = Number(bytes.read(loc + 8, 8).readBigUInt64LE(0));
    if (z + 56 > length) throw corrupt('zip64');
    const rec = bytes.read(z, 56);
    if (rec.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt('zip64');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (count > limits.maxEntries) throw refused('ZIP_BOMB', { reason: 'entries', count, limit: limits.maxEntries });
  if (cdOffset + cdSize > length) throw corrupt('pastEnd');
  if (cdSize > MAX_DIRECTORY_BYTES) throw refused('ZIP_BOMB', { reason: 'entries', count, limit: limits.maxEntries });
  // the directory, read once; `p` counts within it
  const buf = bytes.read(cdOffset, cdSize);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const ranges: [start: number, end: number, path: string][] = [];
  let total = 0;
  let packed = 0;
  let mismatch: string | undefined;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw corrupt('fileList');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const externalAttrs = buf.readUInt32LE(p + 38);
    let localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > buf.length) throw corrupt('fileList');
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    p += 46 + nameLen + extraLen + commentLen;

    // ZIP64 extra field carries the real sizes when the 32-bit ones are saturated.
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const stop = Math.min(e + 4 + len, extra.length); // a damaged length must not read past the field
        if (size === 0xffffffff && q + 8 <= stop) {
          size = Number(extra.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= stop) {
          compressedSize = Number(extra.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= stop) localOffset = Number(extra.readBigUInt64LE(q));
      }
      e += 4 + len;
    }

    const path = checkName(nameBytes);
    const isDirectory = path.endsWith('/');
    const unixMode = externalAttrs >>> 16;
    if ((unixMode & 0o170000) === 0o120000) {
      throw refused('UNSAFE_ZIP', { reason: 'symlink', entry: shown(path) });
    }
    if (flags & 0x1) throw refused('ENCRYPTED_ZIP', { entry: shown(path) });
    if (method === 9) throw new FootprintError('CORRUPT_ZIP', { reason: 'deflate64', entry: shown(path), method });
    if (!isDirectory && method !== 0 && method !== 8) throw new FootprintError('CORRUPT_ZIP', { reason: 'method', entry: shown(path), method });
    // Directories count too: a "directory" with data is how overlapping entries hide their size.
    if (size > limits.maxEntryBytes) throw refused('ZIP_BOMB', { reason: 'total', entry: shown(path), limit: limits.maxEntryBytes });
    if ((total += size) > limits.maxTotalBytes) throw refused('ZIP_BOMB', { reason: 'total', limit: limits.maxTotalBytes });
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw refused('ZIP_BOMB', { reason: 'ratio', entry: shown(path), limit: limits.maxRatio });
    }
    if (localOffset + 30 + nameLen > length) throw corrupt('localHeader', path);
    const local = bytes.read(localOffset, 30 + nameLen);
    if (local.readUInt32LE(0) !== LOCAL) throw corrupt('localHeader', path);
    // The local header must name the same file: tools that read one or the other would see different archives.
    const localNameLen = local.readUInt16LE(26);
    const dataStart = localOffset + 30 + localNameLen + local.readUInt16LE(28);
    if (localNameLen !== nameLen || !local.subarray(30).equals(nameBytes)) {
      throw refused('UNSAFE_ZIP', { reason: 'nameMismatch', entry: shown(path) });
    }
    // ... and say the same of how it is packed and how large it is (unless it leaves that to a data
    // descriptor, bit 3, or to ZIP64): a reader of the local headers would otherwise unpack other bytes.
    const localFlags = local.readUInt16LE(6);
    const sizesHere = (localFlags & 0x8) === 0 && local.readUInt32LE(18) !== 0xffffffff && local.readUInt32LE(22) !== 0xffffffff;
    if (
      local.readUInt16LE(8) !== method ||
      (localFlags & 0x1) !== (flags & 0x1) ||
      (sizesHere && (local.readUInt32LE(14) !== crc || local.readUInt32LE(18) !== compressedSize || local.readUInt32LE(22) !== size))
    ) {
      mismatch ??= path; // said after the overlap check, which names what such archives usually are
    }
    if (dataStart + compressedSize > length) throw corrupt('cutShort', path);
    // Names that differ only in case or Unicode form are one file once unzipped on macOS or Windows.
    const key = isDirectory ? path : path.normalize('NFC').toLowerCase();
    if (names.has(key) && !isDirectory) throw refused('UNSAFE_ZIP', { reason: 'duplicate', entry: shown(path) });
    names.add(key);
    ranges.push([localOffset, dataStart + compressedSize, path]);
    entries.push({ path, size, compressedSize, isDirectory, method, crc, localOffset });
    packed += compressedSize;
  }
  // The ratio over the whole archive too: thousands of small entries, each under the per-entry floor,
  // must not add up to gigabytes from a few MB.
  if (total > limits.ratioFloorBytes * 16 && total / Math.max(1, packed) > limits.maxRatio) {
    throw refused('ZIP_BOMB', { reason: 'ratioOverall', limit: limits.maxRatio });
  }
  // Every entry owns its bytes, header to end of data: shared (overlapping) data is how an 81 KB
  // file unpacks to gigabytes while each entry looks harmless on its own.
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]![0] < ranges[i - 1]![1]) throw refused('UNSAFE_ZIP', { reason: 'overlap', entry: shown(ranges[i]![2]) });
  }
  if (mismatch !== undefined) throw refused('UNSAFE_ZIP', { reason: 'headerMismatch', entry: shown(mismatch) });
  return entries;
}

function checkName(bytes: Buffer): string {
  if (bytes.includes(0)) throw refused('UNSAFE_ZIP', { reason: 'nulName', entry: shown(bytes.toString('utf8')) });
  const name = bytes.toString('utf8');
  const parts = name.replace(/\\/g, '/').split('/');
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || parts.includes('..')) {
    throw refused('UNSAFE_ZIP', { reason: 'outside', entry: shown(name) });
  }
  return parts.filter((s) => s !== '' && s !== '.').join('/') + (name.endsWith('/') || name.endsWith('\\') ? '/' : '');
}

/** Where an entry's data starts, from its local header (read again: the directory may not say). */
function dataStart(bytes: ZipBytes, entry: ZipEntry): number {
  const p = entry.localOffset;
  if (p + 30 > bytes.length) throw corrupt('localHeader', entry.path);
  const local = bytes.read(p, 30);
  if (local.readUInt32LE(0) !== LOCAL) throw corrupt('localHeader', entry.path);
  const start = p + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > bytes.length) throw corrupt('cutShort', entry.path);
  return start;
}

/** Inflates one entry, never producing more than its declared size, and checks its CRC. */
export function readZipEntry(input: Buffer | ZipBytes, entry: ZipEntry): Buffer {
  const bytes = Buffer.isBuffer(input) ? bufferBytes(input) : input;
  const data = bytes.read(dataStart(bytes, entry), entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.isBuffer(input) ? Buffer.from(data) : data;
  else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refused('ZIP_BOMB', { reason: 'overrun', entry: shown(entry.path) });
      }
      throw corrupt('inflate', entry.path);
    }
  }
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw corrupt('checksum', entry.path);
  return out;
}

/**
 * The first bytes of an entry (at most `n`), inflating only the start of its data: enough to tell
 * what a file is without unpacking all of it. Damaged data gives what could be read (maybe nothing).
 */
export function readZipHead(bytes: ZipBytes, entry: ZipEntry, n: number): Buffer {
  const start = dataStart(bytes, entry);
  if (entry.method === 0) return bytes.read(start, Math.min(n, entry.compressedSize, entry.size));
  // deflate gains at most ~1032× per byte: 4n compressed bytes give n bytes of text and never more than a few MB
  const data = bytes.read(start, Math.min(entry.compressedSize, 4 * n));
  try {
    return inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, Math.min(n, entry.size));
  } catch {
    return Buffer.alloc(0);
  }
}

/** Compressed bytes read, and text given out, per piece when an entry is inflated a piece at a time. */
const IN_PIECE = 256 * 1024;
const OUT_PIECE = 1024 * 1024;

/**
 * What a synchronous, piece-at-a-time inflate needs of Node's zlib: its native handle's writeSync
 * and the state it reports into. Node has no public synchronous streaming inflate (inflateRawSync
 * gives all of an entry at once: a 100 MB TXT file held whole); these internals have been stable
 * since Node 10, and where they are missing the entry is inflated whole, as before.
 */
interface RawInflate {
  _handle?: { writeSync?: (flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number) => void };
  _writeState?: Uint32Array;
  close(): void;
  on(event: 'error', listener: () => void): void;
}

/**
 * One entry's bytes, inflated a piece at a time into `each` (never more than its declared size),
 * its CRC checked at the end: a damaged entry throws CORRUPT_ZIP after the pieces before the damage
 * (the import, one transaction, then keeps nothing; the hash, first, fails the same way). A piece is
 * valid only during the call (the buffer is reused). What `each` throws passes through as it is.
 */
export function readZipEntryPieces(bytes: ZipBytes, entry: ZipEntry, each: (piece: Buffer) => void): void {
  const start = dataStart(bytes, entry);
  let crc = 0;
  let total = 0;
  const give = (piece: Buffer): void => {
    if ((total += piece.length) > entry.size) throw OVERRUN;
    crc = crc32(piece, crc);
    each(piece);
  };
  try {
    if (!inflatePieces(bytes, entry, start, give)) total = -1;
  } catch (e) {
    if (e !== OVERRUN) throw e;
    total = -1;
  }
  if (total !== entry.size || crc !== entry.crc) {
    // damaged, or more than it said: inflated whole once more (never past its declared size), it
    // fails with the very error it always did (CORRUPT_ZIP inflate or checksum, ZIP_BOMB overrun)
    readZipEntry(bytes, entry);
    throw corrupt('inflate', entry.path);
  }
}

/** Thrown through the pieces when an entry inflates past its declared size. */
const OVERRUN = Symbol('overrun');

/** Gives the entry's data to `give` a piece at a time; false when zlib found it damaged (after what it could inflate). */
function inflatePieces(bytes: ZipBytes, entry: ZipEntry, start: number, give: (piece: Buffer) => void): boolean {
  if (entry.method === 0) {
    for (let at = 0; at < entry.compressedSize; at += OUT_PIECE) give(bytes.read(start + at, Math.min(OUT_PIECE, entry.compressedSize - at)));
    return true;
  } else {
    const inflater = createInflateRaw() as unknown as RawInflate;
    inflater.on('error', () => {}); // damaged data is found after each write (below), not as an event later
    const write = inflater._handle?.writeSync;
    const state = inflater._writeState;
    if (typeof write !== 'function' || !(state instanceof Uint32Array)) {
      inflater.close();
      give(readZipEntry(bytes, entry));
      return true;
    }
    const out = Buffer.allocUnsafe(Math.min(OUT_PIECE, Math.max(1, entry.size)));
    // zlib reports damaged data (and, at Z_FINISH, a stream that does not end) synchronously, and
    // closes its handle: looked at after every write, before the next
    const kError = Object.getOwnPropertySymbols(inflater).find((sym) => sym.description === 'kError');
    const failed = (): boolean => !inflater._handle || (kError !== undefined && Boolean((inflater as unknown as Record<symbol, unknown>)[kError]));
    /** One write; false when zlib found the data damaged. */
    const inflate = (flush: number, input: Buffer, inOff: number, inLen: number): boolean => {
      write.call(inflater._handle, flush, input, inOff, inLen, out, 0, out.length);
      if (failed()) return false;
      if (out.length - state[0]! > 0) give(out.subarray(0, out.length - state[0]!));
      return true;
    };
    try {
      let ok = true;
      for (let at = 0; ok && at < entry.compressedSize; at += IN_PIECE) {
        const input = bytes.read(start + at, Math.min(IN_PIECE, entry.compressedSize - at));
        let inOff = 0;
        let inLen = input.length;
        while ((ok = inflate(zlibConstants.Z_NO_FLUSH, input, inOff, inLen))) {
          const [availOut, availIn] = [state[0]!, state[1]!];
          inOff += inLen - availIn;
          inLen = availIn;
          if (availOut !== 0) break; // output room left: this input is used up
        }
      }
      // the stream must end here, as inflateRawSync requires
      return ok && inflate(zlibConstants.Z_FINISH, Buffer.alloc(0), 0, 0);
    } finally {
      if (inflater._handle) inflater.close();
    }
  }
}

