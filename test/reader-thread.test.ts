// Large exports are read on a reader thread (service/reader-thread.ts) while the writer writes. The
// thread is only a transport: whatever an export holds, the archive and the import's report must be
// exactly what reading it on the writer's thread gives, and failures must look the same.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { importExport } from '../src/main/import/run';
import { READER_WORKER_NAME, readOnThread } from '../src/main/import/reader-thread';
import { findWorkerEntry, SOURCE_MAIN_DIR } from '../src/main/import/threads';
import { openExport } from '../src/main/reader';
import type { RecordBatch } from '../src/main/import/record-batch';
import { openDatabase } from '../src/main/store/db';
import { generateAccount } from './fixtures/account';
import { LAYOUTS, renderJson, writeZip as writeJsonZip } from './fixtures/json';
import { GENERATIONS, renderTxt, writeTxtZip } from './fixtures/txt';
import { sha256File, smallExport, tempDir, writeFile, writeJson } from './helpers';
import { FootprintError } from '../src/shared/errors';

const THREAD = 0; // readerThreadMinBytes: every export goes to a reader thread
const HERE = Number.POSITIVE_INFINITY; // never

const account = generateAccount({ seed: 7, scale: 1, asOf: '2026-05-20 12:00:00' });

/** Everything an import wrote, in a comparable form. */
function archive(service: Service): Record<string, unknown[]> {
  const all = (sql: string) => service.db.prepare(sql).raw().all();
  return {
    snapshots: all('SELECT id, source_name, sha256, format, layout, exported_at, record_count, new_count, duplicate_count FROM snapshots ORDER BY id'),
    datasets: all('SELECT * FROM snapshot_datasets ORDER BY snapshot_id, dataset'),
    records: all('SELECT id, dataset, fp_hi, fp_lo, at, data, first_snapshot FROM records ORDER BY id'),
    last: all('SELECT * FROM record_last ORDER BY record_id'),
    presence: all('SELECT * FROM record_snapshots ORDER BY snapshot_id, record_id'),
    values: all('SELECT snapshot_id, dataset, key, value FROM snapshot_values ORDER BY rowid'),
    sections: all('SELECT * FROM snapshot_sections ORDER BY snapshot_id, path'),
    warnings: all('SELECT * FROM snapshot_warnings ORDER BY snapshot_id, seq'),
  };
}

/** Imports the paths in order into a fresh archive, the export read on a thread or here. */
async function importAll(paths: string[], readerThreadMinBytes: number) {
  const service = createService({ dbPath: join(tempDir(), 'fp.db'), readerThreadMinBytes });
  try {
    const results = [];
    for (const path of paths) results.push(await service.importExport({ path }));
    return { results, archive: archive(service) };
  } finally {
    service.close();
  }
}

async function expectSameBothWays(paths: string[]): Promise<void> {
  const threaded = await importAll(paths, THREAD);
  const here = await importAll(paths, HERE);
  expect(threaded.results).toEqual(here.results);
  expect(threaded.archive).toEqual(here.archive);
  expect((threaded.archive.records ?? []).length).toBeGreaterThan(0);
}

