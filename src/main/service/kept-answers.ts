// Answers kept in the archive across starts (store/kept-answers.ts, migration 13): the comparison of
// two exports (Home, Changes), the charts, the checklists' evidence, a table's first facets and
// Sharing's parties and app facts take 0.1-1.6 s to work out on a million records, and the window
// asks for them first thing. Each is kept under the state of the archive it describes and read back
// only while that state holds; the store's triggers delete it when the archive changes.
// ARCHITECTURE.md, The store (13: kept answers).
import { version } from '../../../package.json';
import type { ReadableDB, WritableDB } from '../store/db';
import { keepAnswer, keptAnswer } from '../store/kept-answers';
import { archiveStateToken, changeStateToken } from '../store/changes';
import { ipDatabasesVersion } from '../analysis/iplookup';

/**
 * Raised when what a kept answer holds, or how it is worked out, changes without a new app version
 * (a release changes the version, which is part of every state, so an updated app never reads an
 * older app's answer).
 */
const REVISION = 1;
const made = `${version}/${REVISION}`;

/** The states answers are kept under: what each kind of answer depends on. */
export const keptStates = {
  /** a comparison: the exports, forgotten records, deletion marks and the address databases (new-country alerts) */
  diff: (db: ReadableDB): string => `${changeStateToken(db)}|${ipDatabasesVersion()}|${made}`,
  /** charts and evidence: the exports and forgotten records */
  archive: (db: ReadableDB): string => `${archiveStateToken(db)}|${made}`,
  /** a table's facets: the exports, forgotten records and the address databases (countries, networks) */
  places: (db: ReadableDB): string => `${archiveStateToken(db)}|${ipDatabasesVersion()}|${made}`,
};

/** The kept answer while it holds; else worked out now and kept for the next start (when the write lock is free). */
export function keptOrWorkedOut<T>(db: WritableDB, name: string, stateOf: (db: ReadableDB) => string, work: () => T): T {
  const state = stateOf(db);
  const kept = keptAnswer(db, name, state);
  if (kept !== undefined) {
    try {
      return JSON.parse(kept) as T;
    } catch {
      // a damaged row (the file was changed outside Footprint): worked out again and kept over it
    }
  }
  const answer = work();
  keepAnswer(db, name, state, JSON.stringify(answer), () => stateOf(db));
  return answer;
}
