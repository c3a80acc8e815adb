// Hostile and broken input: every case ends with a clear message and a stable code, and the database
// file is byte-for-byte what it was; or, where part of the export is readable, that part imports and
// the rest is reported as a warning with its path. ZIPs are built byte by byte here, so each field
// can lie exactly the way an attacker (or a broken downloader) would make it lie.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { createService, type Service } from '../src/main/service';
import { isEmptyValue } from '../src/main/reader/empty';
import { rawText } from '../src/main/reader/sink';
import { parseLazyJson } from '../src/main/reader/lazy-json';
import { main } from '../src/main/cli/main';
import { FootprintError, type ErrorCode } from '../src/shared/errors';
import { toApiError } from '../src/main/service/errors';
import { LANGS, translator } from '../src/shared/i18n';
import type { ImportWarning } from '../src/shared/contract';
import { sha256File, smallExport, tempDir, writeFile, writeJson, writeZip } from './helpers';

// ---------------------------------------------------------------------------------------------
// ZIP bytes, by hand

interface RawEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored, 8 deflate (default) */
  method?: number;
  flags?: number;
  /** upper 16 bits: unix mode */
  externalAttrs?: number;
  /** what the headers claim; default: the truth */
  declaredSize?: number;
  declaredCompressedSize?: number;
  crc?: number;
  /** the compressed bytes to store instead of deflating `data` */
  compressed?: Buffer;
}