describe('reading an export on a reader thread', () => {
  it('the reader entry is found in the source tree; the content moves to the thread and comes back as batches', () => {
    const entry = findWorkerEntry(SOURCE_MAIN_DIR, READER_WORKER_NAME);
    expect(entry?.endsWith(join('src', 'main', 'import', 'reader-worker.ts'))).toBe(true);
    const opened = openExport(writeJson(tempDir(), smallExport({ watch: 5000 })));
    const source = readOnThread(opened.content, entry!);
    expect(opened.content.format === 'json' && opened.content.bytes.length).toBe(0); // handed over, not shared
    const batches: number[] = [];
    const events: string[] = [];
    const sink = { records: (b: RecordBatch) => void batches.push(b.n), present: (d: string) => void events.push(d), value: () => {}, unknown: () => {}, warn: () => {} };
    expect(source.read(sink).layout).toBe('L3');
    expect(batches.reduce((a, n) => a + n, 0)).toBe(5000 + 2 + 1); // watch, likes, searches
    expect(batches[0]).toBe(2048);
    expect(events).toEqual(expect.arrayContaining(['watch_history', 'likes', 'searches', 'settings', 'profile']));
  });


  it.each(LAYOUTS)('JSON %s, clean then with quirks (duplicates, placeholders, copies): the same archive and report', async (layout) => {
    const dir = tempDir();
    const clean = await writeJsonZip(renderJson(account, layout), join(dir, 'clean'));
    const quirks = await writeJsonZip(renderJson(account, layout, { quirks: true }), join(dir, 'quirks'));
    await expectSameBothWays([clean, quirks]);
  });

  it.each(GENERATIONS)('TXT generation %s, then its JSON twin: the same archive and report', async (gen) => {
    const dir = tempDir();
    const txt = await writeTxtZip(renderTxt(account, gen, { quirks: true }), join(dir, 'txt'));
    const json = await writeJsonZip(renderJson(account, 'L3'), join(dir, 'json'));
    await expectSameBothWays([txt, json]);
  });

  it('a damaged export (cut short, wrong types, unknown sections): the same partial import, warnings in the same order', async () => {
    const dir = tempDir();
    const doc = smallExport({ watch: 400, likes: 30 }) as Record<string, any>;
    doc['Your Activity']['Favorite Videos'] = { FavoriteVideoList: [{ Date: '2024-11-01 10:00:00', Link: 'https://v/1' }, 7, 'x'] };
    doc['Something New'] = { 'New Thing': { List: [{ a: 1 }] } };
    const text = JSON.stringify(doc, null, 1);
    const cut = writeFile(join(dir, 'cut', 'user_data_tiktok.json'), text.slice(0, Math.floor(text.length * 0.6)));
    await expectSameBothWays([writeJson(join(dir, 'whole'), doc), cut]);
  });

  it('an export that cannot be read (cut short before any data, not TikTok\'s) fails with the same error; the archive is untouched', async () => {
    const dir = tempDir();
    const bad = writeFile(join(dir, 'bad', 'user_data_tiktok.json'), '{"Your Activity": {"Watch History": {"VideoList": [{"Date": "2024-01');
    const notTikTok = writeFile(join(dir, 'other', 'user_data_tiktok.json'), JSON.stringify({ photos: [1, 2, 3] }));
    for (const path of [bad, notTikTok]) {
      const errors = [];
      for (const min of [THREAD, HERE]) {
        const dbPath = join(tempDir(), 'fp.db');
        const service = createService({ dbPath, readerThreadMinBytes: min });
        await service.importExport({ path: writeJson(join(dir, 'first'), smallExport()) });
        service.close();
        const before = sha256File(dbPath);
        const again = createService({ dbPath, readerThreadMinBytes: min });
        errors.push(await again.importExport({ path }).catch((e: unknown) => e));
        again.close();
        expect(sha256File(dbPath)).toBe(before);
      }
      expect(errors[0]).toBeInstanceOf(FootprintError);
      expect({ ...(errors[0] as object), message: (errors[0] as Error).message }).toEqual({ ...(errors[1] as object), message: (errors[1] as Error).message });
    }
  });

  it('cancelling rolls back: nothing lands, and the next import reads on a new thread', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const path = writeJson(join(dir, 'big'), smallExport({ watch: 120_000 }));
    const seed = createService({ dbPath });
    await seed.importExport({ path: writeJson(join(dir, 'first'), smallExport()) });
    seed.close();
    const before = sha256File(dbPath);
    const db = openDatabase(dbPath);
    let ticks = 0;
    expect(() =>
      importExport(db, path, { readerThreadMinBytes: THREAD, onProgress: () => void ticks++, isCancelled: () => ticks >= 3 }),
    ).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
    db.close();
    expect(sha256File(dbPath)).toBe(before);
    const again = createService({ dbPath, readerThreadMinBytes: THREAD });
    expect((await again.importExport({ path })).datasets.watch_history!.new).toBe(120_000 - 5);
    again.close();
  });

  it('a cancel is seen while the writer waits for the reader, not only between records', () => {
    const opened = openExport(writeJson(tempDir(), smallExport({ watch: 50_000 })));
    const source = readOnThread(opened.content, findWorkerEntry(SOURCE_MAIN_DIR, READER_WORKER_NAME)!);
    let records = 0;
    let asked = 0;
    const sink = { records: (b: RecordBatch) => void (records += b.n), present: () => {}, value: () => {}, unknown: () => {}, warn: () => {} };
    expect(() => source.read(sink, () => ++asked > 3)).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
    expect(records).toBeLessThan(50_000);
  });

  it('a large export streams through the bounded channel: every record arrives, in order, once', async () => {
    const dir = tempDir();
    // far more batches than may be in flight at once, so the reader must wait for the writer
    const path = writeJson(dir, smallExport({ watch: 200_000, likes: 50_000 }));
    const threaded = await importAll([path], THREAD);
    expect(threaded.results[0]!.datasets.watch_history!.records).toBe(200_000);
    expect(threaded.results[0]!.datasets.likes!.records).toBe(50_000);
    const here = await importAll([path], HERE);
    expect(threaded.archive).toEqual(here.archive);
  });
});
