// JSON that lies or floods: prototype-named fields, numbers a double cannot hold, duplicate names in
// list items, 100,000 categories and 300,000 unknown keys. Every record imports, every key keeps its
// name, time grows linearly (a ratio over growing sizes, not an absolute time), memory stays bounded.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { tempDir, writeJson } from './helpers';

type Service = ReturnType<typeof createService>;

const item = (i: number, extra: Record<string, unknown> = {}) => ({ Date: '2024-01-01 00:00:00', Link: `https://www.tiktokv.com/share/video/${7000000000000000000n + BigInt(i)}/`, ...extra });

async function importDoc(text: string) {
  const dir = tempDir();
  const path = join(dir, 'user_data_tiktok.json');
  writeFileSync(path, text);
  const service: Service = createService({ dbPath: join(dir, 'fp.db') });
  const t0 = performance.now();
  const r = await service.importExport({ path });
  const ms = performance.now() - t0;
  const rows = [...(service.records('watch_history') as Iterable<{ fields: Record<string, unknown> }>)].map((x) => x.fields);
  service.close();
  return { r, rows, ms, rssMb: process.memoryUsage().rss / 1024 ** 2 };
}

const wrap = (items: string) => `{"Activity":{"Watch History":{"VideoList":[${items}]}}}`;

describe('every key under its own name', () => {
  it('fields named like Object.prototype members are kept as they are, in lists and walked objects', async () => {
    const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf'];
    const members = names.map((n, i) => `"${n}":"v${i}"`).join(',');
    const { rows } = await importDoc(wrap(`{"Date":"2024-01-01 00:00:00","Link":"https://x/1",${members}}`));
    expect(rows).toHaveLength(1);
    for (const [i, n] of names.entries()) expect(Object.getOwnPropertyDescriptor(rows[0]!, n)?.value).toBe(`v${i}`);
    expect(Object.keys(rows[0]!).filter((k) => k.endsWith('(2)'))).toEqual([]);
  });

  it('TXT labels named like Object.prototype members too', async () => {
    const dir = tempDir();
    const root = join(dir, 'export', 'Tiktok', 'Activity');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'Browsing History.txt'), 'Date: 2024-01-01 00:00:00\nLink: https://x/1\nconstructor: a\n__proto__: b\n');
    const service: Service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: join(dir, 'export') });
    const rows = [...(service.records('watch_history') as Iterable<{ fields: Record<string, unknown> }>)].map((x) => x.fields);
    service.close();
    expect(rows).toHaveLength(1);
    const keys = Object.keys(rows[0]!);
    expect(keys.some((k) => k.endsWith('(2)'))).toBe(false);
    expect(keys.length).toBeGreaterThanOrEqual(4);
  });
});

describe('numbers a double cannot hold keep their raw text', () => {
  it('1e400, 2e400, -0, 0, 1e-400 and 2e-400 are six records, not merged as duplicates', async () => {
    const raw = ['1e400', '2e400', '-0', '0', '1e-400', '2e-400'];
    // in an identifying field (the link), where a lost digit makes two records one
    const items = raw.map((n) => `{"Date":"2024-01-01 00:00:00","Link":${n}}`).join(',');
    const { r, rows } = await importDoc(wrap(items));
    expect(r.datasets.watch_history?.records).toBe(6);
    expect(rows.map((x) => String(Object.values(x).find((v) => typeof v !== 'string' || !v.startsWith('2024'))))).toEqual(expect.arrayContaining(['-0', '0', '1e-400', '1e400', '2e-400', '2e400']));
  });

  it('the same in a list long enough to be read lazily', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => JSON.stringify(item(i)));
    const odd = ['1e400', '2e400', '-0', '1e-400'].map((n) => `{"Date":"2024-01-01 00:00:00","Link":${n}}`);
    const { r } = await importDoc(wrap([...filler, ...odd].join(',')));
    expect(r.datasets.watch_history?.records).toBe(2004);
  });
});

describe('duplicate names warn the same everywhere', () => {
  it('inside list items (small and lazy) as in walked objects', async () => {
    const small = await importDoc(wrap('{"Date":"2024-01-01 00:00:00","Link":"a","Link":"b"}'));
    expect(small.r.warnings.map((w) => w.code)).toContain('duplicate-key');
    const filler = Array.from({ length: 2000 }, (_, i) => JSON.stringify(item(i)));
    filler[1500] = '{"Date":"2024-01-01 00:00:00","Link":"a","Link":"b"}';
    const lazy = await importDoc(wrap(filler.join(',')));
    expect(lazy.r.warnings.map((w) => w.code)).toContain('duplicate-key');
    const walked = await importDoc('{"Activity":{"Watch History":{"VideoList":[]}},"Activity":{}}');
    expect(walked.r.warnings.map((w) => w.code)).toContain('duplicate-key');
    const clean = await importDoc(wrap(Array.from({ length: 2000 }, (_, i) => JSON.stringify(item(i))).join(',')));
    expect(clean.r.warnings.map((w) => w.code)).not.toContain('duplicate-key');
  });
});

