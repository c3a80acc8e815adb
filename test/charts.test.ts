// The charts operation (service/charts.ts over store/charts.ts and analysis/charts*.ts) against real
// archives of exports with known UTC times: buckets and weekday × hour cells in non-UTC zones and
// across daylight-saving changes, weeks for short spans, logins new to the archive by export order
// (whatever the import order), top values and "other", one export only, the export windows as the
// retention operation sees them, the CLI's --json, and an unknown time zone refused.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { main } from '../src/main/cli/main';
import { zoneClock } from '../src/main/analysis/charts-time';
import { lookupIp } from '../src/main/analysis/iplookup';
import { activitySummary, hoursSummary, loginsSummary, offTikTokSummary } from '../src/shared/chart-words';
import { translator } from '../src/shared/i18n';
import type { ChartSeries } from '../src/shared/contract';
import { tempDir } from './helpers';
import { writeChartsExport, type ChartsExportParts } from './fixtures/charts';
import { minutesAfter } from './fixtures/explore';

const ms = (utc: string) => Date.parse(utc.replace(' ', 'T') + 'Z');

/** Watch times chosen around month ends, a +05:30 zone and both daylight-saving changes (UTC). */
const WATCH = [
  '2024-01-31 23:30:00', // Stockholm Thu 1 Feb 00:30 (a month later than in UTC)
  '2024-02-29 18:40:00', // Kolkata Fri 1 Mar 00:10; Stockholm Thu 19:40
  '2024-03-30 20:30:00', // Stockholm (CET, +1) Sat 21:30
  '2024-03-31 00:30:00', // Stockholm Sun 01:30, still CET
  '2024-03-31 01:30:00', // Stockholm Sun 03:30: summer time (+2) began at 01:00 UTC, 02:xx never happened
  '2024-03-31 20:30:00', // Stockholm Sun 22:30 (CEST)
  '2024-11-03 05:30:00', // New York Sun 01:30 EDT (−4); Stockholm Sun 06:30 (CET again)
  '2024-11-03 06:30:00', // New York Sun 01:30 again, EST (−5); Stockholm Sun 07:30
  ...[0, 10, 20, 30, 40].map((m) => minutesAfter('2024-04-07 18:00:00', m)), // Stockholm Sun 20:xx (CEST)
];

async function archive(parts: [exportedAt: string, ChartsExportParts][]): Promise<{ service: Service; ids: number[]; dbPath: string }> {
  const dir = tempDir();
  const dbPath = join(dir, 'fp.db');
  const service = createService({ dbPath });
  const ids: number[] = [];
  for (const [exportedAt, p] of parts) ids.push((await service.importExport({ path: writeChartsExport(dir, exportedAt, p) })).snapshot.id);
  return { service, ids, dbPath };
}

const byKey = (list: ChartSeries[]) => new Map(list.map((s) => [s.kind === 'value' ? s.key : s.kind, s]));

