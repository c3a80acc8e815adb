// The indexed field values (migration 10, store/field-values.ts) answer sorts, value filters and
// facets exactly as reading every record's JSON did: the same archive is asked through both (a copy
// whose fields are uncovered reads the JSON). An import copies no values; the preparation after it
// covers every field (links and free text too), and a query first covers what is still missing
// (never while another connection holds the write lock); the table stays in step through imports,
// refreshes, deleting snapshots (one by one and in bulk) and forgetting. The snapshot
// filter, "no value" as a filter and the page before a jump.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createService, type Service } from '../src/main/service';
import { MIGRATIONS } from '../src/main/store/migrations';
import { importExport } from '../src/main/import/run';
import { prepareArchive } from '../src/main/import/prepare';
import { tableColumns } from '../src/main/store/explore';
import type { RecordRow } from '../src/shared/contract';
import { tempDir, writeJson } from './helpers';
import { exploreExport, minutesAfter, type ExploreExportParts } from './fixtures/explore';

type PageInput = Parameters<Service['explorePage']>[0];

async function importParts(service: Service, dir: string, name: string, parts: ExploreExportParts): Promise<number> {
  return (await service.importExport({ path: writeJson(join(dir, name), exploreExport(parts)) })).snapshot.id;
}

const DEVICES = ['iPhone14,4', 'Pixel 7', 'pixel 7', 'PIXEL 7', 'Galaxy S23', 'iPad', '10', '9', '2.5'];

function logins(n: number, start = '2024-01-01 00:00:00', salt = ''): NonNullable<ExploreExportParts['logins']> {
  return Array.from({ length: n }, (_, i) => ({
    date: minutesAfter(start, Math.floor(i / 3) * 60),
    ip: i % 10 === 0 ? '8.8.8.8' : `192.168.${i % 7}.${i}${salt}`,
    device: DEVICES[(i * 7) % DEVICES.length],
    ...(i % 4 === 0 ? {} : { carrier: ['Telia', 'Tele2', 'telenor', 'TELIA'][i % 4] }),
  }));
}

