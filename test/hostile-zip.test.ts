// Hardening, second round: ZIPs that lie by sharing, renaming or doubling their entries, ZIPs with
// something in front, Deflate64 and ZIP-in-ZIP. Every ZIP is built byte by byte; every refusal
// leaves a real SQLite archive byte-identical and comes before a byte is inflated.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { createService } from '../src/main/service';
import { listZip } from '../src/main/reader/zip';
import { FootprintError, type ErrorCode } from '../src/shared/errors';
import { toApiError } from '../src/main/service/errors';
import { LANGS, translator } from '../src/shared/i18n';
import { sha256File, smallExport, tempDir, writeFile, writeJson } from './helpers';

interface RawEntry {
  name: string;
  /** what the local header says, when it lies */
  localName?: string;
  data?: Buffer;
  method?: number;
  compressed?: Buffer;
  declaredSize?: number;
  /** sizes and CRC left out of the local header (flag bit 3) and written after the data, as streaming writers do */
  dataDescriptor?: boolean;
}

/** A ZIP from parts; `patch` may change the central directory records (offset of each given) before it is sealed. */
function buildZip(entries: RawEntry[], patch?: (cd: Buffer, at: number[]) => void): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const at: number[] = [];
  let offset = 0;
  let cdLen = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const localName = Buffer.from(e.localName ?? e.name);
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.dataDescriptor ? 0x0808 : 0x0800, 6);
    local.writeUInt16LE(method, 8);
    if (!e.dataDescriptor) {
      local.writeUInt32LE(crc32(data) >>> 0, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size >>> 0, 22);
    }
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data) >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    const descriptor = Buffer.alloc(e.dataDescriptor ? 16 : 0);
    if (e.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc32(data) >>> 0, 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(size >>> 0, 12);
    }
    locals.push(local, localName, body, descriptor);
    at.push(cdLen);
    centrals.push(central, name);
    cdLen += central.length + name.length;
    offset += local.length + localName.length + body.length + descriptor.length;
  }
  const cd = Buffer.concat(centrals);
  patch?.(cd, at);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const exportText = () => Buffer.from(JSON.stringify(smallExport(), null, 2));

async function fixture() {
  const dir = tempDir();
  const dbPath = join(dir, 'footprint.db');
  const service = createService({ dbPath });
  await service.importExport({ path: writeJson(join(dir, 'first'), smallExport({ from: 100 })) });
  service.close();
  return { dir, dbPath, hash: sha256File(dbPath) };
}