function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;
    const csize = e.declaredCompressedSize ?? body.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5c21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(csize >>> 0, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5c21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(csize >>> 0, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((e.externalAttrs ?? (0o100644 << 16)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const exportText = (doc: unknown = smallExport()) => Buffer.from(JSON.stringify(doc, null, 2));

// ---------------------------------------------------------------------------------------------
// A database with one snapshot in it, closed: the file every refusal must leave untouched

interface Fixture {
  dir: string;
  dbPath: string;
  hash: string;
}

async function fixture(): Promise<Fixture> {
  const dir = tempDir();
  const dbPath = join(dir, 'footprint.db');
  const service = createService({ dbPath });
  await service.importExport({ path: writeJson(join(dir, 'first'), smallExport({ from: 100 })) });
  service.close();
  return { dir, dbPath, hash: sha256File(dbPath) };
}

/**
 * The import is refused with `code` and parameters matching `params` (plain values, a `path` among
 * them), which the catalog words in both languages, and the database file is unchanged.
 */
async function expectRefused(f: Fixture, path: string, code: ErrorCode, params: Record<string, unknown> = {}): Promise<void> {
  const service = createService({ dbPath: f.dbPath });
  let error: unknown;
  try {
    await service.importExport({ path });
  } catch (e) {
    error = e;
  } finally {
    service.close();
  }
  expect(error, 'the import should have been refused').toBeDefined();
  expect(error).toBeInstanceOf(FootprintError);
  const { code: got, params: gotParams } = toApiError(error);
  expect({ code: got, params: gotParams }).toMatchObject({ code, params: { path: expect.any(String), ...params } });
  for (const v of Object.values(gotParams)) expect(['string', 'number', 'boolean']).toContain(typeof v);
  // both languages word it from these parameters alone: a sentence with no internals, no control characters
  for (const lang of LANGS) {
    const text = translator(lang).t(`error.${code}`, gotParams);
    expect(text).not.toMatch(/\n|\bat \S+:\d+|TypeError|RangeError|SyntaxError|undefined|\[object|\{/);
    expect(text).not.toMatch(/[\u0000-\u001f]/);
  }
  expect(sha256File(f.dbPath)).toBe(f.hash);
}

/** Imports into the fixture's database and hands the open service to `check`. */
async function importInto(f: Fixture, path: string, check: (r: Awaited<ReturnType<Service['importExport']>>, s: Service) => Promise<void> | void) {
  const service = createService({ dbPath: f.dbPath });
  try {
    const result = await service.importExport({ path });
    await check(result, service);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    service.close();
  }
}

/** The warnings at `path`, as {code, params}. */
const warningsAt = (r: { warnings: ImportWarning[] }, path: string) => r.warnings.filter((w) => w.path === path).map(({ code, params }) => ({ code, params }));

// ---------------------------------------------------------------------------------------------

describe('hostile ZIP files are refused before anything is inflated', () => {
  it('a declared size far beyond any export (ZIP bomb by header)', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: 'user_data_tiktok.json', data: exportText(), declaredSize: 0xfffffff0 }]);
    await expectRefused(f, writeFile(join(f.dir, 'bomb-size.zip'), zip), 'ZIP_BOMB', { reason: 'total', entry: 'user_data_tiktok.json', limit: 1024 ** 3 });
  });

  it('a suspicious compression ratio (ZIP bomb by ratio), honestly declared', async () => {
    const f = await fixture();
    const zeros = Buffer.alloc(32 * 1024 * 1024); // deflates ~1000:1
    const zip = buildZip([{ name: 'TikTok_Data/user_data_tiktok.json', data: zeros }]);
    expect(zip.length).toBeLessThan(200_000);
    await expectRefused(f, writeFile(join(f.dir, 'bomb-ratio.zip'), zip), 'ZIP_BOMB', { reason: 'ratio', entry: 'TikTok_Data/user_data_tiktok.json', limit: 250 });
  });

  it('a lying header: declares a small file that inflates to far more (never inflated past the declared size)', async () => {
    const f = await fixture();
    const big = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const zip = buildZip([{ name: 'user_data_tiktok.json', compressed: deflateRawSync(big), declaredSize: 2048, crc: 0 }]);
    await expectRefused(f, writeFile(join(f.dir, 'bomb-lie.zip'), zip), 'ZIP_BOMB', { reason: 'overrun', entry: 'user_data_tiktok.json' });
  });

  it.each([
    ['a ../ path', '../user_data_tiktok.json'],
    ['a ../ path in the middle', 'TikTok/../../user_data_tiktok.json'],
    ['a ..\\ path', '..\\..\\user_data_tiktok.json'],
    ['an absolute path', '/etc/user_data_tiktok.json'],
    ['a Windows drive path', 'C:\\Users\\x\\user_data_tiktok.json'],
    ['a UNC-style path', '\\\\server\\share\\user_data_tiktok.json'],
  ])('%s is refused (path traversal)', async (_what, name) => {
    const f = await fixture();
    const zip = buildZip([{ name, data: exportText() }]);
    await expectRefused(f, writeFile(join(f.dir, 'traversal.zip'), zip), 'UNSAFE_ZIP', { reason: 'outside' });
  });

  it('a NUL byte in an entry name is refused', async () => {
    const f = await fixture();
    const name = Buffer.concat([Buffer.from('user_data_tiktok.json'), Buffer.from([0]), Buffer.from('.png')]);
    const zip = buildZip([{ name, data: exportText() }]);
    await expectRefused(f, writeFile(join(f.dir, 'nul.zip'), zip), 'UNSAFE_ZIP', { reason: 'nulName' });
  });

  it('control characters in an entry name never reach the message (no terminal escapes)', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: '\u001b]0;pwned\u0007/../user_data_tiktok.json', data: exportText() }]);
    await expectRefused(f, writeFile(join(f.dir, 'escape.zip'), zip), 'UNSAFE_ZIP', { reason: 'outside' });
    const err: string[] = [];
    const code = await main(['import', join(f.dir, 'escape.zip'), '--db', f.dbPath], { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(sha256File(f.dbPath)).toBe(f.hash);
  });

  it('backslashes are folder separators (Windows tools write them): normalised, and the export imports', async () => {
    const f = await fixture();
    const doc = exportText(smallExport({ from: 20 }));
    const zip = buildZip([
      { name: 'TikTok_Data\\', method: 0, externalAttrs: 0o040755 << 16 },
      { name: 'TikTok_Data\\user_data_tiktok.json', data: doc },
    ]);
    await importInto(f, writeFile(join(f.dir, 'backslash.zip'), zip), async (r, service) => {
      expect(r.alreadyImported).toBe(false);
      expect(r.datasets.watch_history?.records).toBe(5);
      // the same content with forward slashes is the same export
      const again = await service.importExport({ path: writeFile(join(f.dir, 'slash.zip'), buildZip([{ name: 'TikTok_Data/user_data_tiktok.json', data: doc }])) });
      expect(again.alreadyImported).toBe(true);
      expect(again.snapshot.id).toBe(r.snapshot.id);
    });
  });

  it('a symbolic link entry is refused', async () => {
    const f = await fixture();
    const zip = buildZip([
      { name: 'user_data_tiktok.json', data: Buffer.from('/etc/passwd'), method: 0, externalAttrs: (0o120777 << 16) >>> 0 },
    ]);
    await expectRefused(f, writeFile(join(f.dir, 'symlink.zip'), zip), 'UNSAFE_ZIP', { reason: 'symlink', entry: 'user_data_tiktok.json' });
  });

  it('an encrypted entry (flag bit 0) is refused', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: 'user_data_tiktok.json', data: exportText(), flags: 0x0801 }]);
    await expectRefused(f, writeFile(join(f.dir, 'encrypted.zip'), zip), 'ENCRYPTED_ZIP', { entry: 'user_data_tiktok.json' });
  });

  it.each([
    ['cut in half', (z: Buffer) => z.subarray(0, Math.floor(z.length / 2))],
    ['cut inside the end record', (z: Buffer) => z.subarray(0, z.length - 10)],
    ['cut to its first bytes', (z: Buffer) => z.subarray(0, 12)],
  ])('a truncated ZIP (%s) is refused', async (_what, cut) => {
    const f = await fixture();
    const zip = await writeZip(join(f.dir, 'whole.zip'), { 'TikTok_Data/user_data_tiktok.json': exportText(smallExport({ watch: 400 })) });
    const { readFileSync } = await import('node:fs');
    await expectRefused(f, writeFile(join(f.dir, 'cut.zip'), cut(readFileSync(zip))), 'CORRUPT_ZIP', { reason: expect.any(String) });
  });

  it('a damaged entry (one byte of its data changed) fails its checksum', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: 'user_data_tiktok.json', data: exportText(), method: 0 }]);
    const at = 30 + 'user_data_tiktok.json'.length + 40;
    zip[at] = zip[at]! ^ 0x01;
    await expectRefused(f, writeFile(join(f.dir, 'flipped.zip'), zip), 'CORRUPT_ZIP', { reason: 'checksum', entry: 'user_data_tiktok.json' });
  });

  it('an unknown compression method is refused', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: 'user_data_tiktok.json', data: exportText(), method: 14, compressed: Buffer.from('LZMA?') }]);
    await expectRefused(f, writeFile(join(f.dir, 'lzma.zip'), zip), 'CORRUPT_ZIP', { reason: 'method', method: 14 });
  });

  it('a ZIP holding far too many entries is refused', async () => {
    const f = await fixture();
    const zip = buildZip(Array.from({ length: 20_001 }, (_, i) => ({ name: `f${i}.txt`, method: 0 })));
    await expectRefused(f, writeFile(join(f.dir, 'many.zip'), zip), 'ZIP_BOMB', { reason: 'entries', count: 20_001, limit: 20_000 });
  });
});

