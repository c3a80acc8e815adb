// TXT exports with every line-ending mix keep every record; generic TXT names from other services
// (Google Takeout's Comments.txt + Settings.txt) are not taken for a TikTok export; invalid dates
// keep their raw text and never decide the export time. Real folders, real SQLite.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { parseTime } from '../src/shared/time';
import { printable } from '../src/main/cli/output';
import { tempDir, writeFile } from './helpers';

type Service = ReturnType<typeof createService>;

const RECORDS = [
  ['2024-11-20 15:21:12', 'https://www.tiktokv.com/share/video/7428748283171949861/'],
  ['2024-11-21 15:21:12', 'https://www.tiktokv.com/share/video/7428748283171949862/'],
  ['2024-11-22 15:21:12', 'https://www.tiktokv.com/share/video/7428748283171949863/'],
  ['2024-11-23 15:21:12', 'https://www.tiktokv.com/share/video/7428748283171949864/'],
  ['2024-11-24 15:21:12', 'https://www.tiktokv.com/share/video/7428748283171949865/'],
];

/** The five records, each line ended by the next break `breaks` gives (cycling). */
function browsing(breaks: string[]): string {
  let i = 0;
  const nl = () => breaks[i++ % breaks.length]!;
  return RECORDS.map(([d, l]) => `Date: ${d}${nl()}Link: ${l}${nl()}${nl()}`).join('');
}

async function importFolder(files: Record<string, string>) {
  const dir = tempDir();
  const root = join(dir, 'export');
  for (const [p, text] of Object.entries(files)) writeFile(join(root, p), text);
  const service: Service = createService({ dbPath: join(dir, 'fp.db') });
  try {
    const r = await service.importExport({ path: root });
    const links = (service.records('watch_history') as Iterable<{ fields: Record<string, unknown> }>);
    return { r, links: [...links].map((x) => Object.values(x.fields).find((v) => typeof v === 'string' && v.startsWith('https://'))) };
  } finally {
    service.close();
  }
}

describe('every line-ending mix keeps every record', () => {
  it.each([
    ['LF', ['\n']],
    ['CRLF', ['\r\n']],
    ['CR (old Mac)', ['\r']],
    ['CR with one stray LF', ['\r', '\r', '\r', '\r', '\r', '\r', '\n', '\r', '\r', '\r', '\r', '\r', '\r', '\r', '\r']],
    ['CRLF and LF', ['\r\n', '\n']],
    ['CRLF, LF and CR', ['\r\n', '\n', '\r']],
    ['CR and CRLF', ['\r', '\r\n']],
  ])('%s', async (_name, breaks) => {
    const { r, links } = await importFolder({ 'Tiktok/Activity/Browsing History.txt': browsing(breaks) });
    expect(r.datasets.watch_history?.records).toBe(RECORDS.length);
    expect(links.sort()).toEqual(RECORDS.map(([, l]) => l).sort());
  });
});

describe('other services’ TXT files are not a TikTok export', () => {
  it('a Google Takeout of Comments.txt + Settings.txt is refused however many generic files match', async () => {
    const dir = tempDir();
    const root = join(dir, 'Takeout', 'Drive');
    writeFile(join(root, 'Comments.txt'), 'Great document, thanks!\nSee the second paragraph.\n');
    writeFile(join(root, 'Settings.txt'), 'Theme = dark\nLanguage = English\n');
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await expect(service.importExport({ path: join(dir, 'Takeout') })).rejects.toMatchObject({ code: 'NO_EXPORT_IN_FOLDER' });
    service.close();
  });

  it('the same generic names written the TikTok way still import', async () => {
    const { r } = await importFolder({
      'Comments.txt': 'Date: 2024-01-01 00:00:01\nComment: first\n\nDate: 2024-01-01 00:00:02\nComment: other\n',
      'Settings.txt': 'Private Account: Disabled\n',
    });
    expect(r.datasets.comments?.records).toBe(2);
  });
});

describe('invalid calendar dates are not dates', () => {
  it.each([
    ['2024-02-30 10:00:00'],
    ['2023-02-29'],
    ['2024-04-31 00:00:00 UTC'],
    ['0099-06-01 00:00:00'],
    ['0001-01-01'],
    ['31-Feb-2000'],
    [8640000000000000],
    ['8640000000000000'],
  ])('%s', (v) => expect(parseTime(v)).toBeNull());

  it.each([
    ['2024-02-29 10:00:00', Date.UTC(2024, 1, 29, 10)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['2024-12-31 23:59:59 UTC', Date.UTC(2024, 11, 31, 23, 59, 59)],
    [1700000000, 1700000000000],
  ])('%s is still read', (v, ms) => expect(parseTime(v)).toBe(ms));

  it('a record with an impossible date keeps its raw text and does not decide the export time', async () => {
    const { r, links } = await importFolder({
      'Tiktok/Activity/Browsing History.txt': `Date: 2024-01-05 10:00:00\nLink: ${RECORDS[0]![1]}\n\nDate: 2099-02-30 10:00:00\nLink: ${RECORDS[1]![1]}\n`,
    });
    expect(r.datasets.watch_history?.records).toBe(2);
    expect(links).toHaveLength(2);
    expect(r.snapshot.exportedAt?.startsWith('2024-01-05')).toBe(true);
  });
});

describe('the human CLI output escapes bidi and line-separator characters', () => {
  it('prints them as visible escapes', () => {
    expect(printable('evil\u202Etxt.exe')).toBe('evil\\u202Etxt.exe');
    expect(printable('a\u2028b\u2029c\u2066d\u2069')).toBe('a\\u2028b\\u2029c\\u2066d\\u2069');
    expect(printable('line\nnext')).toBe('line\nnext');
  });
});
