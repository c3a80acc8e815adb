// TXT exports end to end: real ZIPs and folders rendered from the canonical account model, imported
// into real SQLite files, compared with the JSON twin of the same account.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { generateAccount, laterAccount, type Account } from './fixtures/account';
import { renderJson, writeZip as writeJsonZip } from './fixtures/json';
import { GENERATIONS, expectedTxtCounts, renderTxt, twinLayout, writeTxtFolder, writeTxtZip, type Generation, type Lang } from './fixtures/txt';
import { tempDir, writeZip } from './helpers';

type Service = ReturnType<typeof createService>;
type ImportResult = Awaited<ReturnType<Service['importExport']>>;

const account = generateAccount({ seed: 4242, scale: 1.5 });

function recordCounts(r: ImportResult): Record<string, number> {
  return Object.fromEntries(Object.entries(r.datasets).map(([k, v]) => [k, v.records]));
}

function values(service: Service, snapshotId: number): Record<string, Record<string, string | null>> {
  const rows = service.db
    .prepare('SELECT dataset, key, value FROM snapshot_values WHERE snapshot_id = ? ORDER BY dataset, key')
    .all(snapshotId) as { dataset: string; key: string; value: string | null }[];
  const out: Record<string, Record<string, string | null>> = {};
  for (const r of rows) (out[r.dataset] ??= {})[r.key] = r.value;
  return out;
}

async function importTxt(service: Service, dir: string, acc: Account, gen: Generation, opts: { lang?: Lang; quirks?: boolean } = {}) {
  const zip = await writeTxtZip(renderTxt(acc, gen, opts), join(dir, `txt-${gen}-${opts.lang ?? 'en'}`));
  return service.importExport({ path: zip });
}

async function importJson(service: Service, dir: string, acc: Account, gen: Generation) {
  const zip = await writeJsonZip(renderJson(acc, twinLayout(gen)), join(dir, `json-${gen}`), { epoch: 1735588272 });
  return service.importExport({ path: zip });
}

const CASES: [Generation, Lang][] = [...GENERATIONS.map((g): [Generation, Lang] => [g, 'en']), ['C', 'nl']];

describe.each(CASES)('Gen %s (%s) TXT export', (gen, lang) => {
  it('imports the same per-dataset counts as its JSON twin, with the generation as layout', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const txt = await importTxt(service, dir, account, gen, { lang });
    expect(txt.snapshot.format).toBe('txt');
    expect(txt.snapshot.layout).toBe(`TXT-${gen}`);
    expect(recordCounts(txt)).toEqual(expectedTxtCounts(account, gen));
    expect(txt.warnings).toEqual([]);
    expect(txt.unknownSections).toEqual([]);

    const other = createService({ dbPath: join(dir, 'json.db') });
    const json = await importJson(other, dir, account, gen);
    const twin = recordCounts(json);
    for (const [id, n] of Object.entries(recordCounts(txt))) expect([id, twin[id]]).toEqual([id, n]);
    for (const [id, n] of Object.entries(twin)) if (n > 0) expect([id, recordCounts(txt)[id]]).toEqual([id, n]);
    service.close();
    other.close();
  });

  it('importing the TXT export and then its JSON twin adds no record (and the other way round)', async () => {
    const dir = tempDir();
    const a = createService({ dbPath: join(dir, 'a.db') });
    const t1 = await importTxt(a, dir, account, gen, { lang, quirks: true });
    const j1 = await importJson(a, dir, account, gen);
    expect(t1.alreadyImported).toBe(false);
    for (const [id, c] of Object.entries(j1.datasets)) expect([id, c.new]).toEqual([id, 0]);
    // every record the JSON snapshot holds was already there: the record table did not grow; the
    // first snapshot's "new" is every record and every key/value pair it brought
    const total = (a.db.prepare('SELECT count(*) n FROM records').get() as { n: number }).n;
    const values = (a.db.prepare('SELECT count(*) n FROM snapshot_values WHERE snapshot_id = ?').get(t1.snapshot.id) as { n: number }).n;
    expect(total + values).toBe(Object.values(t1.datasets).reduce((n, c) => n + c.new, 0));

    const b = createService({ dbPath: join(dir, 'b.db') });
    await importJson(b, dir, account, gen);
    const t2 = await importTxt(b, dir, account, gen, { lang });
    for (const [id, c] of Object.entries(t2.datasets)) expect([id, c.new]).toEqual([id, 0]);
    a.close();
    b.close();
  });

  it('stores the same settings, profile and other key/values as the JSON twin', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const txt = await importTxt(service, dir, account, gen, { lang });
    const json = await importJson(service, dir, account, gen);
    const tv = values(service, txt.snapshot.id);
    const jv = values(service, json.snapshot.id);
    expect(Object.keys(tv).sort()).toEqual(Object.keys(jv).sort());
    for (const dataset of Object.keys(jv)) expect([dataset, tv[dataset]]).toEqual([dataset, jv[dataset]]);
    expect(tv.settings!['Private Account']).toBe(account.settings['Private Account']);
    service.close();
  });
});