describe('files that are not an export', () => {
  it('a zero-byte file, a zero-byte .zip and a zero-byte JSON inside a ZIP', async () => {
    const f = await fixture();
    await expectRefused(f, writeFile(join(f.dir, 'user_data_tiktok.json'), ''), 'EMPTY_FILE');
    await expectRefused(f, writeFile(join(f.dir, 'TikTok_Data_1735588272.zip'), ''), 'EMPTY_FILE', { path: join(f.dir, 'TikTok_Data_1735588272.zip') });
    const zip = buildZip([{ name: 'TikTok_Data/user_data_tiktok.json', data: Buffer.alloc(0) }]);
    await expectRefused(f, writeFile(join(f.dir, 'empty-entry.zip'), zip), 'EMPTY_FILE', { path: 'TikTok_Data/user_data_tiktok.json' });
  });

  it('a JSON file of only whitespace, or only a BOM', async () => {
    const f = await fixture();
    await expectRefused(f, writeFile(join(f.dir, 'ws', 'user_data_tiktok.json'), ' \n\t\n'), 'EMPTY_FILE', { path: 'user_data_tiktok.json' });
    await expectRefused(f, writeFile(join(f.dir, 'bom', 'user_data_tiktok.json'), Buffer.from([0xef, 0xbb, 0xbf])), 'EMPTY_FILE', { path: 'user_data_tiktok.json' });
  });

  it('a folder with no export in it (and an empty folder)', async () => {
    const f = await fixture();
    const folder = join(f.dir, 'Downloads');
    writeFile(join(folder, 'holiday.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    writeFile(join(folder, 'notes', 'todo.md'), '# todo');
    writeFile(join(folder, 'package.json'), '{}');
    writeFile(join(folder, 'tsconfig.json'), '{}');
    await expectRefused(f, folder, 'NO_EXPORT_IN_FOLDER', { path: 'Downloads' });
    const empty = join(f.dir, 'empty');
    mkdirSync(empty);
    await expectRefused(f, empty, 'NO_EXPORT_IN_FOLDER', { path: 'empty' });
  });

  it('another service\'s export (a Google Takeout-like ZIP with its own JSON files) is "not a TikTok export"', async () => {
    const f = await fixture();
    const takeout = buildZip([
      { name: 'Takeout/archive_browser.html', data: Buffer.from('<html><body>Takeout</body></html>') },
      { name: 'Takeout/Chrome/BrowserHistory.json', data: Buffer.from(JSON.stringify({ 'Browser History': [{ title: 'x', url: 'https://example.com', time_usec: 1 }] })) },
      { name: 'Takeout/YouTube and YouTube Music/history/search-history.json', data: Buffer.from(JSON.stringify([{ header: 'YouTube', title: 'Searched for cats', time: '2024-01-01T00:00:00Z' }])) },
      { name: 'Takeout/Profile/Profile.json', data: Buffer.from(JSON.stringify({ name: { givenName: 'A' }, emails: [{ value: 'a@example.com' }] })) },
    ]);
    await expectRefused(f, writeFile(join(f.dir, 'takeout-20240101T000000Z-001.zip'), takeout), 'NOT_TIKTOK', { reason: 'noExportFiles' });
    // with a single JSON file in it, that file is read, and still is not TikTok's
    const single = buildZip([
      { name: 'Takeout/archive_browser.html', data: Buffer.from('<html></html>') },
      { name: 'Takeout/Profile/Profile.json', data: Buffer.from(JSON.stringify({ name: { givenName: 'A' }, emails: [{ value: 'a@example.com' }] })) },
    ]);
    await expectRefused(f, writeFile(join(f.dir, 'takeout-single.zip'), single), 'NOT_TIKTOK', { path: 'Takeout/Profile/Profile.json', reason: 'noSections' });
  });

  it('an empty ZIP archive (only its end record) is a ZIP that is not a TikTok export', async () => {
    const f = await fixture();
    await expectRefused(f, writeFile(join(f.dir, 'empty.zip'), buildZip([])), 'NOT_TIKTOK', { path: 'empty.zip', reason: 'noExportFiles' });
  });

  it('a JSON document nested 100,000 deep at the top is refused without a stack overflow', async () => {
    const f = await fixture();
    const n = 100_000;
    await expectRefused(f, writeFile(join(f.dir, 'a', 'user_data_tiktok.json'), '['.repeat(n) + ']'.repeat(n)), 'NOT_TIKTOK', { reason: 'noSections' });
    await expectRefused(f, writeFile(join(f.dir, 'b', 'user_data_tiktok.json'), '{"a":'.repeat(n) + '1' + '}'.repeat(n)), 'NOT_TIKTOK', { reason: 'noSections' });
  });

  it('garbage, binary noise and a JSON scalar are refused', async () => {
    const f = await fixture();
    await expectRefused(f, writeFile(join(f.dir, 'g', 'user_data_tiktok.json'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe])), 'NOT_JSON', { path: 'user_data_tiktok.json', reason: 'notJson' });
    await expectRefused(f, writeFile(join(f.dir, 's', 'user_data_tiktok.json'), '"just a string"'), 'NOT_JSON', { path: 'user_data_tiktok.json', reason: 'notJson' });
    await expectRefused(f, writeFile(join(f.dir, 'k', 'user_data_tiktok.json'), '{"Your Activity": {"Watch History" 1}}'), 'NOT_JSON', { path: 'user_data_tiktok.json', reason: 'damaged', byte: expect.any(Number) });
  });
});

describe('broken JSON: what can be read is imported, the rest is reported with its path', () => {
  it('truncated mid-list: the complete items import, the cut list is named in a warning', async () => {
    const f = await fixture();
    const text = JSON.stringify(smallExport({ watch: 50 }), null, 2);
    // cut inside the 21st watch-history item
    let at = -1;
    for (let i = 0; i < 21; i++) at = text.indexOf('"Date"', at + 1);
    const path = writeFile(join(f.dir, 'cut', 'user_data_tiktok.json'), text.slice(0, at + 10));
    await importInto(f, path, (r) => {
      expect(r.datasets.watch_history?.records).toBe(20);
      expect(warningsAt(r, 'Your Activity/Watch History/VideoList')).toContainEqual({ code: 'list-cut-short', params: { count: 20 } });
      expect(warningsAt(r, 'user_data_tiktok.json')).toContainEqual({ code: 'cut-short', params: {} });
      expect(r.datasets.likes).toBeUndefined(); // after the cut
    });
  });

  it('truncated mid-list in a large (lazily read) list too', async () => {
    const f = await fixture();
    const text = JSON.stringify(smallExport({ watch: 5000 }), null, 2);
    const path = writeFile(join(f.dir, 'cut-large', 'user_data_tiktok.json'), text.slice(0, Math.floor(text.length * 0.6)));
    await importInto(f, path, (r) => {
      const n = r.datasets.watch_history!.records;
      expect(n).toBeGreaterThan(2000);
      expect(n).toBeLessThan(5000);
      expect(warningsAt(r, 'Your Activity/Watch History/VideoList')).toContainEqual({ code: 'list-cut-short', params: { count: n } });
    });
  });

  it('integers beyond 2^53 keep their exact digits in large (lazily read) lists, and nowhere else are numbers changed', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `{"n":${i},"link":"https://v/7438000000000000${String(i).padStart(3, '0')}/"}`);
    items[2100] = '{"uid":  -12345678901234567890,"f":0.12345678901234567,"small":9007199254740991}';
    items[2900] = '[123456789012345678901]';
    const doc = parseLazyJson(Buffer.from(`{"list":[${items.join(',')}]}`)).value as { list: Iterable<unknown> };
    const all = [...doc.list] as Record<string, unknown>[];
    expect(all).toHaveLength(3000);
    // eslint-disable-next-line no-loss-of-precision -- the export's own digits, read back as the same double
    expect(all[2100]).toEqual({ uid: '-12345678901234567890', f: 0.12345678901234567, small: 9007199254740991 });
    expect(all[2900]).toEqual(['123456789012345678901']);
    expect(all[5]).toEqual({ n: 5, link: 'https://v/7438000000000000005/' });
  });

  it('trailing commas in objects and lists', async () => {
    const f = await fixture();
    const text = JSON.stringify(smallExport({ watch: 3 }), null, 2).replace(/\n(\s*)([}\]])/g, ',\n$1$2');
    await importInto(f, writeFile(join(f.dir, 'tc', 'user_data_tiktok.json'), text), (r) => {
      expect(r.datasets.watch_history?.records).toBe(3);
      expect(r.datasets.searches?.records).toBe(1);
      expect(r.warnings.map((w) => w.code)).toContain('trailing-commas');
    });
  });

  it('the document written twice back to back, with a BOM', async () => {
    const f = await fixture();
    const text = JSON.stringify(smallExport({ watch: 4 }));
    await importInto(f, writeFile(join(f.dir, 'twice', 'user_data_tiktok.json'), `\ufeff${text}\n${text}`), (r) => {
      expect(r.datasets.watch_history?.records).toBe(4);
      expect(warningsAt(r, 'user_data_tiktok.json')).toContainEqual({ code: 'export-twice', params: {} });
    });
  });

  it('a UTF-8 BOM alone is no problem', async () => {
    const f = await fixture();
    await importInto(f, writeFile(join(f.dir, 'bom', 'user_data_tiktok.json'), `\ufeff${JSON.stringify(smallExport({ watch: 2 }))}`), (r) => {
      expect(r.datasets.watch_history?.records).toBe(2);
      expect(r.warnings).toEqual([]);
    });
  });

  it('a file re-saved as UTF-16 is read', async () => {
    const f = await fixture();
    const text = `\ufeff${JSON.stringify(smallExport({ watch: 2 }))}`;
    await importInto(f, writeFile(join(f.dir, 'u16', 'user_data_tiktok.json'), Buffer.from(text, 'utf16le')), (r) => {
      expect(r.datasets.watch_history?.records).toBe(2);
      expect(r.warnings.map((w) => w.code)).toContain('utf16');
    });
  });

  it('invalid UTF-8 is replaced, with a warning', async () => {
    const f = await fixture();
    const text = JSON.stringify(smallExport());
    const i = text.indexOf('cats');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, i)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(text.slice(i))]);
    await importInto(f, writeFile(join(f.dir, 'utf8', 'user_data_tiktok.json'), bytes), async (r, service) => {
      expect(r.datasets.searches?.records).toBe(1);
      expect(warningsAt(r, 'user_data_tiktok.json')).toContainEqual({ code: 'bad-encoding', params: {} });
      const rows = (await service.listRecords({ dataset: 'searches', snapshotId: r.snapshot.id })).rows;
      expect(String(rows[0]!.fields.term)).toContain('\ufffd');
    });
  });

  it('NUL bytes in strings: escaped ones are kept as they are, raw ones are repaired (in small objects and in lists)', async () => {
    const f = await fixture();
    const doc = smallExport({ watch: 3 });
    doc['Your Activity'].Searches.SearchList[0]!.SearchTerm = 'nul\u0000escaped';
    const text = JSON.stringify(doc)
      .replace('"user_4821"', '"user\u0000raw"') // raw NUL in the profile (a small object)
      .replace('/share/video/7428748283171900001/', '/share/video/7428748283171900001/\u0000\u0001'); // raw in a list item
    await importInto(f, writeFile(join(f.dir, 'nul', 'user_data_tiktok.json'), text), async (r, service) => {
      expect(r.datasets.watch_history?.records).toBe(3);
      expect(r.datasets.searches?.records).toBe(1);
      expect(warningsAt(r, 'user_data_tiktok.json')).toContainEqual({ code: 'control-characters', params: {} });
      expect(await service.listValues({ dataset: 'profile', snapshotId: r.snapshot.id })).toEqual([{ key: 'userName', value: 'user\u0000raw' }]);
      const terms = (await service.listRecords({ dataset: 'searches', snapshotId: r.snapshot.id })).rows.map((x) => x.fields.term);
      expect(terms).toEqual(['nul\u0000escaped']);
      const links = (await service.listRecords({ dataset: 'watch_history', snapshotId: r.snapshot.id })).rows.map((x) => String(x.fields.link));
      expect(links.filter((l) => l.endsWith('\u0000\u0001'))).toHaveLength(1);
    });
  });

  it('a 10 MB single string imports whole', async () => {
    const f = await fixture();
    const doc = smallExport({ watch: 2 });
    const huge = 'x'.repeat(10 * 1024 * 1024 - 3) + '🥺';
    doc['Your Activity'].Searches.SearchList[0]!.SearchTerm = huge;
    (doc.Profile['Profile Info'].ProfileMap as Record<string, unknown>).bioDescription = huge;
    await importInto(f, writeJson(join(f.dir, 'big'), doc), async (r, service) => {
      expect(r.datasets.searches?.records).toBe(1);
      const term = (await service.listRecords({ dataset: 'searches', snapshotId: r.snapshot.id })).rows[0]!.fields.term;
      expect(term).toBe(huge);
      const bio = (await service.listValues({ dataset: 'profile', snapshotId: r.snapshot.id })).find((v) => v.key === 'bioDescription');
      expect(bio?.value).toBe(huge);
    });
  });

  it('nesting 100,000 deep inside the export: no stack overflow in the reader, isEmptyValue, rawText or unknown-section storage', async () => {
    const f = await fixture();
    const n = 100_000;
    const deepObject = '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const deepBig = '{"a":'.repeat(n) + '12345678901234567890' + '}'.repeat(n); // a big integer: parsed with a reviver
    const deepList = '['.repeat(n) + ']'.repeat(n);
    const base = JSON.stringify(smallExport({ watch: 3 }));
    const text =
      base
        .slice(0, -1)
        .replace('"Link":"https://www.tiktokv.com/share/video/7428748283171900000/"', `"Link":"https://www.tiktokv.com/share/video/7428748283171900000/","Deep":${deepObject}`)
        .replace('"VideoList":[', `"VideoList":[${deepList},`)
        .replace('"userName":"user_4821"', `"userName":"user_4821","Deep":${deepObject}`) + `,"Deep Unknown":${deepObject},"Deep Unknown List":${deepList},"Deep Big":${deepBig}}`;
    await importInto(f, writeFile(join(f.dir, 'deep', 'user_data_tiktok.json'), text), async (r, service) => {
      expect(r.datasets.watch_history?.records).toBe(3);
      expect(warningsAt(r, 'Your Activity/Watch History')).toContainEqual({ code: 'skipped-entries', params: { count: 1 } });
      // an unknown section is kept byte for byte, however deep
      expect((await service.getRawSection({ id: r.snapshot.id, path: 'Deep Unknown' })).raw).toBe(deepObject);
      expect((await service.getRawSection({ id: r.snapshot.id, path: 'Deep Unknown List' })).raw).toBe(deepList);
      // big integers keep every digit (as text, like everywhere else), however deep
      expect((await service.getRawSection({ id: r.snapshot.id, path: 'Deep Big' })).raw).toBe(deepBig.replace('12345678901234567890', '"12345678901234567890"'));
      // a deep field of a record and a deep profile value are kept as JSON text
      const rows = (await service.listRecords({ dataset: 'watch_history', snapshotId: r.snapshot.id })).rows;
      const deepField = rows.map((x) => x.fields.Deep).find((d) => d !== undefined);
      expect(String(deepField).length).toBeGreaterThanOrEqual(5 * n);
      expect(String(deepField).startsWith('{"a":{"a":')).toBe(true);
      const values = await service.listValues({ dataset: 'profile', snapshotId: r.snapshot.id });
      expect(values.some((v) => v.key.startsWith('Deep') && (v.value ?? '').length > n)).toBe(true);
    });
    // and the helpers on their own
    const parsed = parseLazyJson(Buffer.from(`{"x":${deepObject}}`)).value as Record<string, unknown>;
    expect(isEmptyValue(parsed.x)).toBe(false);
    expect(rawText(parsed.x)).toBe(deepObject);
    expect(isEmptyValue(JSON.parse('['.repeat(n) + ']'.repeat(n)))).toBe(false);
  });

  it('wrong types at any level: the broken part is kept raw with a warning, everything else imports', async () => {
    const f = await fixture();
    const doc = smallExport({ watch: 3, likes: 2 }) as Record<string, any>;
    doc['Your Activity']['Watch History'].VideoList = 'not a list'; // a string where a list is expected
    doc['Your Activity']['Like List'].ItemFavoriteList = ['https://a', 'https://b']; // strings where objects are expected
    doc.Profile['Profile Info'].ProfileMap = 42; // a number where an object is expected
    doc['Your Activity']['Favorite Videos'] = { FavoriteVideoList: [{ Date: '2024-11-01 10:00:00', Link: 'https://v/1' }, 7, 'x', [1], true] };
    doc['Your Activity']['Search History'] = 17; // a number where a section is expected
    doc['Direct Message'] = { 'Direct Messages': { ChatHistory: { 'Chat History with sam.42:': 'hello', 'Chat History with kim.11:': ['hi', 'there'] } } };
    doc['Tiktok Live'] = { 'Watch Live History': { WatchLiveMap: { '123': { WatchTime: '2024-11-01 10:00:00' }, '456': 'broken' } } };
    doc['Ads and data'] = 99; // a number where a category is expected
    await importInto(f, writeJson(join(f.dir, 'types'), doc), async (r, service) => {
      // what is fine imports
      expect(r.datasets.searches?.records).toBe(1);
      expect(await service.listValues({ dataset: 'settings', snapshotId: r.snapshot.id })).toEqual([{ key: 'Private Account', value: 'Disabled' }]);
      expect(r.datasets.favorite_videos?.records).toBe(1);
      expect(r.datasets.live_watch_history?.records).toBe(1);
      // what is broken is kept raw, and said so where it is
      const unknown = r.unknownSections.map((u) => u.path);
      const expectKept = async (path: string, warning: { code: string; params: object }, raw: unknown) => {
        expect(unknown).toContain(path);
        expect(warningsAt(r, path)).toContainEqual(warning);
        expect(JSON.parse((await service.getRawSection({ id: r.snapshot.id, path })).raw!)).toEqual(raw);
      };
      const wrongType = (name: string, found: string, expected: string) => ({ code: 'wrong-type', params: { name, found, expected } });
      await expectKept('Your Activity/Watch History', wrongType('VideoList', 'text', 'list'), { VideoList: 'not a list' });
      await expectKept('Your Activity/Like List/ItemFavoriteList', { code: 'plain-values', params: { name: 'ItemFavoriteList' } }, ['https://a', 'https://b']);
      await expectKept('Profile/Profile Info', wrongType('ProfileMap', 'number', 'values'), { ProfileMap: 42 });
      await expectKept('Your Activity/Search History', { code: 'unrecognised-shape', params: { name: 'Search History' } }, 17);
      await expectKept('Direct Message/Direct Messages/Chat History with kim.11:', { code: 'plain-values', params: { name: 'Chat History with kim.11:' } }, ['hi', 'there']);
      await expectKept('Ads and data', wrongType('Ads and data', 'number', 'sections'), 99);
      expect(warningsAt(r, 'Your Activity/Favorite Videos')).toContainEqual({ code: 'skipped-entries', params: { count: 4 } });
      expect(warningsAt(r, 'Direct Message/Direct Messages/Chat History with sam.42:')).toContainEqual({ code: 'skipped-conversation', params: {} });
      expect(warningsAt(r, 'Tiktok Live/Watch Live History')).toContainEqual({ code: 'skipped-entries', params: { count: 1 } });
      expect(r.datasets.watch_history?.records ?? 0).toBe(0);
      expect(r.datasets.likes?.records ?? 0).toBe(0);
    });
  });

  it('the same name twice in one object: the first is read, the later copy is kept beside it, raw', async () => {
    const f = await fixture();
    const watch = (from: number) => JSON.stringify(smallExport({ from, watch: 3 })['Your Activity']['Watch History']);
    const text = `{"Your Activity": {"Watch History": ${watch(0)}, "Watch History": ${watch(50)}}, "Profile": {"Profile Info": {"ProfileMap": {"userName": "a", "userName": "b"}}}}`;
    await importInto(f, writeFile(join(f.dir, 'dup', 'user_data_tiktok.json'), text), async (r, service) => {
      expect(r.datasets.watch_history?.records).toBe(3);
      expect(r.unknownSections.map((u) => u.path)).toContain('Your Activity/Watch History (2)');
      expect(JSON.parse((await service.getRawSection({ id: r.snapshot.id, path: 'Your Activity/Watch History (2)' })).raw!)).toEqual(JSON.parse(watch(50)));
      expect(warningsAt(r, 'user_data_tiktok.json')).toContainEqual({ code: 'duplicate-key', params: {} });
      expect(await service.listValues({ dataset: 'profile', snapshotId: r.snapshot.id })).toEqual([
        { key: 'userName', value: 'a' },
        { key: 'userName (2)', value: 'b' },
      ]);
    });
  });

  it('names with control characters (terminal escapes) are kept, but never printed raw by the CLI', async () => {
    const f = await fixture();
    const doc = { ...smallExport({ from: 40 }), '\u001b[2J\u001b]0;owned\u0007Evil': { x: [1] } };
    const out: string[] = [];
    const code = await main(['import', writeJson(join(f.dir, 'esc'), doc), '--db', f.dbPath], { out: (s) => out.push(s), err: (s) => out.push(s) });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/kept as-is.*Evil/);
    expect(out.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('dates in odd forms: the raw value is kept and the record imports with no time', async () => {
    const f = await fixture();
    const odd: unknown[] = ['2024/11/20 15:21', '20.11.2024', 'yesterday', '2024-13-45 99:99:99', '1969-12-31 23:59:59', '0', 1e300, -5, true, '99999999999999999999999', 'N/A'];
    const doc = smallExport({ watch: 0 }) as Record<string, any>;
    doc['Your Activity']['Watch History'].VideoList = odd.map((d, i) => ({ Date: d, Link: `https://www.tiktokv.com/share/video/${7000000000000000000 + i}/` }));
    await importInto(f, writeJson(join(f.dir, 'dates'), doc), async (r, service) => {
      expect(r.datasets.watch_history?.records).toBe(odd.length);
      const rows = (await service.listRecords({ dataset: 'watch_history', snapshotId: r.snapshot.id, limit: 100 })).rows;
      expect(rows.every((x) => x.at === null)).toBe(true);
      const kept = rows.map((x) => x.fields.date);
      for (const d of odd) if (d !== 'N/A') expect(kept).toContainEqual(d);
    });
  });
});