describe('charts: time zones', () => {
  it('puts each record in the month, weekday and hour of the asked zone, daylight saving included', async () => {
    const { service } = await archive([
      ['2024-12-01', { watch: WATCH, likes: ['2024-02-10 12:00:00', '2024-03-10 12:00:00'], searches: [{ date: '2024-03-02 08:00:00', term: 'x' }] }],
    ]);
    const sthlm = await service.charts({ timeZone: 'Europe/Stockholm' });
    expect(sthlm.activity.unit).toBe('month');
    expect(sthlm.activity.buckets).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11']);
    const watch = sthlm.activity.series.find((s) => s.key === 'watch_history')!;
    expect(watch.counts).toEqual([2, 4, 5, 0, 0, 0, 0, 0, 0, 2]);
    expect(watch.total).toBe(13);
    expect(sthlm.activity.series.find((s) => s.key === 'likes')!.counts.slice(0, 2)).toEqual([1, 1]);
    expect(sthlm.activity.series.find((s) => s.key === 'searches')!.total).toBe(1);
    expect(sthlm.activity.series.map((s) => s.key)).toEqual(['watch_history', 'likes', 'searches', 'comments', 'messages']);

    const cells = (grid: number[][]) => grid.flatMap((hours, day) => hours.flatMap((n, hour) => (n ? [`${day}:${hour}=${n}`] : [])));
    // weekday 0 is Monday: Thu 0 and 19, Sat 21, Sun 1, 3 (not 2), 6, 7, 20 (×5), 22
    expect(cells(sthlm.watchHours.counts)).toEqual(['3:0=1', '3:19=1', '5:21=1', '6:1=1', '6:3=1', '6:6=1', '6:7=1', '6:20=5', '6:22=1']);
    expect(sthlm.watchHours.total).toBe(13);

    const utc = await service.charts({ timeZone: 'UTC' });
    expect(utc.activity.buckets[0]).toBe('2024-01');
    expect(utc.activity.series[0]!.counts.slice(0, 4)).toEqual([1, 1, 4, 5]);
    expect(utc.watchHours.counts[2]![23]).toBe(1); // Wed 23:30

    const kolkata = await service.charts({ timeZone: 'Asia/Kolkata' });
    expect(kolkata.activity.series[0]!.counts.slice(0, 3)).toEqual([1, 4, 6]); // 18:40 UTC on 29 Feb is 1 March there, 20:30 UTC on 31 March is 1 April
    expect(kolkata.watchHours.counts[4]![0]).toBe(1); // Friday 00:10

    const ny = await service.charts({ timeZone: 'America/New_York' });
    expect(ny.watchHours.counts[6]![1]).toBe(2); // 01:30 twice on the night the clocks went back
  });

  it('counts by week (Monday first) when the span is short', async () => {
    const { service } = await archive([['2024-04-01', { watch: ['2024-03-04 10:00:00', '2024-03-10 23:30:00', '2024-03-20 12:00:00'] }]]);
    const local = await service.charts({ timeZone: 'Europe/Stockholm' });
    expect(local.activity.unit).toBe('week');
    expect(local.activity.buckets).toEqual(['2024-03-04', '2024-03-11', '2024-03-18']);
    expect(local.activity.series[0]!.counts).toEqual([1, 1, 1]); // Sunday 23:30 UTC is Monday 00:30 in Stockholm
    expect((await service.charts({ timeZone: 'UTC' })).activity.series[0]!.counts).toEqual([2, 0, 1]);
  });

  it('places quarter hours as Intl does, in any zone, on any day', () => {
    for (const zone of ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']) {
      const clock = zoneClock(zone);
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 900_000 * 97) {
        const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, Number(x.value)]));
        expect(clock(t), `${zone} ${new Date(t).toISOString()}`).toBe(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!));
      }
    }
  });
});

describe('charts: logins', () => {
  const older: ChartsExportParts = {
    logins: [
      { date: '2024-02-01 10:00:00', ip: '8.8.8.8', device: 'iPhone14,4' },
      { date: '2024-02-10 10:00:00', ip: '10.0.0.1', device: 'iPhone14,4' },
    ],
  };
  const newer: ChartsExportParts = {
    logins: [...older.logins!, { date: '2024-05-01 10:00:00', ip: '1.1.1.1', device: 'Pixel 8' }, { date: '2024-05-02 10:00:00', ip: '1.1.1.1', device: 'Pixel 8' }],
  };

  it('marks devices, countries and networks first seen in the latest export, by export date whatever the import order', async () => {
    const { service, ids } = await archive([
      ['2024-06-01', newer],
      ['2024-03-01', older],
    ]);
    const v = await service.charts({ timeZone: 'UTC' });
    expect(v.logins.total).toBe(4);
    const devices = byKey(v.logins.devices);
    expect(devices.get('iPhone14,4')).toMatchObject({ total: 2, isNew: false, firstAt: ms('2024-02-01 10:00:00') });
    expect(devices.get('Pixel 8')).toMatchObject({ total: 2, isNew: true, firstAt: ms('2024-05-01 10:00:00') });
    expect(v.logins.unit).toBe('week'); // three months of logins
    expect(v.logins.buckets[devices.get('Pixel 8')!.firstBucket!]).toBe('2024-04-29'); // Wednesday 1 May's week

    const google = lookupIp('8.8.8.8')!;
    const cloudflare = lookupIp('1.1.1.1')!;
    const countries = byKey(v.logins.countries);
    expect(countries.get('none')!.total).toBe(1); // 10.0.0.1 is private: no country
    expect(countries.get(cloudflare.country)!.isNew).toBe(cloudflare.country !== google.country);
    const networks = byKey(v.logins.networks);
    expect(networks.get(`AS${cloudflare.asn} ${cloudflare.org}`)).toMatchObject({ total: 2, isNew: true });
    expect(networks.get(`AS${google.asn} ${google.org}`)).toMatchObject({ total: 1, isNew: false });

    // the older export alone: its logins only, and nothing is new in the first export holding logins
    const first = await service.charts({ timeZone: 'UTC', snapshotId: ids[1] });
    expect(first.logins.total).toBe(2);
    expect(first.logins.devices).toEqual([expect.objectContaining({ key: 'iPhone14,4', total: 2, isNew: false })]);
    expect(loginsSummary(translator('en'), first.logins)).toContain('nothing new');
  });
});

