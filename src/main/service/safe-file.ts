// Writing a file the user named (`export --out`): the export holds messages and comments, so it is
// written as carefully as the archive itself. The target is never the archive (or its -wal/-shm),
// never a link we would follow, never overwritten unless asked; the data goes to a new owner-only
// temp file beside it that is renamed over the target only once complete, so a failure leaves
// whatever was there untouched and no half-written file behind.
import { closeSync, fstatSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { FootprintError } from '../../shared/errors';

export interface SafeFileOptions {
  /** replace an existing regular file */
  force?: boolean;
  /** files that must never be the target: the archive (its -wal and -shm are added) */
  protect?: string[];
}

export interface SafeFile {
  fd: number;
  /** writes all of `data` */
  write(data: string | Buffer): void;
  /** flushes, closes and renames the temp file over the target */
  commit(): void;
  /** closes and removes the temp file; the target is untouched */
  abort(): void;
}

function refuse(path: string, reason: string, errno?: string): FootprintError {
  return new FootprintError('CANNOT_WRITE', errno === undefined ? { path, reason } : { path, reason, errno });
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The real path of `path`'s folder joined with its name: links in the folders resolved, not the last one. */
function realTarget(path: string): string {
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

/** Checks `target` and creates the temp file; throws CANNOT_WRITE { path, reason } before anything is written. */
export function openSafeFile(target: string, options: SafeFileOptions = {}): SafeFile {
  const abs = resolve(target);
  const dir = dirname(abs);
  const dirStat = lstatOrNull(dir) && statSync(dir, { throwIfNoEntry: false });
  if (!dirStat) throw refuse(target, 'noFolder');
  if (!dirStat.isDirectory()) throw refuse(target, 'noFolder');

  const real = realTarget(abs);
  const st = lstatOrNull(abs);
  for (const db of options.protect ?? []) {
    for (const p of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
      const other = lstatOrNull(p);
      const same = realTarget(p) === real || (st !== null && other !== null && st.dev === other.dev && st.ino === other.ino);
      if (same) throw refuse(target, 'database');
    }
  }
  if (st?.isSymbolicLink()) throw refuse(target, 'symlink');
  if (st?.isDirectory()) throw refuse(target, 'folder');
  if (st && !st.isFile()) throw refuse(target, 'notFile');
  if (st && !options.force) throw refuse(target, 'exists');

  const temp = join(dir, `.${basename(abs)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600); // O_EXCL: never opens through a link someone planted
  } catch (e) {
    const errno = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw refuse(target, errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS' ? 'permission' : 'io', errno);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    write(data) {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    },
    commit() {
      try {
        fsyncSync(fd);
        if (process.platform !== 'win32' && (fstatSync(fd).mode & 0o077) !== 0) throw refuse(target, 'io', 'mode');
        close();
        // Checked again: a link or file that appeared at the target meanwhile is not replaced unasked.
        const now = lstatOrNull(abs);
        if (now?.isSymbolicLink() || now?.isDirectory() || (now && !options.force)) throw refuse(target, now.isSymbolicLink() ? 'symlink' : now.isDirectory() ? 'folder' : 'exists');
        renameSync(temp, abs); // replaces the directory entry; a link at the target is never followed
      } catch (e) {
        this.abort();
        if (e instanceof FootprintError) throw e;
        throw refuse(target, 'io', (e as NodeJS.ErrnoException).code ?? 'unknown');
      }
    },
    abort() {
      try {
        close();
      } catch {
        /* already closed */
      }
      try {
        unlinkSync(temp);
      } catch {
        /* already gone */
      }
    },
  };
}
