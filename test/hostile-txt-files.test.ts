// TXT exports are read one file at a time: opening one hands the parser (or the reader thread)
// references, never the files' bytes, so memory does not grow with how many TXT files there are
// (peak memory is measured by `npm run bench:txt`). A file that changes between the hash and the
// parse is refused; unknown TXT files past the cap are counted and said, in both languages.
import { describe, expect, it } from 'vitest';
import { appendFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { openExport, parseExport } from '../src/main/reader';
import { MAX_UNKNOWN_SECTIONS } from '../src/main/reader';
import type { ExportSink } from '../src/main/reader/sink';
import { translator } from '../src/shared/i18n';
import { sha256File, tempDir, writeFile, writeZip } from './helpers';

/** A sparse file of `bytes` (no disk space): as large as a file can be without being written. */
function sparseFile(path: string, bytes: number): void {
  writeFile(path, '');
  truncateSync(path, bytes);
}

type Service = ReturnType<typeof createService>;

/** `n` browsing records as TikTok writes them, links numbered from `from`. */
function browsing(n: number, from = 0): string {
  let out = '';
  for (let i = 0; i < n; i++) out += `Date: 2024-01-01 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}\nLink: https://www.tiktokv.com/share/video/${7000000000000000000n + BigInt(from + i)}/\n\n`;
  return out;
}

/** Several large-ish TXT files of different datasets under a TikTok folder. */
function files(): Record<string, string> {
  return {
    'TikTok/Your Activity/Watch History.txt': browsing(20_000),
    'TikTok/Likes and Favorites/Like List.txt': browsing(20_000, 100_000),
    'TikTok/Likes and Favorites/Favorite Videos.txt': browsing(20_000, 200_000),
    'TikTok/Profile and Settings/Profile Info.txt': 'Username: someone\n',
  };
}

const counting = (): ExportSink & { records: number } => {
  const s = {
    records: 0,
    present: () => {},
    record: () => void s.records++,
    value: () => {},
    unknown: () => {},
    warn: () => {},
  };
  return s;
};

describe('TXT files are read when the parser reaches them, not when the export is opened', () => {
  it.each(['folder', 'zip'] as const)('an opened %s export holds references, not the files', async (kind) => {
    const dir = tempDir();
    const path = kind === 'zip' ? await writeZip(join(dir, 'TikTok_Data_1700000000.zip'), files()) : join(dir, 'export');
    if (kind === 'folder') for (const [p, text] of Object.entries(files())) writeFile(join(path, p), text);
    const opened = openExport(path);
    expect(opened.format).toBe('txt');
    expect(opened.size).toBeGreaterThan(5_000_000);
    // what goes to the parser (and across to a reader thread) is a few hundred bytes per file
    const sent = JSON.stringify(opened.content, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
    expect(sent.length).toBeLessThan(4_000);
    expect(sent).not.toContain('bytes>');
    const sink = counting();
    parseExport(opened.content).read(sink);
    expect(sink.records).toBe(60_000);
  });

  it('the same export as a ZIP and a folder is one snapshot, read on the reader thread or not', async () => {
    const dir = tempDir();
    const zip = await writeZip(join(dir, 'TikTok_Data_1700000000.zip'), files());
    const folder = join(dir, 'TikTok_Data_1700000000');
    for (const [p, text] of Object.entries(files())) writeFile(join(folder, p), text);
    expect(openExport(zip).sha256).toBe(openExport(folder).sha256);
    for (const readerThreadMinBytes of [0, Infinity]) {
      const service: Service = createService({ dbPath: join(dir, `fp-${readerThreadMinBytes}.db`), readerThreadMinBytes });
      try {
        const a = await service.importExport({ path: zip });
        expect(a.datasets.watch_history?.records).toBe(20_000);
        expect(a.datasets.likes?.records ?? a.datasets.liked_videos?.records).toBe(20_000);
        const b = await service.importExport({ path: folder });
        expect(b.alreadyImported).toBe(true);
      } finally {
        service.close();
      }
    }
  });

  it('a file that changes between opening and parsing is refused, and the archive stays as it was', async () => {
    const dir = tempDir();
    const root = join(dir, 'export');
    for (const [p, text] of Object.entries(files())) writeFile(join(root, p), text);
    const opened = openExport(root);
    appendFileSync(join(root, 'TikTok/Likes and Favorites/Like List.txt'), browsing(1, 900_000));
    expect(() => parseExport(opened.content).read(counting())).toThrow(expect.objectContaining({ code: 'UNREADABLE', params: expect.objectContaining({ reason: 'changed' }) }));
    for (const lang of ['en', 'sv'] as const) {
      const text = translator(lang).t('error.UNREADABLE', { path: 'Like List.txt', reason: 'changed' });
      expect(text).toContain('Like List.txt');
      expect(text).not.toContain('{');
    }
    expect(translator('en').t('error.UNREADABLE', { path: 'x', reason: 'changed' })).toMatch(/changed while it was being imported/);

    // through the service: refused the same way, the archive byte-identical
    const dbPath = join(dir, 'fp.db');
    const service: Service = createService({ dbPath });
    await service.importExport({ path: join(dir, 'other') }).catch(() => {});
    service.close();
    const before = sha256File(dbPath);
    const zip = await writeZip(join(dir, 'TikTok_Data_1700000000.zip'), files());
    const openedZip = openExport(zip);
    // the ZIP replaced by another with the same names: its entries no longer check out
    await writeZip(zip, { ...files(), 'TikTok/Your Activity/Watch History.txt': browsing(20_000, 5) });
    expect(() => parseExport(openedZip.content).read(counting())).toThrow(expect.objectContaining({ code: 'CORRUPT_ZIP' }));
    expect(sha256File(dbPath)).toBe(before);
  });

  it('the generic-name check reads only the start of each file, in UTF-16 too', async () => {
    const dir = tempDir();
    const root = join(dir, 'export');
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    writeFile(join(root, 'Comments.txt'), utf16('Date: 2024-01-01 00:00:01\nComment: first\n\nDate: 2024-01-01 00:00:02\nComment: other\n'));
    writeFile(join(root, 'Settings.txt'), 'Private Account: Disabled\n');
    const service: Service = createService({ dbPath: join(dir, 'fp.db') });
    try {
      const r = await service.importExport({ path: root });
      expect(r.datasets.comments?.records).toBe(2);
    } finally {
      service.close();
    }
  });
});

describe('unknown TXT files past the cap are counted, said and not kept', () => {
  it('the summary and the warning say how many, in both languages', async () => {
    const dir = tempDir();
    const root = join(dir, 'export');
    writeFile(join(root, 'TikTok/Your Activity/Watch History.txt'), browsing(3));
    const extra = 37;
    for (let i = 0; i < MAX_UNKNOWN_SECTIONS + extra; i++) writeFileSync(join(root, 'TikTok', `Mystery ${i}.txt`), `Something: ${i}\n`);
    const service: Service = createService({ dbPath: join(dir, 'fp.db') });
    try {
      const r = await service.importExport({ path: root });
      expect(r.datasets.watch_history?.records).toBe(3);
      expect(r.unknownSections).toHaveLength(MAX_UNKNOWN_SECTIONS);
      expect(r.unknownSectionsDropped).toEqual({ count: extra, bytes: expect.any(Number) });
      expect(r.unknownSectionsDropped!.bytes).toBeGreaterThanOrEqual(extra * 'Something: 1\n'.length);
      const w = r.warnings.filter((x) => x.code === 'more-unknown');
      expect(w).toHaveLength(1);
      expect(w[0]!.params.count).toBe(extra);
      // the snapshot keeps the warning: its notes say it later too
      expect((await service.getSnapshot({ id: r.snapshot.id }))!.warnings.filter((x) => x.code === 'more-unknown')).toHaveLength(1);
      const en = translator('en');
      const sv = translator('sv');
      expect(en.t('warning.more-unknown', w[0]!.params)).toMatch(/^37 more sections .* were not kept/);
      expect(sv.t('warning.more-unknown', w[0]!.params)).toMatch(/^37 delavsnitt till .* sparades inte/);
      expect(en.t('window.import.done.unknownDropped', { n: extra })).toBe('37 more unknown sections were not kept: far more than any TikTok export has.');
      expect(sv.t('window.import.done.unknownDropped', { n: extra })).toBe('37 okända delar till sparades inte: betydligt fler än någon TikTok-export har.');
    } finally {
      service.close();
    }
  });
});

describe('many TXT files: time linear in their number', () => {
  it('thousands of files of one dataset (copies and distinct) import every record, ×4 files → about ×4 time', async () => {
    const run = async (n: number) => {
      const dir = tempDir();
      const root = join(dir, 'export');
      for (let i = 0; i < n; i++) writeFile(join(root, 'TikTok', `Part ${i}`, 'Watch History.txt'), browsing(1, i % 2 === 0 ? i : i - 1)); // every odd file a copy of the one before
      const service: Service = createService({ dbPath: join(dir, 'fp.db') });
      try {
        const t0 = performance.now();
        const r = await service.importExport({ path: root });
        return { ms: performance.now() - t0, records: r.datasets.watch_history?.records };
      } finally {
        service.close();
      }
    };
    const a = await run(1_000);
    const b = await run(4_000);
    console.log(`TXT files of one dataset: 1,000 in ${a.ms.toFixed(0)} ms, 4,000 in ${b.ms.toFixed(0)} ms (ratio ${(b.ms / a.ms).toFixed(1)})`);
    expect(a.records).toBe(500);
    expect(b.records).toBe(2_000);
    expect(b.ms / a.ms).toBeLessThan(4 * 2.5);
  }, 120_000);
});

describe('TXT files too large to read are said from their size, never read', () => {
  it('two 520 MiB TXT files beside an ordinary one: warned, skipped, the rest imported, memory bounded', async () => {
    const dir = tempDir();
    const root = join(dir, 'export');
    writeFile(join(root, 'TikTok/Your Activity/Watch History.txt'), browsing(10));
    for (const name of ['Like List', 'Favorite Videos']) {
      sparseFile(join(root, 'TikTok/Likes and Favorites', `${name}.txt`), 520 * 1024 ** 2); // past what one string can hold
    }
    const service: Service = createService({ dbPath: join(dir, 'fp.db') });
    try {
      // the peak (maxRSS, kB) rises past anything earlier in this file if a file is read whole
      const peakBefore = Math.max(process.resourceUsage().maxRSS, process.memoryUsage().rss / 1024);
      const r = await service.importExport({ path: root });
      const grew = (process.resourceUsage().maxRSS - peakBefore) / 1024;
      console.log(`2 × 520 MiB TXT beside an ordinary one: peak rss grew ${Math.max(0, grew).toFixed(0)} MB`);
      expect(r.datasets.watch_history?.records).toBe(10);
      expect(r.warnings.filter((w) => w.code === 'too-large').map((w) => w.path).sort()).toEqual(['Likes and Favorites/Favorite Videos.txt', 'Likes and Favorites/Like List.txt']);
      expect(grew).toBeLessThan(300);
    } finally {
      service.close();
    }
  }, 120_000);

  it('an unknown TXT file too large to keep is said from its size and never read; smaller unknown ones are kept', async () => {
    const dir = tempDir();
    const root = join(dir, 'export');
    writeFile(join(root, 'TikTok/Your Activity/Watch History.txt'), browsing(10));
    writeFile(join(root, 'TikTok/Small Mystery.txt'), 'Something: 1\n');
    sparseFile(join(root, 'TikTok/Big Mystery.txt'), 300 * 1024 ** 2); // 300 MiB of NULs, nothing TikTok sends and more than the import keeps of unknown sections
    const service: Service = createService({ dbPath: join(dir, 'fp.db') });
    try {
      const peakBefore = Math.max(process.resourceUsage().maxRSS, process.memoryUsage().rss / 1024);
      const r = await service.importExport({ path: root });
      const grew = (process.resourceUsage().maxRSS - peakBefore) / 1024;
      expect(r.datasets.watch_history?.records).toBe(10);
      expect(r.warnings).toContainEqual(expect.objectContaining({ path: 'Big Mystery.txt', code: 'too-large', params: { limit: 64 } }));
      expect(r.unknownSections.map((u) => u.path)).toEqual(['Small Mystery.txt']);
      // read whole, 300 MiB would have been a buffer and a string
      expect(grew).toBeLessThan(200);
    } finally {
      service.close();
    }
  }, 120_000);
});