describe('charts: off-TikTok activity', () => {
  it('names the top eight sources and events, then the rest as "other" and the unnamed as "unknown"', async () => {
    const offTikTok: NonNullable<ChartsExportParts['offTikTok']> = [];
    let minute = 0;
    for (let k = 1; k <= 11; k++) {
      const source = `app-${String(k).padStart(2, '0')}`;
      for (let i = 0; i < k; i++) offTikTok.push({ date: minutesAfter('2024-01-01 00:00:00', (minute += 600)), source, event: k <= 3 ? 'Purchase' : 'ViewContent' });
    }
    offTikTok.push({ date: minutesAfter('2024-01-01 00:00:00', minute + 600), source: '', event: 'ViewContent' });
    const { service } = await archive([['2024-03-01', { offTikTok }]]);
    const v = await service.charts({ timeZone: 'Europe/Stockholm' });
    expect(v.offTikTok.total).toBe(67);
    expect(v.offTikTok.sources.map((s) => [s.kind, s.key, s.total])).toEqual([
      ...[11, 10, 9, 8, 7, 6, 5, 4].map((k) => ['value', `app-${String(k).padStart(2, '0')}`, k]),
      ['none', null, 1],
      ['other', null, 6],
    ]);
    expect(v.offTikTok.sources.at(-1)!.values).toBe(3);
    expect(v.offTikTok.events.map((s) => [s.key, s.total])).toEqual([
      ['ViewContent', 61],
      ['Purchase', 6],
    ]);
    // every series adds up bucket by bucket to the events counted
    for (const list of [v.offTikTok.sources, v.offTikTok.events]) {
      const perBucket = v.offTikTok.buckets.map((_, i) => list.reduce((sum, s) => sum + s.counts[i]!, 0));
      expect(perBucket.reduce((a, b) => a + b, 0)).toBe(67);
    }
    expect(offTikTokSummary(translator('en'), v.offTikTok)).toBe('67 events from 11 sources were shared with TikTok; the most from app-11 (11).');
  });
});

