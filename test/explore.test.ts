// A dataset as a table (store/explore.ts, service/explore.ts): keyset pages that are the sorted
// list cut in pieces, whatever the sort (NULLs, ties, case) and however many pages; stable when
// records arrive between pages; filters, facets with IP countries, a jump to a date; and export of
// the view to a file that is never the archive, a symlink or an existing file unless asked.
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import type { RecordRow } from '../src/shared/contract';
import { tempDir, writeJson } from './helpers';
import { exploreExport, minutesAfter, type ExploreExportParts } from './fixtures/explore';

async function importParts(service: Service, dir: string, name: string, parts: ExploreExportParts): Promise<number> {
  return (await service.importExport({ path: writeJson(join(dir, name), exploreExport(parts)) })).snapshot.id;
}

const DEVICES = ['iPhone14,4', 'Pixel 7', 'pixel 6', 'Galaxy S23', 'iPad'];

/** 150 logins: repeated times (ties), mixed-case devices, carriers on some only (NULLs), a few public addresses. */
function logins(n = 150, start = '2024-01-01 00:00:00'): NonNullable<ExploreExportParts['logins']> {
  return Array.from({ length: n }, (_, i) => ({
    date: minutesAfter(start, Math.floor(i / 3) * 60),
    ip: i % 10 === 0 ? '8.8.8.8' : `192.168.${i % 7}.${i}`,
    device: DEVICES[(i * 7) % DEVICES.length],
    ...(i % 4 === 0 ? {} : { carrier: ['Telia', 'Tele2', 'telenor'][i % 3] }),
  }));
}

/** Every row of the view, page by page with keyset cursors. */
async function walk(service: Service, input: Parameters<Service['explorePage']>[0], limit: number): Promise<RecordRow[]> {
  const rows: RecordRow[] = [];
  let after = input.after;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await service.explorePage({ ...input, limit, after });
    rows.push(...page.rows);
    if (page.next === null) return rows;
    after = page.next;
  }
  throw new Error('no last page');
}

/** The order the table promises: by value (ASCII case folded), ties by id; missing values first ascending, last descending. */
function expected(rows: RecordRow[], field: string, dir: 'asc' | 'desc'): number[] {
  const value = (r: RecordRow) => (field === 'at' ? r.at : field === 'id' ? r.id : ((r.fields[field] as string | undefined) ?? null));
  const fold = (v: string | number | null) => (typeof v === 'string' ? v.replace(/[A-Z]/g, (c) => c.toLowerCase()) : v);
  const sorted = [...rows].sort((a, b) => {
    const x = fold(value(a));
    const y = fold(value(b));
    if (x === y) return a.id - b.id;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  });
  if (dir === 'desc') sorted.reverse();
  return sorted.map((r) => r.id);
}

describe('explore: keyset pages', () => {
  it('are the sorted list cut in pieces, for every sort, direction and page size', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', { logins: logins() });
    const all = await walk(service, { dataset: 'login_history' }, 1000);
    expect(all).toHaveLength(150);
    for (const field of ['at', 'id', 'deviceModel', 'carrier', 'ip', 'nosuchfield']) {
      for (const dir of ['asc', 'desc'] as const) {
        const want = expected(all, field, dir);
        for (const limit of [1, 7, 50, 149, 150, 151]) {
          const got = await walk(service, { dataset: 'login_history', sort: field, dir }, limit);
          expect(got.map((r) => r.id), `${field} ${dir} by ${limit}`).toEqual(want);
        }
      }
    }
    // the default: newest first
    expect((await walk(service, { dataset: 'login_history' }, 13)).map((r) => r.id)).toEqual(expected(all, 'at', 'desc'));
    service.close();
  });

  it('stay stable when records arrive between pages: no row twice, none skipped', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', { logins: logins(60) });
    for (const sort of [undefined, 'deviceModel', 'carrier']) {
      const before = expected(await walk(service, { dataset: 'login_history' }, 1000), sort ?? 'at', sort ? 'asc' : 'desc');
      const first = await service.explorePage({ dataset: 'login_history', sort, limit: 20 });
      // a new export lands with records sorting before, among and after the first page
      await importParts(service, dir, `b-${sort}`, { logins: logins(30, sort ? '2024-01-01 00:30:00' : '2025-01-01 00:00:00').map((l) => ({ ...l, ip: l.ip + '1' })) });
      const rest = await walk(service, { dataset: 'login_history', sort, after: first.next! }, 20);
      const ids = [...first.rows, ...rest].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      // every record there before is read exactly once, in the same order
      expect(ids.filter((id) => before.includes(id))).toEqual(before);
    }
    service.close();
  });

  it('refuse a cursor they did not hand out, and jump to a date', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', { logins: logins() });
    for (const after of ['', 'x', '[1]', '[1,2,3]', '[{},1]', '["a",1.5]', '[1e400,1]']) {
      await expect(service.explorePage({ dataset: 'login_history', after }), after).rejects.toMatchObject({ code: 'BAD_INPUT' });
    }
    const t = Date.parse('2024-01-02T12:30:00Z'); // inside the logins' 50 hours
    const newest = await service.explorePage({ dataset: 'login_history', jumpTo: t, limit: 5 });
    expect(newest.rows[0]!.at).toBeLessThanOrEqual(t);
    expect(newest.rows[0]!.at).toBeGreaterThan(t - 3600_000);
    const oldest = await service.explorePage({ dataset: 'login_history', jumpTo: t, dir: 'asc', limit: 5 });
    expect(oldest.rows[0]!.at).toBeGreaterThanOrEqual(t);
    expect(oldest.rows[0]!.at).toBeLessThan(t + 3600_000);
    await expect(service.explorePage({ dataset: 'login_history', jumpTo: t, sort: 'ip' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    service.close();
  });
});

