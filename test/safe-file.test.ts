// Files Footprint writes: `export --out` never destroys the archive, never follows a link, never
// overwrites unasked, leaves nothing behind on failure and creates the file owner-only; `--db` at a
// file that is not an archive changes nothing about it, mode included. Real files, real SQLite.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { main } from '../src/main/cli/main';
import { openSafeFile } from '../src/main/service/safe-file';
import { FootprintError } from '../src/shared/errors';
import { sha256File, smallExport, tempDir, writeJson } from './helpers';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function archive(dir: string): Promise<string> {
  const db = join(dir, 'fp.db');
  expect((await cli(['import', writeJson(join(dir, 'e'), smallExport()), '--db', db])).code).toBe(0);
  return db;
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FootprintError);
    return (e as FootprintError).params.reason;
  }
  throw new Error('not refused');
};

const posix = process.platform !== 'win32';

describe('openSafeFile', () => {
  it('writes through a 0600 temp file renamed into place, leaving nothing else', () => {
    const dir = tempDir();
    const target = join(dir, 'out.json');
    const f = openSafeFile(target);
    f.write('hello\n');
    expect(existsSync(target)).toBe(false); // not there until complete
    f.commit();
    expect(readFileSync(target, 'utf8')).toBe('hello\n');
    if (posix) expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('refuses the protected file, its -wal, -shm and -journal, also by another path or a hard link', () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    writeFileSync(db, 'x');
    mkdirSync(join(dir, 'sub'));
    for (const p of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, join(dir, 'sub', '..', 'a.db')]) {
      expect(refusal(() => openSafeFile(p, { protect: [db], force: true }))).toBe('database');
    }
    expect(readFileSync(db, 'utf8')).toBe('x');
  });

  it('refuses to overwrite without force, a folder, a missing folder, and a symlink even with force', () => {
    const dir = tempDir();
    const existing = join(dir, 'old.json');
    writeFileSync(existing, 'keep');
    expect(refusal(() => openSafeFile(existing))).toBe('exists');
    expect(refusal(() => openSafeFile(dir, { force: true }))).toBe('folder');
    expect(refusal(() => openSafeFile(join(dir, 'no', 'such', 'x.json')))).toBe('noFolder');
    if (posix) {
      const victim = join(dir, 'victim');
      writeFileSync(victim, 'secret');
      symlinkSync(victim, join(dir, 'link.json'));
      expect(refusal(() => openSafeFile(join(dir, 'link.json'), { force: true }))).toBe('symlink');
      expect(readFileSync(victim, 'utf8')).toBe('secret');
    }
    expect(readFileSync(existing, 'utf8')).toBe('keep');
    const f = openSafeFile(existing, { force: true });
    f.write('new');
    f.commit();
    expect(readFileSync(existing, 'utf8')).toBe('new');
  });

  it('abort leaves the target and the folder as they were', () => {
    const dir = tempDir();
    const f = openSafeFile(join(dir, 'x.json'));
    f.write('half');
    f.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('export --out', () => {
  it('naming the archive or its -wal/-shm is refused, exit 1, the archive intact', async () => {
    const dir = tempDir();
    const db = await archive(dir);
    const before = sha256File(db);
    for (const out of [db, `${db}-wal`, `${db}-shm`]) {
      const r = await cli(['export', 'searches', '--out', out, '--db', db, '--json']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CANNOT_WRITE', params: { reason: 'database' } });
    }
    expect(sha256File(db)).toBe(before);
    expect((await cli(['snapshots', '--db', db])).code).toBe(0);
  });

  it('a folder, a missing folder or an existing file: a plain one-line refusal, no stack, nothing left behind', async () => {
    const dir = tempDir();
    const db = await archive(dir);
    const existing = join(dir, 'there.json');
    writeFileSync(existing, 'keep');
    for (const [out, reason] of [
      [dir, 'folder'],
      [join(dir, 'missing', 'x.json'), 'noFolder'],
      [existing, 'exists'],
    ] as const) {
      const r = await cli(['export', 'searches', '--out', out, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/ at \S+:\d+/);
      const j = await cli(['export', 'searches', '--out', out, '--db', db, '--json']);
      expect(JSON.parse(j.stdout).error.params.reason).toBe(reason);
    }
    expect(readFileSync(existing, 'utf8')).toBe('keep');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(posix)('is created 0600 and never written through a symlink', async () => {
    const dir = tempDir();
    const db = await archive(dir);
    const out = join(dir, 'out.json');
    expect((await cli(['export', 'searches', '--out', out, '--db', db])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8')).length).toBeGreaterThan(0);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'secret');
    symlinkSync(victim, join(dir, 'link.json'));
    const r = await cli(['export', 'searches', '--out', join(dir, 'link.json'), '--db', db, '--json']);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CANNOT_WRITE', params: { reason: 'symlink' } });
    expect(readFileSync(victim, 'utf8')).toBe('secret');
  });
});

describe('--db at a file that is not a Footprint archive', () => {
  it.runIf(posix)('a text file: refused, its bytes and its mode unchanged', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes, not a database\n'.repeat(100));
    chmodSync(notes, 0o644);
    const before = sha256File(notes);
    const r = await cli(['snapshots', '--db', notes, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).not.toBe('INTERNAL');
    expect(statSync(notes).mode & 0o777).toBe(0o644);
    expect(sha256File(notes)).toBe(before);
    expect(existsSync(`${notes}-wal`)).toBe(false);
  });

  it.runIf(posix)("another program's SQLite database: refused before WAL mode or a migration touches it", async () => {
    const dir = tempDir();
    const other = join(dir, 'other.sqlite');
    const d = new Database(other);
    d.exec('CREATE TABLE mine (x); INSERT INTO mine VALUES (1)');
    d.close();
    chmodSync(other, 0o644);
    const before = sha256File(other);
    const r = await cli(['import', writeJson(join(dir, 'e'), smallExport()), '--db', other, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'DB_UNREADABLE' });
    expect(sha256File(other)).toBe(before);
    expect(statSync(other).mode & 0o777).toBe(0o644);
  });
});
