// What a function may do with the archive is in its type: a WritableDB fits where a ReadableDB is
// wanted, not the reverse. `npm run typecheck` checks the expected type errors below (an expected
// error that does not happen fails it). SQL only in the store, analysis free of it: architecture.test.ts.
import type { Database as RawDatabase } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase, type ReadableDB, type WritableDB } from '../src/main/store/db';
import { listSnapshots } from '../src/main/store/snapshots';
import { removeDeletionMark } from '../src/main/store/marks';

describe('the store boundary', () => {
  it('hands out a writable handle that reads too; a readable one cannot write', () => {
    const db: WritableDB = openDatabase(':memory:');
    const reader: ReadableDB = db; // a writer is a reader
    expect(listSnapshots(reader)).toEqual([]);
    expect(removeDeletionMark(db, 1)).toBe(false);
    // Never called: only for the compiler.
    void (() => {
      // @ts-expect-error a ReadableDB is not a WritableDB: writing functions refuse it
      removeDeletionMark(reader, 1);
      // @ts-expect-error a raw connection is neither: handles come from openDatabase
      listSnapshots({} as RawDatabase);
    });
    db.close();
  });
});
