// Full-text search (store/search.ts, migration 8): what it finds (diacritics folded, prefixes,
// phrases), that no typed text can make it throw, and that the index stays in step with the
// records whatever writes them (import, a mutable record's refresh, delete snapshot, forget), with
// forgotten text gone from the database file.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createService, type Service } from '../src/main/service';
import { DATASETS } from '../src/shared/catalog';
import { SEARCH_FIELDS_V5 } from '../src/main/store/migrations';
import { prepareArchive } from '../src/main/import/prepare';
import { COUNT_CAP, ftsQuery } from '../src/main/store/search';
import { writeSnapshot } from '../src/main/store/import-writer';
import type { BatchSource, RecordBatch } from '../src/main/import/record-batch';
import { tempDir, writeJson } from './helpers';
import { exploreExport, minutesAfter, type ExploreExportParts } from './fixtures/explore';

async function importParts(service: Service, dir: string, name: string, parts: ExploreExportParts): Promise<number> {
  const path = writeJson(join(dir, name), exploreExport(parts));
  return (await service.importExport({ path })).snapshot.id;
}

/** FTS5's own check of an external-content index against its content (throws when they differ). */
function expectIndexInStep(service: Service): void {
  service.db.exec("INSERT INTO record_search (record_search, rank) VALUES ('integrity-check', 1)");
  const indexed = service.db.prepare("SELECT count(*) FROM records WHERE dataset IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(Object.keys(SEARCH_FIELDS_V5)));
  // every searchable record is in the index, and nothing else: a term every such record has
  const all = service.db.prepare('SELECT count(*) FROM record_search_text').pluck().get();
  expect(all).toBe(indexed);
}

const base: ExploreExportParts = {
  comments: [
    { date: '2024-01-02 10:00:00', comment: 'Hälsningar från Åre, så fint!' },
    { date: '2024-01-05 10:00:00', comment: 'Det var fint så' },
    { date: '2024-01-03 10:00:00', comment: 'München ist schön' },
  ],
  messages: [
    { with: 'anna_b', date: '2024-02-01 12:00:00', from: 'anna_b', content: 'Ses vi på fredag? Björn kommer' },
    { with: 'anna_b', date: '2024-02-01 12:05:00', from: 'me', content: 'zyxhemlighet är mitt lösenord' },
  ],
  searches: [{ date: '2024-03-01 00:00:00', term: 'smörgåstårta recept' }],
  posts: [{ date: '2023-12-24 18:00:00', title: 'God jul från Malmö #jul' }],
  offTikTok: [{ date: '2024-03-02 00:00:00', source: 'Klarna', event: 'Purchase' }],
  following: [{ date: '2024-01-01 00:00:00', username: 'örjan_official' }],
};

describe('search', () => {
  it('covers exactly the text the catalog calls searchable (a change needs a new migration)', () => {
    const catalog = Object.fromEntries(DATASETS.filter((d) => d.searchable?.length).map((d) => [d.id, d.searchable]));
    expect(catalog).toEqual(SEARCH_FIELDS_V5);
    for (const [id, fields] of Object.entries(SEARCH_FIELDS_V5)) {
      const spec = DATASETS.find((d) => d.id === id)!;
      for (const f of fields) expect(spec.fields.map((x) => x.name), `${id}.${f}`).toContain(f);
    }
  });

  it('finds words without their diacritics, prefixes as you type, and phrases as written; newest first, highlighted', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', base);
    const texts = async (query: string) => (await service.search({ query })).hits.map((h) => h.snippet);

    expect(await texts('are')).toEqual(['Hälsningar från Åre, så fint!']); // Åre
    expect(await texts('ÅRE')).toEqual(['Hälsningar från Åre, så fint!']);
    expect(await texts('munchen')).toEqual(['München ist schön']);
    expect(await texts('smorgas')).toEqual(['smörgåstårta recept']); // a prefix
    expect(await texts('häls')).toEqual(['Hälsningar från Åre, så fint!']);
    expect(await texts('bjorn')).toEqual(['Ses vi på fredag? Björn kommer anna_b']); // the sender is searchable too
    expect(await texts('orjan')).toEqual(['örjan_official']);
    expect(await texts('klarna')).toEqual(['Klarna Purchase']);
    expect(await texts('malmo jul')).toEqual(['God jul från Malmö #jul']);
    // a phrase matches its words in order, bare words anywhere
    expect(await texts('"så fint"')).toEqual(['Hälsningar från Åre, så fint!']);
    expect(await texts('fint så')).toEqual(['Det var fint så', 'Hälsningar från Åre, så fint!']); // newest first

    const r = await service.search({ query: 'fint' });
    expect(r.total).toBe(2);
    expect(r.datasets).toEqual([{ dataset: 'comments', count: 2 }]);
    const hit = r.hits[1]!;
    expect(hit.marks.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['fint']);
    // a hit opens its record
    expect(await service.getRecord({ id: hit.recordId })).toMatchObject({ dataset: 'comments', fields: { comment: 'Hälsningar från Åre, så fint!' } });

    // grouped: per dataset, datasets by their newest hit
    const grouped = await service.search({ query: 'a', group: 'dataset', limit: 1 });
    expect(new Set(grouped.hits.map((h) => h.dataset)).size).toBe(grouped.hits.length);
    expect(grouped.hits.map((h) => h.at)).toEqual([...grouped.hits.map((h) => h.at)].sort((x, y) => y! - x!));
    // one dataset, paged newest first
    const first = await service.search({ query: 'fint', datasets: ['comments'], limit: 1 });
    const second = await service.search({ query: 'fint', datasets: ['comments'], limit: 1, after: first.next! });
    expect([...first.hits, ...second.hits].map((h) => h.snippet)).toEqual(['Det var fint så', 'Hälsningar från Åre, så fint!']);
    expect(second.next).toBeNull();
    expect((await service.search({ query: 'fint', datasets: ['messages'] })).total).toBe(0);
    service.close();
  });

  it('never passes typed text to FTS5 as syntax: hostile input finds text or nothing, and never throws', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', {
      comments: [
        { date: '2024-01-02 10:00:00', comment: 'NEAR the end: "quoted" (paren) a*b col:val ^start AND OR NOT' },
        { date: '2024-01-03 10:00:00', comment: 'plain text' },
      ],
    });
    const hostile = [
      '"',
      '""',
      '"unbalanced',
      '((',
      ')',
      'NEAR',
      'NEAR(a b, 2)',
      'a NEAR/2 b',
      '*',
      '**',
      'a*',
      '^',
      '^start',
      'col:val',
      'text:plain',
      '{text}: plain',
      'AND',
      'OR OR',
      'NOT plain',
      '-plain',
      '+',
      "'; DROP TABLE records; --",
      '\u0000',
      '\\',
      '🥺',
      'x'.repeat(10_240),
      'plain '.repeat(2000),
      '"'.repeat(5000),
      '('.repeat(5000),
    ];
    for (const query of hostile) {
      await expect(service.search({ query }), JSON.stringify(query.slice(0, 30))).resolves.toBeDefined();
      await expect(service.explorePage({ dataset: 'comments', search: query })).resolves.toBeDefined();
      await expect(service.explorePage({ dataset: 'login_history', search: query })).resolves.toBeDefined();
    }
    // operators are words
    expect((await service.search({ query: 'NEAR' })).total).toBe(1);
    expect((await service.search({ query: 'col:val' })).total).toBe(1);
    expect((await service.search({ query: '"quoted" (paren)' })).total).toBe(1);
    expect((await service.search({ query: 'NOT end' })).total).toBe(1); // both words, in the first comment
    expect((await service.search({ query: 'NOT plain' })).total).toBe(0); // not a negation: no comment has both
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), async (query) => {
        await service.search({ query });
        await service.explorePage({ dataset: 'comments', search: query });
      }),
      { numRuns: 300 },
    );
    expect((await service.db.prepare('SELECT count(*) FROM records').pluck().get()) as number).toBe(2);
    service.close();
  });

  it('writes every query term as an FTS5 string', () => {
    expect(ftsQuery('hej "så fint" NEAR(x')).toBe('"hej"* "så fint" "NEAR(x"*');
    expect(ftsQuery('a"b')).toBe('"a"* "b"');
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('*** ((( ')).toBeNull();
  });

  it('orders many matches (the index walk) exactly as few: newest first, ties by id, pages continuing', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const date = (i: number) => minutesAfter('2023-01-01 00:00:00', (i * 7919) % 6000); // shuffled times, some shared
    await importParts(service, dir, 'a', {
      comments: Array.from({ length: 6200 }, (_, i) => ({ date: date(i), comment: `ordet nummer ${i}` })),
      messages: Array.from({ length: 30 }, (_, i) => ({ with: 'x', date: date(i * 3 + 1), from: 'x', content: `ordet i ett meddelande ${i}` })),
    });
    const rows = service.db.prepare("SELECT id, dataset, at FROM records WHERE dataset IN ('comments', 'messages') ORDER BY at DESC, id DESC").all() as { id: number; dataset: string; at: number }[];
    const r = await service.search({ query: 'ordet', limit: 25 });
    expect(r.total).toBe(6230);
    expect(r.datasets).toEqual([{ dataset: 'comments', count: 6200 }, { dataset: 'messages', count: 30 }]);
    expect(r.hits.map((h) => h.recordId)).toEqual(rows.slice(0, 25).map((x) => x.id));
    const second = await service.search({ query: 'ordet', limit: 25, after: r.next! });
    expect(second.hits.map((h) => h.recordId)).toEqual(rows.slice(25, 50).map((x) => x.id));
    const grouped = await service.search({ query: 'ordet', limit: 3, group: 'dataset' });
    const newest = (dataset: string) => rows.filter((x) => x.dataset === dataset).slice(0, 3).map((x) => x.id);
    const order = rows[0]!.dataset === 'comments' ? ['comments', 'messages'] : ['messages', 'comments'];
    expect(grouped.hits.map((h) => h.recordId)).toEqual(order.flatMap(newest));
    service.close();
  });

  it('counts many matches up to the cap, then says "more than"; a dataset whose matches all lie past the counted ones is still found, newest first', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const date = (i: number) => minutesAfter('2022-01-01 00:00:00', (i * 7919) % 20000);
    // the messages come in a later export, so every message's rowid lies past the first COUNT_CAP matches
    await importParts(service, dir, 'a', { comments: Array.from({ length: COUNT_CAP + 50 }, (_, i) => ({ date: date(i), comment: `ordet nummer ${i}` })) });
    await importParts(service, dir, 'b', {
      messages: Array.from({ length: 4 }, (_, i) => ({ with: 'x', date: `2030-01-0${i + 1} 00:00:00`, from: 'x', content: `ordet sist ${i}` })),
    });
    const firstMessage = service.db.prepare("SELECT min(id) FROM records WHERE dataset = 'messages'").pluck().get() as number;
    expect(service.db.prepare("SELECT count(*) FROM records WHERE dataset = 'comments' AND id < ?").pluck().get(firstMessage)).toBeGreaterThan(COUNT_CAP);
    const rows = service.db.prepare("SELECT id, dataset FROM records WHERE dataset IN ('comments', 'messages') ORDER BY at DESC, id DESC").all() as { id: number; dataset: string }[];
    const r = await service.search({ query: 'ordet', limit: 10 });
    expect(r).toMatchObject({ total: COUNT_CAP, atLeast: true });
    expect(r.datasets.map((d) => d.dataset).sort()).toEqual(['comments', 'messages']);
    expect(r.hits.map((h) => h.recordId)).toEqual(rows.slice(0, 10).map((x) => x.id)); // the messages are the newest
    const next = await service.search({ query: 'ordet', limit: 10, after: r.next! });
    expect(next.hits.map((h) => h.recordId)).toEqual(rows.slice(10, 20).map((x) => x.id));
    expect(next.hits.every((h) => h.marks.length > 0 && h.snippet.startsWith('ordet'))).toBe(true);
    const grouped = await service.search({ query: 'ordet', limit: 2, group: 'dataset' });
    expect(grouped.hits.map((h) => h.dataset)).toEqual(['messages', 'messages', 'comments', 'comments']);
    // a narrower query is counted exactly
    expect(await service.search({ query: 'sist' })).toMatchObject({ total: 4, atLeast: false, datasets: [{ dataset: 'messages', count: 4 }] });
    service.close();
  });

  it('stays in step after import, refresh, delete-snapshot and forget; forgotten text leaves the file', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    const fileHas = (word: string) =>
      ['', '-wal'].some((suffix) => existsSync(dbPath + suffix) && readFileSync(dbPath + suffix).includes(Buffer.from(word)));
    await importParts(service, dir, 'a', base);
    expectIndexInStep(service);
    // the second export: the post's title was edited (a mutable record, refreshed in place), a new comment
    const s2 = await importParts(service, dir, 'b', {
      ...base,
      posts: [{ date: '2023-12-24 18:00:00', title: 'Gott nytt år från Visby' }],
      comments: [...base.comments!, { date: '2024-04-01 10:00:00', comment: 'kvastfening bara i andra exporten' }],
    });
    expectIndexInStep(service);
    expect((await service.search({ query: 'visby' })).total).toBe(1);
    expect((await service.search({ query: 'malmo' })).total).toBe(0);
    expect((await service.search({ query: 'kvastfening' })).total).toBe(1);

    // deleting the second snapshot removes the comment only it held, from the index too
    expect(await service.deleteSnapshot({ id: s2 })).toEqual({ deleted: true });
    expectIndexInStep(service);
    expect((await service.search({ query: 'kvastfening' })).total).toBe(0);
    service.db.pragma('wal_checkpoint(TRUNCATE)'); // VACUUM wrote the compacted file into the WAL
    expect(fileHas('kvastfening')).toBe(false); // bulk delete: markers merged away, pages vacuumed
    expect((await service.search({ query: 'bjorn' })).total).toBe(1);
    expect(service.db.prepare("SELECT v FROM record_search_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);

    // forget the message: not found any more, and its words are nowhere in the file
    service.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileHas('zyxhemlighet')).toBe(true);
    // the text is in the field values too, once the archive is prepared for sorting by it (as the desktop app's worker does after an import)
    prepareArchive(service.db);
    expect(service.db.prepare("SELECT count(*) FROM record_values WHERE CAST(v AS TEXT) LIKE '%zyxhemlighet%'").pluck().get()).toBe(1);
    const hit = (await service.search({ query: 'zyxhemlighet' })).hits[0]!;
    expect(await service.forgetRecords({ ids: [hit.recordId] })).toEqual({ forgotten: 1 });
    expectIndexInStep(service);
    expect((await service.search({ query: 'zyxhemlighet' })).total).toBe(0);
    expect((await service.search({ query: 'zyxh' })).total).toBe(0); // nor by a prefix
    expect((await service.search({ query: 'bjorn' })).total).toBe(1);
    service.close();
    expect(fileHas('zyxhemlighet')).toBe(false);
    expect(fileHas('lösenord')).toBe(false);
  });

  it('the import indexes in bulk inside its transaction: a failed import leaves the insert trigger in place', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', base);
    const triggers = () => service.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'record_search%' ORDER BY name").pluck().all();
    expect(triggers()).toEqual(['record_search_delete', 'record_search_insert', 'record_search_update']);
    const failing: BatchSource = {
      read: (sink) => {
        sink.records({ dataset: 'comments', n: 0, hi: [], lo: [], at: [], data: [] } as unknown as RecordBatch);
        throw new Error('the reader failed');
      },
    } as BatchSource;
    expect(() => writeSnapshot(service.db, { sourceName: 'x', sha256: 'f'.repeat(64), format: 'json', exportedAtHint: null }, failing)).toThrow('the reader failed');
    expect(triggers()).toEqual(['record_search_delete', 'record_search_insert', 'record_search_update']);
    service.db.prepare("INSERT INTO records (dataset, fp_hi, fp_lo, at, data, first_snapshot) VALUES ('comments', 9, 9, 0, json_object('comment', 'efteråt'), 1)").run();
    expect((await service.search({ query: 'efterat' })).total).toBe(1);
    expectIndexInStep(service);
    service.close();
  });

  it('no writer can leave the index stale: triggers follow any insert, update and delete of records', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', base);
    const db = service.db;
    db.prepare("UPDATE records SET data = json_set(data, '$.comment', 'omskriven kommentar') WHERE dataset = 'comments' AND data ->> 'comment' LIKE 'München%'").run();
    db.prepare("UPDATE records SET dataset = 'watch_history' WHERE dataset = 'searches'").run(); // out of the index
    db.prepare("INSERT INTO records (dataset, fp_hi, fp_lo, at, data, first_snapshot) VALUES ('comments', 1, 2, 0, json_object('comment', 'direkt insatt'), 1)").run();
    expectIndexInStep(service);
    expect((await service.search({ query: 'munchen' })).total).toBe(0);
    expect((await service.search({ query: 'omskriven' })).total).toBe(1);
    expect((await service.search({ query: 'smorgas' })).total).toBe(0);
    expect((await service.search({ query: 'insatt' })).total).toBe(1);
    db.prepare("DELETE FROM records WHERE dataset = 'comments'").run();
    expectIndexInStep(service);
    expect((await service.search({ query: 'insatt' })).total).toBe(0);
    service.close();
  });
});
