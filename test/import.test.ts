import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { openExport, parseExport } from '../src/main/reader';
import { readHere } from '../src/main/import/record-batch';
import { writeSnapshot } from '../src/main/store/import-writer';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../src/main/store/db';
import { MIGRATIONS } from '../src/main/store/migrations';
import { smallExport, sha256File, tempDir, writeFile, writeJson, writeZip, LAST_SEEN, expectFingerprintChunksTrue } from './helpers';

function counts(service: ReturnType<typeof createService>) {
  const db = service.db;
  return {
    snapshots: (db.prepare('SELECT count(*) n FROM snapshots').get() as { n: number }).n,
    records: (db.prepare('SELECT count(*) n FROM records').get() as { n: number }).n,
    presence: (db.prepare('SELECT count(*) n FROM record_snapshots').get() as { n: number }).n,
    values: (db.prepare('SELECT count(*) n FROM snapshot_values').get() as { n: number }).n,
  };
}

describe('importing snapshots', () => {
  it('re-importing the same export creates nothing and names the existing snapshot', async () => {
    const dir = tempDir();
    const file = writeJson(dir, smallExport());
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const first = await service.importExport({ path: file });
    const before = counts(service);
    const again = await service.importExport({ path: file });
    expect(again.alreadyImported).toBe(true);
    expect(again.snapshot.id).toBe(first.snapshot.id);
    expect(again.datasets.watch_history!.records).toBe(5);
    expect(counts(service)).toEqual(before);
    service.close();
  });

  it('the same export zipped or bare is recognised as the same snapshot', async () => {
    const dir = tempDir();
    const doc = JSON.stringify(smallExport(), null, 2);
    const bare = writeFile(join(dir, 'bare', 'user_data_tiktok.json'), doc);
    const zip = await writeZip(join(dir, 'TikTok_Data_1735588272.zip'), { 'TikTok_Data/user_data_tiktok.json': doc });
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const a = await service.importExport({ path: zip });
    expect(a.snapshot.exportedAt).toBe('2024-12-30T19:51:12Z'); // from the file name's epoch
    const b = await service.importExport({ path: bare });
    expect(b.alreadyImported).toBe(true);
    expect(b.snapshot.id).toBe(a.snapshot.id);
    service.close();
  });

  it('a later, overlapping export adds only what is new and updates last-seen', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await service.importExport({ path: writeJson(join(dir, 'a'), smallExport({ from: 0, watch: 10 })) });
    const s2 = await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ from: 6, watch: 10 })) });
    expect(s2.datasets.watch_history).toEqual({ records: 10, new: 6, duplicates: 0, paths: ['Your Activity/Watch History'] });
    expect(s2.datasets.searches).toMatchObject({ records: 1, new: 1, duplicates: 0 });
    const rows = service.db
      .prepare(`SELECT first_snapshot f, ${LAST_SEEN} l, count(*) n FROM records r WHERE dataset = 'watch_history' GROUP BY f, l ORDER BY f, l`)
      .all();
    expect(rows).toEqual([
      { f: s1.snapshot.id, l: s1.snapshot.id, n: 6 },
      { f: s1.snapshot.id, l: s2.snapshot.id, n: 4 },
      { f: s2.snapshot.id, l: s2.snapshot.id, n: 6 },
    ]);
    // Settings are kept per snapshot so they can be compared.
    const page = await service.listRecords({ dataset: 'watch_history' });
    expect(page.total).toBe(16);
    expect(page.rows[0]!.fields.link).toMatch(/^https:\/\/www\.tiktokv\.com\/share\/video\/\d+\/$/);
    service.close();
  });

  it('exact duplicate rows inside one export are counted once and reported', async () => {
    const dir = tempDir();
    const doc = smallExport({ watch: 3 });
    const list = doc['Your Activity']['Watch History'].VideoList;
    list.push({ ...list[0]! }, { ...list[1]! });
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({ path: writeJson(dir, doc) });
    expect(r.datasets.watch_history).toMatchObject({ records: 3, new: 3, duplicates: 2 });
    expect(r.warnings).toContainEqual({ path: 'watch_history', code: 'duplicates', params: { count: 2 } });
    service.close();
  });

  it('keeps settings and profile values per snapshot', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const a = await service.importExport({ path: writeJson(join(dir, 'a'), smallExport({ privateAccount: 'Disabled' })) });
    const b = await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ privateAccount: 'Enabled', from: 1 })) });
    expect(await service.listValues({ dataset: 'settings', snapshotId: a.snapshot.id })).toEqual([{ key: 'Private Account', value: 'Disabled' }]);
    expect(await service.listValues({ dataset: 'settings', snapshotId: b.snapshot.id })).toEqual([{ key: 'Private Account', value: 'Enabled' }]);
    expect(await service.listValues({ dataset: 'profile', snapshotId: b.snapshot.id })).toEqual([{ key: 'userName', value: 'user_4821' }]);
    service.close();
  });

  it('records which datasets each snapshot contained, even empty ones', async () => {
    const dir = tempDir();
    const doc: Record<string, unknown> = smallExport();
    (doc['Your Activity'] as Record<string, unknown>)['Favorite Sounds'] = { FavoriteSoundList: null };
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({ path: writeJson(dir, doc) });
    expect(r.datasets.favorite_sounds).toEqual({ records: 0, new: 0, duplicates: 0, paths: ['Your Activity/Favorite Sounds'] });
    expect(r.datasets.login_history).toBeUndefined(); // not in the export: not requested, not "deleted"
    const overview = await service.datasetOverview({ snapshotId: r.snapshot.id });
    expect(overview.find((d) => d.id === 'favorite_sounds')).toMatchObject({ present: true, records: 0 });
    expect(overview.find((d) => d.id === 'login_history')).toMatchObject({ present: false, records: 0 });
    service.close();
  });

  it('keeps unknown sections raw and lists them', async () => {
    const dir = tempDir();
    const doc: Record<string, unknown> = smallExport();
    doc['Brand New Category'] = { 'Shiny Section': { ShinyList: [{ Date: '2025-01-01 00:00:00', What: 'x' }] } };
    (doc['Your Activity'] as Record<string, unknown>)['Mini Drama Watch History'] = {};
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({ path: writeJson(dir, doc) });
    expect(r.unknownSections).toEqual(
      expect.arrayContaining([
        { path: 'Brand New Category', empty: false },
        { path: 'Your Activity/Mini Drama Watch History', empty: true },
      ]),
    );
    const raw = await service.getRawSection({ id: r.snapshot.id, path: 'Brand New Category' });
    expect(JSON.parse(raw.raw!)).toEqual(doc['Brand New Category']);
    service.close();
  });

  it('a document written twice back to back imports the first copy with a warning', async () => {
    const dir = tempDir();
    const text = JSON.stringify(smallExport({ watch: 4 }));
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({ path: writeFile(join(dir, 'user_data_tiktok.json'), `${text}\n${text}\n`) });
    expect(r.datasets.watch_history!.records).toBe(4);
    expect(r.warnings).toContainEqual({ path: 'user_data_tiktok.json', code: 'export-twice', params: {} });
    service.close();
  });

  it('a cancelled import rolls back completely', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'a'), smallExport()) });
    const before = counts(service);
    const opened = openExport(writeJson(join(dir, 'b'), smallExport({ from: 3, watch: 60_000 })));
    expect(() =>
      writeSnapshot(
        service.db,
        { sourceName: 'b', sha256: opened.sha256, format: 'json', exportedAtHint: null },
        readHere(parseExport(opened.content)),
        { isCancelled: () => true },
      ),
    ).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
    expect(counts(service)).toEqual(before);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  });

  it('a cancel heard after the last record, while the indexes are built, still rolls everything back', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: writeJson(join(dir, 'a'), smallExport()) });
    const before = counts(service);
    const path = writeJson(join(dir, 'b'), smallExport({ from: 3, watch: 5_000 }));
    const write = (isCancelled: () => boolean) => {
      const opened = openExport(path);
      return writeSnapshot(service.db, { sourceName: 'b', sha256: opened.sha256, format: 'json', exportedAtHint: null }, readHere(parseExport(opened.content)), { isCancelled });
    };
    // how often an import that is not cancelled asks, rolled back by a failure after it asked the last time
    let asked = 0;
    const counting = service.db.transaction(() => {
      write(() => (asked++, false));
      throw new Error('undo');
    });
    expect(() => counting()).toThrow('undo');
    expect(counts(service)).toEqual(before);
    // cancelled only at the last question: the snapshot is counted by then (after the indexes were built)
    let n = 0;
    let counted = 0;
    const last = () => {
      if (++n < asked) return false;
      counted = service.db.prepare('SELECT record_count FROM snapshots ORDER BY id DESC LIMIT 1').pluck().get() as number;
      return true;
    };
    expect(() => write(last)).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
    expect(counted).toBeGreaterThanOrEqual(5_000);
    expect(counts(service)).toEqual(before);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  });

  it('a failure in the middle of writing leaves the database as it was', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'a'), smallExport()) });
    const before = counts(service);
    const opened = openExport(writeJson(join(dir, 'b'), smallExport({ from: 2 })));
    const parsed = readHere(parseExport(opened.content));
    const failing = {
      ...parsed,
      read: (sink: Parameters<typeof parsed.read>[0]) => {
        parsed.read(sink);
        throw new Error('disk on fire');
      },
    };
    expect(() => writeSnapshot(service.db, { sourceName: 'b', sha256: opened.sha256, format: 'json', exportedAtHint: null }, failing)).toThrow(
      'disk on fire',
    );
    expect(counts(service)).toEqual(before);
    service.close();
  });

  it.each([
    ['not JSON', 'hello, I am a text file', 'NOT_JSON'],
    ['truncated JSON', '{"Your Activity": {"Watch History": {"VideoList": [{"Date": "2024-', 'NOT_JSON'],
    ['JSON that is not a TikTok export', '{"kind": "drive#file", "items": []}', 'NOT_TIKTOK'],
    ['a JSON array', '[1, 2, 3]', 'NOT_TIKTOK'],
  ])('%s is refused with a clear error and the database file is untouched', async (_name, content, code) => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'ok'), smallExport()) });
    service.close();
    const hash = sha256File(dbPath);
    const again = createService({ dbPath });
    await expect(again.importExport({ path: writeFile(join(dir, 'bad', 'user_data_tiktok.json'), content) })).rejects.toMatchObject({ code });
    again.close();
    expect(sha256File(dbPath)).toBe(hash);
  });

  it('migrates an empty database and refuses one from a newer version', () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const db = openDatabase(dbPath);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['records', 'record_snapshots', 'snapshot_datasets', 'snapshot_sections', 'snapshot_values', 'snapshots']));
    const version = db.pragma('user_version', { simple: true }) as number;
    expect(version).toBeGreaterThan(0);
    db.pragma(`user_version = ${version + 1}`);
    db.close();
    expect(() => openDatabase(dbPath)).toThrow(expect.objectContaining({ code: 'DB_NEWER', params: { found: version + 1, supported: version } }));
  });

  it('brings a version 2 archive forward: last-seen snapshots move to record_last, nothing is lost', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const old = new Database(dbPath);
    old.exec(MIGRATIONS[0]! + MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    old.exec(`INSERT INTO snapshots (id, source_name, sha256, format, layout, imported_at) VALUES (1, 'a', 'x1', 'json', 'L3', 0), (2, 'b', 'x2', 'json', 'L3', 0)`);
    const insert = old.prepare('INSERT INTO records (id, dataset, fp_hi, fp_lo, at, data, first_snapshot, last_snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run(1, 'watch_history', 11, 12, 1000, '{"date":"x"}', 1, 1);
    insert.run(2, 'watch_history', 21, 22, 2000, '{"date":"y"}', 1, 2);
    old.exec('INSERT INTO record_snapshots VALUES (1, 1), (1, 2), (2, 2)');
    old.close();

    const service = createService({ dbPath });
    expect(service.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    // a record last seen in its first snapshot needs no row
    expect(service.db.prepare('SELECT record_id, snapshot_id FROM record_last ORDER BY record_id').raw().all()).toEqual([[2, 2]]);
    const columns = (service.db.prepare('PRAGMA table_info(records)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('last_snapshot');
    const page = await service.listRecords({ dataset: 'watch_history' });
    expect(page.rows.map((r) => [r.id, r.firstSnapshot, r.lastSnapshot, r.fields])).toEqual([
      [2, 1, 2, { date: 'y' }],
      [1, 1, 1, { date: 'x' }],
    ]);
    service.close();
  });

  it('the importer\'s stored fingerprints: one chunk per import that added records, rebuilt when records were deleted', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const chunks = () =>
      service.db.prepare(`SELECT seq, n FROM fingerprint_chunks WHERE dataset = 'watch_history' ORDER BY seq`).raw().all() as number[][];
    const a = writeJson(join(dir, 'a'), smallExport({ from: 0, watch: 10 }));
    await service.importExport({ path: a });
    expect(chunks()).toEqual([[1, 10]]);
    await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ from: 6, watch: 10 })) }); // 4 seen, 6 new
    expect(chunks()).toEqual([[1, 10], [2, 6]]);
    expectFingerprintChunksTrue(service.db);

    // Deleting the first snapshot removes 6 records the chunks still list: they are stale now...
    await service.deleteSnapshot({ id: 1 });
    expect(service.db.prepare(`SELECT count(*) FROM records WHERE dataset = 'watch_history'`).pluck().get()).toBe(10);
    // ...so importing the first export again must not trust them: its 6 records come back once.
    // It was exported before the other (its newest record is older), so all 10 are new in it and
    // the 4 it shares are no longer new in the later export.
    const again = await service.importExport({ path: writeJson(join(dir, 'a2'), { ...smallExport({ from: 0, watch: 10 }), note: 'other file' }) });
    expect(again.datasets.watch_history).toMatchObject({ records: 10, new: 10 });
    expect((await service.getSnapshot({ id: 2 }))!.datasets.find((d) => d.dataset === 'watch_history')).toMatchObject({ records: 10, new: 6 });
    expect(service.db.prepare(`SELECT count(*) FROM records WHERE dataset = 'watch_history'`).pluck().get()).toBe(16);
    expect(chunks()).toEqual([[1, 16]]); // rebuilt from the records, in one chunk
    expectFingerprintChunksTrue(service.db);

    // Forgetting records makes them stale too; a re-import then still finds every other record.
    const ids = service.db.prepare(`SELECT id FROM records WHERE dataset = 'watch_history' ORDER BY id LIMIT 2`).pluck().all() as number[];
    await service.forgetRecords({ ids });
    const third = await service.importExport({ path: writeJson(join(dir, 'b2'), { ...smallExport({ from: 6, watch: 10 }), note: 'third' }) });
    expect(third.datasets.watch_history!.new).toBe(0);
    expect(service.db.prepare(`SELECT count(*) FROM records WHERE dataset = 'watch_history'`).pluck().get()).toBe(14);
    expectFingerprintChunksTrue(service.db);
    service.close();
  });

  it('deleting a snapshot removes what only it held', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await service.importExport({ path: writeJson(join(dir, 'a'), smallExport({ from: 0, watch: 10 })) });
    const s2 = await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ from: 6, watch: 10 })) });
    expect((await service.deleteSnapshot({ id: s2.snapshot.id })).deleted).toBe(true);
    expect((await service.listRecords({ dataset: 'watch_history' })).total).toBe(10);
    const last = service.db.prepare(`SELECT DISTINCT ${LAST_SEEN} l FROM records r`).all();
    expect(last).toEqual([{ l: s1.snapshot.id }]);
    // no last-seen row is left behind by the deleted records
    expect(service.db.prepare('SELECT count(*) FROM record_last WHERE record_id NOT IN (SELECT id FROM records)').pluck().get()).toBe(0);
    expect(await service.listSnapshots({})).toHaveLength(1);
    service.close();
  });

  it('deleting the first of three snapshots moves shared records to the next one holding them', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await service.importExport({ path: writeJson(join(dir, 'a'), smallExport({ from: 0, watch: 10 })) });
    const s2 = await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ from: 5, watch: 10 })) });
    const s3 = await service.importExport({ path: writeJson(join(dir, 'c'), smallExport({ from: 12, watch: 5 })) });
    await service.deleteSnapshot({ id: s1.snapshot.id });
    const rows = service.db
      .prepare(`SELECT first_snapshot f, ${LAST_SEEN} l, count(*) n FROM records r WHERE dataset = 'watch_history' GROUP BY f, l ORDER BY f, l`)
      .all();
    expect(rows).toEqual([
      { f: s2.snapshot.id, l: s2.snapshot.id, n: 7 },
      { f: s2.snapshot.id, l: s3.snapshot.id, n: 3 },
      { f: s3.snapshot.id, l: s3.snapshot.id, n: 2 },
    ]);
    service.close();
  });

  it("keeps the latest data of records that change between exports (a post's likes), as one record", async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const post = (likes: string, sig: string) => ({
      Post: { Posts: { VideoList: [{ Date: '2024-10-01 12:00:00', Link: `https://v16.tiktokcdn.com/x.mp4?sig=${sig}`, Likes: likes }] } },
    });
    await service.importExport({ path: writeJson(join(dir, 'a'), post('5', 'aaa')) });
    const later = await service.importExport({ path: writeJson(join(dir, 'b'), post('9', 'bbb')) });
    expect(later.datasets.posts).toMatchObject({ records: 1, new: 0 });
    const page = await service.listRecords({ dataset: 'posts' });
    expect(page.total).toBe(1);
    expect(page.rows[0]!.fields).toMatchObject({ likes: '9', link: 'https://v16.tiktokcdn.com/x.mp4?sig=bbb' });
    service.close();
  });
});