/** Every row of the view, page by page. */
async function walk(service: Service, input: PageInput, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 2000; pages++) {
    const page = await service.explorePage({ ...input, limit, after });
    ids.push(...page.rows.map((r) => r.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('no last page');
}

/** Records with typed values the import never writes (numbers, reals, booleans, objects, JSON null), inserted as any writer could. */
function insertTyped(service: Service, snapshotId: number): void {
  const values: unknown[] = [3, 10, 2.5, '3', '10', 'x', 'X', true, false, null, { a: 1 }, [1, 2], -1, 0, '', 'Ä', 'ä', '😀', 'ｚ'];
  const insert = service.db.prepare("INSERT INTO records (dataset, fp_hi, fp_lo, at, data, first_snapshot) VALUES ('login_history', ?, ?, ?, ?, ?)");
  const link = service.db.prepare('INSERT INTO record_snapshots (snapshot_id, record_id) VALUES (?, ?)');
  values.forEach((v, i) => {
    const data = JSON.stringify({ date: '2020-01-01 00:00:00', ip: '10.0.0.1', deviceModel: v, networkType: i % 2 ? v : 'Wi-Fi' });
    const id = Number(insert.run(9_000_000 + i, i, Date.UTC(2020, 0, 1, 0, i), data, snapshotId).lastInsertRowid);
    link.run(snapshotId, id);
  });
  service.db.prepare("UPDATE snapshot_datasets SET records = records + ?, new = new + ? WHERE snapshot_id = ? AND dataset = 'login_history'").run(values.length, values.length, snapshotId);
}

/**
 * The same archive read from the records' JSON: a copy with no field covered, kept so by another
 * connection holding the write lock (as an import on the worker does), so that every query there
 * finds it busy and reads the JSON.
 */
function jsonTwin(service: Service, dir: string, name = 'twin.db'): Service {
  const path = join(dir, name);
  service.db.exec(`VACUUM INTO '${path}'`);
  const twin = createService({ dbPath: path });
  twin.db.exec('DELETE FROM record_value_fields; DELETE FROM record_values');
  const writer = new Database(path);
  writer.exec('BEGIN IMMEDIATE');
  const close = twin.close;
  twin.close = () => {
    expect(twin.db.prepare('SELECT count(*) FROM record_value_fields').pluck().get()).toBe(0);
    writer.exec('ROLLBACK');
    writer.close();
    close();
  };
  return twin;
}

/** The fields of a dataset whose values are all in record_values. */
const covered = (service: Service, dataset: string): string[] =>
  service.db.prepare('SELECT field FROM record_value_fields WHERE dataset = ? AND pending_from IS NULL ORDER BY field').pluck().all(dataset) as string[];


/**
 * record_values holds one row per record and covered field, with the record's value: every record
 * of a complete field, and of a pending one every record up to where it is pending from (an import
 * added the others; their rows come with the preparation after it, or the first query that needs
 * them), and never a row that is not a record's value.
 */
function expectInStep(service: Service): void {
  const key = (r: unknown[]) => JSON.stringify(r);
  const have = new Set((service.db.prepare('SELECT dataset, field, v, typeof(v), record_id FROM record_values').raw().all() as unknown[][]).map(key));
  const want = service.db
    .prepare(
      `SELECT r.dataset, f.field, coalesce(r.data ->> f.field, -9e999) AS v, typeof(coalesce(r.data ->> f.field, -9e999)), r.id, r.id > coalesce(f.pending_from, r.id) AS optional
       FROM records r JOIN record_value_fields f ON f.dataset = r.dataset`,
    )
    .raw()
    .all() as unknown[][];
  const allowed = new Set(want.map((w) => key(w.slice(0, 5))));
  expect([...have].filter((h) => !allowed.has(h))).toEqual([]);
  expect(want.filter((w) => w[5] === 0 && !have.has(key(w.slice(0, 5)))).map((w) => key(w.slice(0, 5)))).toEqual([]);
  // and the dataset counts (from the stored new counts) are the records there
  for (const [dataset, n] of service.db.prepare('SELECT dataset, count(*) FROM records GROUP BY dataset').raw().all() as [string, number][]) {
    expect(service.db.prepare('SELECT sum(new) FROM snapshot_datasets WHERE dataset = ?').pluck().get(dataset), dataset).toBe(n);
  }
}

/** The covered fields that wait for values of records an import added, and from where. */
const pendingFields = (service: Service, dataset: string): [string, number][] =>
  service.db.prepare('SELECT field, pending_from FROM record_value_fields WHERE dataset = ? AND pending_from IS NOT NULL ORDER BY field').raw().all(dataset) as [string, number][];

const FIELDS = ['deviceModel', 'carrier', 'ip', 'networkType', 'deviceSystem'];

async function expectSameAnswers(indexed: Service, twin: Service): Promise<void> {
  const ds = 'login_history' as const;
  for (const field of FIELDS) {
    for (const dir of ['asc', 'desc'] as const) {
      for (const limit of [1, 7, 1000]) {
        expect(await walk(indexed, { dataset: ds, sort: field, dir }, limit), `${field} ${dir} ${limit}`).toEqual(await walk(twin, { dataset: ds, sort: field, dir }, limit));
      }
      // with filters beside the sort
      const filtered: PageInput = { dataset: ds, sort: field, dir, from: Date.UTC(2020, 0, 1), to: Date.parse('2024-01-03T00:00:00Z'), where: [{ field: 'networkType', values: ['Wi-Fi', '3', 'x'] }] };
      expect(await walk(indexed, filtered, 5), `${field} ${dir} filtered`).toEqual(await walk(twin, filtered, 5));
    }
  }
  const filters: Omit<PageInput, 'dataset'>[] = [
    {},
    { where: [{ field: 'deviceModel', values: ['Pixel 7', '10', '2.5', '3', 'x', '1', 'true', '{"a":1}'] }] },
    { where: [{ field: 'deviceModel', values: ['pixel 7'] }] },
    { missing: ['carrier'] },
    { missing: ['deviceModel'], where: [{ field: 'deviceModel', values: ['iPad'] }] },
    { where: [{ field: 'carrier', values: ['Telia', 'TELIA'] }, { field: 'carrier', values: ['TELIA'] }] },
    { where: [{ field: 'country', values: ['US'] }] },
    { missing: ['country'] },
    { from: Date.parse('2024-01-02T00:00:00Z'), search: 'pixel' },
  ];
  for (const f of filters) {
    const input = { dataset: ds, ...f };
    expect(await walk(indexed, input, 13), JSON.stringify(f)).toEqual(await walk(twin, input, 13));
    expect((await indexed.explorePage(input)).total, JSON.stringify(f)).toBe((await twin.explorePage(input)).total);
    const facets = { ...input, fields: [...FIELDS, 'country'], limit: 1000 };
    expect(await indexed.exploreFacets(facets), JSON.stringify(f)).toEqual(await twin.exploreFacets(facets));
    const top = { ...input, fields: FIELDS, limit: 3 };
    expect(await indexed.exploreFacets(top), JSON.stringify(f)).toEqual(await twin.exploreFacets(top));
  }
  // the queries covered what they used (country through its addresses); the twin nothing
  expect(covered(indexed, ds)).toEqual(expect.arrayContaining(FIELDS));
  expect(covered(twin, ds)).toEqual([]);
  expectInStep(indexed);
}

describe('field values', () => {
  it('answer sorts, value filters and facets exactly as the records’ JSON does, typed values and case included', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await importParts(service, dir, 'a', { logins: logins(150) });
    insertTyped(service, s1);
    expectInStep(service);
    const twin = jsonTwin(service, dir);
    await expectSameAnswers(service, twin);
    // mixed spellings are separate facet values, as in the JSON: Pixel 7, pixel 7, PIXEL 7
    const { facets } = await service.exploreFacets({ dataset: 'login_history', fields: ['deviceModel'], limit: 1000 });
    expect(facets[0]!.values.filter((v) => String(v.value).toLowerCase() === 'pixel 7')).toHaveLength(3);
    twin.close();
    service.close();
  });

  it('stay in step through imports, refreshes, deleting snapshots (one by one and in bulk) and forgetting', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await importParts(service, dir, 'a', { logins: logins(120), offTikTok: [{ date: '2024-01-01 00:00:00', source: 'Klarna', event: 'Purchase' }] });
    // covered by the first queries that need them, then kept in step by every writer
    await service.exploreFacets({ dataset: 'login_history', fields: FIELDS });
    await service.exploreFacets({ dataset: 'off_tiktok_activity' });
    expect(covered(service, 'login_history')).toEqual([...FIELDS].sort());
    expect(covered(service, 'off_tiktok_activity')).toEqual(['event', 'source']);
    expectInStep(service);
    // a second export shares some logins, adds others
    const s2 = await importParts(service, dir, 'b', { logins: [...logins(60), ...logins(40, '2024-03-01 00:00:00', '9')] });
    const s3 = await importParts(service, dir, 'c', { logins: logins(10, '2024-06-01 00:00:00', '7') });
    expectInStep(service);
    // any writer: an update of a record's data
    service.db.prepare("UPDATE records SET data = json_set(data, '$.deviceModel', 'Edited') WHERE id = (SELECT min(id) FROM records WHERE dataset = 'login_history')").run();
    expectInStep(service);
    expect((await service.explorePage({ dataset: 'login_history', where: [{ field: 'deviceModel', values: ['Edited'] }] })).total).toBe(1);
    // deleting a small snapshot: the trigger, row by row
    expect((await service.deleteSnapshot({ id: s3 })).deleted).toBe(true);
    expectInStep(service);
    // forgetting records
    const some = (await service.explorePage({ dataset: 'login_history', sort: 'deviceModel', limit: 5 })).rows.map((r) => r.id);
    expect((await service.forgetRecords({ ids: some })).forgotten).toBe(5);
    expectInStep(service);
    expect(service.db.prepare(`SELECT count(*) FROM record_values WHERE record_id IN (${some.join(',')})`).pluck().get()).toBe(0);
    // deleting a snapshot that takes most of the archive: emptied and refilled in bulk
    expect((await service.deleteSnapshot({ id: s1 })).deleted).toBe(true);
    expectInStep(service);
    const twin = jsonTwin(service, dir);
    await expectSameAnswers(service, twin);
    twin.close();
    expect((await service.deleteSnapshot({ id: s2 })).deleted).toBe(true);
    expectInStep(service);
    expect(service.db.prepare('SELECT count(*) FROM record_values').pluck().get()).toBe(0);
    // the delete trigger came back after the bulk delete
    expect(service.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'record_values_%'").pluck().get()).toBe(3);
    service.close();
  });

  it('an archive from before the migration covers nothing; its first queries cover what they use', async () => {
    const dir = tempDir();
    // an archive as it was: imported, then its schema put back to version 9 (no field values)
    const path = join(dir, 'old.db');
    const made = createService({ dbPath: path });
    const s1 = await importParts(made, dir, 'a', { logins: logins(90), offTikTok: [{ date: '2024-01-01 00:00:00', source: 'Klarna', event: 'Purchase' }] });
    insertTyped(made, s1);
    const twin = jsonTwin(made, dir);
    made.close();
    const old = new Database(path);
    old.exec('DROP TRIGGER record_values_insert; DROP TRIGGER record_values_delete; DROP TRIGGER record_values_update; DROP TABLE record_values; DROP TABLE record_value_fields; DROP TABLE ip_places');
    for (const t of old.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'kept_answers_*'").pluck().all() as string[]) old.exec(`DROP TRIGGER ${t}`);
    old.exec('DROP TABLE kept_answers');
    old.pragma('user_version = 9');
    expect(MIGRATIONS.length).toBe(13);
    old.close();

    const service = createService({ dbPath: path });
    expect(service.db.pragma('user_version', { simple: true })).toBe(13);
    expect(service.db.prepare('SELECT count(*) FROM record_value_fields').pluck().get()).toBe(0);
    expect(service.db.prepare('SELECT count(*) FROM record_values').pluck().get()).toBe(0);
    await expectSameAnswers(service, twin);
    // and the next import keeps it in step
    await importParts(service, dir, 'b', { logins: logins(30, '2025-01-01 00:00:00', '5') });
    expectInStep(service);
    twin.close();
    service.close();
  });

  it('an import copies no values; the preparation after it covers every field, links and free text too; a query first covers what is left; busy reads the JSON', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const comments = (n: number, salt = '') =>
      Array.from({ length: n }, (_, i) => ({ date: minutesAfter('2024-02-01 00:00:00', i), comment: `${['b', 'A', 'a', 'B'][i % 4]} comment ${i % 9}${salt}` }));
    await importParts(service, dir, 'a', { logins: logins(60), comments: comments(40) });
    // the import covers nothing (in-process: the CLI, these tests); the preparation that follows it
    // on the desktop app's worker covers every field of each dataset but its time, free text too
    expect(service.db.prepare('SELECT count(*) FROM record_values').pluck().get()).toBe(0);
    expect(prepareArchive(service.db)).toMatchObject({ datasets: 2, complete: true });
    expect(covered(service, 'login_history')).toEqual(tableColumns(service.db, 'login_history').filter((f) => f !== 'date').sort());
    expect(covered(service, 'comments')).toEqual(tableColumns(service.db, 'comments').filter((f) => f !== 'date').sort());
    expect(covered(service, 'comments')).toContain('comment');
    expect(pendingFields(service, 'login_history')).toEqual([]);
    expectInStep(service);

    // an import alone (as the worker runs it, before it prepares) copies no values: the covered
    // fields of the datasets it adds to are pending from the last record the archive held before
    const last = service.db.prepare('SELECT max(id) FROM records').pluck().get() as number;
    importExport(service.db, writeJson(join(dir, 'b'), exploreExport({ logins: logins(30, '2025-01-01 00:00:00', '5'), comments: comments(5, ' b') })));
    expect(service.db.prepare('SELECT count(*) FROM record_values WHERE record_id > ?').pluck().get(last)).toBe(0);
    expect(pendingFields(service, 'login_history').length).toBeGreaterThan(4);
    expect(new Set(pendingFields(service, 'login_history').map(([, from]) => from))).toEqual(new Set([last]));
    expectInStep(service);
    // a second import before any preparation: pending from the earlier point still
    importExport(service.db, writeJson(join(dir, 'c'), exploreExport({ logins: logins(12, '2025-06-01 00:00:00', '6') })));
    expect(new Set(pendingFields(service, 'login_history').map(([, from]) => from))).toEqual(new Set([last]));
    // while pending, a field is read from the JSON: the same answers as an archive with nothing covered
    const twin = jsonTwin(service, dir);
    expect(await walk(service, { dataset: 'comments', sort: 'comment' }, 7)).toEqual(await walk(twin, { dataset: 'comments', sort: 'comment' }, 7));
    // and the query completes the field it sorts by first (only that one)
    expect(pendingFields(service, 'comments').map(([f]) => f)).not.toContain('comment');
    expect(pendingFields(service, 'comments').length).toBeGreaterThan(0);
    expectInStep(service);
    // another connection holds the write lock (an import on the worker): the query does not wait,
    // reads the JSON (the same rows as the twin) and covers nothing; the next one covers
    const writer = new Database(join(dir, 'fp.db'));
    writer.exec('BEGIN IMMEDIATE');
    const busyStarted = performance.now();
    const input = { dataset: 'login_history' as const, sort: 'deviceSystem', dir: 'desc' as const };
    const busy = await walk(service, input, 9);
    expect(performance.now() - busyStarted).toBeLessThan(2000); // never the 5 s busy timeout
    expect(busy).toEqual(await walk(twin, input, 9));
    expect(pendingFields(service, 'login_history').map(([f]) => f)).toContain('deviceSystem');
    // the preparation, too, stops at once and says so
    expect(prepareArchive(service.db)).toMatchObject({ datasets: 0, complete: false });
    writer.exec('ROLLBACK');
    writer.close();
    expect(await walk(service, input, 9)).toEqual(busy);
    expect(pendingFields(service, 'login_history').map(([f]) => f)).not.toContain('deviceSystem');
    expectInStep(service);
    // the preparation completes the rest, and stops between datasets when cancelled
    expect(prepareArchive(service.db, () => true)).toMatchObject({ datasets: 0, complete: false });
    expect(prepareArchive(service.db)).toMatchObject({ datasets: 2, complete: true });
    expect(service.db.prepare('SELECT count(*) FROM record_value_fields WHERE pending_from IS NOT NULL').pluck().get()).toBe(0);
    expectInStep(service);
    expect(prepareArchive(service.db)).toEqual({ datasets: 0, places: 0, complete: true });
    // free text and links answer from the index as from the JSON: sorts both ways, a value filter, a facet
    for (const q of [
      { dataset: 'comments' as const, sort: 'comment' },
      { dataset: 'comments' as const, sort: 'comment', dir: 'desc' as const },
      { dataset: 'comments' as const, where: [{ field: 'comment', values: ['a comment 3', 'A comment 3'] }] },
      { dataset: 'login_history' as const, sort: 'deviceSystem', dir: 'desc' as const },
    ]) {
      expect(await walk(service, q, 7), JSON.stringify(q)).toEqual(await walk(twin, q, 7));
    }
    const facet = { dataset: 'comments' as const, fields: ['comment'], limit: 1000 };
    expect(await service.exploreFacets(facet)).toEqual(await twin.exploreFacets(facet));
    // a field the dataset does not have is never covered (a typo would cost every later preparation)
    expect((await service.explorePage({ dataset: 'login_history', where: [{ field: 'nofield', values: ['x'] }], sort: 'nofield' })).total).toBe(0);
    expect(covered(service, 'login_history')).not.toContain('nofield');
    // and the busy timeout is back for every other write
    expect(service.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    twin.close();
    service.close();
  });
});

describe('places of addresses', () => {
  it('kept by the preparation: the same countries, networks and filters as looking each address up; a place from other databases is read again; gone with the last record of its address', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await importParts(service, dir, 'a', {
      logins: [...logins(120), ...logins(12, '2024-03-01 00:00:00').map((l, i) => ({ ...l, ip: ['2a00:1450:4001:81c::200e', '1.1.1.1', 'not an address'][i % 3]! }))],
    });
    insertTyped(service, s1);
    // another spelling of an address (the reader writes what the export says; any writer could)
    const upper = Number(
      service.db
        .prepare("INSERT INTO records (dataset, fp_hi, fp_lo, at, data, first_snapshot) VALUES ('login_history', 8, 8, 0, json_object('ip', ?), ?)")
        .run('2a00:1450:4001:81c::200e'.toUpperCase(), s1).lastInsertRowid,
    );
    service.db.prepare('INSERT INTO record_snapshots (snapshot_id, record_id) VALUES (?, ?)').run(s1, upper);
    service.db.prepare("UPDATE snapshot_datasets SET records = records + 1, new = new + 1 WHERE snapshot_id = ? AND dataset = 'login_history'").run(s1);
    const twin = jsonTwin(service, dir);
    const places = () => service.db.prepare('SELECT ip FROM ip_places ORDER BY ip').pluck().all() as string[];
    const addresses = () =>
      service.db.prepare("SELECT DISTINCT data ->> 'ip' COLLATE BINARY FROM records WHERE dataset = 'login_history' AND typeof(data ->> 'ip') = 'text' ORDER BY 1").pluck().all() as string[];
    // the preparation keeps one place per spelling of each address (each upper- and lower-case IPv6 too)
    expect(prepareArchive(service.db)).toMatchObject({ complete: true });
    expect(places()).toEqual(addresses());
    expect(service.db.prepare("SELECT valid, reserved, country FROM ip_places WHERE ip = 'not an address'").get()).toEqual({ valid: 0, reserved: 0, country: null });
    expect(service.db.prepare("SELECT reserved FROM ip_places WHERE ip = '10.0.0.1'").pluck().get()).toBe(1);
    const same = async () => {
      for (const f of [{}, { from: Date.parse('2024-01-02T00:00:00Z') }, { where: [{ field: 'deviceModel', values: ['Pixel 7'] }] }]) {
        const facets = { dataset: 'login_history' as const, ...f, fields: ['country', 'network'], limit: 1000 };
        expect(await service.exploreFacets(facets), JSON.stringify(f)).toEqual(await twin.exploreFacets(facets));
      }
      for (const where of [[{ field: 'country', values: ['US'] }], [{ field: 'network', values: ['AS15169 Google LLC'] }], [{ field: 'country', values: ['IE', 'AU'] }]]) {
        const ids = await walk(service, { dataset: 'login_history', where }, 50);
        expect(ids.length, JSON.stringify(where)).toBeGreaterThan(0);
        expect(ids).toEqual(await walk(twin, { dataset: 'login_history', where }, 50));
      }
      const rows = (s: Service) => s.explorePage({ dataset: 'login_history', limit: 1000 }).then((p) => p.rows.map((r) => [r.id, r.ip]));
      expect(await rows(service)).toEqual(await rows(twin));
    };
    await same();
    // places read from other databases (an older app) count as none: looked up again, and kept again
    service.db.exec("UPDATE ip_places SET source = 'older', country = 'ZZ'");
    await same();
    expect(service.db.prepare("SELECT count(*) FROM ip_places WHERE source = 'older'").pluck().get()).toBe(0);
    expect(places()).toEqual(addresses());
    // forgetting every record of an address takes its place with it; another spelling keeps its own
    const ofGoogle = service.db.prepare("SELECT id FROM records WHERE data ->> 'ip' = '2a00:1450:4001:81c::200e'").pluck().all() as number[];
    expect(ofGoogle.length).toBeGreaterThan(0);
    expect((await service.forgetRecords({ ids: ofGoogle })).forgotten).toBe(ofGoogle.length);
    expect(places()).not.toContain('2a00:1450:4001:81c::200e');
    expect(places()).toContain('2a00:1450:4001:81c::200e'.toUpperCase());
    expect(places()).toEqual(addresses());
    // deleting a snapshot that takes most of the archive empties them with the values; the next preparation reads them again
    await importParts(service, dir, 'b', { logins: logins(5, '2025-01-01 00:00:00', '8') });
    expect((await service.deleteSnapshot({ id: s1 })).deleted).toBe(true);
    expect(places()).toEqual([]);
    prepareArchive(service.db);
    expect(places()).toEqual(addresses());
    expect(addresses()).toHaveLength(5);
    twin.close();
    service.close();
  });
});

describe('explore filters', () => {
  it('a snapshot’s records: only those it held, counted and faceted; a snapshot holding them all filters nothing', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const s1 = await importParts(service, dir, 'a', { logins: logins(60) });
    const s2 = await importParts(service, dir, 'b', { logins: [...logins(20), ...logins(25, '2024-05-01 00:00:00', '3')] });
    const held = (s: number) => (service.db.prepare('SELECT record_id FROM record_snapshots WHERE snapshot_id = ? ORDER BY record_id').pluck().all(s) as number[]).sort((a, b) => a - b);
    const all = await walk(service, { dataset: 'login_history' }, 1000);
    expect(all).toHaveLength(85);
    for (const s of [s1, s2]) {
      for (const sort of [undefined, 'deviceModel']) {
        const ids = await walk(service, { dataset: 'login_history', snapshotId: s, sort }, 7);
        expect([...ids].sort((a, b) => a - b), `snapshot ${s} ${sort}`).toEqual(held(s));
      }
      const page = await service.explorePage({ dataset: 'login_history', snapshotId: s });
      expect(page.total).toBe(held(s).length);
      expect((await service.explorePage({ dataset: 'login_history', snapshotId: s, where: [{ field: 'carrier', values: ['Telia'] }] })).total).toBe(
        (service.db.prepare("SELECT count(*) FROM record_snapshots rs JOIN records r ON r.id = rs.record_id WHERE rs.snapshot_id = ? AND r.data ->> 'carrier' = 'Telia'").pluck().get(s) as number),
      );
      const { facets } = await service.exploreFacets({ dataset: 'login_history', snapshotId: s, fields: ['deviceModel', 'carrier', 'country'], limit: 1000 });
      for (const f of facets) expect(f.values.reduce((n, v) => n + v.count, 0), f.field).toBe(held(s).length);
    }
    // the filtered records are kept between facets until the archive changes: forgetting some counts again
    await service.forgetRecords({ ids: held(s2).slice(0, 3) });
    const again = await service.exploreFacets({ dataset: 'login_history', snapshotId: s2, fields: ['deviceModel', 'country'], limit: 1000 });
    for (const f of again.facets) expect(f.values.reduce((n, v) => n + v.count, 0), f.field).toBe(held(s2).length);
    // an unknown snapshot holds nothing
    expect((await service.explorePage({ dataset: 'login_history', snapshotId: 999 })).total).toBe(0);
    // one snapshot holding every record: the same answers as no filter
    const dir2 = tempDir();
    const one = createService({ dbPath: join(dir2, 'fp.db') });
    const only = await importParts(one, dir2, 'a', { logins: logins(40) });
    expect(await walk(one, { dataset: 'login_history', snapshotId: only, sort: 'carrier' }, 9)).toEqual(await walk(one, { dataset: 'login_history', sort: 'carrier' }, 9));
    one.close();
    service.close();
  });

  it('"no value" as a filter: the records without the field, alone or beside chosen values; country too', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', { logins: logins(100) });
    const rows = async (input: Omit<PageInput, 'dataset'>): Promise<RecordRow[]> => {
      const page = await service.explorePage({ dataset: 'login_history', ...input, limit: 1000 });
      expect(page.total).toBe(page.rows.length);
      return page.rows;
    };
    const none = await rows({ missing: ['carrier'] });
    expect(none).toHaveLength(25);
    expect(none.every((r) => !('carrier' in r.fields))).toBe(true);
    const noneOrTelia = await rows({ missing: ['carrier'], where: [{ field: 'carrier', values: ['Telia'] }] });
    expect(noneOrTelia.every((r) => r.fields.carrier === undefined || r.fields.carrier === 'Telia')).toBe(true);
    expect(noneOrTelia.length).toBe(25 + (await rows({ where: [{ field: 'carrier', values: ['Telia'] }] })).length);
    // the facet's "no value" count is what the filter keeps
    const { facets } = await service.exploreFacets({ dataset: 'login_history', fields: ['carrier', 'country'] });
    expect(facets[0]!.values.find((v) => v.value === null)!.count).toBe(25);
    const noCountry = await rows({ missing: ['country'] });
    expect(noCountry.length).toBe(facets[1]!.values.find((v) => v.value === null)!.count);
    expect(noCountry.every((r) => r.fields.ip !== '8.8.8.8')).toBe(true);
    service.close();
  });

  it('the page before: after a jump to a day, Previous shows the rows just before, back to the first page', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', { logins: logins(150) });
    for (const dir of ['desc', 'asc'] as const) {
      const all = await walk(service, { dataset: 'login_history', dir }, 1000);
      const t = Date.parse('2024-01-02T12:30:00Z');
      let page = await service.explorePage({ dataset: 'login_history', dir, jumpTo: t, limit: 10 });
      let start = all.indexOf(page.rows[0]!.id);
      expect(start).toBeGreaterThan(20);
      expect(page.prev).not.toBeNull();
      // walk back: each page is the ten rows before the last one's first row, until the first page
      while (page.prev !== null) {
        page = await service.explorePage({ dataset: 'login_history', dir, before: page.prev, limit: 10 });
        const ids = page.rows.map((r) => r.id);
        if (page.prev === null) {
          expect(ids, dir).toEqual(all.slice(0, 10));
          break;
        }
        expect(ids, dir).toEqual(all.slice(start - 10, start));
        start -= 10;
        // and Next from a page reached backwards continues where it should
        const next = await service.explorePage({ dataset: 'login_history', dir, after: page.next!, limit: 10 });
        expect(next.rows.map((r) => r.id)).toEqual(all.slice(start + 10, start + 20));
      }
    }
    // the first page has nothing before it; a sorted table pages back the same way
    expect((await service.explorePage({ dataset: 'login_history', limit: 10 })).prev).toBeNull();
    const byDevice = await walk(service, { dataset: 'login_history', sort: 'carrier' }, 1000);
    const third = await service.explorePage({ dataset: 'login_history', sort: 'carrier', limit: 10, after: (await service.explorePage({ dataset: 'login_history', sort: 'carrier', limit: 20 })).next! });
    const back = await service.explorePage({ dataset: 'login_history', sort: 'carrier', limit: 10, before: third.prev! });
    expect(back.rows.map((r) => r.id)).toEqual(byDevice.slice(10, 20));
    await expect(service.explorePage({ dataset: 'login_history', before: third.prev!, after: third.next! })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    service.close();
  });

  it('name any key exactly: "$", quotes, backslashes and dots are fields like any other, covered or read from the JSON', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'odd.db') });
    const snap = await importParts(service, dir, 'a', { logins: logins(3) });
    const keys = ['$', 'a"b', 'a\\b', 'x.y', "it's"];
    const insert = service.db.prepare("INSERT INTO records (dataset, fp_hi, fp_lo, at, data, first_snapshot) VALUES ('login_history', ?, ?, ?, ?, ?)");
    const link = service.db.prepare('INSERT INTO record_snapshots (snapshot_id, record_id) VALUES (?, ?)');
    ['b', 'a', 'c'].forEach((v, i) => {
      const data = Object.fromEntries([['date', '2020-01-01 00:00:00'], ['', 'empty'], ...keys.map((k) => [k, `${v}-${k}`])]);
      link.run(snap, Number(insert.run(8_000_000 + i, i, Date.UTC(2020, 0, 1, 0, i), JSON.stringify(data), snap).lastInsertRowid));
    });
    const twin = jsonTwin(service, dir);
    for (const k of keys) {
      const sorted = (await service.explorePage({ dataset: 'login_history', sort: k, dir: 'asc', limit: 10 })).rows.map((r) => r.fields[k]);
      expect(sorted.filter((x) => x !== undefined), k).toEqual([`a-${k}`, `b-${k}`, `c-${k}`]);
      const facets = { dataset: 'login_history', fields: [k] };
      const counted = (await service.exploreFacets(facets)).facets[0]!.values.map((v) => v.value);
      expect(counted, k).toEqual(expect.arrayContaining([`a-${k}`, `b-${k}`, `c-${k}`]));
      expect(await service.exploreFacets(facets), k).toEqual(await twin.exploreFacets(facets));
      const filtered = { dataset: 'login_history', where: [{ field: k, values: [`b-${k}`] }] };
      expect((await service.explorePage(filtered)).rows.map((r) => r.fields[k]), k).toEqual([`b-${k}`]);
      expect((await twin.explorePage(filtered)).rows.map((r) => r.fields[k]), k).toEqual([`b-${k}`]);
    }
    // covered now: a later import into the same dataset fills them, the empty-named key included in the records
    await importParts(service, dir, 'b', { logins: logins(4, '2025-01-01 00:00:00', '7') });
    expect((await service.exploreFacets({ dataset: 'login_history', fields: ['$'] })).facets[0]!.values.some((v) => v.value === null)).toBe(true);
    twin.close();
    service.close();
  });
});
