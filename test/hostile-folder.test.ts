// Folders get the same limits as ZIPs and bare files, checked from sizes before a byte is read;
// floods of empty folders and chains deeper than an export ever is are skipped, not fatal, and
// time grows linearly with them. Real folders (sparse files for the huge ones), real SQLite.
import { describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { openSource } from '../src/main/reader/source';
import { toApiError } from '../src/main/service/errors';
import { LANGS, translator } from '../src/shared/i18n';
import { sha256File, smallExport, tempDir, writeJson } from './helpers';

/** A file of `bytes` that takes no disk space (a sparse file): its size alone must refuse it. */
function sparse(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

async function refusedUnchanged(folder: string, dbPath: string, code: string, params: Record<string, unknown>) {
  const before = sha256File(dbPath);
  const service = createService({ dbPath });
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  let error: unknown;
  try {
    await service.importExport({ path: folder });
  } catch (e) {
    error = e;
  } finally {
    service.close();
  }
  expect(toApiError(error)).toMatchObject({ code, params });
  expect(sha256File(dbPath)).toBe(before);
  return { ms: performance.now() - t0, rssMb: Math.max(rss0, process.memoryUsage().rss) / 1024 ** 2 };
}

async function archive(dir: string) {
  const dbPath = join(dir, 'fp.db');
  const s = createService({ dbPath });
  await s.importExport({ path: writeJson(join(dir, 'first'), smallExport({ from: 100 })) });
  s.close();
  return dbPath;
}

describe('one set of size limits, for folders too', () => {
  it('a file over 1 GiB in a folder is refused from its size (as a bare file is), nothing read', async () => {
    const dir = tempDir();
    const dbPath = await archive(dir);
    const folder = join(dir, 'big');
    mkdirSync(folder);
    sparse(join(folder, 'user_data_tiktok.json'), 1.5 * 1024 ** 3);
    const { ms, rssMb } = await refusedUnchanged(folder, dbPath, 'TOO_LARGE', { reason: 'file', limit: 1024 });
    console.log(`1.5 GiB file in a folder: refused in ${ms.toFixed(0)} ms, rss ${rssMb.toFixed(0)} MB`);
    expect(rssMb).toBeLessThan(600);
  });

  it('three big TXT files together over 2 GiB are refused from their sizes', async () => {
    const dir = tempDir();
    const dbPath = await archive(dir);
    const folder = join(dir, 'txt');
    mkdirSync(join(folder, 'Tiktok', 'Activity'), { recursive: true });
    for (const name of ['Browsing History', 'Searches', 'Like List']) sparse(join(folder, 'Tiktok', 'Activity', `${name}.txt`), 900 * 1024 ** 2);
    const { ms, rssMb } = await refusedUnchanged(folder, dbPath, 'TOO_LARGE', { reason: 'total', limit: 2048 });
    console.log(`3 x 900 MiB TXT in a folder: refused in ${ms.toFixed(0)} ms, rss ${rssMb.toFixed(0)} MB`);
    expect(rssMb).toBeLessThan(600);
  });
});

describe('what is not an export is skipped and counted', () => {
  it('a chain of folders deeper than any export is skipped; the export beside it imports', async () => {
    const dir = tempDir();
    const folder = join(dir, 'export');
    writeJson(folder, smallExport());
    mkdirSync(join(folder, ...Array.from({ length: 40 }, () => 'deeper')), { recursive: true });
    const source = openSource(folder);
    expect(source.skipped).toBeGreaterThan(0);
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({ path: folder });
    expect(Object.values(r.datasets).some((d) => d.records > 0)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'skipped-folders').map((w) => w.params.count)).toEqual([source.skipped]);
    service.close();
  });

  it('says the same when the export is read on the reader thread', async () => {
    const dir = tempDir();
    const folder = join(dir, 'export');
    writeJson(folder, smallExport());
    mkdirSync(join(folder, ...Array.from({ length: 40 }, () => 'deeper')), { recursive: true });
    const service = createService({ dbPath: join(dir, 'fp.db'), readerThreadMinBytes: 0 });
    const r = await service.importExport({ path: folder });
    expect(r.warnings.filter((w) => w.code === 'skipped-folders').map((w) => w.params.count)).toEqual([openSource(folder).skipped]);
    service.close();
  });

  it('a path of thousands of characters is shown on one line, shortened in the middle', async () => {
    const dir = tempDir();
    const long = join(dir, ...Array.from({ length: 300 }, (_, i) => `folder-${i}`), 'user_data_tiktok.json');
    const service = createService({ dbPath: join(dir, 'fp.db') });
    let error: unknown;
    try {
      await service.importExport({ path: long });
    } catch (e) {
      error = e;
    }
    service.close();
    const { code, params } = toApiError(error);
    expect(code).toBe('NOT_FOUND');
    expect(String(params.path).length).toBeLessThanOrEqual(120);
    expect(String(params.path)).toMatch(/^\/.*….*user_data_tiktok\.json$/);
    for (const lang of LANGS) {
      const text = translator(lang).t('error.NOT_FOUND', params);
      expect(text).not.toMatch(/\n/);
      expect(text.length).toBeLessThan(400);
    }
  });

  it('time over empty folders grows linearly (ratio, not an absolute time)', () => {
    const dir = tempDir();
    const make = (n: number) => {
      const folder = join(dir, `flood-${n}`);
      writeJson(folder, smallExport());
      for (let i = 0; i < n; i++) mkdirSync(join(folder, `empty-${i}`));
      return folder;
    };
    const time = (folder: string) => {
      let best = Infinity; // the fastest of five: the least disturbed by the rest of the machine
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        openSource(folder);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const small = make(2_000);
    const large = make(8_000);
    time(small); // warm up
    const a = time(small);
    const b = time(large);
    console.log(`empty folders: 2,000 in ${a.toFixed(0)} ms, 8,000 in ${b.toFixed(0)} ms (ratio ${(b / a).toFixed(1)})`);
    expect(b / a).toBeLessThan(4 * 2.5); // 4x the folders: linear is ~4, quadratic would be ~16
    const source = openSource(large);
    expect(source.entries.map((e) => e.path)).toEqual(['user_data_tiktok.json']);
  }, 60_000);
});
