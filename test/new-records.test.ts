// One definition of "new", whichever door asks: a record (or a key/value pair) is new in a snapshot
// when no snapshot exported earlier holds it. A first import is all new, values datasets included;
// deleting a snapshot hands its "new" to the next export holding the same records; an older export
// imported after a newer one takes the "new" from it. And the export time says where it came from.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { createService, type Service } from '../src/main/service';
import { generateAccount, laterAccount, type Account } from './fixtures/account';
import { dataName, exportEpoch, renderJson, writeFolder, writeZip } from './fixtures/json';
import { expectNewCountsTrue, tempDir } from './helpers';
import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS } from '../src/main/store/migrations';

/** Drops what migrations after `upTo` created (triggers, views, tables), so a test can replay from `upTo`. */
function dropLaterMigrations(db: { prepare(sql: string): { all(): unknown[] }; exec(sql: string): void }, upTo: number): void {
  const reference = new Database(':memory:');
  reference.exec(MIGRATIONS.slice(0, upTo).join('\n'));
  const kept = new Set((reference.prepare("SELECT name FROM sqlite_schema").all() as { name: string }[]).map((r) => r.name));
  reference.close();
  const later = (db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'trigger' THEN 0 WHEN 'view' THEN 1 ELSE 2 END").all() as { type: string; name: string }[]).filter((r) => !kept.has(r.name) && r.type !== 'index');
  for (const r of later) {
    // an FTS5 table's shadow tables go with it
    const exists = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = '${r.name}'`).all() as { n: number }[])[0]!.n;
    if (exists) db.exec(`DROP ${r.type.toUpperCase()} "${r.name}"`);
  }
}

const first = generateAccount({ seed: 31, scale: 0.5, asOf: '2025-03-01 08:00:00' });
const second = laterAccount(first, { days: 40 });
const third = laterAccount(second, { days: 40 });

async function cli(argv: string[]): Promise<string> {
  const out: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => out.push(s) }, { LANG: 'en_US.UTF-8' });
  expect(code, out.join('\n')).toBe(0);
  return out.join('\n');
}

const zipOf = (a: Account, dir: string, name: string) => writeZip(renderJson(a, 'L3'), join(dir, name), { epoch: exportEpoch(a) });

/** Per snapshot id: dataset → new, as every door reports it; they must agree. */
async function newEverywhere(service: Service, dbPath: string): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  const list = await service.listSnapshots({});
  const cliList = JSON.parse(await cli(['snapshots', '--db', dbPath, '--json'])) as { id: number; newRecords: number }[];
  expect(cliList.map((s) => [s.id, s.newRecords])).toEqual(list.map((s) => [s.id, s.newRecords]));
  for (const s of list) {
    const detail = (await service.getSnapshot({ id: s.id }))!;
    const byDataset = Object.fromEntries(detail.datasets.map((d) => [d.dataset, d.new]));
    expect(detail.newRecords).toBe(s.newRecords);
    expect(Object.values(byDataset).reduce((n, x) => n + x, 0)).toBe(s.newRecords);
    const overview = await service.datasetOverview({ snapshotId: s.id });
    expect(Object.fromEntries(overview.filter((d) => d.present).map((d) => [d.id, d.new]))).toEqual(byDataset);
    const cliDetail = JSON.parse(await cli(['snapshot', String(s.id), '--db', dbPath, '--json'])) as { newRecords: number; datasets: { dataset: string; new: number }[] };
    expect(cliDetail.newRecords).toBe(s.newRecords);
    expect(Object.fromEntries(cliDetail.datasets.map((d) => [d.dataset, d.new]))).toEqual(byDataset);
    const cliOverview = JSON.parse(await cli(['datasets', '--snapshot', String(s.id), '--db', dbPath, '--json'])) as { id: string; present: boolean; new: number }[];
    expect(Object.fromEntries(cliOverview.filter((d) => d.present).map((d) => [d.id, d.new]))).toEqual(byDataset);
    expect(await cli(['snapshots', '--db', dbPath])).toContain(`${s.newRecords.toLocaleString('en')} new`);
    out.set(s.id, byDataset);
  }
  return out;
}

describe('"new": held by no snapshot exported earlier', () => {
  it('a first import is all new, its profile and settings too, and the import result says so', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    const result = await service.importExport({ path: await zipOf(first, dir, 'a') });
    for (const [id, c] of Object.entries(result.datasets)) expect([id, c.new]).toEqual([id, c.records]);
    expect(result.datasets.profile!.new).toBeGreaterThan(0);
    expect(result.datasets.settings!.new).toBeGreaterThan(0);
    const [s] = await service.listSnapshots({});
    expect(s!.newRecords).toBe(s!.records);
    const doors = await newEverywhere(service, dbPath);
    expect(doors.get(1)).toEqual(Object.fromEntries(Object.entries(result.datasets).map(([id, c]) => [id, c.new])));
    // importing it again names the snapshot and reports the same counts, not zeros
    const again = await service.importExport({ path: await zipOf(first, dir, 'a') });
    expect(again.alreadyImported).toBe(true);
    expect(Object.fromEntries(Object.entries(again.datasets).map(([id, c]) => [id, c.new]))).toEqual(doors.get(1));
    expectNewCountsTrue(service.db);
    service.close();
  });

  it('a later export: only what the earlier did not hold is new, a changed setting or profile field included', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: await zipOf(first, dir, 'a') });
    const later = { ...second, profile: { ...second.profile, bioDescription: 'a new bio' } };
    const b = await service.importExport({ path: await zipOf(later, dir, 'b') });
    // the profile's new pairs are the fields whose value changed, the bio among them
    const before = await service.listValues({ dataset: 'profile', snapshotId: 1 });
    const now = await service.listValues({ dataset: 'profile', snapshotId: 2 });
    const changed = now.filter((v) => !before.some((w) => w.key === v.key && w.value === v.value));
    expect(changed.map((v) => v.value)).toContain('a new bio');
    expect(b.datasets.profile!.new).toBe(changed.length);
    expect(b.datasets.profile!.new).toBeLessThan(b.datasets.profile!.records);
    expect(b.datasets.watch_history!.new).toBeLessThan(b.datasets.watch_history!.records);
    expect(b.datasets.watch_history!.new).toBeGreaterThan(0);
    expectNewCountsTrue(service.db);
    service.close();
  });

  it('deleting the first snapshot makes what the second shared with it new in the second', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await service.importExport({ path: await zipOf(first, dir, 'a') });
    const b = await service.importExport({ path: await zipOf(second, dir, 'b') });
    await service.importExport({ path: await zipOf(third, dir, 'c') });
    const before = (await service.getSnapshot({ id: 2 }))!;
    expect(before.newRecords).toBeLessThan(before.records);
    const thirdBefore = (await service.getSnapshot({ id: 3 }))!.newRecords;

    await service.deleteSnapshot({ id: 1 });
    const after = (await service.getSnapshot({ id: 2 }))!;
    expect(after.newRecords).toBe(after.records); // nothing exported before it is left
    for (const d of after.datasets) expect([d.dataset, d.new]).toEqual([d.dataset, d.records]);
    expect(after.records).toBe(before.records);
    expect(Object.values(b.datasets).reduce((n, c) => n + c.new, 0)).toBe(before.newRecords);
    // #3 gains only what #1 held and #2 did not (a setting switched back, a record back again)
    expect((await service.getSnapshot({ id: 3 }))!.newRecords).toBeGreaterThanOrEqual(thirdBefore);
    expectNewCountsTrue(service.db);
    await newEverywhere(service, dbPath);

    // deleting the middle one: the third now counts against nothing at all
    await service.deleteSnapshot({ id: 2 });
    const last = (await service.getSnapshot({ id: 3 }))!;
    expect(last.newRecords).toBe(last.records);
    expectNewCountsTrue(service.db);
    service.close();
  });

  it('importing an older export after a newer one: the older holds the "new", the newer only what it added', async () => {
    const dir = tempDir();
    const inOrder = createService({ dbPath: join(dir, 'in-order.db') });
    await inOrder.importExport({ path: await zipOf(first, dir, 'a') });
    await inOrder.importExport({ path: await zipOf(second, dir, 'b') });
    await inOrder.importExport({ path: await zipOf(third, dir, 'c') });
    const expected = await newEverywhere(inOrder, join(dir, 'in-order.db'));

    const dbPath = join(dir, 'out-of-order.db');
    const service = createService({ dbPath });
    const c = await service.importExport({ path: await zipOf(third, dir, 'c') }); // #1: the newest export
    const a = await service.importExport({ path: await zipOf(first, dir, 'a') }); // #2: the oldest
    for (const [id, x] of Object.entries(a.datasets)) expect([id, x.new]).toEqual([id, x.records]);
    const b = await service.importExport({ path: await zipOf(second, dir, 'b') }); // #3: the middle one
    expectNewCountsTrue(service.db);
    const got = await newEverywhere(service, dbPath);
    // the same numbers as imported in order, per export
    expect(got.get(2)).toEqual(expected.get(1));
    expect(got.get(3)).toEqual(expected.get(2));
    expect(got.get(1)).toEqual(expected.get(3));
    // the import results said what the snapshots say now for the snapshot each created
    expect(Object.fromEntries(Object.entries(b.datasets).map(([id, x]) => [id, x.new]))).toEqual(expected.get(2));
    expect(Object.values(c.datasets).every((x) => x.new === x.records)).toBe(true); // first in, all new at the time
    // and the window's record table reads the same first/last snapshots (export order)
    const page = await service.listRecords({ dataset: 'watch_history', limit: 1000 });
    const held = new Set((await service.listRecords({ dataset: 'watch_history', snapshotId: 2, limit: 1000 })).rows.map((r) => r.id));
    for (const r of page.rows) if (held.has(r.id)) expect(r.firstSnapshot).toBe(2);
    expectNewCountsTrue(service.db);
    inOrder.close();
    service.close();
  });
});

describe('migration 6 on an archive kept before one "new"', () => {
  it('repairs first/last snapshots of an archive imported out of order and recounts every "new"', async () => {
    const dir = tempDir();
    const inOrder = createService({ dbPath: join(dir, 'in-order.db') });
    for (const [a, name] of [[first, 'a'], [second, 'b'], [third, 'c']] as const) await inOrder.importExport({ path: await zipOf(a, dir, name) });
    const expected = await newEverywhere(inOrder, join(dir, 'in-order.db'));
    inOrder.close();

    const dbPath = join(dir, 'old.db');
    const service = createService({ dbPath });
    for (const [a, name] of [[third, 'c'], [first, 'a'], [second, 'b']] as const) await service.importExport({ path: await zipOf(a, dir, name) });
    // back to what version 5 kept: first/last by import order, counts as the old writer left them
    service.db.exec(`
      UPDATE records SET first_snapshot = (SELECT min(snapshot_id) FROM record_snapshots WHERE record_id = records.id);
      DELETE FROM record_last;
      INSERT INTO record_last SELECT record_id, max(snapshot_id) FROM record_snapshots GROUP BY record_id HAVING max(snapshot_id) <> min(snapshot_id);
      UPDATE snapshot_datasets SET new = 999;
      UPDATE snapshots SET new_count = 0;
      ALTER TABLE snapshots DROP COLUMN exported_at_source;
      PRAGMA user_version = 5;`);
    dropLaterMigrations(service.db, 6); // what migrations after 6 made comes again after it
    service.close();

    const migrated = createService({ dbPath });
    expectNewCountsTrue(migrated.db);
    const got = await newEverywhere(migrated, dbPath);
    expect([got.get(2), got.get(3), got.get(1)]).toEqual([expected.get(1), expected.get(2), expected.get(3)]);
    expect((await migrated.listSnapshots({})).map((s) => s.exportedAtSource)).toEqual([null, null, null]);
    // and it stays true through a delete after the migration
    await migrated.deleteSnapshot({ id: 2 });
    expectNewCountsTrue(migrated.db);
    migrated.close();
  });
});

describe('where the export time came from', () => {
  it('is kept per snapshot and shown by the CLI, in JSON and in words', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    const zip = await zipOf(first, dir, 'a');
    const imported = JSON.parse(await cli(['import', zip, '--db', dbPath, '--json'])) as { snapshot: { exportedAtSource: string } };
    expect(imported.snapshot.exportedAtSource).toBe('file-name');
    // the unzipped twin is the same snapshot, and the same time from the folder's name would be
    const folder = writeFolder(renderJson(second, 'L3'), join(dir, 'unzipped', dataName(exportEpoch(second))));
    await service.importExport({ path: folder });
    const bare = writeFolder(renderJson(third, 'L3'), join(dir, 'my export'));
    const r = await service.importExport({ path: bare });
    expect(r.snapshot.exportedAtSource).toBe('newest-record');
    expect((await service.listSnapshots({})).map((s) => s.exportedAtSource)).toEqual(['file-name', 'folder-name', 'newest-record']);
    const json = JSON.parse(await cli(['snapshots', '--db', dbPath, '--json'])) as { exportedAtSource: string }[];
    expect(json.map((s) => s.exportedAtSource)).toEqual(['file-name', 'folder-name', 'newest-record']);
    expect((JSON.parse(await cli(['snapshot', '2', '--db', dbPath, '--json'])) as { exportedAtSource: string }).exportedAtSource).toBe('folder-name');
    const text = await cli(['snapshots', '--db', dbPath]);
    expect(text).toContain('(from the file name)');
    expect(text).toContain('(from the folder name)');
    expect(text).toContain('(from the newest record)');
    expect(await cli(['snapshots', '--db', dbPath, '--lang', 'sv'])).toContain('(från filnamnet)');
    service.close();
  });

  it('a snapshot from before migration 6 has no source, and says nothing about one', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await service.importExport({ path: await zipOf(first, dir, 'a') });
    service.db.prepare('UPDATE snapshots SET exported_at_source = NULL').run();
    expect((await service.listSnapshots({}))[0]!.exportedAtSource).toBeNull();
    expect(await cli(['snapshots', '--db', dbPath])).not.toMatch(/\(from the/);
    service.close();
  });
});