/** Refused with `code`/`params`, worded on one line in both languages, the archive byte-identical. */
async function expectRefused(zip: Buffer, code: ErrorCode, params: Record<string, unknown>): Promise<{ ms: number; rssMb: number }> {
  const f = await fixture();
  const path = writeFile(join(f.dir, 'x.zip'), zip);
  const service = createService({ dbPath: f.dbPath });
  const t0 = performance.now();
  let error: unknown;
  try {
    await service.importExport({ path });
  } catch (e) {
    error = e;
  } finally {
    service.close();
  }
  const ms = performance.now() - t0;
  expect(error).toBeInstanceOf(FootprintError);
  expect(toApiError(error)).toMatchObject({ code, params });
  for (const lang of LANGS) {
    const text = translator(lang).t(`error.${code}`, toApiError(error).params);
    expect(text).not.toMatch(/\n|\{|undefined/);
  }
  expect(sha256File(f.dbPath)).toBe(f.hash);
  return { ms, rssMb: process.memoryUsage().rss / 1024 ** 2 };
}

describe('ZIPs whose entries share, rename or double their data', () => {
  it('overlapping entries (the shared-block bomb) are refused before anything is inflated', async () => {
    // 400 entries, each a header in front of one shared compressed block of just under 4 MiB of zeros:
    // the central directory points every entry's data at the same bytes (Fifield's overlapping bomb).
    const kernel = deflateRawSync(Buffer.alloc(4 * 1024 ** 2 - 1));
    const n = 400;
    const names = Array.from({ length: n }, (_, i) => `d${String(i).padStart(4, '0')}/`);
    const headers = names.map((name, i) => {
      const h = Buffer.alloc(30 + name.length);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(8, 8);
      h.writeUInt16LE(name.length, 26);
      h.write(name, 30);
      return { h, i };
    });
    const prefix = Buffer.concat(headers.map((x) => x.h));
    const body = Buffer.concat([prefix, kernel]);
    const centrals: Buffer[] = [];
    let off = 0;
    for (const { h } of headers) {
      const name = h.subarray(30);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(crc32(Buffer.alloc(4 * 1024 ** 2 - 1)) >>> 0, 16);
      c.writeUInt32LE(body.length - off - h.length, 20); // data runs to the end of the shared block
      // each just under the ratio limit, as in the report: the data "runs on" through the later headers
      c.writeUInt32LE(Math.min(4 * 1024 ** 2 - 1, 249 * (body.length - off - h.length)), 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(off, 42);
      centrals.push(c, name);
      off += h.length;
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(n, 8);
    eocd.writeUInt16LE(n, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(body.length, 16);
    const zip = Buffer.concat([body, cd, eocd]);
    expect(zip.length).toBeLessThan(100_000);
    const rssBefore = process.memoryUsage().rss / 1024 ** 2;
    const { ms, rssMb } = await expectRefused(zip, 'UNSAFE_ZIP', { reason: 'overlap' });
    console.log(`overlapping bomb (${zip.length} bytes, ${n} entries): refused in ${ms.toFixed(0)} ms, rss ${rssBefore.toFixed(0)} -> ${rssMb.toFixed(0)} MB`);
    expect(rssMb).toBeLessThan(600);
  });

  it('an entry whose data reaches into the next entry is refused', async () => {
    const zip = buildZip(
      [
        { name: 'user_data_tiktok.json', data: exportText(), method: 0 },
        { name: 'other.json', data: Buffer.from('{}'), method: 0 },
      ],
      (cd, at) => cd.writeUInt32LE(cd.readUInt32LE(at[0]! + 20) + 40, at[0]! + 20),
    );
    await expectRefused(zip, 'UNSAFE_ZIP', { reason: 'overlap' });
  });

  it('a local header naming another file than the central directory is refused', async () => {
    const zip = buildZip([{ name: 'user_data_tiktok.json', localName: 'evil_data_tiktok.json', data: exportText() }]);
    await expectRefused(zip, 'UNSAFE_ZIP', { reason: 'nameMismatch', entry: 'user_data_tiktok.json' });
  });

  it('two different entries with the same name are refused', async () => {
    const zip = buildZip([
      { name: 'TikTok/user_data_tiktok.json', data: exportText() },
      { name: 'TikTok/user_data_tiktok.json', data: Buffer.from(JSON.stringify(smallExport({ from: 7 }))) },
    ]);
    await expectRefused(zip, 'UNSAFE_ZIP', { reason: 'duplicate', entry: 'TikTok/user_data_tiktok.json' });
  });

  it('the ratio applies to small entries too (1 MiB of zeros)', async () => {
    const zip = buildZip([{ name: 'user_data_tiktok.json', data: Buffer.alloc(1024 ** 2) }]);
    await expectRefused(zip, 'ZIP_BOMB', { reason: 'ratio', limit: 250 });
  });

  it('the declared sizes of all entries together are bounded before inflating any (2 GiB, as a folder)', async () => {
    // three entries each under the one-file limit and the ratio, together over the total
    const noise = Buffer.alloc(4 * 1024 ** 2 - 1000);
    for (let i = 0; i < noise.length; i += 4) noise.writeUInt32LE((i * 2654435761) >>> 0, i);
    const zip = buildZip([0, 1, 2].map((i) => ({ name: `part${i}.json`, compressed: noise, declaredSize: 900 * 1024 ** 2 })));
    await expectRefused(zip, 'ZIP_BOMB', { reason: 'total', limit: 2 * 1024 ** 3 });
  });

  it('two entries whose names differ only in case or Unicode form are refused (one file on macOS and Windows)', async () => {
    const other = Buffer.from(JSON.stringify(smallExport({ from: 7 })));
    await expectRefused(
      buildZip([{ name: 'TikTok/user_data_tiktok.json', data: exportText() }, { name: 'TikTok/User_Data_TikTok.json', data: other }]),
      'UNSAFE_ZIP',
      { reason: 'duplicate' },
    );
    await expectRefused(
      buildZip([
        { name: 'TikTok/user_data_tiktok.json', data: exportText() },
        { name: 'TikTok/Comments/Re\u0301actions.txt', data: Buffer.from('a') },
        { name: 'TikTok/Comments/R\u00e9actions.txt', data: Buffer.from('b') },
      ]),
      'UNSAFE_ZIP',
      { reason: 'duplicate' },
    );
  });

  it('a local header disagreeing with the central directory on method or checksum is refused', async () => {
    // the central directory says "stored", the local header "deflated": tools would unpack different bytes
    const stored = buildZip([{ name: 'user_data_tiktok.json', data: exportText() }], (cd, at) => cd.writeUInt16LE(0, at[0]! + 10));
    await expectRefused(stored, 'UNSAFE_ZIP', { reason: 'headerMismatch', entry: 'user_data_tiktok.json' });
    const crc = buildZip([{ name: 'user_data_tiktok.json', data: exportText() }], (cd, at) => cd.writeUInt32LE((cd.readUInt32LE(at[0]! + 16) ^ 1) >>> 0, at[0]! + 16));
    await expectRefused(crc, 'UNSAFE_ZIP', { reason: 'headerMismatch', entry: 'user_data_tiktok.json' });
    for (const lang of LANGS) expect(translator(lang).t('error.UNSAFE_ZIP', { path: 'x.zip', reason: 'headerMismatch', entry: 'a.json' })).toContain('a.json');
  });

  it('a streaming writer’s ZIP (sizes after the data, flag bit 3) still imports', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: 'TikTok/user_data_tiktok.json', data: exportText(), dataDescriptor: true }]);
    const service = createService({ dbPath: f.dbPath });
    try {
      const r = await service.importExport({ path: writeFile(join(f.dir, 'stream.zip'), zip) });
      expect(Object.values(r.datasets).reduce((a, d) => a + d.records, 0)).toBeGreaterThan(0);
    } finally {
      service.close();
    }
  });

  it('thousands of small entries, each under the per-entry ratio floor, are bounded by the ratio of the whole', async () => {
    const zeros = Buffer.alloc(60 * 1024);
    const entries: RawEntry[] = [{ name: 'TikTok/user_data_tiktok.json', data: exportText() }];
    for (let i = 0; i < 2_000; i++) entries.push({ name: `TikTok/filler/${i}.txt`, data: zeros });
    const zip = buildZip(entries);
    expect(zip.length).toBeLessThan(1024 ** 2); // under 1 MB that would unpack to 120 MB
    // refused by the whole archive's ratio, which the directory gives before anything is inflated
    await expectRefused(zip, 'ZIP_BOMB', { reason: 'ratioOverall', limit: 250 });
    for (const lang of LANGS) expect(translator(lang).t('error.ZIP_BOMB', { path: 'x.zip', reason: 'ratioOverall', limit: 250 })).toMatch(/250/);
  });

  it('listZip refuses overlap, mismatch and duplicates without inflating (unit)', () => {
    const ok = buildZip([{ name: 'a.json', data: Buffer.from('{}') }, { name: 'b.json', data: Buffer.from('[]') }]);
    expect(listZip(ok).map((e) => e.path)).toEqual(['a.json', 'b.json']);
  });
});