describe('linear time and bounded output on floods', () => {
  const categories = (n: number) => {
    const doc: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) doc[`Category ${i}`] = { 'Watch History': { VideoList: [item(i)] } };
    return JSON.stringify(doc);
  };
  const unknownKeys = (n: number) => {
    const doc: Record<string, unknown> = { Activity: { 'Watch History': { VideoList: [item(0)] } } };
    for (let i = 0; i < n; i++) doc[`Unknown ${i}`] = { a: i };
    return JSON.stringify(doc);
  };

  it('the same section under many categories: every record, time linear in their number', async () => {
    const a = await importDoc(categories(5_000));
    const b = await importDoc(categories(20_000));
    console.log(`categories: 5,000 in ${a.ms.toFixed(0)} ms, 20,000 (${(categories(20_000).length / 1e6).toFixed(1)} MB) in ${b.ms.toFixed(0)} ms, ratio ${(b.ms / a.ms).toFixed(1)}, rss ${b.rssMb.toFixed(0)} MB`);
    expect(a.r.datasets.watch_history?.records).toBe(5_000);
    expect(b.r.datasets.watch_history?.records).toBe(20_000);
    expect(b.r.datasets.watch_history!.paths.length).toBeLessThanOrEqual(33);
    expect(b.ms / a.ms).toBeLessThan(4 * 2.5); // linear ~4; the quadratic matcher was ~16
    expect(b.rssMb).toBeLessThan(600);
  }, 120_000);

  it('unknown top-level keys: capped sections and warnings, summed up, time linear', async () => {
    const a = await importDoc(unknownKeys(25_000));
    const b = await importDoc(unknownKeys(100_000));
    console.log(`unknown keys: 25,000 in ${a.ms.toFixed(0)} ms, 100,000 in ${b.ms.toFixed(0)} ms, ratio ${(b.ms / a.ms).toFixed(1)}, rss ${b.rssMb.toFixed(0)} MB`);
    expect(b.r.unknownSections.length).toBe(1_000);
    expect(b.r.warnings.filter((w) => w.code === 'more-unknown').map((w) => w.params.count)).toEqual([99_000]);
    expect(b.r.unknownSectionsDropped).toEqual({ count: 99_000, bytes: b.r.warnings.find((w) => w.code === 'more-unknown')!.params.bytes });
    expect(b.r.datasets.watch_history?.records).toBe(1);
    expect(b.ms / a.ms).toBeLessThan(4 * 2.5);
    expect(b.rssMb).toBeLessThan(600);
  }, 120_000);

  it('a small ordinary export is untouched by the caps', async () => {
    const dir = tempDir();
    const s: Service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await s.importExport({ path: writeJson(join(dir, 'x'), { Activity: { 'Watch History': { VideoList: [item(1), item(2)] } }, Mystery: { x: 1 } }) });
    s.close();
    expect(r.unknownSections.map((u) => u.path)).toEqual(['Mystery']);
    expect(r.warnings.filter((w) => w.code.startsWith('more-'))).toEqual([]);
    expect(r.unknownSectionsDropped).toBeUndefined();
  });
});

describe('UTF-16 exports are decoded a slice at a time', () => {
  it('a UTF-16 file past one slice (32 MiB), LE and BE, with characters across the slice edges, reads whole', async () => {
    const { parseLazyJson } = await import('../src/main/reader/lazy-json');
    const items = Array.from({ length: 160_000 }, (_, i) => JSON.stringify({ ...item(i), Title: '😀 ok ' + 'é'.repeat(i % 7) }));
    const text = wrap(items.join(','));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(le.length).toBeGreaterThan(32 * 1024 * 1024);
    const be = Buffer.from(le);
    be.swap16();
    for (const buf of [le, be]) {
      const parsed = parseLazyJson(buf);
      expect(parsed.warnings.map((w) => w.code)).toEqual(['utf16']);
      const list = [...((parsed.value as { Activity: { 'Watch History': { VideoList: Iterable<{ Title: string }> } } }).Activity['Watch History'].VideoList)];
      expect(list).toHaveLength(160_000);
      expect(list.every((x) => x.Title.startsWith('😀 ok '))).toBe(true);
    }
  }, 60_000);
});

describe('cancel reaches the reading of sections', () => {
  it('a flood of unknown keys stops when cancelled, with CANCELLED', async () => {
    const { parseExport } = await import('../src/main/reader');
    const doc: Record<string, unknown> = { Activity: { 'Watch History': { VideoList: [item(0)] } } };
    for (let i = 0; i < 50_000; i++) doc[`Unknown ${i}`] = { a: i };
    const parsed = parseExport({ format: 'json', path: 'user_data_tiktok.json', bytes: Buffer.from(JSON.stringify(doc)) });
    let seen = 0;
    const sink = { present: () => {}, record: () => {}, value: () => {}, unknown: () => void seen++, warn: () => {} };
    let asked = 0;
    // cancelled at the second poll: within a few hundred sections, not after 50,000
    expect(() => parsed.read(sink, () => ++asked > 1)).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
    expect(asked).toBe(2);
    expect(seen).toBeLessThanOrEqual(512);
  });
});
