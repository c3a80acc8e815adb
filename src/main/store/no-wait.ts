// Writes that are worth doing now but never worth waiting for: covering field values, keeping
// places of addresses. When another connection holds the write lock (an import on the worker,
// the preparation after it, another process) or the file is read-only, they are skipped at once
// and done another time; the caller answers from what is there.
import type { WritableDB } from './handles';
import { FootprintError } from '../../shared/errors';

/** Runs `write` in an immediate transaction without waiting for the lock: false when busy or read-only. */
export function writeWithoutWaiting(db: WritableDB, write: () => void): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(write).immediate();
    return true;
  } catch (e) {
    if (e instanceof FootprintError && e.code === 'DB_BUSY') return false;
    if (String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_READONLY')) return false;
    throw e;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
