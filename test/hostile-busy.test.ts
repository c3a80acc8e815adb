// Two imports into one archive: while another connection holds the write lock, the second import
// waits for it, saying 'waiting' (never INTERNAL "database is locked"), can be cancelled while it
// waits with the archive unchanged, and goes through once the lock is gone; past the longest wait
// it fails with DB_BUSY and a plain sentence.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ImportProgress } from '../src/shared/contract';
import { createService } from '../src/main/service';
import { toApiError } from '../src/main/service/errors';
import { main } from '../src/main/cli/main';
import { translator } from '../src/shared/i18n';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { smallExport, tempDir, writeJson } from './helpers';

/** An archive with one snapshot, a second export to import, and another connection holding the write lock. */
async function lockedArchive() {
  const dir = tempDir();
  const dbPath = join(dir, 'fp.db');
  const first = createService({ dbPath });
  await first.importExport({ path: writeJson(join(dir, 'a'), smallExport({ from: 1 })) });
  first.close();
  const holder = new Database(dbPath);
  holder.pragma('journal_mode = WAL');
  holder.exec('BEGIN IMMEDIATE'); // another import's write transaction, as seen from the file
  const release = () => {
    if (!holder.open) return;
    holder.exec('ROLLBACK');
    holder.close();
  };
  return { dir, dbPath, path: writeJson(join(dir, 'b'), smallExport({ from: 500 })), release };
}

const snapshots = async (dbPath: string) => {
  const s = createService({ dbPath });
  try {
    return (await s.listSnapshots({})).length;
  } finally {
    s.close();
  }
};

describe('an import while another holds the write lock', () => {
  it('waits, saying so, and goes through once the lock is released', async () => {
    const { dbPath, path, release } = await lockedArchive();
    const phases: ImportProgress['phase'][] = [];
    const service = createService({ dbPath, onImportProgress: (p) => phases.push(p.phase) });
    try {
      const timer = setTimeout(release, 6_000); // heard between two tries (each waits the 5 s busy timeout)
      const r = await service.importExport({ path });
      clearTimeout(timer);
      expect(r.alreadyImported).toBe(false);
      expect(Object.values(r.datasets).reduce((n, d) => n + d.records, 0)).toBeGreaterThan(0);
      const waiting = phases.indexOf('waiting');
      expect(waiting).toBeGreaterThan(0);
      // after waiting, nothing goes back to "reading": the next thing said is the writing (or done)
      expect(phases.slice(waiting).filter((p) => p !== 'waiting' && p !== 'writing')).toEqual(['done']);
      expect(phases.at(-1)).toBe('done');
      expect(await service.listSnapshots({})).toHaveLength(2);
    } finally {
      release();
      service.close();
    }
    // worded in both languages for the window
    expect(translator('en').t('window.import.phase.waiting')).toMatch(/^Waiting for another import/);
    expect(translator('sv').t('window.import.phase.waiting')).toMatch(/^Väntar på att en annan import/);
  }, 60_000);

  it('can be cancelled while it waits: CANCELLED, the archive as it was', async () => {
    const { dbPath, path, release } = await lockedArchive();
    const phases: string[] = [];
    const service = createService({ dbPath, onImportProgress: (p) => phases.push(p.phase) });
    let error: unknown;
    try {
      const running = service.importExport({ path });
      expect(service.importing).toBe(true);
      // the first try fails after the busy timeout; the cancel lands while the import waits
      await new Promise((r) => setTimeout(r, 100));
      expect(phases).toContain('waiting');
      expect(await service.cancelImport({})).toEqual({ cancelled: true });
      await running.catch((e) => (error = e));
      expect(toApiError(error)).toEqual({ code: 'CANCELLED', params: {} });
      expect(service.importing).toBe(false);
    } finally {
      release();
      service.close();
    }
    expect(await snapshots(dbPath)).toBe(1);
  }, 60_000);

  it('the same with the import worker (the desktop app): waits, then goes through', async () => {
    const { dbPath, path, release } = await lockedArchive();
    const phases: string[] = [];
    const entry = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));
    const service = createService({ dbPath, runner: workerImportRunner({ entry }), onImportProgress: (p) => phases.push(p.phase) });
    try {
      const running = service.importExport({ path });
      // here the window's thread stays free while the worker waits: the lock goes when it is seen waiting
      while (!phases.includes('waiting')) await new Promise((r) => setTimeout(r, 50));
      release();
      const r = await running;
      expect(r.alreadyImported).toBe(false);
    } finally {
      release();
      await service.stopImports();
      service.close();
    }
    expect(await snapshots(dbPath)).toBe(2);
  }, 60_000);

  it('past the longest wait: DB_BUSY in one plain line, then it succeeds once the lock is gone', async () => {
    const { dbPath, path, release } = await lockedArchive();
    const second = createService({ dbPath, importBusyWaitMs: 0 });
    let error: unknown;
    const t0 = performance.now();
    try {
      await second.importExport({ path });
    } catch (e) {
      error = e;
    }
    expect(toApiError(error)).toEqual({ code: 'DB_BUSY', params: {} });
    expect(performance.now() - t0).toBeGreaterThan(4000); // it waited the busy timeout first
    for (const lang of ['en', 'sv'] as const) expect(translator(lang).t('error.DB_BUSY', {})).not.toMatch(/INTERNAL|locked|\n/);
    release();
    const r = await second.importExport({ path });
    expect(r.alreadyImported).toBe(false);
    second.close();
  }, 30_000);

  it('the CLI waits too, and says so on its progress line', async () => {
    const { dbPath, path, release } = await lockedArchive();
    const out: string[] = [];
    const err: string[] = [];
    const timer = setTimeout(release, 6_000);
    const code = await main(['import', path, '--db', dbPath], { out: (s) => out.push(s), err: (s) => err.push(s) }, { LANG: 'C', FOOTPRINT_PROGRESS: '1' });
    clearTimeout(timer);
    release();
    expect(code).toBe(0);
    expect(err).toContain('progress waiting 0');
    expect(err.join('\n')).not.toMatch(/INTERNAL|database is locked/);
    expect(await snapshots(dbPath)).toBe(2);
  }, 60_000);
});
