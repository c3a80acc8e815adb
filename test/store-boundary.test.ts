// The store is the only code that speaks SQL, and what a function may do with the archive is in its
// type: a WritableDB fits where a ReadableDB is wanted, not the reverse (tsc checks the expected
// type errors below), and the analysis works on rows, never on a handle.
import type { Database as RawDatabase } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openDatabase, type ReadableDB, type WritableDB } from '../src/main/store/db';
import { listSnapshots } from '../src/main/store/snapshots';
import { removeDeletionMark } from '../src/main/store/marks';

const SRC = join(__dirname, '../src/main');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the store boundary', () => {
  it('hands out a writable handle that reads too; a readable one cannot write', () => {
    const db: WritableDB = openDatabase(':memory:');
    const reader: ReadableDB = db; // a writer is a reader
    expect(listSnapshots(reader)).toEqual([]);
    expect(removeDeletionMark(db, 1)).toBe(false);
    // Never called: only for the compiler.
    const typeChecks = () => {
      // @ts-expect-error a ReadableDB is not a WritableDB: writing functions refuse it
      removeDeletionMark(reader, 1);
      // @ts-expect-error a raw connection is neither: handles come from openDatabase
      listSnapshots({} as RawDatabase);
    };
    expect(typeof typeChecks).toBe('function');
    db.close();
  });

  it('keeps SQL in src/main/store and the analysis free of the store', () => {
    const sql = /\.(prepare|exec|pragma)\(\s*[`'"]|\.transaction\(/;
    const outside = files(SRC).filter((f) => !relative(SRC, f).startsWith('store/') && sql.test(readFileSync(f, 'utf8')));
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
    const analysis = files(join(SRC, 'analysis')).filter((f) => /from '\.\.\/store\//.test(readFileSync(f, 'utf8')));
    expect(analysis.map((f) => relative(SRC, f))).toEqual([]);
  });
});