describe('ZIPs Footprint cannot read say what they are and what to do', () => {
  it('a ZIP with a prefix (self-extracting, a mail header) is named as such, with the remedy', async () => {
    const zip = buildZip([{ name: 'user_data_tiktok.json', data: exportText() }]);
    const withPrefix = Buffer.concat([Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode\r\n'.repeat(20)), zip]);
    await expectRefused(withPrefix, 'NOT_ZIP', { reason: 'prefix' });
    const text = translator('en').t('error.NOT_ZIP', { path: 'x.exe', reason: 'prefix' });
    expect(text).toMatch(/import the folder/);
  });

  it('a Deflate64 entry (Windows, past 2 GB) is named, with the remedy', async () => {
    const zip = buildZip([{ name: 'user_data_tiktok.json', method: 9, compressed: Buffer.from('xxxx'), declaredSize: 10 }]);
    await expectRefused(zip, 'CORRUPT_ZIP', { reason: 'deflate64', entry: 'user_data_tiktok.json' });
    expect(translator('sv').t('error.CORRUPT_ZIP', { path: 'x.zip', reason: 'deflate64', entry: 'a', method: 9 })).toMatch(/Deflate64.*importera mappen/);
  });

  it('a ZIP holding only another ZIP says so, with the remedy', async () => {
    const inner = buildZip([{ name: 'user_data_tiktok.json', data: exportText() }]);
    const zip = buildZip([{ name: 'TikTok_Data_1700000000.zip', data: inner, method: 0 }]);
    await expectRefused(zip, 'NOT_TIKTOK', { reason: 'nestedZip', entry: 'TikTok_Data_1700000000.zip' });
    expect(translator('en').t('error.NOT_TIKTOK', { path: 'x.zip', reason: 'nestedZip', entry: 'y.zip' })).toMatch(/Unzip it/);
  });

  it('an honest ZIP still imports every record', async () => {
    const f = await fixture();
    const zip = buildZip([{ name: 'TikTok/user_data_tiktok.json', data: exportText() }, { name: 'TikTok/', data: Buffer.alloc(0) }]);
    const service = createService({ dbPath: f.dbPath });
    try {
      const r = await service.importExport({ path: writeFile(join(f.dir, 'ok.zip'), zip) });
      const other = createService({ dbPath: join(f.dir, 'direct.db') });
      const direct = await other.importExport({ path: writeJson(join(f.dir, 'direct'), smallExport()) });
      other.close();
      const counts = (x: typeof r) => Object.fromEntries(Object.entries(x.datasets).map(([k, v]) => [k, v.records]));
      expect(counts(r)).toEqual(counts(direct));
      expect(Object.values(counts(r)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    } finally {
      service.close();
    }
  });
});
