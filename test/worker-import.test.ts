// The import worker in plain Node: the same worker entry the desktop app starts (here the TypeScript
// source through tsx; the build runs out/main/import-worker.js), a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportProgress } from '../src/shared/contract';
import { createService } from '../src/main/service';
import { resolveImportWorkerEntry, startWorkerImport, workerImportRunner, type WorkerImportHandle } from '../src/main/import/worker-import';
import { reviveError, serializeError } from '../src/main/import/threads';
import { toApiError } from '../src/main/service/errors';
import { FootprintError } from '../src/shared/errors';
import { writeFixture } from './e2e/fixture';
import { until } from './helpers';

const entry = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));
let dir: string;
let small: string;
let large: string;

const tables = (dbPath: string) => {
  const s = createService({ dbPath });
  try {
    const count = (t: string) => (s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { snapshots: count('snapshots'), records: count('records'), presence: count('record_snapshots') };
  } finally {
    s.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fp-worker-'));
  small = writeFixture(join(dir, 'small'), { watch: 300, likes: 40 });
  // big enough for several progress ticks (every 25,000 records) and a cancel halfway
  large = writeFixture(join(dir, 'large'), { watch: 120_000, likes: 20_000, seed: 1 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import worker', () => {
  it('resolves the TypeScript entry in source mode', () => {
    expect(entry.endsWith(join('src', 'main', 'import', 'import-worker.ts'))).toBe(true);
  });

  it('gives the same result as the in-process import', async () => {
    const inProcessDb = join(dir, 'in-process.db');
    const workerDb = join(dir, 'worker.db');
    const service = createService({ dbPath: inProcessDb });
    const expected = await service.importExport({ path: small });
    const expectedRecords = await service.call('listRecords', { dataset: 'watch_history', limit: 1000 });
    service.close();

    const progress: ImportProgress[] = [];
    const got = await startWorkerImport({ entry, dbPath: workerDb, path: small, onProgress: (p) => progress.push(p) }).result;
    expect(got).toEqual(expected);
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'parsing', 'done']);

    const check = createService({ dbPath: workerDb });
    const records = await check.call('listRecords', { dataset: 'watch_history', limit: 1000 });
    check.close();
    expect(records.total).toBe(300);
    expect(records.rows.map((r) => r.fields)).toEqual(expectedRecords.rows.map((r) => r.fields));
  });

  it('streams progress while writing and keeps the host event loop free', async () => {
    const dbPath = join(dir, 'progress.db');
    const progress: ImportProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await startWorkerImport({ entry, dbPath, path: large, onProgress: (p) => progress.push(p) }).result;
    clearInterval(timer);
    expect(result.datasets.watch_history?.records).toBe(120_000);
    const writing = progress.filter((p) => p.phase === 'writing').map((p) => p.records);
    expect(writing.length).toBeGreaterThanOrEqual(5);
    expect(writing).toEqual([...writing].sort((a, b) => a - b));
    const total = Object.values(result.datasets).reduce((n, d) => n + d.records, 0);
    expect(total).toBeGreaterThan(140_000);
    expect(progress.at(-1)).toEqual({ phase: 'done', records: total, bytes: statSync(large).size });
    // the host kept running timers during the whole import
    expect(ticks).toBeGreaterThan(10);
  });

  it('cancel halfway rolls everything back', async () => {
    const dbPath = join(dir, 'cancel.db');
    // an earlier snapshot that must survive untouched
    await startWorkerImport({ entry, dbPath, path: small }).result;
    const before = tables(dbPath);

    const seen: ImportProgress[] = [];
    const job = startWorkerImport({
      entry,
      dbPath,
      path: large,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === 'writing') job.cancel();
      },
    });
    const err = await job.result.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FootprintError);
    expect(toApiError(err)).toEqual({ code: 'CANCELLED', params: {} });
    expect(seen.some((p) => p.phase === 'writing')).toBe(true);
    expect(seen.some((p) => p.phase === 'done')).toBe(false);
    expect(tables(dbPath)).toEqual(before);
  });

  it('reports import errors with their codes', async () => {
    const err = await startWorkerImport({ entry, dbPath: join(dir, 'err.db'), path: join(dir, 'missing.zip') }).result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FootprintError);
    expect(toApiError(err)).toEqual({ code: 'NOT_FOUND', params: { path: join(dir, 'missing.zip') } });
  });

  it('carries codes and params across threads', () => {
    const e = reviveError(serializeError(new FootprintError('ZIP_BOMB', { path: 'a.zip', reason: 'entries', count: 20_001, limit: 20_000 })));
    expect(e).toBeInstanceOf(FootprintError);
    expect(e).toMatchObject({ code: 'ZIP_BOMB', params: { path: 'a.zip', reason: 'entries', count: 20_001, limit: 20_000 } });
    // an error of code not yet converted keeps its code (the store's StoreError)
    const legacy = Object.assign(new Error('This database is encrypted.'), { name: 'StoreError', code: 'DB_LOCKED' });
    expect(reviveError(serializeError(legacy))).toMatchObject({ code: 'DB_LOCKED', params: {} });
    const bug = reviveError(serializeError(new TypeError('x')));
    expect(bug).not.toBeInstanceOf(FootprintError);
    expect(bug.message).toBe('x');
    expect(toApiError(bug)).toEqual({ code: 'INTERNAL', params: { reason: 'x' } });
  });
});

