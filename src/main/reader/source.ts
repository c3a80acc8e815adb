// Opens what the user picked (a ZIP, an unzipped folder, or a bare file) as a flat list of entries.
import { readdirSync, readFileSync, statSync, lstatSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { ImportError } from './errors';
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
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImportError('NOT_FOUND', `Nothing exists at "${path}".`);
    throw new ImportError('UNREADABLE', `"${path}" cannot be read (${code ?? 'unknown error'}).`);
  }
  if (st.isDirectory()) return openFolder(path);
  if (!st.isFile()) throw new ImportError('UNREADABLE', `"${path}" is not a file or a folder.`);
  if (st.size === 0) throw new ImportError('EMPTY_FILE', `"${basename(path)}" is empty (0 bytes). Download the export again.`);
  if (st.size > MAX_FILE_BYTES) throw new ImportError('TOO_LARGE', `"${basename(path)}" is larger than 1 GiB; that is not a TikTok export.`);
  if (startsLikeZip(path)) {
    const buf = readFile(path);
    const entries = listZip(buf)
      .filter((e) => !e.isDirectory)
      .map((e) => ({ path: e.path, size: e.size, read: () => readZipEntry(buf, e) }));
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
    throw new ImportError('UNREADABLE', `"${path}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return looksLikeZip(head);
}

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ImportError('UNREADABLE', `"${path}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

function openFolder(root: string): Source {
  const entries: SourceEntry[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      throw new ImportError('UNREADABLE', `The folder "${dir}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      let st;
      try {
        st = lstatSync(full);
      } catch (e) {
        throw new ImportError('UNREADABLE', `"${full}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
      }
      if (st.isSymbolicLink()) continue; // never follow links out of the export
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) {
        if (entries.length >= MAX_FOLDER_FILES) throw new ImportError('TOO_LARGE', 'This folder holds far more files than a TikTok export.');
        entries.push({ path: relative(root, full).split(sep).join('/'), size: st.size, read: () => readFile(full) });
      }
    }
  };
  walk(root);
  return { kind: 'folder', name: basename(root), entries };
}