describe('charts: exports and summaries', () => {
  it('counts one export when asked, and gives each dataset’s windows as the retention operation does', async () => {
    const { service, ids } = await archive([
      ['2024-03-01', { watch: ['2024-01-10 10:00:00', '2024-02-10 10:00:00'], comments: [{ date: '2024-02-01 10:00:00', comment: 'hej' }] }],
      ['2024-06-01', { watch: ['2024-02-10 10:00:00', '2024-05-10 10:00:00'], messages: [{ with: 'anna', date: '2024-05-01 10:00:00', from: 'anna', content: 'hej' }] }],
    ]);
    const all = await service.charts({ timeZone: 'UTC' });
    expect(all.snapshotId).toBeNull();
    expect(all.activity.series.find((s) => s.key === 'watch_history')!.total).toBe(3);
    const one = await service.charts({ timeZone: 'UTC', snapshotId: ids[1]! });
    expect(one.activity.series.find((s) => s.key === 'watch_history')!.total).toBe(2);
    expect(one.activity.series.find((s) => s.key === 'comments')!.total).toBe(0);
    expect(one.activity.series.find((s) => s.key === 'messages')!.total).toBe(1);

    expect(all.retention.map((r) => r.dataset)).toEqual(expect.arrayContaining(['watch_history', 'comments', 'messages']));
    for (const r of all.retention) {
      const own = await service.retention({ dataset: r.dataset });
      expect(r.snapshots.map((s) => [s.snapshotId, s.oldest, s.newest, s.records, s.windowDays])).toEqual(own.snapshots.map((s) => [s.snapshotId, s.oldest, s.newest, s.records, s.windowDays]));
    }
    expect(all.retention.find((r) => r.dataset === 'watch_history')!.snapshots.map((s) => [s.oldest, s.newest])).toEqual([
      [ms('2024-01-10 10:00:00'), ms('2024-02-10 10:00:00')],
      [ms('2024-02-10 10:00:00'), ms('2024-05-10 10:00:00')],
    ]);
    await expect(service.charts({ timeZone: 'UTC', snapshotId: 999 })).rejects.toMatchObject({ code: 'NO_SUCH_SNAPSHOT' });
  });

  it('says where most watching happens, in English and Swedish', async () => {
    const { service } = await archive([['2024-12-01', { watch: WATCH }]]);
    const v = await service.charts({ timeZone: 'Europe/Stockholm' });
    expect(hoursSummary(translator('en'), v.watchHours)).toBe('Most watching happens on Sunday evenings; the busiest hour starts at 20:00.');
    expect(hoursSummary(translator('sv'), v.watchHours)).toBe('Du tittar mest på söndagskvällar; den livligaste timmen börjar 20:00.');
    expect(activitySummary(translator('en'), v.activity)).toBe('Most of it is watch history (13 records); the busiest month was April 2024 with 5 records.');
  });

  it('answers an empty archive with empty charts', async () => {
    const { service } = await archive([]);
    const v = await service.charts({ timeZone: 'Europe/Stockholm' });
    expect(v.activity).toEqual({ unit: 'month', buckets: [], series: ['watch_history', 'likes', 'searches', 'comments', 'messages'].map((key) => ({ key, kind: 'value', counts: [], total: 0 })) });
    expect(v.watchHours.total).toBe(0);
    expect([v.logins.total, v.logins.devices.length, v.offTikTok.total, v.retention.length]).toEqual([0, 0, 0, 0]);
    const en = translator('en');
    expect([activitySummary(en, v.activity), hoursSummary(en, v.watchHours), loginsSummary(en, v.logins), offTikTokSummary(en, v.offTikTok)]).toEqual([
      en.t('charts.activity.empty'),
      en.t('charts.hours.empty'),
      en.t('charts.logins.empty'),
      en.t('charts.offTikTok.empty'),
    ]);
  });

  it('refuses a time zone it does not know, and leaves the archive as it was', async () => {
    const { service, dbPath } = await archive([['2024-12-01', { watch: WATCH }]]);
    service.close();
    const before = readFileSync(dbPath);
    const again = createService({ dbPath });
    for (const timeZone of ['Mars/Olympus_Mons', 'Europe/Stockholm; DROP TABLE records', 'local']) {
      await expect(again.charts({ timeZone })).rejects.toMatchObject({ code: 'BAD_TIME_ZONE', params: { zone: timeZone } });
    }
    await expect(again.call('charts', { timeZone: '' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    again.close();
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});

describe('footprint charts', () => {
  async function cli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, { LANG: 'C' });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('--json prints what the service answers; the text form its summaries; a bad zone is refused in words', async () => {
    const { service, dbPath } = await archive([['2024-12-01', { watch: WATCH, logins: [{ date: '2024-02-01 10:00:00', ip: '8.8.8.8', device: 'iPhone14,4' }] }]]);
    const expected = await service.charts({ timeZone: 'Asia/Kolkata' });
    service.close();
    const json = await cli(['charts', '--db', dbPath, '--time-zone', 'Asia/Kolkata', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(expected);
    const text = await cli(['charts', '--db', dbPath, '--time-zone', 'Europe/Stockholm', '--lang', 'sv']);
    expect(text.stdout).toContain('Du tittar mest på söndagskvällar');
    expect(text.stdout).toContain('iPhone14,4: 1');
    const bad = await cli(['charts', '--db', dbPath, '--time-zone', 'Nowhere/Town']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('“Nowhere/Town” is not a time zone');
  });
});