describe('explore: filters and facets', () => {
  it('filter by time, values and text; count the filtered rows; facets add up and name IP countries', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await importParts(service, dir, 'a', {
      logins: logins(),
      comments: [
        { date: '2024-01-02 10:00:00', comment: 'Hej Åke' },
        { date: '2024-01-03 10:00:00', comment: 'ake is a name' },
        { date: '2024-01-04 10:00:00', comment: 'nothing' },
      ],
    });
    const all = await walk(service, { dataset: 'login_history' }, 1000);
    const from = Date.parse('2024-01-05T00:00:00Z');
    const to = Date.parse('2024-01-10T00:00:00Z');
    const inRange = await walk(service, { dataset: 'login_history', from, to }, 9);
    expect(inRange.map((r) => r.id).sort()).toEqual(all.filter((r) => r.at! >= from && r.at! < to).map((r) => r.id).sort());
    expect((await service.explorePage({ dataset: 'login_history', from, to })).total).toBe(inRange.length);

    const where = [{ field: 'deviceModel', values: ['Pixel 7', 'iPad'] }, { field: 'carrier', values: ['Telia'] }];
    const picked = await walk(service, { dataset: 'login_history', where }, 10);
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.map((r) => r.id).sort()).toEqual(
      all.filter((r) => ['Pixel 7', 'iPad'].includes(r.fields.deviceModel as string) && r.fields.carrier === 'Telia').map((r) => r.id).sort(),
    );

    // facets: counts per value under the same filters, adding up to the total; IPs as countries
    const { facets } = await service.exploreFacets({ dataset: 'login_history' });
    const byField = Object.fromEntries(facets.map((f) => [f.field, f]));
    expect(Object.keys(byField)).toEqual(expect.arrayContaining(['country', 'network', 'deviceModel', 'carrier']));
    for (const f of facets) expect(f.values.reduce((n, v) => n + v.count, 0), f.field).toBe(150);
    expect(byField.country!.values).toContainEqual({ value: 'US', count: 15 }); // 8.8.8.8
    expect(byField.country!.values).toContainEqual({ value: null, count: 135 }); // private addresses
    expect(byField.carrier!.values).toContainEqual({ value: null, count: 38 });
    expect(byField.deviceModel!.values.map((v) => v.value).sort()).toEqual([...DEVICES].sort());
    // a facet value as a filter, the derived country too
    const us = await service.explorePage({ dataset: 'login_history', where: [{ field: 'country', values: ['US'] }], limit: 1000 });
    expect(us.total).toBe(15);
    expect(us.rows.every((r) => r.fields.ip === '8.8.8.8')).toBe(true);
    expect(us.rows[0]!.ip).toMatchObject({ country: 'US', asn: 15169 });
    const filtered = await service.exploreFacets({ dataset: 'login_history', where: [{ field: 'country', values: ['US'] }], fields: ['deviceModel'] });
    expect(filtered.facets[0]!.values.reduce((n, v) => n + v.count, 0)).toBe(15);

    // the text filter: the search index for searchable datasets (diacritics folded), a substring elsewhere
    const texts = async (dataset: string, search: string) => (await walk(service, { dataset, search }, 10)).map((r) => Object.values(r.fields).join(' '));
    expect((await texts('comments', 'ake')).sort()).toEqual(['2024-01-02 10:00:00 Hej Åke', '2024-01-03 10:00:00 ake is a name']);
    expect(await texts('login_history', 'galaxy')).toHaveLength(all.filter((r) => r.fields.deviceModel === 'Galaxy S23').length);
    expect(await texts('login_history', '%')).toHaveLength(0); // LIKE wildcards are text
    expect((await service.explorePage({ dataset: 'login_history' })).columns).toEqual(['date', 'ip', 'deviceModel', 'deviceSystem', 'networkType', 'carrier']);
    service.close();
  });
});