describe('the worker import runner in the service', () => {
  it('runs imports in the worker, cancels them, and keeps the service\'s one validation and busy guard', async () => {
    const dbPath = join(dir, 'wrapped.db');
    const progress: ImportProgress[] = [];
    const service = createService({ dbPath, samplePath: small, runner: workerImportRunner({ entry }), onImportProgress: (p) => progress.push(p) });
    try {
      await expect(service.call('importExport', { path: 42 })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'path', expected: 'text', min: 1, max: 4096 } });
      expect(await service.call('cancelImport', {})).toEqual({ cancelled: false });

      const sample = await service.call('importSample', {});
      expect(sample.datasets.watch_history?.new).toBe(300);
      // the main connection sees what the worker wrote
      expect((await service.call('listSnapshots', {})).length).toBe(1);
      expect(progress.at(-1)?.phase).toBe('done');

      const running = service.call('importExport', { path: large });
      await until(() => service.importing); // once the sample's preparation has stopped (an exclusive operation waits for it)
      expect(service.importing).toBe(true);
      await expect(service.call('importSample', {})).rejects.toMatchObject({ code: 'IMPORT_RUNNING', params: {} });
      await expect(service.call('deleteSnapshot', { id: 1 })).rejects.toMatchObject({ code: 'IMPORT_RUNNING', params: {} });
      // the direct methods are the same door: validated and guarded too
      await expect(service.forgetRecords({ ids: [1] })).rejects.toMatchObject({ code: 'IMPORT_RUNNING' });
      // reading is not exclusive: it goes on while the worker writes
      expect((await service.listSnapshots({})).length).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(await service.call('cancelImport', {})).toEqual({ cancelled: true });
      await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(service.importing).toBe(false);
      expect((await service.call('listSnapshots', {})).length).toBe(1);

      const again = await service.call('importExport', { path: small });
      expect(again.alreadyImported).toBe(true);
    } finally {
      await service.stopImports();
      service.close();
    }
  });

  it('after its result the thread prepares the archive for browsing; a next import stops that, stop() ends it, nothing is left half-written', async () => {
    const dbPath = join(dir, 'prepared.db');
    const host = createService({ dbPath });
    const runner = workerImportRunner({ entry });
    const q = (sql: string) => host.db.prepare(sql).pluck().get() as number;
    /** every complete field has one value per record of its dataset */
    const inStep = () =>
      host.db
        .prepare(
          `SELECT f.dataset, f.field FROM record_value_fields f WHERE f.pending_from IS NULL
             AND (SELECT count(*) FROM record_values v WHERE v.dataset = f.dataset AND v.field = f.field) <> (SELECT count(*) FROM records r WHERE r.dataset = f.dataset)`,
        )
        .all();
    const first = runner.start({ db: host.db, dbPath, path: large }) as WorkerImportHandle;
    await first.result;
    // the result is in; the thread goes on preparing, then ends
    await first.ended;
    expect(q("SELECT count(*) FROM record_value_fields WHERE dataset = 'watch_history' AND field = 'link' AND pending_from IS NULL")).toBe(1);
    expect(q('SELECT count(*) FROM record_value_fields WHERE pending_from IS NOT NULL')).toBe(0);
    expect(inStep()).toEqual([]);
    // the next import's records leave the covered fields pending; stop() right after its result
    // ends the thread whatever it was doing: no field half-filled, the rest pending
    const other = writeFixture(join(dir, 'other'), { watch: 3000, likes: 500, seed: 2 });
    const second = runner.start({ db: host.db, dbPath, path: other }) as WorkerImportHandle;
    expect((await second.result).alreadyImported).toBe(false);
    await runner.stop?.();
    await second.ended;
    expect(inStep()).toEqual([]);
    // whatever is pending, a query (or the next preparation) completes
    await host.explorePage({ dataset: 'watch_history', sort: 'link' });
    expect(q("SELECT count(*) FROM record_value_fields WHERE dataset = 'watch_history' AND field = 'link' AND pending_from IS NULL")).toBe(1);
    expect(inStep()).toEqual([]);
    host.close();
  });

  it('an archive imported where there is no background (the CLI) is prepared when the desktop service opens it', async () => {
    const dbPath = join(dir, 'cli.db');
    const cli = createService({ dbPath });
    await cli.importExport({ path: small });
    expect(cli.db.prepare('SELECT count(*) FROM record_values').pluck().get()).toBe(0);
    cli.close();
    const runner = workerImportRunner({ entry });
    const app = createService({ dbPath, runner });
    await runner.idle();
    expect(app.db.prepare("SELECT field FROM record_value_fields WHERE dataset = 'watch_history' AND pending_from IS NULL").pluck().all()).toEqual(['link']);
    expect(app.db.prepare("SELECT count(*) FROM record_values WHERE dataset = 'watch_history'").pluck().get()).toBe(300);
    app.close();
  });

  it('an exclusive operation first stops the background preparation: encrypting right after a large import leaves an intact archive', async () => {
    const dbPath = join(dir, 'quiesce.db');
    const runner = workerImportRunner({ entry });
    const service = createService({ dbPath, runner });
    await service.importExport({ path: large });
    // the worker is preparing the archive on its own connection (with the old key) as the result arrives
    const alive = { ended: false };
    void runner.idle().then(() => (alive.ended = true));
    await service.encryptDatabase({ passphrase: 'correct horse battery staple' });
    expect(alive.ended).toBe(true); // it was stopped before the file was re-encrypted
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(service.db.prepare('SELECT count(*) FROM records').pluck().get()).toBeGreaterThan(140_000);
    // whatever it had not covered is pending or uncovered, never half-filled: a sort still answers
    const page = await service.explorePage({ dataset: 'watch_history', sort: 'link', limit: 3 });
    expect(page.rows).toHaveLength(3);
    service.close();
  });
});

