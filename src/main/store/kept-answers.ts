// Answers kept in the archive across starts (migration 13): worked out once (on the import's worker
// after an import, or by the first query that needs them) and read back while the archive is in the
// state they were worked out on. The caller names the state (service/kept-answers.ts); triggers
// delete every kept answer when the archive changes, so none outlives the text it was made of.
import type { ReadableDB, WritableDB } from './handles';
import { writeWithoutWaiting } from './no-wait';
import { scratchWrite } from './scratch';

/** kept answers at most: the oldest written go first (a few KB each) */
const MAX_KEPT = 64;

/** The kept answer's JSON while its state holds; undefined when there is none or the archive changed since. */
export function keptAnswer(db: ReadableDB, name: string, state: string): string | undefined {
  return db.prepare('SELECT body FROM kept_answers WHERE name = ? AND state = ?').pluck().get(name, state) as string | undefined;
}

/**
 * Keeps an answer worked out on the archive in `state`, unless the archive has changed since
 * (`stateNow`, read again inside the write: an answer about records forgotten meanwhile must not
 * come back). Never waits for the write lock: false when it was not kept.
 */
export function keepAnswer(db: WritableDB, name: string, state: string, body: string, stateNow: () => string): boolean {
  let kept = false;
  // a kept answer changes no answer of this connection's: its caches stay (scratch.ts)
  const wrote = scratchWrite(db, () => writeWithoutWaiting(db, () => {
    if (stateNow() !== state) return;
    db.prepare('INSERT OR REPLACE INTO kept_answers (name, state, body) VALUES (?, ?, ?)').run(name, state, body);
    db.prepare(`DELETE FROM kept_answers WHERE rowid NOT IN (SELECT rowid FROM kept_answers ORDER BY rowid DESC LIMIT ${MAX_KEPT})`).run();
    kept = true;
  }));
  return wrote && kept;
}

/** The names of the answers kept, whatever their state. */
export function keptNames(db: ReadableDB): string[] {
  return db.prepare('SELECT name FROM kept_answers ORDER BY name').pluck().all() as string[];
}

/** How many answers are kept (a trigger deleting some tells the service to keep them again). */
export function keptCount(db: ReadableDB): number {
  return db.prepare('SELECT count(*) FROM kept_answers').pluck().get() as number;
}

/** Forgets every kept answer (they are worked out again when asked for): benches measure the cold path with it. */
export function clearKeptAnswers(db: WritableDB): void {
  db.prepare('DELETE FROM kept_answers').run();
}
