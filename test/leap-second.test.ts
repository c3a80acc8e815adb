// A leap second ("23:59:60", UTC's extra last second of a day that has one) is the last instant of
// its own day (23:59:59.999), not the next day's midnight: rolled over, it moved the event to the
// next day and gave it the same fingerprint as a record at that midnight (two records became one).
// A ":60" at any other minute is not a time: the raw text is kept, as for 2024-02-30.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { formatTime, parseTime, parseUserDate } from '../src/shared/time';
import { tempDir, writeFile } from './helpers';

describe('parseTime reads a leap second as the last instant of its day', () => {
  it.each([
    ['2016-12-31 23:59:60', Date.UTC(2016, 11, 31, 23, 59, 59, 999)],
    ['2016-12-31 23:59:60 UTC', Date.UTC(2016, 11, 31, 23, 59, 59, 999)],
    ['2015-06-30 23:59:60Z', Date.UTC(2015, 5, 30, 23, 59, 59, 999)],
    ['2016-12-31T23:59:60', Date.UTC(2016, 11, 31, 23, 59, 59, 999)],
  ])('%s', (text, ms) => {
    const at = parseTime(text)!;
    expect(at).toBe(ms);
    // the same day, after its 23:59:59 and before the next day begins
    expect(formatTime(at).slice(0, 10)).toBe(text.slice(0, 10));
    expect(at).toBeGreaterThan(parseTime(`${text.slice(0, 10)} 23:59:59`)!);
    expect(at).toBeLessThan(parseTime(`${text.slice(0, 10)} 23:59:59`)! + 1000);
  });

  it.each([['2016-12-31 12:30:60'], ['2016-12-31 23:58:60'], ['2016-12-31 22:59:60'], ['2016-12-31 23:59:61']])('%s is not a time', (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it('a date the user types with a leap second stays on its day', () => {
    expect(parseUserDate('2016-12-31 23:59:60')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59, 999));
  });
});

describe('a record at a leap second is imported as its own record, on its own day', () => {
  it('beside a record at the next midnight: two records, two days, the export time the latest', async () => {
    const dir = tempDir();
    const root = join(dir, 'export');
    writeFile(
      join(root, 'Tiktok/Activity/Browsing History.txt'),
      'Date: 2016-12-31 23:59:60\nLink: https://www.tiktokv.com/share/video/7428748283171949861/\n\n' +
        'Date: 2017-01-01 00:00:00\nLink: https://www.tiktokv.com/share/video/7428748283171949861/\n',
    );
    const service = createService({ dbPath: join(dir, 'fp.db') });
    try {
      const r = await service.importExport({ path: root });
      expect(r.datasets.watch_history).toMatchObject({ records: 2, duplicates: 0 });
      const at = (service.db.prepare("SELECT at FROM records WHERE dataset = 'watch_history' ORDER BY at").pluck().all() as number[]).map(formatTime);
      expect(at).toEqual(['2016-12-31T23:59:59.999Z', '2017-01-01T00:00:00Z']);
      expect(r.snapshot.exportedAt).toBe('2017-01-01T00:00:00Z');
    } finally {
      service.close();
    }
  });
});
