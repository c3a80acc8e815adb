// Writing an export to a file the user named, carefully: the text goes to a new temp file beside
// the target (created exclusively, owner-only 0600) and is renamed over the target only when it is
// complete, so a failed or cancelled export leaves no half file and never truncates the one there.
// rename() replaces a symlink at the target instead of writing through it, and a symlink there is
// refused anyway; an existing file is replaced only when the caller says so (--force); the archive
// itself and its -wal/-shm/-journal companions are refused whatever is said.
import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { FootprintError } from '../../shared/errors';

export type ExportTargetProblem = 'exists' | 'symlink' | 'notFile' | 'archive';

/** The real path of `p` when its folder exists (the file itself need not). */
function realTarget(p: string): string {
  const abs = resolve(p);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

/** Why `path` may not be written (null: it may), before anything is read. */
export function exportTargetProblem(path: string, opts: { force?: boolean; dbPath?: string }): ExportTargetProblem | null {
  const target = realTarget(path);
  if (opts.dbPath) {
    const db = realTarget(opts.dbPath);
    let dbReal = db;
    try {
      dbReal = realpathSync(db);
    } catch {
      /* not there: compare by name */
    }
    for (const base of new Set([db, dbReal])) {
      if (['', '-wal', '-shm', '-journal'].some((suffix) => target === base + suffix)) return 'archive';
    }
  }
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return null; // nothing there yet
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (!st.isFile()) return 'notFile';
  if (opts.dbPath) {
    try {
      const db = lstatSync(realTarget(opts.dbPath));
      if (db.ino === st.ino && db.dev === st.dev) return 'archive'; // a hard link to the archive
    } catch {
      /* no archive file */
    }
  }
  return opts.force ? null : 'exists';
}

export interface ExportFile {
  write(text: string): void;
  /** flushes, then moves the complete file to the target */
  commit(): void;
  /** removes the temp file (after a failure) */
  abort(): void;
}

const unwritable = (path: string, e: unknown): FootprintError =>
  // errors.ts has no code for "cannot write" yet; UNREADABLE with the errno is the closest
  new FootprintError('UNREADABLE', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });

/** Opens the temp file for `path` (checked first with exportTargetProblem by the caller). */
export function openExportFile(path: string): ExportFile {
  const target = realTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    // O_EXCL: a new file, never one (or a symlink) that is already there; O_NOFOLLOW where it exists
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  } catch (e) {
    throw unwritable(path, e);
  }
  let open = true;
  const buffered: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffered.length === 0) return;
    writeSync(fd, buffered.join(''));
    buffered.length = 0;
    size = 0;
  };
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(text) {
      buffered.push(text);
      size += text.length;
      if (size > 1 << 20) {
        try {
          flush();
        } catch (e) {
          throw unwritable(path, e);
        }
      }
    },
    commit() {
      try {
        flush();
        fsyncSync(fd);
        close();
        renameSync(temp, target);
      } catch (e) {
        this.abort();
        throw unwritable(path, e);
      }
    },
    abort() {
      try {
        close();
      } catch {
        /* already failing */
      }
      rmSync(temp, { force: true });
    },
  };
}
