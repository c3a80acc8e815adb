// Opens what the user picked (a ZIP, an unzipped folder, or a bare file) as a flat list of entries.
import { readdirSync, readFileSync, statSync, lstatSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { FootprintError } from '../../shared/errors';
import { withPath } from './errors';
import { listZip, readZipEntry, looksLikeZip } from './zip';

export interface SourceEntry {
  /** path inside the source, '/'-separated */
  path: string;
  size: number;
  read(): Buffer;
}

export interface Source {
  kind: 'zip' | 'folder' | 'file';
  /** the file or folder name the user picked */
  name: string;
  entries: SourceEntry[];
}

const MAX_FILE_BYTES = 1024 ** 3;
const MAX_FOLDER_FILES = 20_000;

export function openSource(path: string): Source {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FootprintError('NOT_FOUND', { path });
    throw unreadable(path, e);
  }
  if (st.isDirectory()) return openFolder(path);
  if (!st.isFile()) throw new FootprintError('UNREADABLE', { path, reason: 'notFile' });
  if (st.size === 0) throw new FootprintError('EMPTY_FILE', { path });
  if (st.size > MAX_FILE_BYTES) throw new FootprintError('TOO_LARGE', { path, reason: 'file', limit: MAX_FILE_BYTES / 1024 ** 2 });
  if (startsLikeZip(path)) {
    const buf = readFile(path);
    const entries = withPath(path, () => listZip(buf))
      .filter((e) => !e.isDirectory)
      .map((e) => ({ path: e.path, size: e.size, read: () => withPath(path, () => readZipEntry(buf, e)) }));
    return { kind: 'zip', name: basename(path), entries };
  }
  return { kind: 'file', name: basename(path), entries: [{ path: basename(path), size: st.size, read: () => readFile(path) }] };
}

function startsLikeZip(path: string): boolean {
  const head = Buffer.alloc(4);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 4, 0);
  } catch (e) {
    throw unreadable(path, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return looksLikeZip(head);
}

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** UNREADABLE for a failed file-system call: permission or another I/O error, with its errno code. */
function unreadable(path: string, e: unknown): FootprintError {
  const errno = (e as NodeJS.ErrnoException)?.code ?? 'unknown';
  return new FootprintError('UNREADABLE', { path, reason: errno === 'EACCES' || errno === 'EPERM' ? 'permission' : 'io', errno });
}

function openFolder(root: string): Source {
  const entries: SourceEntry[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      throw unreadable(dir, e);
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      let st;
      try {
        st = lstatSync(full);
      } catch (e) {
        throw unreadable(full, e);
      }
      if (st.isSymbolicLink()) continue; // never follow links out of the export
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) {
        if (entries.length >= MAX_FOLDER_FILES) throw new FootprintError('TOO_LARGE', { path: root, reason: 'files', limit: MAX_FOLDER_FILES });
        entries.push({ path: relative(root, full).split(sep).join('/'), size: st.size, read: () => readFile(full) });
      }
    }
  };
  walk(root);
  return { kind: 'folder', name: basename(root), entries };
}
