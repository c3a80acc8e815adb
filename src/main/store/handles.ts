// The two kinds of database handle, after Signal-Desktop's ReadableDB/WritableDB: the same
// better-sqlite3 connection, branded by what a function may do with it. A function that changes the
// archive takes a WritableDB and says so in its signature; one that only reads takes a ReadableDB.
// openDatabase returns a WritableDB, which fits wherever a ReadableDB is wanted (not the reverse).
// The brands exist only for the compiler: nothing at run time tells them apart.
//
// Scratch tables in the connection's temp schema (diff sets, alert rows) live in memory and vanish
// with the connection; filling them does not change the archive, so readers may use them.
import type Database from 'better-sqlite3-multiple-ciphers';

declare const READABLE: unique symbol;
declare const WRITABLE: unique symbol;

export type ReadableDB = Database.Database & { readonly [READABLE]: true };
export type WritableDB = ReadableDB & { readonly [WRITABLE]: true };

/** The handle as openDatabase returns it. Kept for code that names "the connection" without caring. */
export type DB = WritableDB;

/** Brands a connection this module's caller has just opened (store/db.ts only). */
export function asWritable(db: Database.Database): WritableDB {
  return db as WritableDB;
}