describe('the in-process import slot', () => {
  it('takes the slot before the import runs: exclusive operations are refused and cancel is heard from inside it', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const seed = createService({ dbPath });
    await seed.importExport({ path: writeJson(join(dir, 'a'), smallExport({ watch: 3 })) });
    seed.close();
    const before = sha256File(dbPath);

    const refused: Promise<unknown>[] = [];
    let cancelled: Promise<{ cancelled: boolean }> | undefined;
    // progress runs inside the (synchronous) import: what the service answers there is what any caller would get
    const service = createService({
      dbPath,
      onImportProgress: (p) => {
        if (p.phase !== 'writing' || cancelled) return;
        refused.push(service.deleteSnapshot({ id: 1 }).catch((e: unknown) => e));
        refused.push(service.importSample({}).catch((e: unknown) => e));
        cancelled = service.cancelImport({});
      },
    });
    const big = writeJson(join(dir, 'big'), smallExport({ from: 10, watch: 60_000 }));
    await expect(service.importExport({ path: big })).rejects.toMatchObject({ code: 'CANCELLED', params: {} });
    expect(await cancelled).toEqual({ cancelled: true });
    expect(await Promise.all(refused)).toEqual([
      expect.objectContaining({ code: 'IMPORT_RUNNING' }),
      expect.objectContaining({ code: 'IMPORT_RUNNING' }),
    ]);
    expect(service.importing).toBe(false);
    expect(await service.cancelImport({})).toEqual({ cancelled: false });
    service.close();
    expect(sha256File(dbPath)).toBe(before);
  });
});
