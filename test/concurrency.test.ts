// Readers during an import: a second connection to the same file (the window reading while the
// import worker writes) never sees a half-written snapshot: once a snapshot row is visible, its
// datasets, records and values are all there. A cancelled import leaves no trace at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportProgress } from '../src/shared/contract';
import { createService, type Service } from '../src/main/service';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { openExport, parseExport } from '../src/main/reader';
import { readHere } from '../src/main/import/record-batch';
import { writeSnapshot } from '../src/main/store/import-writer';
import { writeLargeExport } from '../bench/large-export';
import { smallExport, writeJson } from './helpers';

const entry = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));
const RECORDS = 150_000;

let dir: string;
let big: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-concurrency-'));
  big = join(dir, 'big', 'user_data_tiktok.json');
  mkdirSync(join(dir, 'big'));
  await writeLargeExport(big, RECORDS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Seen {
  snapshots: { id: number; layout: string; records: number; datasetRecords: number; presence: number; values: number; datasets: number }[];
  records: number;
}

/** One consistent look at the database from a reader connection (a read transaction: one WAL snapshot). */
function look(reader: Service): Seen {
  const db = reader.db;
  return db.transaction((): Seen => {
    const snapshots = db
      .prepare(
        `SELECT s.id, s.layout, s.record_count AS records,
                (SELECT coalesce(sum(records), 0) FROM snapshot_datasets d WHERE d.snapshot_id = s.id) AS datasetRecords,
                (SELECT count(*) FROM snapshot_datasets d WHERE d.snapshot_id = s.id) AS datasets,
                (SELECT count(*) FROM record_snapshots p WHERE p.snapshot_id = s.id) AS presence,
                (SELECT count(*) FROM snapshot_values v WHERE v.snapshot_id = s.id) AS "values"
         FROM snapshots s ORDER BY s.id`,
      )
      .all() as Seen['snapshots'];
    const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    return { snapshots, records };
  })();
}

/** Every snapshot a reader can see is whole: its datasets add up to its count, and so do its rows. */
function expectWhole(seen: Seen): void {
  for (const s of seen.snapshots) {
    expect(s.layout).not.toBe('');
    expect(s.datasets).toBeGreaterThan(0);
    expect(s.datasetRecords).toBe(s.records);
    expect(s.presence + s.values).toBe(s.records);
  }
}

describe('a reader during an import', () => {
  it('never sees a half-written snapshot while the import worker writes', async () => {
    const dbPath = join(dir, 'reader.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'small'), smallExport()) });
    const reader = createService({ dbPath });
    const before = look(reader);
    expectWhole(before);

    let phase: ImportProgress['phase'] | null = null;
    service.close();
    const worker = createService({ dbPath, runner: workerImportRunner({ entry }), onImportProgress: (p) => (phase = p.phase) });
    const looks: { phase: string | null; seen: Seen }[] = [];
    let running = true;
    const poller = (async () => {
      while (running) {
        looks.push({ phase, seen: look(reader) });
        const listed = await reader.listSnapshots({});
        for (const s of listed) expect((await reader.getSnapshot({ id: s.id }))?.datasets.length).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const result = await worker.importExport({ path: big }).finally(() => (running = false));
    await poller;
    const final = look(reader);

    const total = Object.values(result.datasets).reduce((n, d) => n + d.records, 0);
    expect(result.datasets.watch_history?.records).toBe(RECORDS * 0.4);
    // the reader looked while the import ran (not only before and after); that it sees nothing in
    // the middle of the write transaction itself is checked deterministically by the next test
    expect(looks.filter((l) => l.phase === 'parsing' || l.phase === 'writing').length).toBeGreaterThan(0);
    for (const { seen } of looks) {
      expectWhole(seen);
      const fresh = seen.snapshots.filter((s) => s.id === result.snapshot.id);
      if (fresh.length === 0) {
        // nothing of the import yet: exactly what was there before
        expect(seen).toEqual(before);
      } else {
        // all of it at once: the same as after the import
        expect(fresh[0]!.records).toBe(total);
        expect(seen).toEqual(final);
      }
    }
    expect(final.snapshots.map((s) => s.id)).toContain(result.snapshot.id);
    expect(final.records).toBeGreaterThanOrEqual(before.records + RECORDS);
    reader.close();
    worker.close();
  });

  it('sees nothing of a write in progress, looking from inside the writer\'s own progress callback', async () => {
    const dbPath = join(dir, 'inside.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'small2'), smallExport()) });
    const reader = createService({ dbPath });
    const before = look(reader);
    const opened = openExport(big);
    let looked = 0;
    writeSnapshot(service.db, { sourceName: 'big', sha256: opened.sha256, format: 'json', exportedAtHint: null }, readHere(parseExport(opened.content)), {
      onProgress: () => {
        // the writer is inside its transaction right now, with records written
        expect(look(reader)).toEqual(before);
        looked++;
      },
    });
    expect(looked).toBeGreaterThanOrEqual(RECORDS / 25_000 - 1);
    const after = look(reader);
    expect(after.snapshots).toHaveLength(2);
    expectWhole(after);
    reader.close();
    service.close();
  });
});

describe('cancelling an import', () => {
  it('service.cancelImport during a worker import rolls it back: readers never see it, the file is intact, the next import works', async () => {
    const dbPath = join(dir, 'cancel.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'small3'), smallExport()) });
    const reader = createService({ dbPath });
    const before = look(reader);

    let cancelled: Promise<{ cancelled: boolean }> | undefined;
    const phases: string[] = [];
    service.close();
     
    const worker: Service = createService({
      dbPath,
      runner: workerImportRunner({ entry }),
      onImportProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'writing' && !cancelled) cancelled = worker.cancelImport({});
      },
    });
    const looks: Seen[] = [];
    let running = true;
    const poller = (async () => {
      while (running) {
        looks.push(look(reader));
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await expect(worker.importExport({ path: big }).finally(() => (running = false))).rejects.toMatchObject({ code: 'CANCELLED' });
    await poller;
    expect(await cancelled).toEqual({ cancelled: true });
    expect(phases).toContain('writing');
    expect(phases).not.toContain('done');
    for (const seen of looks) expect(seen).toEqual(before);
    expect(look(reader)).toEqual(before);
    expect(reader.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // nothing half-done blocks the next import, of the same export
    const again = await worker.importExport({ path: big });
    expect(again.alreadyImported).toBe(false);
    expectWhole(look(reader));
    reader.close();
    worker.close();
  });

  it('the writer\'s isCancelled rolls back in-process too, with a reader attached', async () => {
    const dbPath = join(dir, 'cancel-inprocess.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'small4'), smallExport()) });
    const reader = createService({ dbPath });
    const before = look(reader);
    const opened = openExport(big);
    let ticks = 0;
    expect(() =>
      writeSnapshot(service.db, { sourceName: 'big', sha256: opened.sha256, format: 'json', exportedAtHint: null }, readHere(parseExport(opened.content)), {
        onProgress: () => void ticks++,
        isCancelled: () => ticks >= 3,
      }),
    ).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
    expect(look(reader)).toEqual(before);
    expect(look(service)).toEqual(before);
    reader.close();
    service.close();
  });
});