describe('explore: export of the view', () => {
  it('writes the filtered, sorted view as CSV (BOM, neutralised) or JSON, owner-only, never over the archive, a link or a file unless asked', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await importParts(service, dir, 'a', {
      comments: [
        { date: '2024-01-02 10:00:00', comment: '=HYPERLINK("http://evil","klicka")' },
        { date: '2024-01-03 10:00:00', comment: 'Hälsningar, "vänner"' },
        { date: '2024-01-04 10:00:00', comment: 'utanför' },
      ],
    });
    const out = join(dir, 'view.csv');
    const r = await service.exportView({ dataset: 'comments', to: Date.parse('2024-01-04T00:00:00Z'), sort: 'comment', dir: 'asc', format: 'csv', path: out });
    expect(r).toEqual({ path: out, rows: 2 });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffat,date,comment\n')).toBe(true);
    expect(text.slice(1).trim().split('\n')).toEqual([
      'at,date,comment',
      `2024-01-02T10:00:00Z,2024-01-02 10:00:00,"'=HYPERLINK(""http://evil"",""klicka"")"`,
      `2024-01-03T10:00:00Z,2024-01-03 10:00:00,"Hälsningar, ""vänner"""`,
    ]);
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600);

    // an existing file only when asked
    await expect(service.exportView({ dataset: 'comments', format: 'json', path: out })).rejects.toMatchObject({ code: 'CANNOT_WRITE', params: { reason: 'exists' } });
    expect(readFileSync(out, 'utf8')).toBe(text);
    await service.exportView({ dataset: 'comments', format: 'json', path: out, replace: 'yes' });
    expect(JSON.parse(readFileSync(out, 'utf8')).map((x: { comment: string }) => x.comment)).toEqual(['utanför', 'Hälsningar, "vänner"', '=HYPERLINK("http://evil","klicka")']);

    // never the archive, its companions, or through a symlink (even with replace)
    for (const target of [dbPath, dbPath + '-wal', dbPath + '-shm', join(dir, '.', 'fp.db')]) {
      await expect(service.exportView({ dataset: 'comments', format: 'csv', path: target, replace: 'yes' }), target).rejects.toMatchObject({
        code: 'CANNOT_WRITE',
        params: { reason: 'database' },
      });
    }
    const victim = writeJson(join(dir, 'victim'), { keep: true });
    const link = join(dir, 'link.csv');
    symlinkSync(victim, link);
    await expect(service.exportView({ dataset: 'comments', format: 'csv', path: link, replace: 'yes' })).rejects.toMatchObject({ params: { reason: 'symlink' } });
    expect(JSON.parse(readFileSync(victim, 'utf8'))).toEqual({ keep: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    symlinkSync(dbPath, join(dir, 'db-link'));
    await expect(service.exportView({ dataset: 'comments', format: 'csv', path: join(dir, 'db-link'), replace: 'yes' })).rejects.toMatchObject({ code: 'CANNOT_WRITE' });
    // a folder that does not exist: nothing written, no temp file left
    await expect(service.exportView({ dataset: 'comments', format: 'csv', path: join(dir, 'no', 'x.csv') })).rejects.toMatchObject({ code: 'CANNOT_WRITE', params: { reason: 'noFolder' } });
    writeFileSync(join(dir, 'plain.txt'), 'x');
    expect(existsSync(join(dir, 'no'))).toBe(false);
    service.close();
  });
});