describe('TXT snapshots over time', () => {
  it('a later TXT export adds only what is new, and the settings change shows per snapshot', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const later = laterAccount(account, { days: 30 });
    const first = await importTxt(service, dir, account, 'C');
    const second = await service.importExport({ path: await writeTxtZip(renderTxt(later, 'C'), join(dir, 'later'), { epoch: 1735588272 + 30 * 86400 }) });
    expect(second.alreadyImported).toBe(false);
    const followersNew = later.records.followers.filter((f) => !account.records.followers.some((o) => o.date === f.date)).length;
    expect(second.datasets.followers).toMatchObject({ records: later.records.followers.length, new: followersNew, duplicates: 0 });
    // posts are identified by their date: re-signed links and more likes are not new posts
    expect(second.datasets.posts!.new).toBe(later.records.posts.length - account.records.posts.length);
    expect(values(service, first.snapshot.id).settings!['Private Account']).toBe(account.settings['Private Account']);
    expect(values(service, second.snapshot.id).settings!['Private Account']).toBe(later.settings['Private Account']);
    service.close();
  });

  it('the same TXT export zipped, unzipped, or inside an outer folder is one snapshot', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const files = renderTxt(account, 'B');
    const zipped = await service.importExport({ path: await writeTxtZip(files, join(dir, 'zip')) });
    const nested = await service.importExport({ path: await writeTxtZip(files, join(dir, 'zip2'), { subfolder: 'TikTok_Data_1735588272' }) });
    const folder = await service.importExport({ path: writeTxtFolder(files, join(dir, 'unzipped', 'TikTok_Data_1735588272')) });
    const inner = await service.importExport({ path: join(dir, 'unzipped', 'TikTok_Data_1735588272', 'Tiktok') });
    for (const r of [nested, folder, inner]) {
      expect(r.alreadyImported).toBe(true);
      expect(r.snapshot.id).toBe(zipped.snapshot.id);
    }
    service.close();
  });
});

describe('TXT edge cases through the whole import', () => {
  it('an export of only "no data" sentinels imports present, empty datasets', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const zip = await writeZip(join(dir, 'TikTok_Data_1735588272.zip'), {
      'TikTok/Je activiteit/Kijkgeschiedenis.txt': 'Dit gedeelte bevat geen gegevens\n',
      'TikTok/Likes en favorieten/Likelijst.txt': 'Er staan geen gegevens in dit gedeelte\n',
      'TikTok/Your Activity/Searches.txt': 'Du hast keine Daten in diesem Bereich.\n',
      'TikTok/Direct Messages/Direct Messages.txt': 'You have no data in this section\n',
    });
    const r = await service.importExport({ path: zip });
    expect(recordCounts(r)).toEqual({ watch_history: 0, likes: 0, searches: 0, messages: 0 });
    expect(r.warnings).toEqual([]);
    service.close();
  });

  it('keeps unknown .txt files and unreadable lines raw, viewable later', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const files = {
      ...renderTxt(account, 'C'),
      'TikTok/Direct Messages/Group Chat.txt': '>>> Group chat with friends::\n2025-01-01 10:00:00 UTC a: hi\n',
      'TikTok/Your Activity/Searches.txt': 'Date: 2025-01-01 10:00:00 UTC\nSearch Term: cats\n\n%%% not a record %%%\n',
    };
    const r = await service.importExport({ path: await writeTxtZip(files, dir) });
    expect(r.unknownSections).toEqual([
      { path: 'Direct Messages/Group Chat.txt', empty: false },
      { path: 'Your Activity/Searches.txt › unread lines', empty: false },
    ]);
    expect(r.warnings).toEqual([{ path: 'Your Activity/Searches.txt', code: 'unread-lines', params: { count: 1, dataset: 'searches' } }]);
    const raw = (p: string) =>
      (service.db.prepare('SELECT raw FROM snapshot_sections WHERE snapshot_id = ? AND path = ?').get(r.snapshot.id, p) as { raw: string } | undefined)?.raw;
    expect(raw('Direct Messages/Group Chat.txt')).toContain('Group chat with friends');
    expect(raw('Your Activity/Searches.txt › unread lines')).toBe('%%% not a record %%%');
    expect(r.datasets.searches!.records).toBe(1);
    service.close();
  });

  it('reports what a random non-TikTok ZIP of .txt files is', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const zip = await writeZip(join(dir, 'notes.zip'), { 'notes/todo.txt': 'Date: tomorrow\n' });
    await expect(service.importExport({ path: zip })).rejects.toMatchObject({ code: 'NOT_TIKTOK' });
    service.close();
  });
});
